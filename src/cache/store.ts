// Cached results on disk: one small JSON file per (evaluator, checkpoint) key, in one folder
// (a cache-dir, or the folder the Actions cache restores and saves). An entry holds scores and
// nothing else: benchmark names, numbers, the checkpoint's name and step, when and how long.
// Never a token, a command line or a path. Each entry carries a digest of its result, so a file
// that is truncated, hand-edited or bit-flipped reads as a miss (with a warning), never as a
// wrong score.
import { createHash, randomBytes } from 'node:crypto'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Benchmark } from '../domain/types.js'
import { errorMessage } from '../util/errors.js'
import type { Logger } from '../util/log.js'
import { canonicalJson, CACHE_FORMAT } from './key.js'

export const ENTRY_SCHEMA = 'checkpoint-eval/cached-result'

/** What an evaluation produced for one checkpoint, as it is stored and given back. */
export interface CachedResult {
  /** The benchmarks this checkpoint has scores for, in the evaluator's order. */
  benchmarks: Benchmark[]
  scores: Record<string, number | null>
  metrics: Record<string, number>
  /** How long the evaluation took when it ran: the time a hit saves. */
  durationMs: number
  /** When it ran (ISO 8601). */
  evaluatedAt: string
}

interface EntryFile {
  schema: typeof ENTRY_SCHEMA
  version: typeof CACHE_FORMAT
  key: string
  checkpoint: { name: string; step: number }
  evaluatedAt: string
  durationMs: number
  result: { benchmarks: Benchmark[]; scores: Record<string, number | null>; metrics: Record<string, number> }
  /** sha256 of the canonical JSON of `result`. */
  digest: string
}

const digestOf = (result: EntryFile['result']) => createHash('sha256').update(canonicalJson(result)).digest('hex')

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Why the parsed file is not an entry for `key`, or null when it is one. */
function entryProblem(entry: unknown, key: string): string | null {
  if (!isRecord(entry) || entry.schema !== ENTRY_SCHEMA) return 'not a checkpoint-eval cache entry'
  if (entry.version !== CACHE_FORMAT) return `entry format ${String(entry.version)}, expected ${CACHE_FORMAT}`
  if (entry.key !== key) return 'its key does not match its file name'
  if (!isFiniteNumber(entry.durationMs) || entry.durationMs < 0) return 'no valid durationMs'
  if (typeof entry.evaluatedAt !== 'string') return 'no evaluatedAt'
  const result = entry.result
  if (!isRecord(result) || !Array.isArray(result.benchmarks) || !isRecord(result.scores) || !isRecord(result.metrics))
    return 'no result (benchmarks, scores, metrics)'
  const ids = new Set<string>()
  for (const b of result.benchmarks as unknown[]) {
    if (!isRecord(b) || typeof b.id !== 'string' || typeof b.name !== 'string' || typeof b.group !== 'string')
      return 'a benchmark without id, name and group'
    ids.add(b.id)
  }
  for (const [id, score] of Object.entries(result.scores)) {
    if (!ids.has(id)) return `a score for '${id}', which is not among its benchmarks`
    if (score !== null && !isFiniteNumber(score)) return `score '${id}' is not a number`
  }
  for (const [name, value] of Object.entries(result.metrics)) {
    if (!isFiniteNumber(value)) return `metric '${name}' is not a number`
  }
  if (entry.digest !== digestOf(result as EntryFile['result']))
    return 'its digest does not match its result (changed or damaged)'
  return null
}

/** A folder of entries. Reads never throw (a bad entry is a miss with a warning); failed writes warn. */
export class ResultStore {
  /** Keys read or written by this run: what an Actions cache save keeps. */
  readonly used = new Set<string>()
  /** Keys written by this run. */
  readonly written = new Set<string>()

  constructor(
    readonly dir: string,
    private readonly log: Logger
  ) {}

  fileFor(key: string): string {
    return path.join(this.dir, `${key}.json`)
  }

  /** The stored result, or undefined on a miss; an unreadable or invalid entry is a miss with a warning. */
  async get(key: string, checkpoint: { name: string; path?: string }): Promise<CachedResult | undefined> {
    const file = this.fileFor(key)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      this.warn(checkpoint, file, `can't be read (${errorMessage(error)})`)
      return undefined
    }
    let entry: unknown
    try {
      entry = JSON.parse(text)
    } catch (error) {
      this.warn(checkpoint, file, `is not valid JSON (${errorMessage(error)})`)
      return undefined
    }
    const problem = entryProblem(entry, key)
    if (problem) {
      this.warn(checkpoint, file, `is not usable: ${problem}`)
      return undefined
    }
    const { result, durationMs, evaluatedAt } = entry as EntryFile
    this.used.add(key)
    return { ...result, durationMs, evaluatedAt }
  }

  /** Stores a result; a write that fails is a warning (the run's scores are not affected). */
  async put(key: string, checkpoint: { name: string; step: number }, result: CachedResult): Promise<void> {
    const stored: EntryFile['result'] = {
      benchmarks: result.benchmarks.map(({ id, name, group, higherIsBetter }) =>
        higherIsBetter === undefined ? { id, name, group } : { id, name, group, higherIsBetter }
      ),
      scores: result.scores,
      metrics: result.metrics
    }
    const entry: EntryFile = {
      schema: ENTRY_SCHEMA,
      version: CACHE_FORMAT,
      key,
      checkpoint: { name: checkpoint.name, step: checkpoint.step },
      evaluatedAt: result.evaluatedAt,
      durationMs: Math.round(result.durationMs),
      result: stored,
      digest: digestOf(stored)
    }
    const file = this.fileFor(key)
    // Written whole, then renamed: a run killed mid-write leaves no half entry behind.
    const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`
    try {
      await writeFile(temp, JSON.stringify(entry, null, 2) + '\n')
      await rename(temp, file)
      this.used.add(key)
      this.written.add(key)
    } catch (error) {
      await rm(temp, { force: true })
      this.log.warning(
        `Could not store the result of ${checkpoint.name} in the cache (${file}): ${errorMessage(error)}`
      )
    }
  }

  private warn(checkpoint: { name: string; path?: string }, file: string, what: string): void {
    this.log.warning(
      `Cache entry for ${checkpoint.name} ${what}; evaluating it again (the entry is replaced). Entry: ${file}`,
      checkpoint.path
    )
  }
}
