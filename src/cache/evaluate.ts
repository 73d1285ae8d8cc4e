// Evaluation through the cache: fingerprint each checkpoint, reuse the stored result on a hit,
// evaluate only the misses, store what they produce, and put the run back together in discovery
// order as if every checkpoint had been evaluated. A cached result is the stored numbers as they
// were stored; a failure is never stored (it may be transient).
import type { Benchmark, Checkpoint, CheckpointEvaluation, EvaluationRun } from '../domain/types.js'
import type { EvaluateOptions, Evaluator } from '../evaluate/index.js'
import { errorMessage } from '../util/errors.js'
import { formatDuration } from '../util/duration.js'
import type { Logger } from '../util/log.js'
import { mapLimit } from '../util/map-limit.js'
import { entryKey, fingerprintCheckpoint } from './key.js'
import type { CachedResult } from './store.js'
import type { ResultsCache } from './types.js'

// Hashing reads whole weight files: a few at once keeps the disk busy without thrashing it.
const PARALLEL_FINGERPRINTS = 2

interface Lookup {
  checkpoint: Checkpoint
  /** Undefined when the checkpoint could not be fingerprinted: evaluated, not stored. */
  key?: string
  hit?: CachedResult
  lookupMs: number
}

export interface CachedEvaluationOptions extends EvaluateOptions {
  cache: ResultsCache
  /** identityHash() of the evaluator. */
  identity: string
}

export async function evaluateWithCache(
  evaluator: Evaluator,
  checkpoints: Checkpoint[],
  options: CachedEvaluationOptions
): Promise<EvaluationRun> {
  const { cache, identity, log } = options
  const lookups = await mapLimit(checkpoints, PARALLEL_FINGERPRINTS, options.signal, async (checkpoint) => {
    const started = Date.now()
    let key: string | undefined
    try {
      key = entryKey(identity, checkpoint, await fingerprintCheckpoint(checkpoint, cache.fileHashes))
    } catch (error) {
      log.warning(`${checkpoint.name}: could not fingerprint its files for the cache (${errorMessage(error)})`)
    }
    const hit = key ? await cache.store.get(key, checkpoint) : undefined
    return { checkpoint, key, hit, lookupMs: Date.now() - started } satisfies Lookup
  })
  const misses = lookups.filter((l) => !l.hit)
  for (const { checkpoint, hit } of lookups) {
    if (hit)
      options.onCheckpoint?.({
        name: checkpoint.name,
        state: 'ok',
        scores: { ...hit.scores, ...hit.metrics },
        cached: true
      })
  }
  const hits = lookups.length - misses.length
  log.info(
    `Results cache (${cache.where}): ${hits} of ${lookups.length} checkpoint(s) cached, ${misses.length} to evaluate`
  )

  let fresh: EvaluationRun | undefined
  if (misses.length > 0) {
    fresh = await evaluator.evaluate(
      misses.map((l) => l.checkpoint),
      // With cached results to show, failing misses are reported like any failed checkpoint.
      { ...options, allFailed: hits > 0 ? 'return' : options.allFailed }
    )
    const evaluatedAt = new Date().toISOString()
    for (const [i, result] of fresh.results.entries()) {
      const key = misses[i].key
      if (result.status !== 'ok' || !key) continue
      await cache.store.put(key, result.checkpoint, { ...ownResult(result, fresh.benchmarks), evaluatedAt })
    }
  }
  const run = assemble(evaluator, lookups, fresh)
  logCacheUse(run.results, log)
  return run
}

/** The benchmarks and scores a checkpoint has (not the nulls for other checkpoints' benchmarks). */
function ownResult(result: CheckpointEvaluation, benchmarks: Benchmark[]): Omit<CachedResult, 'evaluatedAt'> {
  const own = benchmarks.filter((b) => result.scores[b.id] !== null && result.scores[b.id] !== undefined)
  return {
    benchmarks: own,
    scores: Object.fromEntries(own.map((b) => [b.id, result.scores[b.id]])),
    metrics: result.metrics,
    durationMs: result.durationMs
  }
}

/**
 * Cached and fresh results -> one run in discovery order. Benchmarks are the union in first-seen
 * order (a fresh result brings the evaluator's whole list), as the evaluator builds them, so a
 * fully cached run lists them as the run that filled the cache did.
 */
function assemble(evaluator: Evaluator, lookups: Lookup[], fresh: EvaluationRun | undefined): EvaluationRun {
  const freshByName = new Map((fresh?.results ?? []).map((r) => [r.checkpoint.name, r]))
  const benchmarks: Benchmark[] = []
  const seen = new Set<string>()
  for (const lookup of lookups) {
    const list =
      lookup.hit?.benchmarks ?? (freshByName.get(lookup.checkpoint.name)?.status === 'ok' ? fresh!.benchmarks : [])
    for (const b of list) {
      if (seen.has(b.id)) continue
      seen.add(b.id)
      benchmarks.push(b)
    }
  }
  const scoresOver = (scores: Record<string, number | null>) =>
    Object.fromEntries(benchmarks.map((b) => [b.id, scores[b.id] ?? null]))
  const results = lookups.map(({ checkpoint, hit, lookupMs }): CheckpointEvaluation => {
    if (hit) {
      return {
        checkpoint,
        status: 'ok',
        scores: scoresOver(hit.scores),
        metrics: hit.metrics,
        durationMs: lookupMs,
        cached: { evaluatedAt: hit.evaluatedAt, savedMs: hit.durationMs }
      }
    }
    const result = freshByName.get(checkpoint.name)!
    return result.status === 'ok' ? { ...result, scores: scoresOver(result.scores) } : result
  })
  return { evaluator: fresh?.evaluator ?? evaluator.info, benchmarks, results }
}

function logCacheUse(results: CheckpointEvaluation[], log: Logger): void {
  let saved = 0
  for (const r of results) {
    if (r.cached) {
      saved += r.cached.savedMs
      log.info(
        `${r.checkpoint.name}: cached (evaluated ${r.cached.evaluatedAt}, saves ${formatDuration(r.cached.savedMs)})`
      )
    } else {
      log.info(`${r.checkpoint.name}: evaluated (${formatDuration(r.durationMs)})`)
    }
  }
  const cached = results.filter((r) => r.cached).length
  if (cached > 0)
    log.info(`Results cache: ${cached} cached, ${results.length - cached} evaluated; saved ${formatDuration(saved)}`)
}
