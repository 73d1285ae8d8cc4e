// The report of a cancelled run: no ranking exists, so it says what is known of each checkpoint
// (finished with its scores, failed, killed while running, never started) and that nothing was published.
import type { CheckpointEvent } from '../domain/ledger.js'
import { cell, table } from './markdown.js'
import { shown as shownScore } from './values.js'

/** Scores shown per finished checkpoint; the scores file of a finished run has them all. */
const SCORES_SHOWN = 4
/** Rows of the table; the rest are counted. */
const ROWS_SHOWN = 100

export function renderCancelledSummary(signalName: string, checkpoints: CheckpointEvent[]): string {
  const lines = [
    '## Cancelled',
    '',
    `The run was cancelled (${signalName}) before it finished: no new evaluation was started, running ` +
      'evaluations were killed with every process they started, and **nothing was published**.'
  ]
  if (checkpoints.length === 0) {
    lines.push('', 'No checkpoint had started evaluating.')
    return `${lines.join('\n')}\n`
  }
  const count = (state: CheckpointEvent['state']) => checkpoints.filter((c) => c.state === state).length
  const counts = [
    `${count('ok')} evaluated`,
    `${count('failed')} failed`,
    `${count('cancelled') + count('running')} killed while running`,
    `${count('queued')} not started`
  ]
  lines.push('', `What was known when it stopped (${checkpoints.length} checkpoints): ${counts.join(', ')}.`, '')
  const rows = checkpoints.slice(0, ROWS_SHOWN).map((c) => [cell(c.name), describeState(c), cell(detail(c))])
  lines.push(table(['Checkpoint', 'State', 'Scores or reason'], rows))
  if (checkpoints.length > ROWS_SHOWN) lines.push('', `…and ${checkpoints.length - ROWS_SHOWN} more checkpoints.`)
  return `${lines.join('\n')}\n`
}

/** The same for a terminal (the CLI on Ctrl-C): one line per checkpoint that had started. */
export function renderCancelledTerminal(checkpoints: CheckpointEvent[]): string {
  const started = checkpoints.filter((c) => c.state !== 'queued')
  const waiting = checkpoints.length - started.length
  const lines = started.slice(0, ROWS_SHOWN).map((c) => `  ${c.name}: ${describeState(c)}; ${detail(c)}`)
  if (started.length > ROWS_SHOWN) lines.push(`  …and ${started.length - ROWS_SHOWN} more`)
  if (waiting > 0) lines.push(`  ${waiting} checkpoint${waiting === 1 ? '' : 's'} not started`)
  return lines.length > 0 ? `Known when it stopped (nothing was published):\n${lines.join('\n')}\n` : ''
}

function describeState({ state, cached }: CheckpointEvent): string {
  switch (state) {
    case 'ok':
      return cached ? 'evaluated (cached)' : 'evaluated'
    case 'failed':
      return 'failed'
    case 'cancelled':
    case 'running':
      return 'killed while running'
    case 'queued':
      return 'not started'
  }
}

function detail({ state, scores, error }: CheckpointEvent): string {
  if (state === 'ok') {
    const shown = Object.entries(scores ?? {}).filter((e): e is [string, number] => e[1] !== null)
    const text = shown.slice(0, SCORES_SHOWN).map(([name, value]) => `${name} ${shownScore(value)}`)
    if (shown.length > SCORES_SHOWN) text.push(`${shown.length - SCORES_SHOWN} more`)
    return text.join(', ') || '(no scores)'
  }
  if (state === 'running') return 'it was running when the run stopped; killed with its processes'
  return error ? firstLine(error) : ''
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}
