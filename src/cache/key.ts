// What a cached result is keyed by: everything that determines a score, nothing that doesn't.
//
//   checkpoint fingerprint  sha256 over the name, size and sha256 of every file at the top of the
//                           checkpoint folder (weights, config, tokenizer, generation config...),
//                           training state excepted. Content only: a re-download, a copy to
//                           another runner or a touched mtime gives the same fingerprint; one
//                           changed byte gives another.
//   checkpoint name, step   {name} and {step} reach the command (and the built-in suite scores
//                           by step), so two folders with the same bytes are two results.
//   evaluator identity      kind and settings (the eval-command template, the built-in suite's
//                           benchmarks and version), the content of files the command names
//                           (e.g. eval.py), the cache format and the action's major version.
//
// Ranking settings (metric, weights, greater-is-better) are not in the key: the cache holds raw
// per-benchmark scores and metrics, and ranking is recomputed from them on every run.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Checkpoint, EvaluatorInfo } from '../domain/types.js'
import { BUILTIN_SUITE } from '../evaluate/builtin/suite.js'
import { mapLimit } from '../util/map-limit.js'
import { FileHashes } from './file-hashes.js'
import { TOOL_VERSION } from '../util/version.js'

/** Bumped when the entry format or the key's recipe changes: older entries stop matching. */
export const CACHE_FORMAT = 1

/** Files of a checkpoint folder that training writes for resuming, which no evaluation reads. */
const TRAINING_STATE = [
  /^optimizer.*\.(?:pt|bin)$/,
  /^scheduler\.pt$/,
  /^scaler\.pt$/,
  /^rng_state.*\.pth$/,
  /^trainer_state\.json$/,
  /^training_args\.bin$/
]

// A script named by eval-command is part of the evaluator; bigger files are not scripts.
const MAX_COMMAND_FILE_BYTES = 16 * 1024 * 1024
const PARALLEL_FILES = 4

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex')

/** JSON with object keys sorted, so equal settings always hash alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        )
      : v
  )
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The files a fingerprint covers: the folder's top-level files, sorted, without training state or dotfiles. */
export function fingerprintedFiles(checkpoint: Checkpoint): string[] {
  return checkpoint.files
    .map((f) => f.name)
    .filter((name) => !name.startsWith('.') && !TRAINING_STATE.some((re) => re.test(name)))
    .sort()
}

/**
 * sha256 over (name, size, sha256) of each fingerprinted file: the checkpoint's content, not its
 * path or times. `memo` may supply the sha256 of a file unchanged on disk since it was hashed.
 */
export async function fingerprintCheckpoint(checkpoint: Checkpoint, memo?: FileHashes): Promise<string> {
  const names = fingerprintedFiles(checkpoint)
  const lines = await mapLimit(names, PARALLEL_FILES, undefined, async (name) => {
    const file = await realpath(path.join(checkpoint.path, name))
    const stats = await stat(file, { bigint: true })
    let hash = memo?.get(file, stats)
    if (!hash) {
      hash = await hashFile(file)
      // Changed while being read: use the hash for this run, don't remember it.
      const after = await stat(file, { bigint: true })
      if (FileHashes.identity(after) === FileHashes.identity(stats)) memo?.set(file, stats, hash)
    }
    return `${name}\0${stats.size}\0${hash}\n`
  })
  return sha256(lines.join(''))
}

/** Words of the template that name an existing file (relative to cwd): their content is part of the evaluator. */
async function commandFiles(command: string, cwd: string): Promise<Record<string, string>> {
  const words = new Set(
    command
      .split(/\s+/)
      .map((word) => word.replace(/^['"]|['"]$/g, ''))
      .filter((word) => word && !word.includes('{') && !word.startsWith('-') && !word.includes('='))
  )
  const found: Record<string, string> = {}
  for (const word of words) {
    const file = path.resolve(cwd, word)
    const info = await stat(file).catch(() => null)
    if (info?.isFile() && info.size <= MAX_COMMAND_FILE_BYTES) found[word] = await hashFile(file)
  }
  return found
}

export interface EvaluatorIdentity {
  format: number
  /** The action's major version: a new major may score differently. */
  actionMajor: string
  kind: string
  settings: Record<string, unknown>
  /** builtin: a hash of the suite's definition and the exact action version (its scores come from code). */
  suite?: string
  /** command: sha256 of each file the command names, e.g. { 'eval.py': '…' }. */
  files?: Record<string, string>
}

export async function evaluatorIdentity(info: EvaluatorInfo, cwd: string): Promise<EvaluatorIdentity> {
  const identity: EvaluatorIdentity = {
    format: CACHE_FORMAT,
    actionMajor: TOOL_VERSION.split('.')[0],
    kind: info.kind,
    settings: info.settings
  }
  if (info.kind === 'builtin') identity.suite = `${TOOL_VERSION} ${sha256(canonicalJson(BUILTIN_SUITE))}`
  if (info.kind === 'command' && typeof info.settings.command === 'string') {
    identity.files = await commandFiles(info.settings.command, cwd)
  }
  return identity
}

/** A short stable hash of the identity: the Actions cache key's prefix, and part of every entry key. */
export function identityHash(identity: EvaluatorIdentity): string {
  return sha256(canonicalJson(identity))
}

/** One checkpoint's result under one evaluator: the entry's file name. */
export function entryKey(identity: string, checkpoint: Pick<Checkpoint, 'name' | 'step'>, fingerprint: string): string {
  return sha256(canonicalJson({ identity, name: checkpoint.name, step: checkpoint.step, fingerprint }))
}
