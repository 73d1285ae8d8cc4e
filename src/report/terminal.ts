// The terminal's report (and the step log's): one ranking table with fixed-width columns, one
// winner line, then the gate and the Hub. Numbers follow values.ts.
import { formatBytes } from '../util/bytes.js'
import type { GateResult } from '../domain/gate.js'
import type { PublishOutcome } from '../domain/publication.js'
import type { ScoresDocument } from '../scores/document.js'
import { EVAL_ACCURACY, isEvalAccuracy } from '../domain/metric.js'
import { MISSING, shown } from './values.js'

const plain = (v: number | null | undefined) => (shown(v) === MISSING ? '-' : shown(v))

/** How many checkpoints the terminal table lists before summarising the rest. */
export const TERMINAL_ROWS = 30

function columns(rows: string[][], align: Array<'l' | 'r'>): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  return rows
    .map((r) =>
      r
        .map((v, i) => (align[i] === 'r' ? v.padStart(widths[i]) : v.padEnd(widths[i])))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

/** The ranking as a fixed-width table, best first: the terminal's and the step log's one table. */
export function renderTerminalTable(doc: ScoresDocument): string {
  const metric = doc.metric.name
  const showValue = !isEvalAccuracy(metric)
  const header = ['#', 'checkpoint', 'step', 'size', ...(showValue ? [metric] : []), EVAL_ACCURACY, 'status']
  const rows = doc.checkpoints
    .slice(0, TERMINAL_ROWS)
    .map((c) => [
      c.rank === null ? '-' : String(c.rank),
      c.name,
      String(c.step),
      formatBytes(c.sizeBytes),
      ...(showValue ? [plain(c.value)] : []),
      plain(c.evalAccuracy),
      c.status === 'ok' ? 'ok' : `failed: ${(c.error ?? '').split('\n')[0].slice(0, 60)}`
    ])
  const out = [columns([header, ...rows], ['r', 'l', 'r', 'r', ...(showValue ? ['r' as const] : []), 'r', 'l'])]
  if (doc.checkpoints.length > TERMINAL_ROWS)
    out.push(`… and ${doc.checkpoints.length - TERMINAL_ROWS} more (see scores.csv)`)
  return out.join('\n')
}

/** `Best checkpoint: step_1000 (step 1000), eval_accuracy 0.712`: the one winner line. */
export function terminalWinnerLine(doc: Pick<ScoresDocument, 'metric' | 'winner'>): string {
  const w = doc.winner
  if (!w) return `No checkpoint could be ranked by ${doc.metric.name}.`
  const value = isEvalAccuracy(doc.metric.name) ? w.evalAccuracy : w.value
  return `Best checkpoint: ${w.name} (step ${w.step}), ${doc.metric.name} ${shown(value)}`
}

/** Where the files are, after the outcome. */
export function renderTerminalFiles(scoresFile: string): string {
  return `Scores: ${scoresFile} (and scores.csv)\n`
}

/** Gate and publish, after the table. */
export function renderTerminalOutcome(result: { gate: GateResult; publish: PublishOutcome }): string {
  const lines: string[] = []
  const { gate, publish } = result
  if (gate.status !== 'skipped') {
    lines.push(
      '',
      `Gate ${gate.status}:`,
      ...gate.checks.map((c) => `  ${c.passed ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`)
    )
  }
  if (publish.status === 'dry-run') {
    lines.push(
      '',
      `Dry run: would publish to ${publish.repoId} (model card: ${publish.plan.card.source}); nothing was sent.`
    )
    for (const f of publish.plan.files)
      lines.push(`  ${f.pathInRepo.padEnd(40)} ${formatBytes(f.size).padStart(10)}  ${f.kind}`)
    for (const e of publish.plan.excluded) lines.push(`  not uploaded: ${e.path} (${e.reason})`)
  } else if (publish.status === 'published') {
    const r = publish.result
    lines.push('', `Published to ${r.repoUrl}: ${r.prUrl ?? r.commitUrl}`)
  } else if (publish.reason !== 'no repo-id is set') {
    lines.push('', `Not published: ${publish.reason}.`)
  }
  return lines.length ? lines.join('\n') + '\n' : ''
}
