// The results cache room: open the cache the config names, evaluate through it, close (save) it.
// Off (cache: false, no cache-dir in the CLI, the results evaluator) means today's behaviour:
// every checkpoint evaluated, nothing read or written.
import type { CacheConfig, ShardSpec } from '../config/types.js'
import type { EvaluatorInfo } from '../domain/types.js'
import type { Logger } from '../util/log.js'
import { shownPath } from '../util/paths.js'
import { openActionsCache } from './actions-cache.js'
import { CACHE_FORMAT, evaluatorIdentity, identityHash } from './key.js'
import { openLocalDirCache } from './local-dir.js'
import type { ResultsCache } from './types.js'

export { evaluateWithCache } from './evaluate.js'
export type { ResultsCache } from './types.js'

export interface OpenCacheOptions {
  config: CacheConfig
  evaluator: EvaluatorInfo
  /** Commands run here; files the eval-command names are found here. */
  workspace: string
  /** Names this run's Actions cache key. */
  run: { id?: string; attempt?: string }
  shard?: ShardSpec
  log: Logger
}

export interface OpenCache {
  cache: ResultsCache
  /** identityHash() of the evaluator, for entry keys. */
  identity: string
}

export async function openResultsCache(options: OpenCacheOptions): Promise<OpenCache | undefined> {
  const { config, evaluator, log } = options
  if (config.kind === 'off') return undefined
  if (evaluator.kind === 'results') {
    // Reading results files is as cheap as reading the cache, and those files are the truth.
    log.info('Results cache: not used with evaluator results (its metrics are read from disk anyway).')
    return undefined
  }
  const identity = identityHash(await evaluatorIdentity(evaluator, options.workspace))
  if (config.kind === 'dir') {
    const cache = await openLocalDirCache(config.dir, shownPath(options.workspace, config.dir), log)
    return cache && { cache, identity }
  }
  // Keys: one lineage per evaluator identity (and per shard), a new key per run.
  const prefix = `checkpoint-eval-results-v${CACHE_FORMAT}-${identity.slice(0, 24)}-`
  const lineage = options.shard ? `${prefix}shard-${options.shard.index}-of-${options.shard.count}-` : prefix
  const key = `${lineage}${options.run.id ?? Date.now()}-${options.run.attempt ?? 1}`
  const cache = await openActionsCache({
    dir: config.dir,
    key,
    restoreKeys: lineage === prefix ? [prefix] : [lineage, prefix],
    log
  })
  return cache && { cache, identity }
}
