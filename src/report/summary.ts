// The job summary: the winner, a chart of the metric against step, the score table and the
// checkpoints that were skipped or failed. GitHub drops a step's whole summary above 1 MiB, so
// the table folds and finally cuts rows to stay under a byte budget, pointing to scores.csv.
import { formatScore } from '../domain/round.js'
import type { ScoresDocument, CheckpointRecord } from '../scores/document.js'
import { byteLength, cell, details, table } from './markdown.js'
import { formatBytes } from '../util/bytes.js'
import { EVAL_ACCURACY, isEvalAccuracy } from '../domain/metric.js'

/** GitHub's cap is 1 MiB per step; leave room for the other sections (gate, publish). */
export const EVALUATION_SUMMARY_BUDGET = 700 * 1024
/** Checkpoints shown with every benchmark before the rest fold away. */
export const FULL_ROWS = 20
/** Points in the chart; more are sampled evenly (the winner always kept). */
export const CHART_POINTS = 60

export interface SummaryOptions {
  scores: ScoresDocument
  /** Byte budget for this section. */
  budget?: number
  /** Path shown for the full results. */
  scoresFile?: string
  /** The section's heading. Default `Checkpoint evaluation`. */
  title?: string
  /** A line quoted above the heading, e.g. what part of the run this is. */
  note?: string
}

const metricLabel = (doc: ScoresDocument) => doc.metric.name

function formatValue(doc: ScoresDocument, c: { value: number | null; evalAccuracy: number | null }): string {
  if (isEvalAccuracy(doc.metric.name)) return formatScore(c.evalAccuracy)
  return c.value === null
    ? ''
    : Number.isInteger(c.value * 1000)
      ? formatScore(c.value)
      : String(Number(c.value.toPrecision(6)))
}

function headline(doc: ScoresDocument): string {
  const evaluated = doc.checkpoints.length
  const failed = doc.checkpoints.filter((c) => c.status === 'failed').length
  const counts = [
    `${evaluated} evaluated`,
    failed ? `${failed} failed` : '',
    doc.skipped.length ? `${doc.skipped.length} skipped` : ''
  ]
    .filter(Boolean)
    .join(' · ')
  const evaluator =
    doc.evaluator.kind === 'builtin'
      ? `built-in suite, ${doc.benchmarks.length} benchmarks`
      : `${doc.evaluator.kind} evaluator`
  const w = doc.winner
  if (!w) return `**No checkpoint could be ranked** by ${metricLabel(doc)} (${counts}; ${evaluator}).`
  const metric = isEvalAccuracy(doc.metric.name)
    ? `eval_accuracy **${formatScore(w.evalAccuracy)}**`
    : `${metricLabel(doc)} **${formatValue(doc, w)}**${w.evalAccuracy === null ? '' : ` · eval_accuracy ${formatScore(w.evalAccuracy)}`}`
  return `🏆 **Best checkpoint: \`${w.name}\`** (step ${w.step}) — ${metric}\n\n${counts} · ${evaluator} · ${doc.metric.greaterIsBetter ? 'higher' : 'lower'} is better`
}

/** A mermaid xychart of the metric against step (GitHub renders mermaid in summaries). */
export function renderChart(doc: ScoresDocument): string {
  const points = doc.checkpoints
    .filter((c) => c.value !== null)
    .sort((a, b) => a.step - b.step || (a.name < b.name ? -1 : 1))
  if (points.length < 2) return ''
  let shown = points
  if (points.length > CHART_POINTS) {
    const stride = (points.length - 1) / (CHART_POINTS - 1)
    const picked = new Set(Array.from({ length: CHART_POINTS }, (_, i) => Math.round(i * stride)))
    shown = points.filter((c, i) => picked.has(i) || c.rank === 1)
  }
  const values = shown.map((c) => c.value as number)
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  const pad = Math.max((hi - lo) * 0.1, 0.01)
  const round2 = (v: number, dir: 'down' | 'up') => (dir === 'down' ? Math.floor(v * 100) : Math.ceil(v * 100)) / 100
  const label = metricLabel(doc).replace(/"/g, "'")
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${label} by step${shown.length < points.length ? ` (${shown.length} of ${points.length} checkpoints)` : ''}"`,
    `  x-axis "step" [${shown.map((c) => `"${c.step}"`).join(', ')}]`,
    `  y-axis "${label}" ${round2(lo - pad, 'down')} --> ${round2(hi + pad, 'up')}`,
    `  line [${values.map((v) => Number(v.toPrecision(6))).join(', ')}]`,
    '```'
  ].join('\n')
}

/** 1.2B, 350M, 66K: parameter counts as model cards write them. */
export function formatCount(n: number): string {
  for (const [unit, size] of [
    ['T', 1e12],
    ['B', 1e9],
    ['M', 1e6],
    ['K', 1e3]
  ] as const) {
    if (n >= size) return `${Number((n / size).toPrecision(3))}${unit}`
  }
  return String(n)
}

function checkpointLabel(c: CheckpointRecord): string {
  return c.rank === 1 ? `🏆 \`${cell(c.name)}\`` : `\`${cell(c.name)}\``
}

/** Checkpoints compared side by side in the grouped benchmark table (more would not fit a page). */
export const SIDE_BY_SIDE = 5

const scoreCell = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatScore(v))
const paramsCell = (c: CheckpointRecord) =>
  c.parameters === undefined ? '–' : `${formatCount(c.parameters)}${c.dtype ? ` ${c.dtype}` : ''}`

/** The first columns of every per-checkpoint row: rank, name, step, size, parameters. */
function identityCells(c: CheckpointRecord): string[] {
  return [
    c.rank === null ? '–' : String(c.rank),
    checkpointLabel(c),
    String(c.step),
    formatBytes(c.sizeBytes),
    paramsCell(c)
  ]
}

/** The columns that say which checkpoint a row is, leading every table. */
const CHECKPOINT_COLUMNS = ['#', 'Checkpoint', 'Step', 'Size', 'Params']

/** The ranking: one narrow row per checkpoint, best first; failed ones say why. */
function rankingTable(doc: ScoresDocument, rows: CheckpointRecord[]): string {
  const extra = isEvalAccuracy(doc.metric.name) ? [] : [cell(doc.metric.name)]
  const anyFailed = rows.some((c) => c.status === 'failed')
  const header = [...CHECKPOINT_COLUMNS, ...extra, EVAL_ACCURACY, ...(anyFailed ? ['Status'] : [])]
  const body = rows.map((c) => [
    ...identityCells(c),
    ...(extra.length ? [formatValue(doc, c) || '–'] : []),
    c.rank === 1 ? `**${formatScore(c.evalAccuracy)}**` : formatScore(c.evalAccuracy) || '–',
    ...(anyFailed
      ? [c.status === 'failed' ? `❌ ${cell((c.error ?? 'failed').split('\n')[0].slice(0, 120))}` : 'ok']
      : [])
  ])
  return table(header, body, ['r', 'l', 'r', 'r', 'r', ...extra.map(() => 'r' as const), 'r', 'l'])
}

/**
 * The benchmarks down the side, grouped as the suite groups them, and the best checkpoints
 * across: a reviewer reads one benchmark's row to compare them.
 */
function benchmarkTable(doc: ScoresDocument): string {
  const shown = doc.checkpoints.filter((c) => c.rank !== null).slice(0, SIDE_BY_SIDE)
  if (shown.length === 0 || doc.benchmarks.length === 0) return ''
  const grouped = new Set(doc.benchmarks.map((b) => b.group)).size > 1
  const lead = (label: string, group = '') => (grouped ? [group, label] : [label])
  const rows = [
    [
      ...lead('**eval_accuracy**'),
      ...shown.map((c) => (c.rank === 1 ? `**${formatScore(c.evalAccuracy)}**` : formatScore(c.evalAccuracy) || '–'))
    ],
    ...doc.benchmarks.map((b, i) => [
      ...lead(cell(b.name), i === 0 || doc.benchmarks[i - 1].group !== b.group ? `**${cell(b.group)}**` : ''),
      ...shown.map((c) => scoreCell(c.scores[b.id]))
    ])
  ]
  const header = [...(grouped ? ['Group'] : []), 'Benchmark', ...shown.map((c) => checkpointLabel(c))]
  const title = shown.length > 1 ? `### Benchmarks of the best ${shown.length}` : '### Benchmarks'
  return `${title}\n\n${table(header, rows, [...(grouped ? ['l' as const] : []), 'l', ...shown.map(() => 'r' as const)])}`
}

/** Every benchmark per checkpoint, best first (wide: folded, for the record). */
function fullTable(doc: ScoresDocument, rows: CheckpointRecord[]): string {
  if (doc.benchmarks.length === 0) return ''
  const header = [...CHECKPOINT_COLUMNS, EVAL_ACCURACY, ...doc.benchmarks.map((b) => cell(b.name))]
  const body = rows.map((c) => [
    ...identityCells(c),
    c.rank === 1 ? `**${formatScore(c.evalAccuracy)}**` : formatScore(c.evalAccuracy) || '–',
    ...doc.benchmarks.map((b) => scoreCell(c.scores[b.id]))
  ])
  const what =
    rows.length < doc.checkpoints.length
      ? `Every benchmark of the best ${rows.length}`
      : 'Every benchmark of every checkpoint'
  return details(what, table(header, body, ['r', 'l', 'r', 'r', 'r', 'r', ...doc.benchmarks.map(() => 'r' as const)]))
}

/** One short row per checkpoint, for the folded rest; cut at the byte budget. */
function compactRows(doc: ScoresDocument, rows: CheckpointRecord[], budget: number): { text: string; cut: number } {
  const header = table(['#', 'Checkpoint', 'Step', metricLabel(doc)], [], ['r', 'l', 'r', 'r'])
  const lines: string[] = [header]
  let size = byteLength(header)
  let i = 0
  for (; i < rows.length; i++) {
    const c = rows[i]
    const line = `| ${c.rank ?? '–'} | ${checkpointLabel(c)} | ${c.step} | ${formatValue(doc, c) || '–'} |`
    size += byteLength(line) + 1
    if (size > budget) break
    lines.push(line)
  }
  return { text: lines.join('\n'), cut: rows.length - i }
}

function problemsSection(doc: ScoresDocument): string {
  const parts: string[] = []
  const failed = doc.checkpoints.filter((c) => c.status === 'failed')
  if (failed.length) {
    const rows = failed.slice(0, 200).map((c) => [`\`${cell(c.name)}\``, cell((c.error ?? '').slice(0, 300))])
    parts.push(
      `### ❌ Failed (${failed.length})\n\n` +
        table(['Checkpoint', 'Why'], rows) +
        (failed.length > 200 ? `\n\n…and ${failed.length - 200} more in scores.json.` : '')
    )
  }
  if (doc.skipped.length) {
    const rows = doc.skipped.slice(0, 200).map((s) => [`\`${cell(s.name)}\``, cell(s.reason)])
    parts.push(
      `### ⚠️ Skipped (${doc.skipped.length})\n\n` +
        table(['Folder', 'Why'], rows) +
        (doc.skipped.length > 200 ? `\n\n…and ${doc.skipped.length - 200} more in scores.json.` : '')
    )
  }
  return parts.join('\n\n')
}

export function renderEvaluationSummary(options: SummaryOptions): string {
  const { scores: doc, budget = EVALUATION_SUMMARY_BUDGET, scoresFile, title = 'Checkpoint evaluation', note } = options
  const ranked = doc.checkpoints
  const top = ranked.slice(0, FULL_ROWS)
  const rest = ranked.slice(FULL_ROWS)
  const head = [
    note ? `> ${note}\n\n## ${title}` : `## ${title}`,
    headline(doc),
    renderChart(doc),
    `### Ranking${rest.length ? ` (best ${top.length} of ${ranked.length})` : ''}`,
    rankingTable(doc, top)
  ]
  const tail = [
    benchmarkTable(doc),
    fullTable(doc, top),
    problemsSection(doc),
    scoresFile ? `Full results: \`${scoresFile}\` and scores.csv beside it.` : ''
  ]
  let text = head.filter(Boolean).join('\n\n')
  const tailText = tail.filter(Boolean).join('\n\n')
  if (rest.length) {
    const room = budget - byteLength(text) - byteLength(tailText) - 400
    const { text: rows, cut } = compactRows(doc, rest, Math.max(room, 0))
    const note = cut
      ? `\n\n${cut} more checkpoints are not shown here (the summary must stay under GitHub's 1 MiB); they are in scores.csv.`
      : ''
    text += '\n\n' + details(`The other ${rest.length} checkpoints`, rows + note)
  }
  return `${text}\n\n${tailText}\n`
}
