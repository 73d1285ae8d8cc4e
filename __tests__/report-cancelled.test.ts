// What a cancelled run reports, from the states its checkpoints were in (the e2e test in
// hardening.e2e.test.ts runs the real thing through the bundle).
import { EvaluationLedger } from '../src/domain/ledger.js'
import { renderCancelledSummary, renderCancelledTerminal } from '../src/report/cancelled.js'

function ledgerOfEveryState(): EvaluationLedger {
  const ledger = new EvaluationLedger()
  for (const name of ['step_1', 'step_2', 'step_3', 'step_4', 'step_5']) ledger.record({ name, state: 'queued' })
  ledger.record({ name: 'step_1', state: 'ok', scores: { accuracy: 0.8125, loss: null }, cached: true })
  ledger.record({ name: 'step_2', state: 'running' })
  ledger.record({ name: 'step_2', state: 'failed', error: 'the command exited with code 1; last lines:\n  no GPU' })
  ledger.record({ name: 'step_3', state: 'running' })
  ledger.record({ name: 'step_4', state: 'running' })
  ledger.record({ name: 'step_4', state: 'cancelled', error: 'cancelled; killed 1 process (pid 7 | sleep 60)' })
  return ledger
}

describe('the report of a cancelled run', () => {
  it('a summary row per checkpoint in discovery order, with scores or why, and counts', () => {
    expect(renderCancelledSummary('SIGINT', ledgerOfEveryState().entries())).toBe(
      [
        '## Cancelled',
        '',
        'The run was cancelled (SIGINT) before it finished: no new evaluation was started, running evaluations ' +
          'were killed with every process they started, and **nothing was published**.',
        '',
        'What was known when it stopped (5 checkpoints): 1 evaluated, 1 failed, 2 killed while running, 1 not started.',
        '',
        '| Checkpoint | State | Scores or reason |',
        '| :--- | :--- | :--- |',
        '| step_1 | evaluated (cached) | accuracy 0.812 |',
        '| step_2 | failed | the command exited with code 1; last lines: |',
        '| step_3 | killed while running | it was running when the run stopped; killed with its processes |',
        '| step_4 | killed while running | cancelled; killed 1 process (pid 7 \\| sleep 60) |',
        '| step_5 | not started |  |',
        ''
      ].join('\n')
    )
  })

  it('says so when no checkpoint had started', () => {
    expect(renderCancelledSummary('SIGTERM', [])).toContain('No checkpoint had started evaluating.')
    expect(renderCancelledTerminal([])).toBe('')
  })

  it('a line per started checkpoint for the terminal, and a count of the rest', () => {
    expect(renderCancelledTerminal(ledgerOfEveryState().entries())).toBe(
      [
        'Known when it stopped (nothing was published):',
        '  step_1: evaluated (cached); accuracy 0.812',
        '  step_2: failed; the command exited with code 1; last lines:',
        '  step_3: killed while running; it was running when the run stopped; killed with its processes',
        '  step_4: killed while running; cancelled; killed 1 process (pid 7 | sleep 60)',
        '  1 checkpoint not started',
        ''
      ].join('\n')
    )
  })
})
