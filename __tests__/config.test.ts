import path from 'node:path'
import { ConfigError, parseConfig, parseDuration, parseWeights, splitList } from '../src/config.js'
import type { InputName } from '../src/inputs.js'

const read = (inputs: Partial<Record<InputName, string>>) => (name: InputName) => inputs[name] ?? ''
const defaults = { outputDir: '/tmp/out', cpus: 2 }

describe('parseConfig', () => {
  it('has the documented defaults', () => {
    const c = parseConfig(read({}), defaults)
    expect(c).toEqual({
      checkpointDir: 'checkpoints',
      outputDir: '/tmp/out',
      evaluation: { evaluator: 'builtin', benchmarks: undefined, weights: {}, command: undefined, concurrency: 2, timeoutMs: 3_600_000 },
      ranking: { metric: 'eval_accuracy', greaterIsBetter: undefined }
    })
  })

  it('resolves benchmarks and weights by id or display name', () => {
    const c = parseConfig(read({ benchmarks: 'Math Reasoning, common_sense\nCODE-GENERATION', weights: 'math reasoning=1.2\ncommon_sense: 0.5 # less' }), defaults)
    expect(c.evaluation.benchmarks).toEqual(['math_reasoning', 'common_sense', 'code_generation'])
    expect(c.evaluation.weights).toEqual({ math_reasoning: 1.2, common_sense: 0.5 })
  })

  it('resolves output-dir against the working folder', () => {
    expect(parseConfig(read({ 'output-dir': 'out' }), defaults).outputDir).toBe(path.resolve('out'))
  })

  it.each<[Partial<Record<InputName, string>>, RegExp]>([
    [{ evaluator: 'magic' }, /^Input 'evaluator': 'magic' is not an evaluator\. Use builtin, command or results\.$/],
    [{ benchmarks: 'math, poetry' }, /^Input 'benchmarks': unknown benchmark 'math'\. Known benchmarks: math_reasoning, /],
    [{ weights: 'math_reasoning' }, /^Input 'weights': 'math_reasoning' is not a weight\. Write one 'benchmark=weight'/],
    [{ weights: 'math_reasoning=-1' }, /is not a weight/],
    [{ weights: 'math_reasoning=abc' }, /is not a weight/],
    [{ weights: 'poetry=2' }, /^Input 'weights': unknown benchmark 'poetry'/],
    [{ weights: 'math_reasoning=2,math_reasoning=3' }, /weighted twice/],
    [{ benchmarks: 'common_sense', weights: 'math_reasoning=2' }, /not among the selected benchmarks/],
    [{ evaluator: 'command' }, /^Input 'eval-command': evaluator 'command' needs eval-command/],
    [{ 'eval-concurrency': '0' }, /^Input 'eval-concurrency': '0' must be a whole number of at least 1\.$/],
    [{ 'eval-timeout': 'soon' }, /^Input 'eval-timeout': 'soon' is not a duration/],
    [{ 'greater-is-better': 'maybe' }, /^Input 'greater-is-better': 'maybe' must be true, false or auto\.$/]
  ])('rejects %j', (inputs, message) => {
    expect(() => parseConfig(read(inputs), defaults)).toThrow(ConfigError)
    expect(() => parseConfig(read(inputs), defaults)).toThrow(message)
  })
})

describe('input helpers', () => {
  it('splits lists on commas and lines, dropping comments', () => {
    expect(splitList('a, b\n# note\nc # why\n\n')).toEqual(['a', 'b', 'c'])
  })
  it('parses durations', () => {
    expect(parseDuration('eval-timeout', '90')).toBe(90_000)
    expect(parseDuration('eval-timeout', '30m')).toBe(1_800_000)
    expect(parseDuration('eval-timeout', '2h')).toBe(7_200_000)
    expect(parseDuration('eval-timeout', '500ms')).toBe(500)
  })
  it('parses weights', () => {
    expect(parseWeights('a=1, b:2.5')).toEqual({ a: 1, b: 2.5 })
  })
})
