// Parameter count and dtype of each checkpoint, from its safetensors headers alone (a few KB
// per file, never the tensors), for the summary's Params column.
import { mapLimit } from './util/map-limit.js'
import { summarizeCheckpointWeights } from './discover/weights.js'
import type { Checkpoint } from './domain/types.js'
import type { Logger } from './util/log.js'

/** Fills `parameters` and `dtype` in place; a header that can't be read is only a debug line. */
export async function describeWeights(checkpoints: Checkpoint[], log: Logger, concurrency = 16): Promise<void> {
  await mapLimit(checkpoints, concurrency, undefined, async (checkpoint) => {
    try {
      const summary = await summarizeCheckpointWeights(checkpoint)
      if (summary) {
        checkpoint.parameters = summary.parameterCount
        if (summary.dominantDtype) checkpoint.dtype = summary.dominantDtype
      }
    } catch (error) {
      log.debug(`no parameter count for ${checkpoint.name}: ${(error as Error).message}`)
    }
  })
}
