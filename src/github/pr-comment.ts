// The pull request comment: one per PR, kept up to date across pushes by finding it again with a
// hidden marker. Fork PRs get a read-only token; that is expected, so it is a notice, not a failure.

import { errorMessage } from '../util/errors.js'
import { readFile } from 'node:fs/promises'
import type { getOctokit as GetOctokit } from '@actions/github'
import type { Logger } from '../util/log.js'
import { COMMENT_MARKER, MAX_COMMENT_LENGTH } from '../report/comment-body.js'

export interface UpsertCommentOptions {
  token: string
  owner: string
  repo: string
  issueNumber: number
  body: string
  /** Default COMMENT_MARKER. Use a different one per job to keep one comment per matrix job. */
  marker?: string
  log: Logger
  /** REST API root; default GITHUB_API_URL, else https://api.github.com (GHES: https://host/api/v3). */
  apiUrl?: string
}

export type UpsertCommentResult =
  { action: 'created' | 'updated'; url?: string; id: number } | { action: 'skipped'; reason: string }

/**
 * Updates the comment carrying the marker, or creates it. Every page of comments is searched, so
 * a busy PR still gets one comment, not a new one per push. 403/404 (fork PRs' read-only token,
 * missing `pull-requests: write`) skip with a notice; anything else throws.
 */
export async function upsertPullRequestComment(options: UpsertCommentOptions): Promise<UpsertCommentResult> {
  const { owner, repo, issueNumber, log } = options
  const marker = options.marker ?? COMMENT_MARKER
  const where = `${owner}/${repo}#${issueNumber}`
  if (!options.token) {
    const reason = 'no github-token, so no pull request comment'
    log.notice(`Skipped the pull request comment on ${where}: ${reason}. The job summary has the full report.`)
    return { action: 'skipped', reason }
  }
  const body = options.body.includes(marker) ? options.body : `${marker}\n${options.body}`
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new Error(
      `The pull request comment for ${where} is ${body.length} characters; GitHub accepts at most ${MAX_COMMENT_LENGTH}. ` +
        'Build it with renderPullRequestComment (report/comment-body.ts), which folds long tables to fit.'
    )
  }
  // getOctokit's default baseUrl is read from GITHUB_API_URL once, when @actions/github is
  // imported; passing it explicitly keeps GHES and tests pointed where the caller says. (Its
  // proxy dispatcher is still chosen for GITHUB_API_URL at import: same host on a runner.)
  const baseUrl = (options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '')
  // Loaded on use: only pull-request runs need Octokit.
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(options.token, { baseUrl })

  let step = 'list the comments of'
  try {
    const existing = await findMarkedComment(octokit, { owner, repo, issueNumber, marker })
    if (existing !== null) {
      step = `update comment ${existing} on`
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body })
      log.info(`Updated the pull request comment: ${data.html_url}`)
      return { action: 'updated', url: data.html_url, id: data.id }
    }
    step = 'create a comment on'
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })
    log.info(`Created the pull request comment: ${data.html_url}`)
    return { action: 'created', url: data.html_url, id: data.id }
  } catch (error) {
    const status = (error as { status?: unknown }).status
    const message = errorMessage(error)
    if (status === 403 || status === 404) {
      const reason = `the token can't ${step} ${where} (HTTP ${status}: ${message})`
      log.notice(
        `Skipped the pull request comment: ${reason}. This is expected for pull requests from forks, whose ` +
          'GITHUB_TOKEN is read-only; for pull requests from this repository give the job `permissions: pull-requests: write`. ' +
          'The job summary has the full report.'
      )
      return { action: 'skipped', reason }
    }
    const hint =
      status === 401
        ? 'The github-token input is invalid or expired.'
        : 'Check that GitHub is reachable from the runner (and GITHUB_API_URL / apiUrl on GHES).'
    throw new Error(
      `Could not ${step} pull request ${where} at ${baseUrl}: ${status !== undefined ? `HTTP ${String(status)}: ` : ''}${message}. ${hint}`,
      { cause: error }
    )
  }
}

type Octokit = ReturnType<typeof GetOctokit>

async function findMarkedComment(
  octokit: Octokit,
  where: { owner: string; repo: string; issueNumber: number; marker: string }
): Promise<number | null> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100
  })
  for await (const page of pages) {
    // The marker opens our body; a reply quoting it (`> <!-- ...`) must not be mistaken for it.
    const found = page.data.find((comment) => (comment.body ?? '').trimStart().startsWith(where.marker))
    if (found) return found.id
  }
  return null
}

export interface PullRequestRef {
  owner: string
  repo: string
  number: number
}

/**
 * The PR a workflow run belongs to, from the event payload GitHub writes to GITHUB_EVENT_PATH.
 * Null for events that aren't about a pull request (push, schedule, workflow_dispatch).
 */
export async function pullRequestFromEvent(options: {
  eventName?: string
  eventPath?: string
}): Promise<PullRequestRef | null> {
  const { eventName, eventPath } = options
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return null
  if (!eventPath) {
    throw new Error(
      `GITHUB_EVENT_PATH is not set for a ${eventName} event; GitHub always sets it, so this is not a GitHub Actions run.`
    )
  }
  let payload: {
    pull_request?: { number?: unknown; base?: { repo?: { name?: unknown; owner?: { login?: unknown } } } }
    repository?: { name?: unknown; owner?: { login?: unknown } }
  }
  try {
    payload = JSON.parse(await readFile(eventPath, 'utf8'))
  } catch (error) {
    throw new Error(
      `Could not read the ${eventName} event payload at ${eventPath} (GITHUB_EVENT_PATH): ${errorMessage(error)}`,
      { cause: error }
    )
  }
  // The base repository is where the PR (and so its comments) lives, also for PRs from forks.
  const repository = payload.pull_request?.base?.repo ?? payload.repository
  const number = payload.pull_request?.number
  const owner = repository?.owner?.login
  const repo = repository?.name
  if (typeof number !== 'number' || typeof owner !== 'string' || typeof repo !== 'string') return null
  return { owner, repo, number }
}
