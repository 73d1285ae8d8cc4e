// What "before" was, as plain numbers for the gate: an earlier run's scores.json, or the scores
// in the model card published on the Hub.

export { loadBaselineFromFile, type LoadBaselineFileOptions } from './file.js'
export { parseBaselineFromModelCard, type ParseModelCardOptions } from './card-scores.js'
export { loadBaselineFromHub, type HubBaselineOptions } from './hub.js'
