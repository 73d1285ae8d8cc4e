// Scale out over a job matrix: a shard job evaluates a deterministic slice of the checkpoints and
// writes its partial scores file; the aggregate job finds those files (aggregate.ts merges them).
import { stat } from 'node:fs/promises'
import picomatch from 'picomatch'
import type { ShardSpec } from '../config/types.js'
import { globParts } from '../util/glob.js'
import { collect, walk } from '../util/walk.js'
import { AggregateError } from './aggregate.js'

/**
 * Round-robin over the checkpoints in discovery order (step, then name): every checkpoint in
 * exactly one shard, the same slice on a re-run, counts within one of each other, and each
 * shard gets early and late steps alike (late checkpoints are often slower to evaluate).
 */
export function shardSlice<T>(items: readonly T[], { index, count }: ShardSpec): T[] {
  return items.filter((_, i) => i % count === index - 1)
}

export const shardFileBase = ({ index, count }: ShardSpec) => `scores-shard-${index}-of-${count}`

/** Where a shard job's partial scores go, and how the aggregate job recognises them. */
const SHARD_FILE = /(^|\/)scores-shard-\d+-of-\d+\.json$/

/**
 * The partial score files named by `aggregate`: a file, a folder (its shard files, at any depth)
 * or a glob. `pattern` is absolute; `given` is how the user wrote it, for the message.
 */
export async function findShardFiles(pattern: string, given: string): Promise<string[]> {
  const { base, glob, isGlob } = globParts(pattern)
  if (!isGlob) {
    const info = await stat(pattern).catch(() => null)
    if (!info) {
      throw new AggregateError(
        `aggregate: '${given}' does not exist. Use 'aggregate: artifacts' to fetch the shard artifacts of this run, ` +
          'or download them first (actions/download-artifact with pattern and merge-multiple: true) and point aggregate at that folder.'
      )
    }
    if (info.isFile()) return [pattern]
    const found = await collect(walk(pattern))
    return found
      .filter((f) => f.dirent.isFile() && SHARD_FILE.test(f.rel))
      .map((f) => f.abs)
      .sort()
  }
  const matches = picomatch(glob, { dot: false })
  const found = await collect(walk(base))
  return found
    .filter((f) => f.dirent.isFile() && matches(f.rel))
    .map((f) => f.abs)
    .sort()
}
