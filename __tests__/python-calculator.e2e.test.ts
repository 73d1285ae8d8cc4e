// A team's own Python evaluation script through `evaluator: command`, and a cross-check of the
// built-in suite against Python itself: the scores users publish were made by Python's round().
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { BUILTIN_SUITE, builtinScores } from '../src/evaluate/builtin/suite.js'
import { ROOT, runAction } from './support/action-runner.js'
import { tempDir } from './support/workspace.js'

const calculator = path.join(ROOT, 'examples/python-calculator')

describe('examples/python-calculator/calc.py', () => {
  it('agrees with the built-in suite on every step from 1 to 5000, rounding included', () => {
    const script = [
      'import json, calc',
      'out = {}',
      'for step in range(1, 5001):',
      '    x = step / 100',
      '    out[step] = [round(min(raw(x), cap), 3) for raw, cap in calc.FORMULAS.values()]',
      'print(json.dumps(out))'
    ].join('\n')
    const python = JSON.parse(
      execFileSync('python3', ['-c', script], { cwd: calculator, maxBuffer: 1 << 26 }).toString()
    ) as Record<string, number[]>
    let compared = 0
    for (const [step, scores] of Object.entries(python)) {
      expect(Object.values(builtinScores(Number(step)))).toEqual(scores)
      compared += scores.length
    }
    expect(compared).toBe(5000 * BUILTIN_SUITE.length)
  })

  it('ranks the bundled example through evaluator: command exactly as the built-in suite does', async () => {
    const { dir, cleanup } = await tempDir('python-calc-')
    try {
      const inputs = { 'checkpoint-dir': 'examples/workspace/checkpoints' }
      const builtin = await runAction({ inputs: { ...inputs, 'output-dir': path.join(dir, 'builtin') } })
      const python = await runAction({
        inputs: {
          ...inputs,
          evaluator: 'command',
          'eval-command': 'python3 examples/python-calculator/calc.py --step {step}',
          'output-dir': path.join(dir, 'python')
        }
      })
      expect(python.code).toBe(0)
      expect(python.outputs['best-checkpoint']).toBe('examples/workspace/checkpoints/step_1000')
      expect(python.outputs['eval-accuracy']).toBe('0.712')
      expect(python.outputs['eval-accuracy']).toBe(builtin.outputs['eval-accuracy'])
      const read = async (kind: string) => JSON.parse(await readFile(path.join(dir, kind, 'scores.json'), 'utf8'))
      const [a, b] = [await read('builtin'), await read('python')]
      expect(
        b.checkpoints.map((c: { name: string; evalAccuracy: number; scores: object }) => [
          c.name,
          c.evalAccuracy,
          Object.values(c.scores)
        ])
      ).toEqual(
        a.checkpoints.map((c: { name: string; evalAccuracy: number; scores: object }) => [
          c.name,
          c.evalAccuracy,
          Object.values(c.scores)
        ])
      )
      expect(b.benchmarks.map((x: { id: string }) => x.id)).toEqual(BUILTIN_SUITE.map((x) => x.id))
    } finally {
      await cleanup()
    }
  })
})
