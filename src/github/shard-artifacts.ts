// `aggregate: artifacts`: the aggregate job fetches the shard jobs' artifacts of the current
// workflow run itself (no actions/download-artifact step), one folder per artifact, and the usual
// aggregation (findShardFiles + aggregateShards) then checks and merges what is there.

import { rm } from 'node:fs/promises'
import path from 'node:path'
import { errorMessage } from '../util/errors.js'
import type { Logger } from '../util/log.js'

/** The reserved `aggregate` value; a folder of that name is given as `./artifacts`. */

/** What shards name their artifact when `artifact-name` is not set (see artifactNameFor). */
export const DEFAULT_SHARD_ARTIFACT_BASE = 'checkpoint-eval'

export class ShardArtifactsError extends Error {}

export interface FetchShardArtifactsOptions {
  /** The `artifact-name` input: shards upload `<base>-shard-<i>-of-<n>`. Default checkpoint-eval. */
  base?: string
  /** Each artifact is extracted into `<destination>/<artifact name>/`. */
  destination: string
  log: Logger
  /**
   * Read to decide whether an artifact service is available. Default process.env. The
   * @actions/artifact client itself always reads process.env.
   */
  env?: NodeJS.ProcessEnv
}

export interface ShardArtifact {
  name: string
  id: number
  index: number
  count: number
  digest?: string
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** What a shard job names its artifact: `<base>-shard-<i>-of-<n>`. */
export const shardArtifactName = (base: string, shard: { index: number; count: number }) =>
  `${base}-shard-${shard.index}-of-${shard.count}`

/** The `<base>-shard-<i>-of-<n>` pattern the shard artifacts of `base` match, as people read it. */
export const shardArtifactPattern = (base: string) => `${base}-shard-<i>-of-<n>`

/**
 * The shard artifacts of `base` among a run's artifacts, by n then i (other artifacts, and other
 * bases such as `checkpoint-eval-x-shard-1-of-2` for base `checkpoint-eval`, are left out).
 */
export function selectShardArtifacts<T extends { name: string; id: number; digest?: string }>(
  artifacts: readonly T[],
  base: string = DEFAULT_SHARD_ARTIFACT_BASE
): Array<T & ShardArtifact> {
  const re = new RegExp(`^${escapeRegExp(base)}-shard-(\\d+)-of-(\\d+)$`)
  const selected: Array<T & ShardArtifact> = []
  for (const artifact of artifacts) {
    const match = re.exec(artifact.name)
    if (match) selected.push({ ...artifact, index: Number(match[1]), count: Number(match[2]) })
  }
  return selected.sort((a, b) => a.count - b.count || a.index - b.index || a.id - b.id)
}

/** Null when the @actions/artifact client can list and download here; otherwise why not. */
function unavailable(env: NodeJS.ProcessEnv): string | null {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return 'this is not a GitHub Actions job (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set)'
  }
  return null
}

/**
 * Download the current run's `<base>-shard-<i>-of-<n>` artifacts (the latest of each name) into
 * `<destination>/<name>/` and return `destination`, the folder to aggregate. Throws a
 * ShardArtifactsError with the fix when there is no artifact service or no shard artifact.
 */
export async function fetchShardArtifacts(options: FetchShardArtifactsOptions): Promise<string> {
  const { log, destination } = options
  const base = options.base || DEFAULT_SHARD_ARTIFACT_BASE
  const pattern = shardArtifactPattern(base)
  const why = unavailable(options.env ?? process.env)
  if (why !== null) {
    throw new ShardArtifactsError(
      `aggregate: 'artifacts' downloads the shard artifacts (${pattern}) of the current workflow run, but ${why}. ` +
        'Download the artifacts yourself and pass their folder instead, e.g. aggregate: ./shards.'
    )
  }

  // Loaded on use: the Azure SDK under it costs most of the bundle's start-up time.
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const client = new DefaultArtifactClient()
  let listed: Array<{ name: string; id: number; digest?: string }>
  try {
    listed = (await client.listArtifacts({ latest: true })).artifacts
  } catch (error) {
    throw new ShardArtifactsError(`aggregate: listing this workflow run's artifacts failed: ${errorMessage(error)}`)
  }
  const shards = selectShardArtifacts(listed, base)
  if (shards.length === 0) {
    const others = listed.map((a) => a.name).sort()
    throw new ShardArtifactsError(
      `aggregate: no shard artifacts found in this workflow run: looked for ${pattern} (e.g. ${base}-shard-1-of-4)` +
        (others.length
          ? `; the run has ${others.slice(0, 10).join(', ')}${others.length > 10 ? ', …' : ''}`
          : '; the run has no artifacts') +
        `. The shard jobs must run, and upload, before this one: add needs: <the shard matrix job> to this job, and give both the same artifact-name (default ${DEFAULT_SHARD_ARTIFACT_BASE}).`
    )
  }

  log.startGroup(
    `Downloading ${shards.length} shard artifact${shards.length > 1 ? 's' : ''} (${pattern}) into ${destination}`
  )
  try {
    for (const shard of shards) {
      const folder = path.join(destination, shard.name)
      // A re-run on the same runner must not merge with what an earlier attempt downloaded.
      await rm(folder, { recursive: true, force: true })
      let mismatch: boolean | undefined
      try {
        ;({ digestMismatch: mismatch } = await client.downloadArtifact(shard.id, {
          path: folder,
          ...(shard.digest ? { expectedHash: shard.digest } : {})
        }))
      } catch (error) {
        throw new ShardArtifactsError(
          `aggregate: downloading artifact "${shard.name}" (id ${shard.id}) failed: ${errorMessage(error)}`
        )
      }
      if (mismatch) {
        throw new ShardArtifactsError(
          `aggregate: artifact "${shard.name}" (id ${shard.id}) does not match its digest after download; re-run the job.`
        )
      }
      log.info(`Downloaded artifact ${shard.name} (id ${shard.id}, shard ${shard.index}/${shard.count}) into ${folder}`)
    }
  } finally {
    log.endGroup()
  }
  log.info(`Shard artifacts downloaded: ${shards.map((s) => s.name).join(', ')}`)
  return destination
}
