// The aggregate job of a matrix: ranks the shards' partial scores as one run, then gates,
// publishes and reports like a plain run.
import path from 'node:path'
import type { AggregateSource, Config } from '../config/types.js'
import { discover } from '../discover/checkpoints.js'
import type { Checkpoint } from '../domain/types.js'
import { fetchShardArtifacts } from '../github/shard-artifacts.js'
import { aggregateShards, type AggregatedShards } from '../scores/aggregate.js'
import { writeScoresFiles } from '../scores/document.js'
import { findShardFiles } from '../scores/shard.js'
import type { Logger } from '../util/log.js'
import { shownPath } from '../util/paths.js'
import { conclude } from './conclude.js'
import { rankEvaluation, type RankSettings } from './stages.js'
import type { PipelineOptions, PipelineResult } from './types.js'

export async function runAggregate(options: PipelineOptions, source: AggregateSource): Promise<PipelineResult> {
  const { config, log } = options
  const files = await shardFiles(config, source, log)
  const shards = await aggregateShards({
    files,
    checkpointDir: config.checkpointDir,
    local: await localCheckpoints(config, log)
  })
  log.info(
    `Aggregating ${shards.documents.length} shards: ${files.map((f) => shownPath(config.workspace, f)).join(', ')}`
  )
  const settings = rankingSettings(config, shards, log)
  const { evaluation, skipped } = shards
  const { ranking, scores } = await rankEvaluation(options, evaluation, skipped, settings)
  const written = await writeScoresFiles(scores, config.outputDir)
  return conclude(options, {
    discovery: { root: config.checkpointDir, skipped },
    evaluation,
    ranking,
    scores,
    files: written
  })
}

/** `artifacts`: this run's shard artifacts, fetched into <output-dir>/shards first; else files in the workspace. */
async function shardFiles(config: Config, source: AggregateSource, log: Logger): Promise<string[]> {
  if (source.kind === 'files') return findShardFiles(source.pattern, source.given)
  const destination = path.join(config.outputDir, 'shards')
  const folder = await fetchShardArtifacts({ base: config.report.artifactName, destination, log })
  return findShardFiles(folder, shownPath(config.workspace, folder))
}

/** The aggregate job's own copy of the checkpoints, when it has one (it publishes from there). */
async function localCheckpoints(config: Config, log: Logger): Promise<Map<string, Checkpoint> | undefined> {
  try {
    return new Map((await discover({ root: config.checkpointDir })).checkpoints.map((c) => [c.name, c]))
  } catch {
    log.notice(
      `checkpoint-dir '${shownPath(config.workspace, config.checkpointDir)}' is not on this runner: ` +
        "the shards' records are ranked, but nothing can be published from here."
    )
    return undefined
  }
}

/**
 * The aggregate ranks as the shards did: their metric and weights, unless this job's inputs set
 * others (metric other than the default eval_accuracy, weights, greater-is-better), which then
 * re-rank the shards' scores. Without this an aggregate job that does not repeat the shard
 * jobs' inputs would silently rank differently from an unsharded run.
 */
function rankingSettings(config: Config, shards: AggregatedShards, log: Logger): RankSettings {
  const ownMetric = config.ranking.metric !== undefined
  const ownWeights = Object.keys(config.evaluation.weights).length > 0
  const metric = config.ranking.metric ?? shards.metric.name
  const sameMetric = metric === shards.metric.name
  const ranking = {
    metric,
    greaterIsBetter: config.ranking.greaterIsBetter ?? (sameMetric ? shards.metric.greaterIsBetter : undefined),
    ...(ownMetric || !shards.metricReason ? {} : { reason: shards.metricReason })
  }
  if (ownMetric && !sameMetric) {
    log.info(`Ranking by ${metric} (this job's metric input); the shards ranked by ${shards.metric.name}.`)
  }
  if (!ownWeights && Object.keys(shards.weights).length > 0) {
    const listed = Object.entries(shards.weights).map(([b, w]) => `${b}=${w}`)
    log.info(`Using the shards' weights: ${listed.join(', ')}.`)
  }
  return { ranking, weights: ownWeights ? config.evaluation.weights : shards.weights }
}
