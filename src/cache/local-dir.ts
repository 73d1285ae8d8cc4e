// cache-dir: a plain folder that keeps results between runs (the CLI, or a self-hosted runner's
// persistent disk). Entries are only added or replaced, never pruned: delete the folder to start over.
import { mkdir } from 'node:fs/promises'
import { errorMessage } from '../util/errors.js'
import type { Logger } from '../util/log.js'
import { ResultStore } from './store.js'
import type { ResultsCache } from './types.js'

/** The folder as a cache; a folder that can't be created is a warning and no cache. */
export async function openLocalDirCache(dir: string, shownAs: string, log: Logger): Promise<ResultsCache | undefined> {
  try {
    await mkdir(dir, { recursive: true })
  } catch (error) {
    log.warning(`cache-dir ${shownAs} can't be used (${errorMessage(error)}): evaluating every checkpoint.`)
    return undefined
  }
  return { store: new ResultStore(dir, log), where: `cache-dir ${shownAs}`, close: async () => {} }
}
