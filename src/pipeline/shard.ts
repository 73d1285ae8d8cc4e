// A shard job of a matrix: evaluates its slice of the checkpoints, writes a partial scores file
// and uploads it for the aggregate job. It never gates or publishes: it sees only part of the run.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ShardSpec } from '../config/types.js'
import { renderEvaluationSummary } from '../report/summary.js'
import { cacheSection } from '../report/cache.js'
import { writeScoresFiles } from '../scores/document.js'
import { shardFileBase, shardSlice } from '../scores/shard.js'
import { DEFAULT_SHARD_ARTIFACT_BASE, shardArtifactName } from '../github/shard-artifacts.js'
import { uploadRunArtifact } from './deliver.js'
import { resultsLocation } from './conclude.js'
import { discoverCheckpoints, evaluateCheckpoints, evaluatorFor, rankEvaluation, rankingNote } from './stages.js'
import type { PipelineOptions, PipelineResult } from './types.js'

export async function runShard(options: PipelineOptions, shard: ShardSpec): Promise<PipelineResult> {
  const { config, log } = options
  const part = `shard ${shard.index}/${shard.count}`
  const evaluator = evaluatorFor(config)
  const discovery = await discoverCheckpoints(config, log)
  const listing = discovery.checkpoints.map((c) => c.name)
  const checkpoints = shardSlice(discovery.checkpoints, shard)
  log.info(
    `Shard ${shard.index}/${shard.count}: ${checkpoints.length} of ${listing.length} checkpoints ` +
      `(${checkpoints.map((c) => c.name).join(', ') || 'none'})`
  )
  // Checkpoints that all fail are still reported: the aggregate job decides, as one run would.
  const { evaluation, cacheUsed } = await evaluateCheckpoints(options, evaluator, checkpoints, {
    allFailed: 'return',
    shard
  })
  if (evaluation.results.length > 0 && evaluation.results.every((r) => r.status === 'failed')) {
    log.warning(
      `All ${evaluation.results.length} checkpoints of ${part} failed; the aggregate job fails too ` +
        'unless other shards have checkpoints that could be evaluated.'
    )
  }
  const { ranking, scores } = await rankEvaluation(options, evaluation, discovery.skipped)
  scores.shard = { index: shard.index, count: shard.count, listing }
  const files = await writeScoresFiles(scores, config.outputDir, shardFileBase(shard))

  const artifactName = shardArtifactName(config.report.artifactName ?? DEFAULT_SHARD_ARTIFACT_BASE, shard)
  const evaluationSummary = renderEvaluationSummary({
    scores,
    results: resultsLocation(options, { files }, artifactName),
    title: `Checkpoint evaluation (${part})`,
    note: `Shard ${shard.index} of ${shard.count}: these are this job's checkpoints only. The aggregate job ranks all of them, gates and publishes.`,
    notes: [rankingNote(ranking)]
  })
  const summaryFile = path.join(config.outputDir, `${shardFileBase(shard)}.summary.md`)
  const cache = cacheSection(scores, cacheUsed)
  const summary = cache ? `${evaluationSummary.trimEnd()}\n\n${cache}\n` : evaluationSummary
  await writeFile(summaryFile, summary)
  const artifact = await uploadRunArtifact({
    github: options.github,
    name: artifactName,
    outputDir: config.outputDir,
    files: [files.json, files.csv, summaryFile],
    log
  })
  return {
    discovery,
    evaluation,
    ranking,
    scores,
    files,
    baseline: undefined,
    gate: { status: 'skipped', reasons: ['a shard job does not gate: the aggregate job does'], checks: [] },
    publish: { status: 'skipped', reason: 'a shard job never publishes: the aggregate job does' },
    artifact,
    summary
  }
}
