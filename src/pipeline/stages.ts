// The stages every run mode shares, on plain data: discover, evaluate, rank -> scores document.
import { evaluateWithCache, openResultsCache } from '../cache/index.js'
import type { Config, RankingConfig, ShardSpec } from '../config/types.js'
import { discover, requireCheckpoints } from '../discover/checkpoints.js'
import { describeWeights } from '../discover/weights.js'
import { resolveWeights } from '../domain/benchmarks.js'
import { checkMetricName, rank } from '../domain/rank.js'
import type { Checkpoint, Discovery, EvaluationRun, Ranking, SkippedCheckpoint } from '../domain/types.js'
import { createEvaluator, type AllFailed, type Evaluator } from '../evaluate/index.js'
import { FULL_ROWS } from '../report/summary.js'
import { renderTerminalTable, terminalWinnerLine } from '../report/terminal.js'
import { buildScoresDocument, type ScoresDocument } from '../scores/document.js'
import type { PipelineOptions } from './types.js'
import type { Logger } from '../util/log.js'
import { shownPath } from '../util/paths.js'

/** The evaluator the config names; input mistakes only it can see are thrown here, before anything runs. */
export function evaluatorFor(config: Config): Evaluator {
  const evaluator = createEvaluator(config.evaluation, { cwd: config.workspace, outputDir: config.outputDir })
  if (evaluator.reports) checkMetricName(config.ranking.metric, evaluator.reports)
  return evaluator
}

/** checkpoint-dir -> checkpoints; skipped folders are warned about, none at all is an error. */
export async function discoverCheckpoints(config: Config, log: Logger): Promise<Discovery> {
  const discovery = await discover({
    root: config.checkpointDir,
    shownAs: shownPath(config.workspace, config.checkpointDir)
  })
  for (const s of discovery.skipped) log.warning(`Skipped checkpoint ${s.name}: ${s.reason}`, s.path)
  if (discovery.ignored.length) log.debug(`Not checkpoints (ignored): ${discovery.ignored.join(', ')}`)
  requireCheckpoints(discovery)
  return discovery
}

/**
 * Evaluates the checkpoints, through the results cache when one is configured: hits reuse the
 * stored scores, misses are evaluated and stored, and the cache is saved afterwards.
 */
export async function evaluateCheckpoints(
  {
    config,
    log,
    run,
    onProgress,
    onCheckpoint,
    signal
  }: Pick<PipelineOptions, 'config' | 'log' | 'run' | 'onProgress' | 'onCheckpoint' | 'signal'>,
  evaluator: Evaluator,
  checkpoints: Checkpoint[],
  { allFailed, shard }: { allFailed?: AllFailed; shard?: ShardSpec } = {}
): Promise<{ evaluation: EvaluationRun; cacheUsed: boolean }> {
  const opened = await openResultsCache({
    config: config.cache,
    evaluator: evaluator.info,
    workspace: config.workspace,
    run: { id: run.github?.runId, attempt: run.github?.runAttempt },
    shard,
    log
  })
  if (!opened)
    return {
      evaluation: await evaluator.evaluate(checkpoints, { log, onProgress, onCheckpoint, signal, allFailed }),
      cacheUsed: false
    }
  try {
    const evaluation = await evaluateWithCache(evaluator, checkpoints, {
      ...opened,
      log,
      onProgress,
      onCheckpoint,
      signal,
      allFailed
    })
    return { evaluation, cacheUsed: true }
  } finally {
    await opened.cache.close()
  }
}

export interface RankOutcome {
  ranking: Ranking
  scores: ScoresDocument
}

/** How to rank: the config's metric and weights unless a mode says otherwise (an aggregate follows its shards). */
export interface RankSettings {
  /** `reason`: why the metric ranks, when the caller knows (an aggregate repeats its shards'). */
  ranking: RankingConfig & { reason?: string }
  /** Benchmark id or name -> weight; names are resolved against the run's benchmarks. */
  weights: Record<string, number>
}

/** rank -> the log's score list -> the scores document (with parameter counts for the rows shown in full). */
export async function rankEvaluation(
  { config, run, log }: Pick<PipelineOptions, 'config' | 'run' | 'log'>,
  evaluation: EvaluationRun,
  skipped: SkippedCheckpoint[],
  settings: RankSettings = { ranking: config.ranking, weights: config.evaluation.weights }
): Promise<RankOutcome> {
  const weights = resolveWeights(settings.weights, evaluation.benchmarks)
  const ranking = rank(evaluation, { ...settings.ranking, weights })
  // Parameter counts for the rows the summary shows in full: reading every header of a 10,000-
  // checkpoint run would cost more than discovering it.
  const shown: Checkpoint[] = ranking.entries.slice(0, FULL_ROWS).map((e) => e.evaluation.checkpoint)
  await describeWeights(shown, log)
  const scores = buildScoresDocument({
    run,
    discovery: { skipped },
    evaluation,
    ranking,
    weights,
    workspace: config.workspace
  })
  logRanking(scores, ranking, log)
  return { ranking, scores }
}

/**
 * One line for the summary and the log: which metric ranks, which way, why, and which checkpoints
 * could not be ranked by it (NaN, missing). Kept to one line: the summary quotes it above the table.
 */
export function rankingNote(ranking: Ranking): string {
  const { name, greaterIsBetter } = ranking.metric
  const why = ranking.reason ? `: ${ranking.reason}` : ''
  const unranked = ranking.entries.filter((e) => e.unrankedReason)
  const shown = unranked.slice(0, 5).map((e) => `${e.evaluation.checkpoint.name} (${e.unrankedReason})`)
  if (unranked.length > 5) shown.push(`${unranked.length - 5} more`)
  const notRanked = shown.length ? ` Not ranked: ${shown.join(', ')}.` : ''
  return `Ranked by ${name} (${greaterIsBetter ? 'higher' : 'lower'} is better)${why}.${notRanked}`
}

/** NaN/Infinity in a metric that does not rank: shown once per metric, never fatal. */
function logInvalidValues(ranking: Ranking, log: Logger): void {
  const byMetric = new Map<string, string[]>()
  for (const e of ranking.entries)
    for (const [metric, value] of Object.entries(e.evaluation.invalid ?? {}))
      byMetric.set(metric, [...(byMetric.get(metric) ?? []), `${e.evaluation.checkpoint.name} (${value})`])
  for (const [metric, where] of byMetric) {
    const ranks = ranking.entries.some((e) => e.unrankedReason?.startsWith(`${metric} `))
    const tail = ranks ? 'those checkpoints are not ranked' : 'it does not rank, so this only leaves a gap in the table'
    log.warning(
      `${metric} is not a number in ${where.slice(0, 5).join(', ')}${where.length > 5 ? ', …' : ''}: ${tail}.`
    )
  }
}

/** The step log's (and the terminal's) ranking: the metric and why, one table, folded, and one winner line. */
function logRanking(scores: ScoresDocument, ranking: Ranking, log: Logger): void {
  log.info(rankingNote(ranking))
  logInvalidValues(ranking, log)
  log.startGroup(`Ranking of ${scores.checkpoints.length} checkpoint${scores.checkpoints.length === 1 ? '' : 's'}`)
  for (const line of renderTerminalTable(scores).split('\n')) log.info(line)
  log.endGroup()
  if (scores.winner) log.info(terminalWinnerLine(scores))
  else log.warning(terminalWinnerLine(scores))
}
