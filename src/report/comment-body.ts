// The pull request comment's text: verdict, winner, change against the baseline, the gate, the
// ranking folded away and links to the run, always within GitHub's size limit.
// github/pr-comment.ts posts it.
import type { GateResult } from '../domain/gate.js'
import type { MetricSpec } from '../domain/types.js'
import { winnerLine } from './summary.js'

/** Invisible in the rendered comment; how a later run finds the comment to update. */
export const COMMENT_MARKER = '<!-- checkpoint-eval:comment -->'

/**
 * GitHub rejects comment bodies over 65,536 characters. JS counts UTF-16 units, which is at least
 * what GitHub counts, and the margin covers the notes added when folding.
 */
export const MAX_COMMENT_LENGTH = 65_536
const COMMENT_BUDGET = 65_000

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
  /** The artifact with scores.json and scores.csv (its download link on the run page). */
  artifactUrl?: string
  /** The ranking table (summary.ts rankingTable); folded into <details>. */
  rankingMarkdown?: string
  /** The <details> summary line for it, e.g. "Ranking of all 12 checkpoints". */
  rankingTitle?: string
  marker?: string
  /** Default 65,000: below GitHub's 65,536 with room to spare. */
  maxLength?: number
}

/**
 * The comment body, a page of its own: its title (the biggest heading in it), the winner, the
 * change against the baseline, the gate's checks, the ranking folded away, and links to the run
 * and the scores artifact. Always fits `maxLength`: the ranking, then the comparison, lose rows
 * first, with a note pointing at the run summary.
 */
export function renderPullRequestComment(options: RenderCommentOptions): string {
  const marker = options.marker ?? COMMENT_MARKER
  const budget = Math.min(options.maxLength ?? COMMENT_BUDGET, MAX_COMMENT_LENGTH)
  const summaryLink = options.runUrl ? `[the run summary](${options.runUrl})` : 'the run summary'

  // Paragraphs are joined by blank lines, so no two run together when GitHub renders them.
  const head = `${marker}\n## ${gateHeadline(options.gate)}\n\n${winnerLine(options.metric, options.winner)}\n\n`
  const gate = `${gateSection(options.gate)}\n\n`
  const links = [
    options.runUrl ? `[Run summary](${options.runUrl})` : '',
    options.artifactUrl ? `[scores.json and scores.csv](${options.artifactUrl})` : ''
  ].filter(Boolean)
  const footer = links.length ? `${links.join(' · ')}\n` : ''

  const omitted = `_The ranking is too long for a comment: see ${summaryLink}._\n\n`
  // Keep room for at least the pointer to the ranking, so a huge comparison can't hide it.
  let remaining = budget - head.length - gate.length - footer.length
  const reserved = options.rankingMarkdown ? omitted.length : 0
  let comparison = ''
  if (options.comparisonMarkdown) {
    const title = '**Compared with the baseline**\n\n'
    const room = Math.max(0, remaining - reserved - title.length - 2)
    comparison = `${title}${fitLines(options.comparisonMarkdown, room, summaryLink)}\n\n`
  } else if (options.baselineNote) {
    comparison = `${options.baselineNote}\n\n`
  }
  remaining -= comparison.length

  let details = ''
  if (options.rankingMarkdown) {
    const open = `<details><summary>${options.rankingTitle ?? 'Ranking'}</summary>\n\n`
    const close = '\n\n</details>\n\n'
    const room = remaining - open.length - close.length
    details =
      room >= 400
        ? `${open}${fitLines(options.rankingMarkdown, room, summaryLink)}${close}`
        : omitted.length <= remaining
          ? omitted
          : ''
  }

  const body = `${head}${comparison}${gate}${details}${footer}`
  // Only reachable when the fixed parts alone (gate reasons) exceed the budget.
  return body.length <= budget
    ? body
    : `${body.slice(0, budget - 120)}\n\n_Truncated to fit a GitHub comment: see ${summaryLink}._\n`
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
