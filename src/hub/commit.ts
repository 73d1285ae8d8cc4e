// Publishing the winning checkpoint: one atomic commit of every file, made at most once even
// when the network fails halfway, then checked by reading the repo back.

import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { commitIter, createBranch, createRepo, listCommits, listFiles } from '@huggingface/hub'
import type { CommitOperation, CommitOutput } from '@huggingface/hub'
import type { Logger } from '../util/log.js'
import { messageOf, redact, statusOf, tokenHelp } from './failures.js'
import { parseRepoId } from '../domain/repo-id.js'
import { backoffDelayMs, createHubFetch, networkErrorCode } from './transport.js'
import type { RetryOptions } from './transport.js'

export interface PublishFile {
  /** Posix path inside the repo, e.g. `model.safetensors`, `eval/results.json`. */
  pathInRepo: string
  /** A file on disk (read lazily, never held in memory whole). */
  localPath?: string
  /** Or the content itself. */
  content?: string | Uint8Array
}

export interface PublishProgress {
  path: string
  uploadedBytes: number
  totalBytes: number
}

export interface PublishOptions {
  hubUrl: string
  accessToken: string
  /** `namespace/name`. */
  repoId: string
  /** Visibility when the repo is created; an existing repo keeps its own. */
  private: boolean
  /** Branch to commit to; created from main when missing. @default "main" */
  revision?: string
  /** Open a pull request instead of committing to the branch. */
  createPr: boolean
  commitTitle: string
  commitDescription?: string
  files: PublishFile[]
  /** A tag to put on the new commit (skipped for a pull request). */
  hubTag?: string
  /** Upload progress of LFS files; throttled here (see progressIntervalMs), the last call of each file always made. */
  onProgress?: (progress: PublishProgress) => void
  /** @default 1000 */
  progressIntervalMs?: number
  log: Logger
  /** Retries of each HTTP request, and of the commit as a whole. */
  retry?: RetryOptions
  /** The fetch under the retrying transport (tests, proxies). */
  fetch?: typeof fetch
}

export interface PublishResult {
  repoId: string
  repoUrl: string
  commitSha: string
  commitUrl: string
  prUrl?: string
}

interface PreparedFile {
  path: string
  size: number
  source: PublishFile
  operation: CommitOperation
}

const RETRYABLE_COMMIT_STATUS = new Set([408, 412, 429, 500, 502, 503, 504])

/**
 * Creates the repo (if needed) and the branch (if needed), commits all files at once, tags the
 * commit, and reads the result back. Throws on any step, saying which and how to fix it.
 */
export async function publishToHub(options: PublishOptions): Promise<PublishResult> {
  const { log, accessToken } = options
  const hubUrl = options.hubUrl.replace(/\/+$/, '')
  const repoId = checkRepoId(options.repoId)
  const repo = { type: 'model' as const, name: repoId }
  const branch = options.revision || 'main'
  const hubFetch = createHubFetch({
    retry: options.retry,
    fetch: options.fetch,
    onRetry: (e) =>
      log.info(`Hub request ${e.method} ${e.url} failed (${e.reason}); retry ${e.attempt} of ${e.maxAttempts - 1} in ${formatMs(e.delayMs)}`)
  })
  const common = { hubUrl, accessToken, fetch: hubFetch }
  const files = await prepareFiles(options.files)

  try {
    await step(`create the repo ${repoId}`, hubUrl, accessToken, async () => {
      try {
        await createRepo({ ...common, repo, private: options.private })
        log.info(`Created ${options.private ? 'private' : 'public'} repo ${hubUrl}/${repoId}`)
      } catch (error) {
        if (statusOf(error) !== 409) throw error
        log.info(`Repo ${hubUrl}/${repoId} exists; publishing to it`)
      }
    })

    if (branch !== 'main') {
      await step(`create the branch ${branch} of ${repoId}`, hubUrl, accessToken, async () => {
        try {
          await createBranch({ ...common, repo, branch })
          log.info(`Created branch ${branch} from main`)
        } catch (error) {
          if (statusOf(error) !== 409) throw error
          log.debug(`Branch ${branch} exists`)
        }
      })
    }

    const output = await commitOnce({ ...options, hubUrl, repoId, branch, files, fetch: hubFetch })
    const commitSha = output.commit.oid
    const result: PublishResult = {
      repoId,
      repoUrl: `${hubUrl}/${repoId}`,
      commitSha,
      commitUrl: output.commit.url || `${hubUrl}/${repoId}/commit/${commitSha}`,
      ...(output.pullRequestUrl && { prUrl: output.pullRequestUrl })
    }
    log.info(result.prUrl ? `Opened pull request ${result.prUrl}` : `Committed ${commitSha} to ${branch}: ${result.commitUrl}`)

    if (options.hubTag) {
      if (options.createPr) {
        log.warning(`Not tagging "${options.hubTag}": the commit is in an unmerged pull request (${result.prUrl}). Tag it after merging.`)
      } else {
        await tagCommit({ hubUrl, accessToken, repoId, commitSha, tag: options.hubTag, fetch: hubFetch, log })
      }
    }

    await step(`verify the commit ${commitSha} of ${repoId}`, hubUrl, accessToken, () =>
      verifyCommit({ hubUrl, accessToken, repoId, commitSha, files, fetch: hubFetch })
    )
    log.info(`Verified ${files.length} file(s) on the Hub at ${commitSha}`)
    return result
  } catch (error) {
    throw new Error(redact(messageOf(error), accessToken))
  }
}

/** Runs one Hub step and turns its failure into an error that names the step and the fix. */
async function step<T>(what: string, hubUrl: string, accessToken: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw new Error(`Could not ${what} on ${hubUrl}: ${explain(error, hubUrl, accessToken)}`)
  }
}

function explain(error: unknown, hubUrl: string, accessToken: string): string {
  const message = redact(messageOf(error), accessToken)
  switch (statusOf(error)) {
    case 401:
      return `${message}. The token was rejected (wrong, expired or revoked). ${tokenHelp(hubUrl)}`
    case 403:
      return `${message}. The token can't write there: it is read-only, or the namespace isn't yours or your org's. ${tokenHelp(hubUrl)}`
    case 429:
      return `${message}. The Hub's rate limit was still hit after retrying; wait a few minutes and re-run.`
    default:
      return message
  }
}

function checkRepoId(repoId: string): string {
  const parts = parseRepoId(repoId)
  if (!parts.namespace) {
    throw new Error(`publishToHub needs "namespace/name", got "${repoId}": resolve the namespace (the token's user) first.`)
  }
  return `${parts.namespace}/${parts.name}`
}

async function prepareFiles(files: PublishFile[]): Promise<PreparedFile[]> {
  if (files.length === 0) throw new Error('Nothing to publish: the file list is empty.')
  const seen = new Set<string>()
  const prepared: PreparedFile[] = []
  for (const file of files) {
    const path = file.pathInRepo
    if (!path || path.startsWith('/') || path.includes('\\') || path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
      throw new Error(`Invalid path in repo "${path}": use a relative posix path without "." or ".." segments, e.g. "eval/results.json".`)
    }
    if (seen.has(path)) throw new Error(`"${path}" is listed twice among the files to publish; each path in the repo can be written once per commit.`)
    seen.add(path)
    if ((file.localPath === undefined) === (file.content === undefined)) {
      throw new Error(`"${path}": give either localPath or content, not ${file.localPath === undefined ? 'neither' : 'both'}.`)
    }
    if (file.localPath !== undefined) {
      const info = await stat(file.localPath).catch(() => null)
      // A folder (or a symlink to one) would be uploaded as its files under `path/`, or throw EISDIR.
      if (!info || !info.isFile()) {
        throw new Error(`"${path}": ${file.localPath} is ${info ? 'not a regular file' : 'missing'}; publish files, not folders.`)
      }
      // A file: URL makes the client read the file lazily, in slices, instead of loading it.
      prepared.push({ path, size: info.size, source: file, operation: { operation: 'addOrUpdate', path, content: pathToFileURL(file.localPath) } })
    } else {
      const blob = new Blob([file.content as string | Uint8Array<ArrayBuffer>])
      prepared.push({ path, size: blob.size, source: file, operation: { operation: 'addOrUpdate', path, content: blob } })
    }
  }
  return prepared
}

type CommitContext = Omit<PublishOptions, 'files' | 'fetch'> & {
  repoId: string
  branch: string
  files: PreparedFile[]
  fetch: typeof fetch
}

/**
 * Commits, retrying a failed commit only once the branch shows it did not land: a commit whose
 * answer was lost may have been applied, and sending it again would commit twice.
 */
async function commitOnce(ctx: CommitContext): Promise<CommitOutput> {
  const { hubUrl, accessToken, repoId, branch, log } = ctx
  const maxAttempts = Math.max(1, ctx.retry?.maxAttempts ?? 5)
  const sleep = ctx.retry?.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const where = `${repoId}@${branch}`
  let parent = await step(`read the head of ${where}`, hubUrl, accessToken, async () => (await latestCommit(ctx, ctx.branch))?.oid)
  // A re-run of a publish that succeeded must not add an identical commit (the Hub limits
  // commits per hour, and history should show real changes), as huggingface_hub skips them too.
  if (parent && !ctx.createPr && (await step(`read the files of ${where}`, hubUrl, accessToken, () => holdsFiles(ctx, parent!)))) {
    log.info(`${where} already holds exactly these files at ${parent}: nothing to commit`)
    return { commit: { oid: parent, url: `${hubUrl}/${repoId}/commit/${parent}` }, hookOutput: '' }
  }

  for (let attempt = 1; ; attempt++) {
    let committing = false
    try {
      return await runCommit(ctx, parent, () => (committing = true))
    } catch (error) {
      const status = statusOf(error)
      const retryable = committing && (networkErrorCode(error) !== null || (status !== undefined && RETRYABLE_COMMIT_STATUS.has(status)))
      if (!retryable || attempt >= maxAttempts) {
        throw new Error(`Could not commit to ${where} on ${hubUrl}: ${explain(error, hubUrl, accessToken)}`)
      }
      if (ctx.createPr) {
        // A pull request doesn't move the branch: there is nothing cheap to look at to know whether
        // it was opened, so don't risk opening two.
        throw new Error(
          `Opening a pull request on ${where} failed without a clear answer (${explain(error, hubUrl, accessToken)}). ` +
            `It may have been opened: look at ${hubUrl}/${repoId}/discussions before re-running.`
        )
      }
      const head = await step(`read the head of ${where}`, hubUrl, accessToken, async () => (await latestCommit(ctx, ctx.branch))?.oid)
      if (head !== parent) {
        if (head && (await commitMatches(ctx, head))) {
          log.info(`The commit landed although its answer was lost (${messageOf(error)}); not committing again`)
          return { commit: { oid: head, url: `${hubUrl}/${repoId}/commit/${head}` }, hookOutput: '' }
        }
        throw new Error(
          `${where} moved to ${head} (another commit) while publishing, after a failed commit (${messageOf(error)}). ` +
            'Nothing was committed by this run; re-run it once the other writer is done.'
        )
      }
      const delayMs = backoffDelayMs(attempt, ctx.retry)
      log.info(`The commit to ${where} failed (${messageOf(error)}) and did not land; retry ${attempt} of ${maxAttempts - 1} in ${formatMs(delayMs)}`)
      await sleep(delayMs)
    }
  }
}

async function runCommit(ctx: CommitContext, parentCommit: string | undefined, onCommitting: () => void): Promise<CommitOutput> {
  const throttle = progressThrottle(ctx)
  const iterator = commitIter({
    repo: { type: 'model', name: ctx.repoId },
    hubUrl: ctx.hubUrl,
    accessToken: ctx.accessToken,
    fetch: ctx.fetch,
    branch: ctx.branch,
    isPullRequest: ctx.createPr,
    parentCommit,
    title: ctx.commitTitle,
    description: ctx.commitDescription,
    operations: ctx.files.map((f) => f.operation),
    // The client's xet path needs a CAS server; plain LFS is what the Hub accepts from everyone.
    useXet: false
  })
  let next = await iterator.next()
  while (!next.done) {
    const event = next.value
    if (event.event === 'phase' && event.phase === 'committing') onCommitting()
    if (event.event === 'fileProgress' && event.state === 'uploading') throttle(event.path, event.progress)
    if (event.event === 'fileProgress' && event.state === 'error') {
      throw new Error(`Uploading ${event.path} failed`)
    }
    next = await iterator.next()
  }
  if (!next.value?.commit?.oid) throw new Error('the Hub answered the commit without a commit id')
  for (const file of ctx.files) throttle(file.path, 1)
  return next.value
}

function progressThrottle(ctx: CommitContext): (path: string, progress: number) => void {
  const interval = ctx.progressIntervalMs ?? 1000
  const sizes = new Map(ctx.files.map((f) => [f.path, f.size]))
  const last = new Map<string, number>()
  const done = new Set<string>()
  return (path, progress) => {
    if (!ctx.onProgress || done.has(path)) return
    const now = Date.now()
    if (progress < 1 && now - (last.get(path) ?? -Infinity) < interval) return
    last.set(path, now)
    if (progress >= 1) done.add(path)
    const totalBytes = sizes.get(path) ?? 0
    ctx.onProgress({ path, totalBytes, uploadedBytes: Math.min(totalBytes, Math.round(progress * totalBytes)) })
  }
}


interface RepoAccess {
  hubUrl: string
  accessToken: string
  repoId: string
  fetch: typeof fetch
}

/** The commit a branch, tag or sha names (its newest), or undefined when there is none. */
async function latestCommit(ctx: RepoAccess, revision: string): Promise<{ oid: string; title: string } | undefined> {
  const commits = listCommits({ repo: { type: 'model', name: ctx.repoId }, revision, batchSize: 1, hubUrl: ctx.hubUrl, accessToken: ctx.accessToken, fetch: ctx.fetch })
  return (await commits.next()).value ?? undefined
}

/** Whether `sha` is this run's commit: same title, and every file there with the same bytes. */
async function commitMatches(ctx: CommitContext, sha: string): Promise<boolean> {
  const head = await latestCommit(ctx, sha)
  if (!head || head.title !== ctx.commitTitle) return false
  return holdsFiles(ctx, sha)
}

/**
 * Whether the tree at `sha` already has every file with the same bytes. Sizes are compared
 * first, so files are hashed only when everything else already matches (a re-run).
 */
async function holdsFiles(ctx: CommitContext, sha: string): Promise<boolean> {
  const tree = await listTree(ctx, sha)
  if (ctx.files.some((file) => tree.get(file.path)?.size !== file.size)) return false
  for (const file of ctx.files) {
    const entry = tree.get(file.path)
    if (!entry || entry.size !== file.size) return false
    const same = entry.lfs ? entry.lfs.oid === (await sha256Of(file.source)) : entry.oid === (await gitBlobOid(file.source))
    if (!same) return false
  }
  return true
}

interface TreeEntry {
  size: number
  oid?: string
  lfs?: { oid: string; size: number }
}

async function listTree(ctx: { hubUrl: string; accessToken: string; repoId: string; fetch: typeof fetch }, revision: string): Promise<Map<string, TreeEntry>> {
  const tree = new Map<string, TreeEntry>()
  for await (const entry of listFiles({
    repo: { type: 'model', name: ctx.repoId },
    revision,
    recursive: true,
    hubUrl: ctx.hubUrl,
    accessToken: ctx.accessToken,
    fetch: ctx.fetch
  })) {
    if (entry.type === 'file') tree.set(entry.path, { size: entry.lfs?.size ?? entry.size, oid: entry.oid, lfs: entry.lfs })
  }
  return tree
}

function contentBytes(source: PublishFile): Uint8Array | undefined {
  if (source.content === undefined) return undefined
  return typeof source.content === 'string' ? Buffer.from(source.content, 'utf8') : source.content
}

async function hashFile(algorithm: string, source: PublishFile, prefix?: (size: number) => string): Promise<string> {
  const hash = createHash(algorithm)
  const bytes = contentBytes(source)
  if (bytes) {
    if (prefix) hash.update(prefix(bytes.byteLength))
    hash.update(bytes)
    return hash.digest('hex')
  }
  const path = source.localPath as string
  if (prefix) hash.update(prefix((await stat(path)).size))
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

const sha256Of = (source: PublishFile): Promise<string> => hashFile('sha256', source)
/** Git's id of a blob, which the Hub reports as `oid` of a regular file. */
const gitBlobOid = (source: PublishFile): Promise<string> => hashFile('sha1', source, (size) => `blob ${size}\0`)

async function tagCommit(options: {
  hubUrl: string
  accessToken: string
  repoId: string
  commitSha: string
  tag: string
  fetch: typeof fetch
  log: Logger
}): Promise<void> {
  const { hubUrl, repoId, tag, log } = options
  // The client has no tag function; this is the Hub's endpoint (what huggingface_hub's create_tag calls).
  const url = `${hubUrl}/api/models/${repoId}/tag/${encodeURIComponent(options.commitSha)}`
  let res: Response
  try {
    res = await options.fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${options.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ tag, message: `Tagged by checkpoint-eval-action` })
    })
  } catch (error) {
    throw new Error(`Could not tag ${options.commitSha} as "${tag}" on ${repoId} (${url}): ${redact(messageOf(error), options.accessToken)}`)
  }
  if (res.status === 409) {
    await res.body?.cancel().catch(() => {})
    // A retried tag request whose first answer was lost lands here too: look where the tag points.
    const target = await latestCommit(options, tag).then((c) => c?.oid).catch(() => undefined)
    if (target === options.commitSha) {
      log.info(`Tagged ${options.commitSha} as "${tag}"`)
      return
    }
    log.warning(
      `The tag "${tag}" already exists on ${repoId}${target ? ` (at ${target})` : ''} and was not moved to ${options.commitSha}. ` +
        'Delete it on the Hub, or use another hub-tag, to tag this commit.'
    )
    return
  }
  if (!res.ok) {
    const text = redact((await res.text().catch(() => '')).slice(0, 300), options.accessToken)
    throw new Error(
      `Could not tag ${options.commitSha} as "${tag}" on ${repoId} (${url}): HTTP ${res.status} ${text}. ` +
        (res.status === 401 || res.status === 403 ? tokenHelp(hubUrl) : 'The commit itself was published; tag it by hand or re-run.')
    )
  }
  log.info(`Tagged ${options.commitSha} as "${tag}"`)
}


/** Every file is at the commit with its size, and README.md reads back byte for byte. */
async function verifyCommit(options: {
  hubUrl: string
  accessToken: string
  repoId: string
  commitSha: string
  files: PreparedFile[]
  fetch: typeof fetch
}): Promise<void> {
  const tree = await listTree(options, options.commitSha)
  const problems: string[] = []
  for (const file of options.files) {
    const entry = tree.get(file.path)
    if (!entry) problems.push(`${file.path} is missing`)
    else if (entry.size !== file.size) problems.push(`${file.path} has ${entry.size} bytes, ${file.size} were sent`)
  }
  const readme = options.files.find((f) => f.path === 'README.md')
  if (readme && problems.length === 0) {
    const remote = await downloadRepoFile({ ...options, path: 'README.md', revision: options.commitSha })
    const sent = readme.source.content !== undefined ? Buffer.from(contentBytes(readme.source)!).toString('utf8') : await readFile(readme.source.localPath!, 'utf8')
    if (remote === null) problems.push('README.md could not be downloaded back')
    else if (remote !== sent) problems.push('README.md downloaded back differs from the one sent')
  }
  if (problems.length > 0) {
    throw new Error(`the Hub's copy doesn't match what was sent: ${problems.join('; ')}. Look at ${options.hubUrl}/${options.repoId}/tree/${options.commitSha}`)
  }
}

export interface DownloadRepoFileOptions {
  hubUrl: string
  /** `namespace/name`. */
  repoId: string
  path: string
  /** Branch, tag or commit. @default "main" */
  revision?: string
  accessToken?: string
  fetch?: typeof fetch
}

/** A text file of a model repo, or null when the repo, revision or file doesn't exist. */
export async function downloadRepoFile(options: DownloadRepoFileOptions): Promise<string | null> {
  const hubUrl = options.hubUrl.replace(/\/+$/, '')
  const doFetch = options.fetch ?? createHubFetch()
  const path = options.path.split('/').map(encodeURIComponent).join('/')
  const url = `${hubUrl}/${options.repoId}/resolve/${encodeURIComponent(options.revision ?? 'main')}/${path}`
  let res: Response
  try {
    res = await doFetch(url, { headers: options.accessToken ? { Authorization: `Bearer ${options.accessToken}` } : {} })
  } catch (error) {
    throw new Error(`Could not download ${options.path} from ${options.repoId} (${url}): ${redact(messageOf(error), options.accessToken)}`)
  }
  const errorCode = res.headers.get('x-error-code')
  // The Hub answers 401 rather than 404 for a repo the caller can't see, so as not to reveal it.
  if (res.status === 404 || (res.status === 401 && errorCode === 'RepositoryNotFound')) {
    await res.body?.cancel().catch(() => {})
    return null
  }
  if (!res.ok) {
    const text = redact((await res.text().catch(() => '')).slice(0, 300), options.accessToken)
    throw new Error(
      `Could not download ${options.path} from ${options.repoId} (${url}): HTTP ${res.status}${errorCode ? ` ${errorCode}` : ''} ${text}` +
        (res.status === 401 || res.status === 403 ? `. ${tokenHelp(hubUrl)}` : '')
    )
  }
  return res.text()
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${ms}ms`
}
