// The aggregate job: checks that the shards' partial score files fit together and rebuilds the
// evaluation as one unsharded run would have produced it.
import path from 'node:path'
import { readScoresDocument, type CheckpointRecord, type ScoresDocument } from './document.js'
import type {
  Benchmark,
  Checkpoint,
  CheckpointEvaluation,
  EvaluationRun,
  MetricSpec,
  SkippedCheckpoint
} from '../domain/types.js'

export class AggregateError extends Error {}

/**
 * The settings every shard must share, as one comparable string. The evaluator's settings hold
 * what changes the numbers (the built-in suite's benchmark selection, the command, the results
 * files). The benchmark list itself is not compared: for the command and results evaluators it
 * is whatever the shard's own checkpoints reported (none at all when they all failed).
 */
const settingsOf = (doc: ScoresDocument) =>
  JSON.stringify({ evaluator: doc.evaluator, metric: doc.metric, weights: doc.weights })

export interface AggregatedShards {
  documents: ScoresDocument[]
  evaluation: EvaluationRun
  skipped: SkippedCheckpoint[]
  /** How the shards ranked: the aggregate ranks the same way unless its own inputs say otherwise. */
  metric: MetricSpec
  /** Why the shards ranked by it (from the first shard that evaluated anything). */
  metricReason?: string
  weights: Record<string, number>
}

/**
 * The benchmarks as one run over every checkpoint lists them: first seen in checkpoint order,
 * each checkpoint contributing the ones it has a score for, in its shard's order.
 */
function mergeBenchmarks(
  listing: string[],
  byName: Map<string, { record: CheckpointRecord; doc: ScoresDocument }>
): Benchmark[] {
  const merged: Benchmark[] = []
  const seen = new Set<string>()
  for (const name of listing) {
    const { record, doc } = byName.get(name)!
    if (record.status !== 'ok') continue
    for (const benchmark of doc.benchmarks) {
      const score = record.scores[benchmark.id]
      if (seen.has(benchmark.id) || score === null || score === undefined) continue
      seen.add(benchmark.id)
      merged.push(benchmark)
    }
  }
  // Benchmarks no checkpoint scored (e.g. a built-in one that is null everywhere) keep their place at the end.
  for (const name of listing) {
    for (const benchmark of byName.get(name)!.doc.benchmarks) {
      if (!seen.has(benchmark.id)) {
        seen.add(benchmark.id)
        merged.push(benchmark)
      }
    }
  }
  return merged
}

/**
 * Check the shards (all n present, each once, same settings and the same checkpoint listing,
 * every checkpoint evaluated exactly once) and rebuild one evaluation in discovery order.
 */
export interface AggregateOptions {
  files: string[]
  checkpointDir: string
  /** The checkpoints found in this runner's checkpoint-dir, by name (absent: not there). */
  local?: Map<string, Checkpoint>
}

export async function aggregateShards(options: AggregateOptions): Promise<AggregatedShards> {
  const { files } = options
  if (files.length === 0) {
    throw new AggregateError(
      'aggregate: no shard score files (scores-shard-<i>-of-<n>.json) were found. Check the download step and the aggregate path.'
    )
  }
  const documents = await Promise.all(
    files.map((f) =>
      readScoresDocument(
        f,
        'aggregate',
        'aggregate reads the scores-shard-<i>-of-<n>.json files that shard jobs write.'
      )
    )
  )
  const named = documents.map((doc, i) => ({ doc, file: files[i] }))
  for (const { doc, file } of named) {
    if (!doc.shard)
      throw new AggregateError(
        `aggregate: ${file} is a full run's scores, not a shard's partial file (it has no "shard" entry).`
      )
  }
  const count = named[0].doc.shard!.count
  const seen = new Map<number, string>()
  for (const { doc, file } of named) {
    const s = doc.shard!
    if (s.count !== count) {
      throw new AggregateError(
        `aggregate: shard ${s.index}/${s.count} (${file}) belongs to a ${s.count}-way split, but ${named[0].file} to a ${count}-way split. Use the same n in every shard job.`
      )
    }
    const other = seen.get(s.index)
    if (other)
      throw new AggregateError(
        `aggregate: shard ${s.index}/${count} appears twice (${other} and ${file}). Keep one file per shard (re-runs of a job replace its artifact).`
      )
    seen.set(s.index, file)
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i))
  if (missing.length) {
    throw new AggregateError(
      `aggregate: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (found ${[
        ...seen.keys()
      ]
        .sort((a, b) => a - b)
        .map((i) => `${i}/${count}`)
        .join(
          ', '
        )}). Every shard job must finish and upload its scores before the aggregate job runs (needs: the matrix job).`
    )
  }
  const reference = named.find(({ doc }) => doc.shard!.index === 1)!
  for (const { doc, file } of named) {
    if (settingsOf(doc) !== settingsOf(reference.doc)) {
      throw new AggregateError(
        `aggregate: shard ${doc.shard!.index}/${count} (${file}) was evaluated with other settings (evaluator, benchmarks, weights or metric) than shard 1/${count}. Give every shard job the same inputs.`
      )
    }
    if (JSON.stringify(doc.shard!.listing) !== JSON.stringify(reference.doc.shard!.listing)) {
      throw new AggregateError(
        `aggregate: shard ${doc.shard!.index}/${count} (${file}) saw a different list of checkpoints than shard 1/${count}. All shard jobs must see the same checkpoint-dir (the same training output).`
      )
    }
  }

  const listing = reference.doc.shard!.listing
  const byName = new Map<string, { record: CheckpointRecord; doc: ScoresDocument; shard: number }>()
  for (const { doc } of named) {
    for (const record of doc.checkpoints) {
      const previous = byName.get(record.name)
      if (previous)
        throw new AggregateError(
          `aggregate: checkpoint ${record.name} was evaluated by shard ${previous.shard}/${count} and shard ${doc.shard!.index}/${count}. Each checkpoint must be in exactly one shard.`
        )
      byName.set(record.name, { record, doc, shard: doc.shard!.index })
    }
  }
  const notEvaluated = listing.filter((name) => !byName.has(name))
  if (notEvaluated.length)
    throw new AggregateError(
      `aggregate: ${notEvaluated.length} checkpoints were evaluated by no shard (${notEvaluated.slice(0, 5).join(', ')}).`
    )
  const unknown = [...byName.keys()].filter((name) => !listing.includes(name))
  if (unknown.length)
    throw new AggregateError(`aggregate: checkpoints ${unknown.slice(0, 5).join(', ')} are not in the shards' listing.`)

  const benchmarks = mergeBenchmarks(listing, byName)
  const results: CheckpointEvaluation[] = listing.map((name) => {
    const { record } = byName.get(name)!
    // Every benchmark of the merged list, null where this checkpoint has no score (as one run fills them).
    const scores =
      record.status === 'ok'
        ? Object.fromEntries(benchmarks.map((b) => [b.id, record.scores[b.id] ?? null]))
        : record.scores
    // The winner is published from this runner's checkpoint-dir, and parameters are read from
    // there for the rows this job shows, as a single run would; the shard's record otherwise.
    const checkpoint: Checkpoint = options.local?.get(name) ?? {
      name: record.name,
      path: path.join(options.checkpointDir, record.name),
      step: record.step,
      weightsFormat: record.weightsFormat as Checkpoint['weightsFormat'],
      weightsFiles: [],
      files: [],
      sizeBytes: record.sizeBytes
    }
    return {
      checkpoint,
      status: record.status,
      scores,
      metrics: record.metrics,
      ...(record.error ? { error: record.error } : {}),
      durationMs: record.durationMs,
      ...(record.cached ? { cached: record.cached } : {})
    }
  })
  const failed = results.filter((r) => r.status === 'failed')
  if (results.length > 0 && failed.length === results.length) {
    // What one unsharded run says when nothing could be evaluated.
    const first = failed[0]
    throw new AggregateError(
      `evaluator '${reference.doc.evaluator.kind}': all ${results.length} checkpoint(s) failed in the ${count} shards. ` +
        `First failure, ${first.checkpoint.name} (shard ${byName.get(first.checkpoint.name)!.shard}/${count}): ${first.error}`
    )
  }
  return {
    documents: named.map(({ doc }) => doc),
    evaluation: { evaluator: reference.doc.evaluator, benchmarks, results },
    skipped: reference.doc.skipped.map((s) => ({ ...s, path: path.join(options.checkpointDir, s.name) })),
    metric: reference.doc.metric,
    ...metricReasonOf(named.map(({ doc }) => doc)),
    weights: reference.doc.weights
  }
}

/** The shards' reason for their metric: from a shard that evaluated something (an all-failed one has none). */
function metricReasonOf(docs: ScoresDocument[]): { metricReason?: string } {
  const reason = (docs.find((d) => d.checkpoints.some((c) => c.status === 'ok')) ?? docs[0])?.metricReason
  return reason ? { metricReason: reason } : {}
}
