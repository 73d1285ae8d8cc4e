// evaluator: command and evaluator: results through the bundle, on the real tiny classifier in
// examples/real: the expected numbers are what evaluate.mjs and trainer_state.json really say.
import { formatScore } from '../src/domain/round.js'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { ROOT, runAction, runProcess } from './support/action-runner.js'
import { tempDir } from './support/workspace.js'

const CHECKPOINTS = 'examples/real/checkpoints'
const EVAL = 'node examples/real/evaluate.mjs {checkpoint}'

interface Measured {
  name: string
  step: number
  accuracy: number
}

let dir: string
let cleanup: () => Promise<void>
/** evaluate.mjs run by hand on every checkpoint. */
let measured: Measured[]

/** Best first; a tie goes to the earlier step (as the ranking does). */
const best = (list: Measured[]) => [...list].sort((a, b) => b.accuracy - a.accuracy || a.step - b.step)[0]
/** How the summary shows a non-eval_accuracy metric value: 3 decimals, or as printed when it has more. */
/** The report's one rule: three decimals, rounded as Python rounds. */
const shown = (v: number) => formatScore(v)
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('command-e2e-'))
  const names = (await readdir(path.join(ROOT, CHECKPOINTS))).filter((n) => /^checkpoint-\d+$/.test(n))
  measured = await Promise.all(
    names.map(async (name) => {
      const r = await runProcess({
        script: path.join(ROOT, 'examples/real/evaluate.mjs'),
        args: [path.join(CHECKPOINTS, name)],
        env: { PATH: process.env.PATH }
      })
      expect(r.code).toBe(0)
      const last = r.stdout.trim().split('\n').pop()!
      return { name, step: Number(name.split('-')[1]), accuracy: JSON.parse(last).accuracy as number }
    })
  )
  expect(measured.length).toBeGreaterThanOrEqual(5)
})
afterAll(() => cleanup())

describe('evaluator: command on examples/real', () => {
  it('ranks by the measured accuracy, logs each checkpoint in its own group and shows progress', async () => {
    const r = await runAction({
      inputs: {
        'checkpoint-dir': CHECKPOINTS,
        'output-dir': path.join(dir, 'ok'),
        evaluator: 'command',
        'eval-command': EVAL,
        metric: 'accuracy',
        'eval-concurrency': '3'
      }
    })
    expect(r.stdout).not.toContain('::error::')
    expect(r.code).toBe(0)
    const winner = best(measured)
    expect(r.outputs).toMatchObject({
      'best-checkpoint': `${CHECKPOINTS}/${winner.name}`,
      'best-step': String(winner.step),
      'metric-value': String(winner.accuracy),
      'checkpoints-evaluated': String(measured.length),
      'checkpoints-failed': '0'
    })
    expect(r.summary).toContain(
      `🏆 **Winner:** \`${winner.name}\` (step ${winner.step}) · accuracy **${shown(winner.accuracy)}**`
    )
    expect(r.summary).toContain(
      `${measured.length} evaluated · command evaluator · ranked by accuracy, higher is better`
    )
    for (const m of measured) {
      // Summary row: | rank | name | step | size | params | accuracy (the winner's in bold) | ...
      expect(r.summary).toMatch(
        new RegExp(
          `^\\| \\d+ \\| (🏆 )?\`${m.name}\` \\| ${m.step} \\| [^|]+ \\| [^|]+ \\| (\\*\\*)?${escape(shown(m.accuracy))}(\\*\\*)? \\|`,
          'm'
        )
      )
      // Its output, whole, inside its own group, between ::stop-commands:: and its resume token.
      const group = new RegExp(
        `::group::${m.name} \\(ok, \\d+\\.\\ds\\)\\n\\$ node examples/real/evaluate\\.mjs ${escape(path.join(ROOT, CHECKPOINTS, m.name))}\\n::stop-commands::([0-9a-f-]{36})\\ncheckpoint: [^\\n]*\\nsplit: test \\(\\d+ rows\\)\\n(  \\w+ +f1 [\\d.]+\\n)+\\{"accuracy":${escape(String(m.accuracy))},[^\\n]*\\}\\n::\\1::\\nmetrics from stdout of ${m.name} \\(flat\\)\\n::endgroup::`
      )
      expect(r.stdout).toMatch(group)
    }
    expect(r.stdout.match(/^::group::checkpoint-/gm)).toHaveLength(measured.length)
    expect(r.stdout).toContain(`evaluated ${measured.length}/${measured.length}`)
    expect(r.stdout).toMatch(new RegExp(`^evaluated 1/${measured.length}\\b`, 'm'))
    // One progress line per step, not two.
    const finalLines = r.stdout
      .split('\n')
      .filter((l) => l.startsWith(`evaluated ${measured.length}/${measured.length}`))
    expect(finalLines).toHaveLength(1)
    const scores = JSON.parse(await readFile(r.outputs['scores-file'], 'utf8'))
    expect(scores.evaluator).toEqual({ kind: 'command', settings: { command: EVAL } })
    expect(scores.metric).toEqual({ name: 'accuracy', greaterIsBetter: true })
    expect(
      Object.fromEntries(scores.checkpoints.map((c: { name: string; value: number }) => [c.name, c.value]))
    ).toEqual(Object.fromEntries(measured.map((m) => [m.name, m.accuracy])))
  })

  it('marks a checkpoint whose command fails as failed, with the reason, and ranks the others', async () => {
    const broken = best(measured).name
    const command = `if [ {name} = ${broken} ]; then echo "CUDA error: out of memory" >&2; exit 3; fi; ${EVAL}`
    const r = await runAction({
      inputs: {
        'checkpoint-dir': CHECKPOINTS,
        'output-dir': path.join(dir, 'one-fails'),
        evaluator: 'command',
        'eval-command': command,
        metric: 'accuracy'
      }
    })
    expect(r.code).toBe(0)
    const rest = measured.filter((m) => m.name !== broken)
    const winner = best(rest)
    expect(r.outputs).toMatchObject({
      'best-checkpoint': `${CHECKPOINTS}/${winner.name}`,
      'metric-value': String(winner.accuracy),
      'checkpoints-evaluated': String(rest.length),
      'checkpoints-failed': '1'
    })
    expect(r.stdout).toMatch(
      new RegExp(
        `::group::${broken} \\(failed, \\d+\\.\\ds\\)\\n[^\\n]*\\n::stop-commands::([0-9a-f-]{36})\\nCUDA error: out of memory\\n::\\1::\\n::endgroup::`
      )
    )
    expect(r.stdout).toContain(
      `::warning file=${CHECKPOINTS}/${broken}::${broken}: the command exited with code 3; last lines of its stderr:%0A  CUDA error: out of memory`
    )
    expect(r.summary).toContain(`${measured.length} evaluated · 1 failed · command evaluator`)
    expect(r.summary).toContain('### ❌ Failed (1)')
    expect(r.summary).toContain(
      `- \`${broken}\`: the command exited with code 3; last lines of its stderr:   CUDA error: out of memory`
    )
    // Unranked, at the end of the table.
    expect(r.summary).toMatch(new RegExp(`^\\| – \\| \`${broken}\` \\| `, 'm'))
  })

  it('fails the step when every checkpoint fails, naming the first failure', async () => {
    const r = await runAction({
      inputs: {
        'checkpoint-dir': CHECKPOINTS,
        'output-dir': path.join(dir, 'all-fail'),
        evaluator: 'command',
        'eval-command': 'echo "no GPU on this runner" >&2; exit 1 # {checkpoint}',
        metric: 'accuracy'
      }
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      new RegExp(
        `::error::evaluator 'command': all ${measured.length} checkpoint\\(s\\) failed\\. First failure, checkpoint-\\d+ \\(.*\\): the command exited with code 1; last lines of its stderr:%0A  no GPU on this runner`
      )
    )
    expect(r.outputs).toEqual({})
    expect(r.summary).toBe('')
  })
})

describe('evaluator: results on examples/real (trainer_state.json)', () => {
  it('ranks by the eval_accuracy the Trainer logged at each checkpoint step', async () => {
    const expected = await Promise.all(
      measured.map(async ({ name, step }) => {
        const state = JSON.parse(await readFile(path.join(ROOT, CHECKPOINTS, name, 'trainer_state.json'), 'utf8'))
        const entry = state.log_history.find(
          (e: { step: number; eval_accuracy?: number }) => e.step === step && e.eval_accuracy !== undefined
        )
        return { name, step, accuracy: entry.eval_accuracy as number }
      })
    )
    const r = await runAction({
      inputs: { 'checkpoint-dir': CHECKPOINTS, 'output-dir': path.join(dir, 'results'), evaluator: 'results' }
    })
    expect(r.stdout).not.toContain('::error::')
    expect(r.code).toBe(0)
    const winner = best(expected)
    expect(r.outputs).toMatchObject({
      'best-checkpoint': `${CHECKPOINTS}/${winner.name}`,
      'best-step': String(winner.step),
      'metric-value': String(winner.accuracy),
      'checkpoints-evaluated': String(expected.length),
      'checkpoints-failed': '0'
    })
    expect(r.summary).toContain(`🏆 **Winner:** \`${winner.name}\` (step ${winner.step})`)
    expect(r.summary).toContain('results evaluator')
    const scores = JSON.parse(await readFile(r.outputs['scores-file'], 'utf8'))
    expect(
      Object.fromEntries(
        scores.checkpoints.map((c: { name: string; evalAccuracy: number }) => [c.name, c.evalAccuracy])
      )
    ).toEqual(Object.fromEntries(expected.map((m) => [m.name, m.accuracy])))
    expect(r.stdout).toContain(`evaluated ${expected.length}/${expected.length}`)
  })
})
