// cache-dir: a plain folder that keeps results between runs (the CLI, or a self-hosted runner's
// persistent disk). Entries are only added or replaced, never pruned: delete the folder to start over.
// It also remembers the hashes of the files it fingerprinted (file-hashes.ts), so a re-run on the
// same disk doesn't read every weight file again.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { errorMessage } from '../util/errors.js'
import type { Logger } from '../util/log.js'
import { FileHashes } from './file-hashes.js'
import { ResultStore } from './store.js'
import type { ResultsCache } from './types.js'

/** Beside the entries (whose names are 64 hex digits). */
const FILE_HASHES = 'file-hashes.json'

/** The folder as a cache; a folder that can't be created is a warning and no cache. */
export async function openLocalDirCache(dir: string, shownAs: string, log: Logger): Promise<ResultsCache | undefined> {
  try {
    await mkdir(dir, { recursive: true })
  } catch (error) {
    log.warning(`cache-dir ${shownAs} can't be used (${errorMessage(error)}): evaluating every checkpoint.`)
    return undefined
  }
  const fileHashes = await FileHashes.load(path.join(dir, FILE_HASHES))
  return { store: new ResultStore(dir, log), fileHashes, where: `cache-dir ${shownAs}`, close: () => fileHashes.save() }
}
