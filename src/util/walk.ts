// The one folder walker: every entry below a root, sorted by name so results never depend on the
// file system's listing order, with a depth limit and a say over which folders to enter.
import type { Dirent } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'

export interface WalkEntry {
  /** Absolute path. */
  abs: string
  /** Relative to the root, with `/` separators. */
  rel: string
  /** Depth below the root: 0 for the root's own entries. */
  depth: number
  dirent: Dirent
}

export interface WalkOptions {
  /** Folders deeper than this are not entered (0: the root's own entries only). Default: no limit. */
  maxDepth?: number
  /** Asked before entering a folder; false skips it and everything in it. Default: enter all. */
  enter?: (folder: WalkEntry) => boolean | Promise<boolean>
  /** A folder that can't be read: 'skip' it quietly (default) or 'throw'. */
  unreadable?: 'skip' | 'throw'
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

/**
 * Yields every non-folder entry (files, symlinks, anything else) below `root`, depth first.
 * Symlinks are reported, never followed: callers decide what a link may point at.
 */
export async function* walk(root: string, options: WalkOptions = {}): AsyncGenerator<WalkEntry> {
  const maxDepth = options.maxDepth ?? Infinity
  async function* visit(dir: string, prefix: string, depth: number): AsyncGenerator<WalkEntry> {
    let entries: Dirent[]
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if (options.unreadable === 'throw') throw error
      return
    }
    for (const dirent of entries.sort(byName)) {
      const entry = { abs: path.join(dir, dirent.name), rel: prefix + dirent.name, depth, dirent }
      if (!dirent.isDirectory()) {
        yield entry
      } else if (depth < maxDepth && (!options.enter || (await options.enter(entry)))) {
        yield* visit(entry.abs, `${entry.rel}/`, depth + 1)
      }
    }
  }
  yield* visit(root, '', 0)
}

/** Collects an async generator (walk's results) into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}
