// The job summary: the winner, a chart of the metric against step, the ranking, the benchmarks
// of the best checkpoints and the checkpoints that were skipped or failed. Every table fits
// GitHub's 960 px column (wide ones are split); every number follows report/values.ts. GitHub
// drops a step's whole summary above 1 MiB, so the rest of a long ranking folds and finally
// loses rows to stay under a byte budget, pointing to scores.csv.
import { EVAL_ACCURACY, isEvalAccuracy, stripEvalPrefix } from '../domain/metric.js'
import type { CheckpointRecord, ScoresDocument } from '../scores/document.js'
import { formatBytes } from '../util/bytes.js'
import { renderChart } from './chart.js'
import { PAGE_WIDTH_PX, byteLength, cell, cellWidthPx, columnWidthsPx, details, table } from './markdown.js'
import { MISSING, shown } from './values.js'

export { renderChart } from './chart.js'

/** GitHub's cap is 1 MiB per step; leave room for the other sections (gate, publish). */
export const EVALUATION_SUMMARY_BUDGET = 700 * 1024
/** Checkpoints shown with every benchmark before the rest fold away. */
export const FULL_ROWS = 20
/** Checkpoints compared side by side in the benchmark table, at most (fewer when they don't fit). */
export const SIDE_BY_SIDE = 5

/** A column added to the ranking table by another part of the run (e.g. whether a score was cached). */
export interface SummaryColumn {
  header: string
  /** Markdown for one checkpoint's cell; escape free text with markdown.ts `cell`. */
  cell: (checkpoint: CheckpointRecord) => string
  align?: 'l' | 'r' | 'c'
}

/** Where the full results are, for the line that ends the summary. */
export interface ResultsLocation {
  /** The run's page (GitHub Actions); with artifactName, links the artifact list there. */
  runUrl?: string
  /** The artifact holding scores.json, scores.csv and this summary. */
  artifactName?: string
  /** scores.json as the reader can reach it (relative to the workspace), when there is no artifact. */
  scoresFile?: string
}

export interface SummaryOptions {
  scores: ScoresDocument
  /** Byte budget for this section. */
  budget?: number
  results?: ResultsLocation
  /** The section's heading. Default `Checkpoint evaluation`. */
  title?: string
  /** A line quoted above the heading, e.g. what part of the run this is. */
  note?: string
  /** Short paragraphs under the winner line, e.g. why the run is ranked by this metric. Markdown. */
  notes?: string[]
  /** Extra ranking-table columns, after the scores. */
  columns?: SummaryColumn[]
}

/** The ranking metric's value of a checkpoint, by the one rule. */
const metricValue = (doc: ScoresDocument, c: { value: number | null; evalAccuracy: number | null }) =>
  shown(isEvalAccuracy(doc.metric.name) ? c.evalAccuracy : c.value)

/** `` 🏆 **Winner:** `step_1000` (step 1000) · eval_accuracy **0.712** ``: the summary's and the comment's. */
export function winnerLine(
  metric: { name: string },
  winner: { name: string; step?: number; evalAccuracy: number | null; value: number | null } | null
): string {
  if (!winner) return `**No winner:** no checkpoint could be ranked by ${metric.name}.`
  const step = winner.step === undefined ? '' : ` (step ${winner.step})`
  const numbers = isEvalAccuracy(metric.name)
    ? [`${EVAL_ACCURACY} **${shown(winner.evalAccuracy)}**`]
    : [
        `${metric.name} **${shown(winner.value)}**`,
        ...(winner.evalAccuracy === null ? [] : [`${EVAL_ACCURACY} ${shown(winner.evalAccuracy)}`])
      ]
  return `🏆 **Winner:** \`${winner.name.replace(/`/g, "'")}\`${step} · ${numbers.join(' · ')}`
}

function countsLine(doc: ScoresDocument): string {
  const failed = doc.checkpoints.filter((c) => c.status === 'failed').length
  const evaluator =
    doc.evaluator.kind === 'builtin'
      ? `built-in suite, ${doc.benchmarks.length} benchmarks`
      : `${doc.evaluator.kind} evaluator`
  return [
    `${doc.checkpoints.length} evaluated`,
    failed ? `${failed} failed` : '',
    doc.skipped.length ? `${doc.skipped.length} skipped` : '',
    evaluator,
    `ranked by ${doc.metric.name}, ${doc.metric.greaterIsBetter ? 'higher' : 'lower'} is better`
  ]
    .filter(Boolean)
    .join(' · ')
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

const rankCell = (c: CheckpointRecord) => (c.rank === null ? MISSING : String(c.rank))
const paramsCell = (c: CheckpointRecord) =>
  c.parameters === undefined ? MISSING : `${formatCount(c.parameters)}${c.dtype ? ` ${c.dtype}` : ''}`
/** The winner's value in the ranking metric's column is bold. */
const boldIfWinner = (c: CheckpointRecord, text: string) => (c.rank === 1 && text !== MISSING ? `**${text}**` : text)

interface Column {
  header: string
  cell: (c: CheckpointRecord) => string
  align: 'l' | 'r' | 'c'
}

/** The ranking: one row per checkpoint, best first; the ranking metric's column in bold. */
export function rankingTable(doc: ScoresDocument, rows: CheckpointRecord[], extra: SummaryColumn[] = []): string {
  const ranksByEvalAccuracy = isEvalAccuracy(doc.metric.name)
  const anyEvalAccuracy = doc.checkpoints.some((c) => c.evalAccuracy !== null)
  const columns: Column[] = [
    { header: '#', cell: rankCell, align: 'r' },
    { header: 'Checkpoint', cell: checkpointLabel, align: 'l' },
    { header: 'Step', cell: (c) => String(c.step), align: 'r' },
    { header: 'Size', cell: (c) => formatBytes(c.sizeBytes), align: 'r' },
    ...(rows.some((c) => c.parameters !== undefined)
      ? [{ header: 'Params', cell: paramsCell, align: 'r' as const }]
      : []),
    ...(ranksByEvalAccuracy
      ? []
      : [
          {
            header: `**${cell(doc.metric.name)}**`,
            cell: (c: CheckpointRecord) => boldIfWinner(c, shown(c.value)),
            align: 'r' as const
          }
        ]),
    ...(ranksByEvalAccuracy || anyEvalAccuracy
      ? [
          {
            header: ranksByEvalAccuracy ? `**${EVAL_ACCURACY}**` : EVAL_ACCURACY,
            cell: (c: CheckpointRecord) =>
              ranksByEvalAccuracy ? boldIfWinner(c, shown(c.evalAccuracy)) : shown(c.evalAccuracy),
            align: 'r' as const
          }
        ]
      : []),
    ...(rows.some((c) => c.status === 'failed')
      ? [
          {
            header: 'Status',
            cell: (c: CheckpointRecord) => (c.status === 'failed' ? '❌ failed' : 'ok'),
            align: 'l' as const
          }
        ]
      : []),
    ...extra.map((x) => ({ header: x.header, cell: x.cell, align: x.align ?? ('l' as const) }))
  ]
  return table(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((c) => c.cell(row))),
    columns.map((c) => c.align)
  )
}

/** How many of the candidate columns (each a list of cells) fit the page beside the lead columns' rows, at least one. */
function fitting(leadRows: string[][], candidates: string[][]): number {
  let width = columnWidthsPx(leadRows).reduce((a, b) => a + b, 0)
  let count = 0
  for (const column of candidates) {
    width += Math.max(...column.map(cellWidthPx))
    if (width > PAGE_WIDTH_PX && count > 0) break
    count++
  }
  return count
}

/**
 * The benchmarks down the side (under their group's name) and the best checkpoints across, as
 * many as fit the page: a reviewer reads one benchmark's row to compare them.
 */
function benchmarkTable(doc: ScoresDocument): string {
  const best = doc.checkpoints.filter((c) => c.rank !== null).slice(0, SIDE_BY_SIDE)
  if (best.length === 0 || doc.benchmarks.length === 0) return ''
  const grouped = new Set(doc.benchmarks.map((b) => b.group)).size > 1
  const ranksByEvalAccuracy = isEvalAccuracy(doc.metric.name)
  const labels: string[] = [ranksByEvalAccuracy ? `**${EVAL_ACCURACY}**` : EVAL_ACCURACY]
  const rowFor: Array<(c: CheckpointRecord) => string> = [
    (c) => (ranksByEvalAccuracy ? boldIfWinner(c, shown(c.evalAccuracy)) : shown(c.evalAccuracy))
  ]
  const ranking = stripEvalPrefix(doc.metric.name)
  doc.benchmarks.forEach((b, i) => {
    if (grouped && (i === 0 || doc.benchmarks[i - 1].group !== b.group)) {
      labels.push(`**${cell(b.group)}**`)
      rowFor.push(() => '')
    }
    // A benchmark that is the ranking metric is the bold row.
    const ranks = !ranksByEvalAccuracy && (b.id === ranking || b.name === ranking)
    labels.push(ranks ? `**${cell(b.name)}**` : cell(b.name))
    rowFor.push((c) => (ranks ? boldIfWinner(c, shown(c.scores[b.id])) : shown(c.scores[b.id])))
  })
  const columnOf = (c: CheckpointRecord) => [checkpointLabel(c), ...rowFor.map((f) => f(c))]
  const shownCount = fitting([['Benchmark'], ...labels.map((label) => [label])], best.map(columnOf))
  const across = best.slice(0, shownCount)
  const header = ['Benchmark', ...across.map(checkpointLabel)]
  const rows = labels.map((label, i) => [label, ...across.map((c) => rowFor[i](c))])
  const title = across.length > 1 ? `### Benchmarks of the best ${across.length}` : '### Benchmarks of the winner'
  return `${title}\n\n${table(header, rows, ['l', ...across.map(() => 'r' as const)])}`
}

/**
 * Every benchmark of the best checkpoints, folded: a table per benchmark group (or per page
 * width, for long groups), each led by the rank and the checkpoint.
 */
function fullTables(doc: ScoresDocument, rows: CheckpointRecord[]): string {
  if (doc.benchmarks.length === 0 || rows.length === 0) return ''
  const lead = (c: CheckpointRecord) => [rankCell(c), checkpointLabel(c)]
  const leadRows = [['#', 'Checkpoint'], ...rows.map(lead)]
  const groups: Array<{ name: string; ids: number[] }> = []
  doc.benchmarks.forEach((b, i) => {
    const last = groups[groups.length - 1]
    if (last && last.name === b.group) last.ids.push(i)
    else groups.push({ name: b.group, ids: [i] })
  })
  const grouped = groups.length > 1
  const parts: string[] = []
  const columnOf = (i: number) => [
    cell(doc.benchmarks[i].name),
    ...rows.map((c) => shown(c.scores[doc.benchmarks[i].id]))
  ]
  for (const group of grouped ? groups : [{ name: '', ids: doc.benchmarks.map((_, i) => i) }]) {
    let rest = group.ids
    // As many columns as fit, spread evenly over the tables a group needs (2 + 2, not 3 + 1).
    const fit = fitting(leadRows, rest.map(columnOf))
    const count = Math.ceil(rest.length / Math.ceil(rest.length / fit))
    while (rest.length) {
      const ids = rest.slice(0, count)
      rest = rest.slice(count)
      const header = ['#', 'Checkpoint', ...ids.map((i) => cell(doc.benchmarks[i].name))]
      const body = rows.map((c) => [...lead(c), ...ids.map((i) => shown(c.scores[doc.benchmarks[i].id]))])
      const label = grouped ? `**${cell(group.name)}**\n\n` : ''
      parts.push(label + table(header, body, ['r', 'l', ...ids.map(() => 'r' as const)]))
    }
  }
  const what =
    rows.length < doc.checkpoints.length
      ? `Every benchmark of the best ${rows.length}`
      : 'Every benchmark of every checkpoint'
  return details(what, parts.join('\n\n'))
}

/** One short row per checkpoint, for the folded rest; cut at the byte budget. */
function compactRows(doc: ScoresDocument, rows: CheckpointRecord[], budget: number): { text: string; cut: number } {
  const header = table(['#', 'Checkpoint', 'Step', cell(doc.metric.name)], [], ['r', 'l', 'r', 'r'])
  const lines: string[] = [header]
  let size = byteLength(header)
  let i = 0
  for (; i < rows.length; i++) {
    const c = rows[i]
    const line = `| ${rankCell(c)} | ${checkpointLabel(c)} | ${c.step} | ${metricValue(doc, c)} |`
    size += byteLength(line) + 1
    if (size > budget) break
    lines.push(line)
  }
  return { text: lines.join('\n'), cut: rows.length - i }
}

/** Failed and skipped checkpoints as lists: their reasons are sentences, which wrap in a list. */
function problemsSection(doc: ScoresDocument): string {
  const parts: string[] = []
  const list = (items: Array<{ name: string; why: string }>, more: number) =>
    items.map((i) => `- \`${cell(i.name)}\`: ${cell(i.why)}`).join('\n') +
    (more > 0 ? `\n- …and ${more} more in scores.json` : '')
  const failed = doc.checkpoints.filter((c) => c.status === 'failed')
  if (failed.length) {
    const items = failed.slice(0, 200).map((c) => ({ name: c.name, why: (c.error ?? 'failed').slice(0, 300) }))
    parts.push(`### ❌ Failed (${failed.length})\n\n${list(items, failed.length - items.length)}`)
  }
  if (doc.skipped.length) {
    const items = doc.skipped.slice(0, 200).map((s) => ({ name: s.name, why: s.reason }))
    parts.push(`### ⚠️ Skipped (${doc.skipped.length})\n\n${list(items, doc.skipped.length - items.length)}`)
  }
  return parts.join('\n\n')
}

/** The closing line: where to get scores.json and scores.csv (the artifact on GitHub, a path locally). */
export function resultsLine(results: ResultsLocation | undefined): string {
  if (results?.artifactName) {
    const name = `\`${cell(results.artifactName)}\``
    const where = results.runUrl ? `[${name}](${results.runUrl}#artifacts)` : name
    return `Full results (scores.json, scores.csv): artifact ${where} of this run.`
  }
  if (results?.scoresFile) return `Full results: \`${cell(results.scoresFile)}\` and scores.csv beside it.`
  return ''
}

export function renderEvaluationSummary(options: SummaryOptions): string {
  const { scores: doc, budget = EVALUATION_SUMMARY_BUDGET, title = 'Checkpoint evaluation', note } = options
  const ranked = doc.checkpoints
  const top = ranked.slice(0, FULL_ROWS)
  const rest = ranked.slice(FULL_ROWS)
  const head = [
    note ? `> ${note}\n\n## ${title}` : `## ${title}`,
    winnerLine(doc.metric, doc.winner),
    countsLine(doc),
    ...(options.notes ?? []),
    renderChart(doc),
    `### Ranking${rest.length ? ` (best ${top.length} of ${ranked.length})` : ''}`,
    rankingTable(doc, top, options.columns)
  ]
  const tail = [benchmarkTable(doc), fullTables(doc, top), problemsSection(doc), resultsLine(options.results)]
  let text = head.filter(Boolean).join('\n\n')
  const tailText = tail.filter(Boolean).join('\n\n')
  if (rest.length) {
    const room = budget - byteLength(text) - byteLength(tailText) - 400
    const { text: rows, cut } = compactRows(doc, rest, Math.max(room, 0))
    const cutNote = cut
      ? `\n\n${cut} more checkpoints are not shown here (the summary must stay under GitHub's 1 MiB); they are in scores.csv.`
      : ''
    text += '\n\n' + details(`The other ${rest.length} checkpoints`, rows + cutNote)
  }
  return `${text}\n\n${tailText}\n`
}
