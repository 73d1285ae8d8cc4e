// The GitHub Actions cache, through @actions/cache (loaded only when used: the Azure SDK under it
// is heavy). Entries accumulate the usual way: restore the newest cache whose key starts with the
// evaluator's prefix into a folder, evaluate only what is missing, then save the folder under a
// new key for this run. A cache entry can't be overwritten, hence a key per run; GitHub evicts
// old ones (least recently used, 10 GB per repository) and scores are a few KB.
import { readdir, rm, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { errorMessage } from '../util/errors.js'
import type { Logger } from '../util/log.js'
import { ResultStore } from './store.js'
import type { ResultsCache } from './types.js'

export interface ActionsCacheOptions {
  /** The folder restored into and saved from; the same path every run (the cache's version hashes it). */
  dir: string
  /** This run's key: `<prefix><run id>-<attempt>`. */
  key: string
  /** Tried in order when restoring, e.g. the evaluator's prefix. */
  restoreKeys: string[]
  log: Logger
}

/** Restores the newest matching cache into `dir`; undefined (evaluate everything) when the service is absent. */
export async function openActionsCache(options: ActionsCacheOptions): Promise<ResultsCache | undefined> {
  const { dir, key, restoreKeys, log } = options
  const unavailable = () => {
    log.info('The GitHub Actions cache is not available to this job: evaluating every checkpoint.')
    return undefined
  }
  // Without either service URL the library can only say no: don't load its ~3 MB (Azure SDK) to hear it.
  if (!process.env.ACTIONS_CACHE_URL && !process.env.ACTIONS_RESULTS_URL) return unavailable()
  const cache = await import('@actions/cache')
  if (!cache.isFeatureAvailable()) return unavailable()
  // A self-hosted runner may keep RUNNER_TEMP: start from what the cache holds, nothing else.
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  let restoredKey: string | undefined
  try {
    restoredKey = await cache.restoreCache([dir], key, restoreKeys)
  } catch (error) {
    log.warning(`Could not restore the results cache (${errorMessage(error)}): evaluating every checkpoint.`)
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
  }
  log.info(restoredKey ? `Results cache restored from ${restoredKey}` : `No results cache yet for ${restoreKeys[0]}*`)
  const store = new ResultStore(dir, log)
  return {
    store,
    where: 'the GitHub Actions cache',
    async close() {
      if (store.written.size === 0) {
        log.info('Results cache: nothing new to save.')
        return
      }
      try {
        // Keep the entries this run used: checkpoints that left the folder (and entries of an
        // older evaluator) don't travel on forever.
        for (const name of await readdir(dir)) {
          if (!store.used.has(name.replace(/\.json$/, ''))) await rm(path.join(dir, name), { force: true })
        }
        const id = await cache.saveCache([dir], key)
        if (id !== -1) log.info(`Results cache saved as ${key} (${store.used.size} results)`)
        // saveCache reports its own failures as warnings and returns -1.
      } catch (error) {
        log.warning(`Could not save the results cache as ${key}: ${errorMessage(error)}`)
      }
    }
  }
}
