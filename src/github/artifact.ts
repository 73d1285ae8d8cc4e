// Uploads scores.json (and friends) as a workflow artifact, so a later run can use it as its
// `baseline` and people can download the raw numbers. Outside GitHub Actions there is no artifact
// service, which is normal for the CLI: skipped with a note.

import { errorMessage } from '../util/errors.js'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Logger } from '../util/log.js'

export interface UploadArtifactOptions {
  /** Unique within the workflow run (see defaultArtifactName). */
  name: string
  /** Paths of files to upload, absolute or relative to rootDirectory; must be inside it. */
  files: string[]
  /** Paths in the zip are relative to this folder. */
  rootDirectory: string
  /** Capped by the repository's setting; default is the repository's setting. */
  retentionDays?: number
  log: Logger
  /**
   * Read to decide whether an artifact service is available and to build the artifact's URL.
   * Default process.env. The @actions/artifact client itself always reads process.env.
   */
  env?: NodeJS.ProcessEnv
}

export type UploadArtifactResult =
  { status: 'uploaded'; id: number; url?: string; size: number; name: string } | { status: 'skipped'; reason: string }

export async function uploadScoresArtifact(options: UploadArtifactOptions): Promise<UploadArtifactResult> {
  const env = options.env ?? process.env
  const { log, name } = options
  const unavailable = artifactServiceUnavailable(env)
  if (unavailable !== null) {
    log.notice(`Artifact upload skipped: ${unavailable}. The files stay in ${options.rootDirectory}.`)
    return { status: 'skipped', reason: unavailable }
  }
  const rootDirectory = resolve(options.rootDirectory)
  const files = options.files.map((file) => resolve(rootDirectory, file))
  const missing = files.filter((file) => !existsSync(file))
  if (files.length === 0 || missing.length > 0) {
    throw new Error(
      `Artifact "${name}": ${files.length === 0 ? 'no files to upload' : `missing ${missing.join(', ')}`}. ` +
        'The files are written by the report step; it must run (and succeed) before the upload.'
    )
  }

  let uploaded: { id?: number; size?: number }
  try {
    // Loaded on use: the Azure SDK under it costs most of the bundle's start-up time.
    const { DefaultArtifactClient } = await import('@actions/artifact')
    uploaded = await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, {
      retentionDays: options.retentionDays
    })
  } catch (error) {
    throw new Error(`Uploading artifact "${name}" failed: ${errorMessage(error)}.${conflictHint(error)}`, {
      cause: error
    })
  }
  if (uploaded.id === undefined) {
    throw new Error(
      `Uploading artifact "${name}": the artifact service finished without an artifact id; re-run the job.`
    )
  }
  const url = artifactUrl(env, uploaded.id)
  log.info(`Uploaded artifact "${name}" (id ${uploaded.id}, ${uploaded.size ?? 0} bytes)${url ? `: ${url}` : ''}`)
  return { status: 'uploaded', id: uploaded.id, size: uploaded.size ?? 0, name, ...(url ? { url } : {}) }
}

/** Null when the @actions/artifact client can work here; otherwise why not. */
function artifactServiceUnavailable(env: NodeJS.ProcessEnv): string | null {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return 'not running in GitHub Actions (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set)'
  }
  // @actions/artifact v2+ refuses GitHub Enterprise Server (same host test as its isGhes()).
  const host = hostnameOf(env.GITHUB_SERVER_URL ?? 'https://github.com')
  if (host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')) {
    return `artifacts v4 are not available on GitHub Enterprise Server (${host}); use actions/upload-artifact@v3-node20 on the scores file instead`
  }
  return null
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.trim().toLowerCase()
  } catch {
    return url.toLowerCase()
  }
}

/** Where a person downloads it: the run page's artifact link. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number): string | undefined {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined
  return `${server.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`
}

function conflictHint(error: unknown): string {
  return /already exists|\(409\)/i.test(errorMessage(error))
    ? ' Artifact names must be unique within a workflow run: in a matrix, give every job its own `artifact-name` (e.g. `scores-${{ matrix.shard }}`) or leave it unset for a per-job default.'
    : ''
}

export interface ArtifactNameOptions {
  /** e.g. the matrix shard index; makes the name readable and stable across re-runs. */
  jobIndex?: string | number
}

/**
 * `checkpoint-eval-<job>-<suffix>`, unique per job of a run. GITHUB_JOB is the job's key in the
 * workflow, identical for every job of a matrix, and the matrix values aren't in the environment.
 * The suffix is, in order: the `jobIndex` hint; a hash of the job's backend id, which the runner
 * puts in ACTIONS_RUNTIME_TOKEN's `scp` claim (`Actions.Results:<runId>:<jobId>`) and which
 * differs per matrix job; random hex as a last resort (unique, but not stable across re-runs).
 */
export function defaultArtifactName(env: NodeJS.ProcessEnv = process.env, options: ArtifactNameOptions = {}): string {
  const job = sanitize(env.GITHUB_JOB || 'job')
  if (options.jobIndex !== undefined && String(options.jobIndex).trim() !== '') {
    return `checkpoint-eval-${job}-${sanitize(String(options.jobIndex))}`
  }
  const jobId = jobBackendIdFromToken(env.ACTIONS_RUNTIME_TOKEN)
  const suffix = jobId ? createHash('sha256').update(jobId).digest('hex').slice(0, 8) : randomBytes(4).toString('hex')
  return `checkpoint-eval-${job}-${suffix}`
}

/** The job id in the runtime token's `Actions.Results:<runId>:<jobId>` scope; null if absent. */
export function jobBackendIdFromToken(token: string | undefined): string | null {
  const payload = token?.split('.')[1]
  if (!payload) return null
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: unknown }
    if (typeof claims.scp !== 'string') return null
    for (const scope of claims.scp.split(' ')) {
      const parts = scope.split(':')
      if (parts[0] === 'Actions.Results' && parts.length === 3 && parts[2]) return parts[2]
    }
  } catch {
    // Not a JWT we understand: fall back to another suffix rather than fail a report step.
  }
  return null
}

/** Artifact names can't contain " : < > | * ? \ / or line breaks. */
function sanitize(text: string): string {
  return text.replace(/["':<>|*?\\/\r\n\s]+/g, '-').replace(/^-+|-+$/g, '') || 'job'
}
