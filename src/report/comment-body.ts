// The pull request comment's text: verdict, winner, change against the baseline, the gate, and
// the full table folded away, always within GitHub's size limit. github/pr-comment.ts posts it.
import type { GateResult } from '../domain/gate.js'
import { EVAL_ACCURACY, formatMetricValue, isEvalAccuracy } from '../domain/metric.js'
import type { MetricSpec } from '../domain/types.js'

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
    details =
      room >= 400
        ? `${open}${fitLines(options.fullTableMarkdown, room, summaryLink)}${close}`
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

function winnerLine(options: RenderCommentOptions): string {
  const { winner, metric } = options
  if (winner === null) return `**No winner:** no checkpoint could be ranked by ${metric.name}.`
  const step = winner.step !== undefined ? ` (step ${winner.step})` : ''
  const numbers = [
    `${EVAL_ACCURACY} **${winner.evalAccuracy === null ? '—' : formatMetricValue(winner.evalAccuracy)}**`
  ]
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
