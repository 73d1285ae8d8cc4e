// A plain run: every checkpoint of checkpoint-dir, evaluated here.
import { writeScoresFiles } from '../scores/document.js'
import { conclude } from './conclude.js'
import { discoverCheckpoints, evaluatorFor, rankEvaluation } from './stages.js'
import type { PipelineOptions, PipelineResult } from './types.js'

export async function runFull(options: PipelineOptions): Promise<PipelineResult> {
  const { config, log } = options
  const evaluator = evaluatorFor(config)
  const discovery = await discoverCheckpoints(config, log)
  const skipped = discovery.skipped.length ? ` (${discovery.skipped.length} skipped)` : ''
  log.info(`Found ${discovery.checkpoints.length} checkpoints in ${discovery.shownAs}${skipped}`)
  const evaluation = await evaluator.evaluate(discovery.checkpoints, {
    log,
    onProgress: options.onProgress,
    signal: options.signal
  })
  const { ranking, scores } = await rankEvaluation(options, evaluation, discovery.skipped)
  const files = await writeScoresFiles(scores, config.outputDir)
  return conclude(options, { discovery, evaluation, ranking, scores, files })
}
