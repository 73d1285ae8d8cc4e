// discover(): the folders of checkpoint-dir -> checkpoints that can be evaluated, and the
// ones that look like checkpoints but can't (with the reason, so the user can fix them).
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs'
import path from 'node:path'
import { parseStep, RECOGNISED_NAMES } from '../domain/checkpoint-names.js'
import { isInside } from '../util/paths.js'
import type { Checkpoint, CheckpointFile, Discovery, SkippedCheckpoint, WeightsFormat } from '../domain/types.js'

export class DiscoveryError extends Error {}

interface WeightsFound {
  format: WeightsFormat
  files: string[]
}

type FileTable = Map<string, CheckpointFile>

/** Which weights the folder holds, or why it has none that can be used. */
function findWeights(dir: string, files: FileTable): WeightsFound | string {
  for (const [name, format] of [
    ['model.safetensors', 'safetensors'],
    ['pytorch_model.bin', 'pytorch']
  ] as const) {
    if (files.has(name)) return { format, files: [name] }
  }
  for (const [index, format] of [
    ['model.safetensors.index.json', 'sharded-safetensors'],
    ['pytorch_model.bin.index.json', 'sharded-pytorch']
  ] as const) {
    if (!files.has(index)) continue
    let shards: string[]
    try {
      const parsed = JSON.parse(readFileSync(path.join(dir, index), 'utf8')) as { weight_map?: Record<string, string> }
      shards = [...new Set(Object.values(parsed.weight_map ?? {}))].sort()
    } catch (error) {
      return `${index} is not valid JSON (${(error as Error).message})`
    }
    if (shards.length === 0) return `${index} has no weight_map entries`
    const missing = shards.filter((shard) => !files.has(shard))
    if (missing.length > 0) {
      const shown = missing.slice(0, 3).join(', ') + (missing.length > 3 ? `, and ${missing.length - 3} more` : '')
      return `missing ${missing.length} of ${shards.length} shards listed in ${index}: ${shown}`
    }
    return { format, files: shards }
  }
  for (const name of ['adapter_model.safetensors', 'adapter_model.bin']) {
    if (files.has(name)) return { format: 'peft-adapter', files: [name] }
  }
  return 'no weights (model.safetensors, pytorch_model.bin, a sharded *.index.json with its shards, or adapter_model.safetensors)'
}

/** realpath, or null when the link is broken. */
function resolved(target: string): string | null {
  try {
    return realpathSync(target)
  } catch {
    return null
  }
}

/**
 * The regular files at the top of a checkpoint folder. A symlink counts only when it resolves
 * to a file inside checkpoint-dir: one leading elsewhere is not followed.
 */
function listFiles(dir: string, realRoot: string): FileTable {
  const table: FileTable = new Map()
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isFile()) {
      table.set(entry.name, { name: entry.name, size: lstatSync(full).size })
    } else if (entry.isSymbolicLink()) {
      const target = resolved(full)
      if (target === null || !isInside(realRoot, target)) continue
      const info = statSync(target)
      if (info.isFile()) table.set(entry.name, { name: entry.name, size: info.size })
    }
  }
  return table
}

/**
 * One candidate folder. Synchronous on purpose: tens of thousands of tiny metadata calls finish
 * several times faster without a trip through libuv's thread pool each, and nothing else runs
 * while checkpoints are being discovered.
 */
function inspect(root: string, realRoot: string, entry: Dirent, step: number): Checkpoint | SkippedCheckpoint {
  const name = entry.name
  const folder = path.join(root, name)
  const skip = (reason: string): SkippedCheckpoint => ({ name, path: folder, step, reason })
  if (entry.isSymbolicLink()) {
    const real = resolved(folder)
    if (real === null) return skip('a broken symlink')
    if (!isInside(realRoot, real)) return skip(`a symlink to ${real}, outside checkpoint-dir: not followed`)
    if (!statSync(real).isDirectory()) return skip('not a folder')
  }

  let files: FileTable
  try {
    files = listFiles(folder, realRoot)
  } catch (error) {
    return skip(`unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  const weights = findWeights(folder, files)
  const isAdapter = typeof weights !== 'string' && weights.format === 'peft-adapter'
  const configName = isAdapter ? 'adapter_config.json' : 'config.json'
  const problems: string[] = []
  if (!files.has(configName) && !files.has('config.json')) problems.push(`missing ${configName}`)
  if (typeof weights === 'string') problems.push(weights)
  if (problems.length > 0 || typeof weights === 'string') return skip(problems.join('; '))

  const sorted = [...files.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return {
    name,
    path: folder,
    step,
    weightsFormat: weights.format,
    weightsFiles: weights.files,
    files: sorted,
    sizeBytes: sorted.reduce((sum, f) => sum + f.size, 0)
  }
}

const byStepThenName = (a: { step: number | null; name: string }, b: { step: number | null; name: string }) =>
  (a.step ?? -1) - (b.step ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

export interface DiscoverOptions {
  /** checkpoint-dir: the folder whose sub-folders are checkpoints. */
  root: string
  /** How messages name checkpoint-dir (default: root). */
  shownAs?: string
}

/** Find every checkpoint in `root`. Throws DiscoveryError when `root` can't be read. */
export async function discover({ root, shownAs = root }: DiscoverOptions): Promise<Discovery> {
  let realRoot: string
  let entries: Dirent[]
  try {
    realRoot = realpathSync(root)
    entries = readdirSync(root, { withFileTypes: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'ENOTDIR'
          ? 'is not a folder'
          : code === 'EACCES'
            ? 'is not readable (permission denied)'
            : `can't be read (${code ?? (error as Error).message})`
    throw new DiscoveryError(
      `checkpoint-dir '${shownAs}' ${why}. Set the checkpoint-dir input to the folder that holds your ` +
        `checkpoint folders (${RECOGNISED_NAMES}), relative to the workspace.`
    )
  }

  const checkpoints: Checkpoint[] = []
  const skipped: SkippedCheckpoint[] = []
  const ignored: string[] = []
  for (const entry of entries) {
    const step = entry.isDirectory() || entry.isSymbolicLink() ? parseStep(entry.name) : null
    if (step === null) {
      ignored.push(entry.name)
      continue
    }
    const found = inspect(root, realRoot, entry, step)
    if ('reason' in found) skipped.push(found)
    else checkpoints.push(found)
  }
  return {
    root,
    shownAs,
    checkpoints: checkpoints.sort(byStepThenName),
    skipped: skipped.sort(byStepThenName),
    ignored: ignored.sort()
  }
}

/** Stop early, with a fix, when discovery found nothing that can be evaluated. */
export function requireCheckpoints(discovery: Discovery): void {
  if (discovery.checkpoints.length > 0) return
  if (discovery.skipped.length === 0) {
    const seen = discovery.ignored.slice(0, 5).join(', ')
    throw new DiscoveryError(
      `checkpoint-dir '${discovery.shownAs}' holds no checkpoint folders` +
        (seen ? ` (found: ${seen}${discovery.ignored.length > 5 ? ', …' : ''})` : ' (it is empty)') +
        `. A checkpoint is a folder whose name ends in its step: ${RECOGNISED_NAMES}. ` +
        'Point checkpoint-dir at the folder that holds them (e.g. your Trainer output_dir).'
    )
  }
  const reasons = discovery.skipped
    .slice(0, 5)
    .map((s) => `${s.name}: ${s.reason}`)
    .join('; ')
  throw new DiscoveryError(
    `none of the ${discovery.skipped.length} checkpoint folders in '${discovery.shownAs}' can be evaluated (${reasons}` +
      `${discovery.skipped.length > 5 ? '; …' : ''}). Each needs config.json and its weights; ` +
      'check that the training run saved them (save_safetensors, save_only_model) and finished writing.'
  )
}
