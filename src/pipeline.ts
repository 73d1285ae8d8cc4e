// The stages, in order, on plain data: discover -> evaluate -> rank -> report. The entry
// points (main.ts for the action, cli.ts for the terminal) supply config, logger and run info.
import { discover, requireCheckpoints } from './checkpoints.js'
import type { Config } from './config.js'
import { createEvaluator } from './evaluate/index.js'
import { rank } from './rank.js'
import { formatScore } from './round.js'
import { buildScoresDocument, writeScoresFiles, type RunMetadata, type ScoresDocument, type ScoresFiles } from './report/scores.js'
import type { Discovery, EvaluationRun, Logger, ProgressListener, Ranking } from './types.js'

export interface PipelineOptions {
  config: Config
  log: Logger
  run: RunMetadata
  /** Working folder for evaluation commands. */
  cwd: string
  onProgress?: ProgressListener
}

export interface EvaluationOutcome {
  discovery: Discovery
  evaluation: EvaluationRun
  ranking: Ranking
  scores: ScoresDocument
  files: ScoresFiles
}

function logDiscovery(discovery: Discovery, log: Logger): void {
  for (const s of discovery.skipped) {
    log.warning(`Skipped checkpoint ${s.name}: ${s.reason}`, s.path)
  }
  if (discovery.ignored.length) {
    log.debug(`Not checkpoints (ignored): ${discovery.ignored.join(', ')}`)
  }
}

function logRanking(ranking: Ranking, log: Logger): void {
  log.startGroup(`Scores of ${ranking.entries.length} checkpoints`)
  for (const e of [...ranking.entries].sort((a, b) => a.evaluation.checkpoint.step - b.evaluation.checkpoint.step)) {
    const c = e.evaluation.checkpoint
    const shown = ranking.metric.name === 'eval_accuracy' ? formatScore(e.evalAccuracy) : String(e.value ?? '')
    const status = e.evaluation.status === 'failed' ? `failed: ${e.evaluation.error}` : `${ranking.metric.name}=${shown || 'n/a'}`
    log.info(`${c.name} (step ${c.step}): ${status}${e.rank === 1 ? '  <- best' : ''}`)
  }
  log.endGroup()
  const w = ranking.winner
  if (w) {
    const value = ranking.metric.name === 'eval_accuracy' ? formatScore(w.evalAccuracy) : String(w.value)
    log.info(`Best checkpoint: ${w.evaluation.checkpoint.name} (step ${w.evaluation.checkpoint.step}), ${ranking.metric.name} ${value}`)
  } else {
    log.warning(`No checkpoint could be ranked by ${ranking.metric.name}.`)
  }
}

/** discover -> evaluate -> rank -> scores files. Throws with a fix when nothing can be evaluated. */
export async function evaluateCheckpoints({ config, log, run, cwd, onProgress }: PipelineOptions): Promise<EvaluationOutcome> {
  const discovery = await discover({ root: config.checkpointDir })
  logDiscovery(discovery, log)
  requireCheckpoints(discovery)
  log.info(`Found ${discovery.checkpoints.length} checkpoints in ${config.checkpointDir}` + (discovery.skipped.length ? ` (${discovery.skipped.length} skipped)` : ''))

  const evaluator = createEvaluator(config.evaluation, { cwd, outputDir: config.outputDir })
  const evaluation = await evaluator.evaluate(discovery.checkpoints, { log, onProgress })
  const ranking = rank(evaluation, { ...config.ranking, weights: config.evaluation.weights })
  logRanking(ranking, log)

  const scores = buildScoresDocument({ run, discovery, evaluation, ranking, weights: config.evaluation.weights })
  const files = await writeScoresFiles(scores, config.outputDir)
  return { discovery, evaluation, ranking, scores, files }
}
