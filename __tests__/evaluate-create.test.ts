// createEvaluator checks what only the evaluators know (built-in benchmark names, weights
// against the selection, the command template) before anything runs, as input errors.
import { createEvaluator } from '../src/evaluate/index.js'
import type { EvaluationConfig } from '../src/config/types.js'
import { InputError } from '../src/util/errors.js'
import { recordingLogger } from './support/logger.js'

const context = { cwd: '/tmp', outputDir: '/tmp/eval-create-out' }
const config = (over: Partial<EvaluationConfig>): EvaluationConfig => ({
  evaluator: 'builtin',
  weights: {},
  concurrency: 1,
  timeoutMs: 60_000,
  ...over
})

function inputError(over: Partial<EvaluationConfig>): InputError {
  try {
    createEvaluator(config(over), context)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('createEvaluator did not throw')
}

describe('createEvaluator: builtin', () => {
  it('selects benchmarks by id or display name, in the suite order', async () => {
    const evaluator = createEvaluator(
      config({ benchmarks: ['Common Sense', 'math_reasoning', 'CODE-GENERATION'] }),
      context
    )
    expect(evaluator.info.settings).toEqual({ benchmarks: ['math_reasoning', 'common_sense', 'code_generation'] })
    const checkpoint = {
      name: 'step_100',
      path: '/x',
      step: 100,
      weightsFormat: 'safetensors' as const,
      weightsFiles: [],
      files: [],
      sizeBytes: 0
    }
    const run = await evaluator.evaluate([checkpoint], { log: recordingLogger() })
    expect(Object.keys(run.results[0].scores)).toEqual(['math_reasoning', 'common_sense', 'code_generation'])
  })

  it('runs all 15 when no benchmarks are listed, and accepts weights by display name', () => {
    const evaluator = createEvaluator(config({ weights: { 'math reasoning': 1.2, common_sense: 0.5 } }), context)
    expect((evaluator.info.settings.benchmarks as string[]).length).toBe(15)
  })

  it('refuses an unknown benchmark, listing the known ones', () => {
    const error = inputError({ benchmarks: ['math', 'poetry'] })
    expect(error.input).toBe('benchmarks')
    expect(error.message).toMatch(
      /^Input 'benchmarks': unknown benchmark 'math'\. Known benchmarks: math_reasoning, logical_reasoning, /
    )
  })

  it('refuses a weight on an unknown benchmark', () => {
    const error = inputError({ weights: { poetry: 2 } })
    expect(error.input).toBe('weights')
    expect(error.message).toMatch(/^Input 'weights': unknown benchmark 'poetry'\. Known benchmarks: math_reasoning, /)
  })

  it('refuses a weight on a benchmark that is not selected', () => {
    expect(inputError({ benchmarks: ['common_sense'], weights: { 'Math Reasoning': 2 } }).message).toBe(
      "Input 'weights': 'Math Reasoning' is weighted but not among the selected benchmarks; add it to benchmarks or drop the weight."
    )
  })
})

describe('createEvaluator: command', () => {
  it('needs eval-command', () => {
    expect(inputError({ evaluator: 'command' }).message).toBe(
      "Input 'eval-command': evaluator 'command' needs eval-command, e.g. `python eval.py --model {checkpoint} --out {output}`."
    )
  })

  it('reports template mistakes on eval-command', () => {
    const quoted = inputError({ evaluator: 'command', command: "python eval.py --model '{checkpoint}'" })
    expect(quoted.input).toBe('eval-command')
    expect(quoted.message).toMatch(/^Input 'eval-command': eval-command has \{checkpoint\} inside single quotes/)
    expect(inputError({ evaluator: 'command', command: 'python eval.py' }).message).toMatch(
      /^Input 'eval-command': eval-command never refers to the checkpoint/
    )
  })

  it('accepts a good template without running anything', () => {
    const evaluator = createEvaluator(config({ evaluator: 'command', command: 'python eval.py {checkpoint}' }), context)
    expect(evaluator.info).toEqual({ kind: 'command', settings: { command: 'python eval.py {checkpoint}' } })
  })
})

describe('createEvaluator: results', () => {
  it('does not check weights or benchmarks (they are known only after reading)', () => {
    const evaluator = createEvaluator(
      config({ evaluator: 'results', benchmarks: ['arc_easy'], weights: { macro_f1: 2 } }),
      context
    )
    expect(evaluator.info.kind).toBe('results')
  })
})
