// The pull request comment: one per PR, kept up to date across pushes by finding it again with a
// hidden marker. Fork PRs get a read-only token; that is expected, so it is a notice, not a failure.

import { errorMessage } from '../util/errors.js'
import { readFile } from 'node:fs/promises'
import type { getOctokit as GetOctokit } from '@actions/github'
import type { GateResult } from '../domain/gate.js'
import type { MetricSpec } from '../domain/types.js'
import type { Logger } from '../util/log.js'
import { EVAL_ACCURACY, formatMetricValue, isEvalAccuracy } from '../domain/metric.js'

/** Invisible in the rendered comment; how a later run finds the comment to update. */
export const COMMENT_MARKER = '<!-- checkpoint-eval:comment -->'

/**
 * GitHub rejects comment bodies over 65,536 characters. JS counts UTF-16 units, which is at least
 * what GitHub counts, and the margin covers the notes added when folding.
 */
export const MAX_COMMENT_LENGTH = 65_536
const COMMENT_BUDGET = 65_000

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
  | { action: 'created' | 'updated'; url?: string; id: number }
  | { action: 'skipped'; reason: string }

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
        'Build it with renderPullRequestComment, which folds long tables to fit.'
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
    throw new Error(`Could not ${step} pull request ${where} at ${baseUrl}: ${status !== undefined ? `HTTP ${String(status)}: ` : ''}${message}. ${hint}`)
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

export interface RenderCommentOptions {
  metric: MetricSpec
  winner: { name: string; step?: number; evalAccuracy: number | null; value: number | null } | null
  gate: GateResult
  /** From renderComparisonMarkdown; omitted when there is no baseline. */
  comparisonMarkdown?: string
  /** Says what the baseline was when there is none to compare with (e.g. "no baseline yet"). */
  baselineNote?: string
  /** The run's page; the summary there has everything a folded comment leaves out. */
  runUrl?: string
  /** Every checkpoint's scores; folded into <details>. */
  fullTableMarkdown?: string
  marker?: string
  /** Default 65,000: below GitHub's 65,536 with room to spare. */
  maxLength?: number
}

/**
 * The comment body: verdict, winner, changes since the baseline, the gate's checks, and the full
 * table folded away. Always fits `maxLength`: the full table, then the comparison, lose rows first,
 * with a note pointing at the run summary.
 */
export function renderPullRequestComment(options: RenderCommentOptions): string {
  const marker = options.marker ?? COMMENT_MARKER
  const budget = Math.min(options.maxLength ?? COMMENT_BUDGET, MAX_COMMENT_LENGTH)
  const summaryLink = options.runUrl ? `[the run summary](${options.runUrl})` : 'the run summary'

  const head = [marker, `### ${gateHeadline(options.gate)}`, '', winnerLine(options), ''].join('\n')
  const gate = ['', gateSection(options.gate), ''].join('\n')
  const footer = options.runUrl ? `\n[Full report in the run summary](${options.runUrl})\n` : ''

  const omitted = `\n_The table of all checkpoints is too long for a comment: see ${summaryLink}._\n`
  // Keep room for at least the pointer to the full table, so a huge comparison can't hide it.
  let remaining = budget - head.length - gate.length - footer.length
  const reserved = options.fullTableMarkdown ? omitted.length : 0
  let comparison = ''
  if (options.comparisonMarkdown) {
    const title = '**Compared with the baseline**\n\n'
    const room = Math.max(0, remaining - reserved - title.length - 1)
    comparison = `${title}${fitLines(options.comparisonMarkdown, room, summaryLink)}\n`
  } else if (options.baselineNote) {
    comparison = `${options.baselineNote}\n`
  }
  remaining -= comparison.length

  let details = ''
  if (options.fullTableMarkdown) {
    const open = '\n<details><summary>All checkpoints</summary>\n\n'
    const close = '\n\n</details>\n'
    const room = remaining - open.length - close.length
    details = room >= 400 ? `${open}${fitLines(options.fullTableMarkdown, room, summaryLink)}${close}` : omitted.length <= remaining ? omitted : ''
  }

  const body = `${head}${comparison}${gate}${details}${footer}`
  // Only reachable when the fixed parts alone (gate reasons) exceed the budget.
  return body.length <= budget ? body : `${body.slice(0, budget - 120)}\n\n_Truncated to fit a GitHub comment: see ${summaryLink}._\n`
}

function gateHeadline(gate: GateResult): string {
  switch (gate.status) {
    case 'passed':
      return '✅ Checkpoint eval: gate passed'
    case 'failed':
      return '❌ Checkpoint eval: gate failed'
    case 'skipped':
      return '📊 Checkpoint eval'
  }
}

function winnerLine(options: RenderCommentOptions): string {
  const { winner, metric } = options
  if (winner === null) return `**No winner:** no checkpoint could be ranked by ${metric.name}.`
  const step = winner.step !== undefined ? ` (step ${winner.step})` : ''
  const numbers = [`${EVAL_ACCURACY} **${winner.evalAccuracy === null ? '—' : formatMetricValue(winner.evalAccuracy)}**`]
  if (!isEvalAccuracy(metric.name)) {
    numbers.push(`${metric.name} **${winner.value === null ? '—' : formatMetricValue(winner.value)}**`)
  }
  return `**Winner:** \`${winner.name.replace(/`/g, "'")}\`${step}: ${numbers.join(', ')}`
}

function gateSection(gate: GateResult): string {
  if (gate.status === 'skipped') return `**Gate:** skipped (${gate.reasons.join('; ')})`
  const lines = [`**Gate:** ${gate.status}`]
  for (const check of gate.checks) lines.push(`- ${check.passed ? '✅' : '❌'} \`${check.name}\`: ${check.detail}`)
  return lines.join('\n')
}

/**
 * Keeps whole lines (table rows) while they fit in `room`, then a note saying how many were left
 * out. A markdown table cut between rows is still a valid table.
 */
function fitLines(markdown: string, room: number, summaryLink: string): string {
  if (markdown.length <= room) return markdown
  const lines = markdown.split('\n')
  const kept: string[] = []
  let used = 0
  const noteFor = (left: number) => `\n\n_${left} more line${left === 1 ? '' : 's'} not shown: see ${summaryLink}._`
  for (const [index, line] of lines.entries()) {
    const note = noteFor(lines.length - index)
    if (used + line.length + 1 + note.length > room) {
      return `${kept.join('\n')}${noteFor(lines.length - index)}`
    }
    kept.push(line)
    used += line.length + 1
  }
  return kept.join('\n')
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
export async function pullRequestFromEvent(options: { eventName?: string; eventPath?: string }): Promise<PullRequestRef | null> {
  const { eventName, eventPath } = options
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return null
  if (!eventPath) {
    throw new Error(`GITHUB_EVENT_PATH is not set for a ${eventName} event; GitHub always sets it, so this is not a GitHub Actions run.`)
  }
  let payload: {
    pull_request?: { number?: unknown; base?: { repo?: { name?: unknown; owner?: { login?: unknown } } } }
    repository?: { name?: unknown; owner?: { login?: unknown } }
  }
  try {
    payload = JSON.parse(await readFile(eventPath, 'utf8'))
  } catch (error) {
    throw new Error(`Could not read the ${eventName} event payload at ${eventPath} (GITHUB_EVENT_PATH): ${errorMessage(error)}`)
  }
  // The base repository is where the PR (and so its comments) lives, also for PRs from forks.
  const repository = payload.pull_request?.base?.repo ?? payload.repository
  const number = payload.pull_request?.number
  const owner = repository?.owner?.login
  const repo = repository?.name
  if (typeof number !== 'number' || typeof owner !== 'string' || typeof repo !== 'string') return null
  return { owner, repo, number }
}
