// Reading a model repo on the Hub: the one file downloader, the tree listing, the commit a
// revision names, and whether a commit already holds the files to publish.

import { listCommits, listFiles } from '@huggingface/hub'
import { messageOf, redact, responseExcerpt, tokenHelp } from './error-messages.js'
import { gitBlobOid, sha256Of } from './local-files.js'
import type { PreparedFile } from './local-files.js'
import { createHubFetch, discardBody } from './transport.js'
import type { RetryOptions } from './transport.js'

/** What every call on one repo needs. */
export interface RepoAccess {
  /** Without a trailing slash (config strips it). */
  hubUrl: string
  accessToken: string
  /** `namespace/name`. */
  repoId: string
  /** The retrying transport (createHubFetch). */
  fetch: typeof fetch
}

export interface DownloadRepoFileOptions {
  /** Without a trailing slash (config strips it). */
  hubUrl: string
  /** `namespace/name`. */
  repoId: string
  path: string
  /** Branch, tag or commit. @default "main" */
  revision?: string
  accessToken?: string
  /** The fetch under the retrying transport (tests, proxies). */
  fetch?: typeof fetch
  /** Retries of the request (tests inject `sleep`). */
  retry?: RetryOptions
}

/** downloadRepoFile's request, given a fetch that already retries (the commit flow's). */
export type ReadRepoFileOptions = Omit<DownloadRepoFileOptions, 'fetch' | 'retry'> & { fetch: typeof fetch }

// The Hub spells this code both ways, depending on the endpoint and its version.
const REPO_NOT_FOUND = /^Repo(sitory)?NotFound$/

/** A text file of a model repo, or null when the repo, revision or file doesn't exist. */
export async function downloadRepoFile(options: DownloadRepoFileOptions): Promise<string | null> {
  const { fetch: baseFetch, retry, ...file } = options
  return readRepoFile({ ...file, fetch: createHubFetch({ fetch: baseFetch, retry }) })
}

/** The request behind downloadRepoFile; `fetch` must already be the retrying transport. */
export async function readRepoFile(options: ReadRepoFileOptions): Promise<string | null> {
  const { hubUrl, accessToken } = options
  const path = options.path.split('/').map(encodeURIComponent).join('/')
  const url = `${hubUrl}/${options.repoId}/resolve/${encodeURIComponent(options.revision ?? 'main')}/${path}`
  let res: Response
  try {
    res = await options.fetch(url, { headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {} })
  } catch (error) {
    throw new Error(
      `Could not download ${options.path} from ${options.repoId} (${url}): ${redact(messageOf(error), accessToken)}`
    )
  }
  const errorCode = res.headers.get('x-error-code')
  // The Hub answers 401 rather than 404 for a repo the caller can't see, so as not to reveal it.
  if (res.status === 404 || (res.status === 401 && REPO_NOT_FOUND.test(errorCode ?? ''))) {
    await discardBody(res)
    return null
  }
  if (!res.ok) {
    throw new Error(
      `Could not download ${options.path} from ${options.repoId} (${url}): HTTP ${res.status}${errorCode ? ` ${errorCode}` : ''} ${await responseExcerpt(res, accessToken)}` +
        (res.status === 401 || res.status === 403 ? `. ${tokenHelp(hubUrl)}` : '')
    )
  }
  return res.text()
}

/** The commit a branch, tag or sha names (its newest), or undefined when there is none. */
export async function latestCommit(
  access: RepoAccess,
  revision: string
): Promise<{ oid: string; title: string } | undefined> {
  const { hubUrl, accessToken, fetch } = access
  const commits = listCommits({
    repo: { type: 'model', name: access.repoId },
    revision,
    batchSize: 1,
    hubUrl,
    accessToken,
    fetch
  })
  return (await commits.next()).value ?? undefined
}

export interface TreeEntry {
  size: number
  oid?: string
  lfs?: { oid: string; size: number }
}

/** Every file of the repo at `revision`, by path (LFS files with their real size). */
export async function listTree(access: RepoAccess, revision: string): Promise<Map<string, TreeEntry>> {
  const { hubUrl, accessToken, fetch } = access
  const tree = new Map<string, TreeEntry>()
  for await (const entry of listFiles({
    repo: { type: 'model', name: access.repoId },
    revision,
    recursive: true,
    hubUrl,
    accessToken,
    fetch
  })) {
    if (entry.type === 'file')
      tree.set(entry.path, { size: entry.lfs?.size ?? entry.size, oid: entry.oid, lfs: entry.lfs })
  }
  return tree
}

/**
 * Whether the tree at `sha` already has every file with the same bytes. Sizes are compared
 * first, so files are hashed only when everything else already matches (a re-run).
 */
export async function holdsFiles(access: RepoAccess, sha: string, files: PreparedFile[]): Promise<boolean> {
  const tree = await listTree(access, sha)
  if (files.some((file) => tree.get(file.path)?.size !== file.size)) return false
  for (const file of files) {
    const entry = tree.get(file.path)!
    const same = entry.lfs ? entry.lfs.oid === (await sha256Of(file)) : entry.oid === (await gitBlobOid(file))
    if (!same) return false
  }
  return true
}
