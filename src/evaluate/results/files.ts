// Finding results files: a path or glob below a folder, newest first. The results evaluator
// looks for each pattern in a checkpoint folder; the command evaluator for the newest
// `results_*.json` an evaluation tool wrote under {output}.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import { globParts } from '../../util/glob.js'
import { walk } from '../../util/walk.js'

export interface FindOptions {
  /** Folders below the glob's literal base deeper than this are not entered. */
  maxDepth: number
}

/**
 * Files matching `pattern` (relative to `base` unless absolute), newest first. Only the pattern
 * is scanned for glob syntax: `base` may contain [ ] ( ) itself.
 */
export async function findResultsFiles(base: string, pattern: string, { maxDepth }: FindOptions): Promise<string[]> {
  const { base: literal, glob, isGlob } = globParts(pattern)
  if (!isGlob) {
    const file = path.resolve(base, pattern)
    return (await stat(file).catch(() => null))?.isFile() ? [file] : []
  }
  const matches = picomatch(glob, { dot: true })
  const found: Array<{ file: string; mtimeMs: number }> = []
  for await (const entry of walk(path.resolve(base, literal || '.'), { maxDepth })) {
    if (!entry.dirent.isFile() || !matches(entry.rel)) continue
    const info = await stat(entry.abs).catch(() => null)
    if (info) found.push({ file: entry.abs, mtimeMs: info.mtimeMs })
  }
  return found.sort(compareNewest).map((f) => f.file)
}

/** Newest first: by the timestamp in the name (what lm-eval and lighteval sort by), then by mtime. */
export function compareNewest(a: { file: string; mtimeMs: number }, b: { file: string; mtimeMs: number }): number {
  const stamp = (file: string) => /(\d{4}-\d{2}-\d{2}T[\d.:-]+)/.exec(path.basename(file))?.[1] ?? ''
  const byStamp = stamp(b.file).localeCompare(stamp(a.file))
  return byStamp !== 0 ? byStamp : b.mtimeMs - a.mtimeMs
}
