import path from 'node:path'
import { parseConfig } from '../src/config/parse.js'
import { parseDuration, parseWeights, splitList } from '../src/config/read.js'
import { ConfigError } from '../src/util/errors.js'
import type { InputName } from '../src/config/inputs.js'

const read = (inputs: Partial<Record<InputName, string>>) => (name: InputName) => inputs[name] ?? ''
const defaults = { outputDir: '/tmp/out', cpus: 2 }

describe('parseConfig', () => {
  it('has the documented defaults', () => {
    const c = parseConfig(read({}), defaults)
    expect(c).toEqual({
      checkpointDir: 'checkpoints',
      outputDir: '/tmp/out',
      evaluation: { evaluator: 'builtin', benchmarks: undefined, weights: {}, command: undefined, resultsFiles: undefined, concurrency: 2, timeoutMs: 3_600_000 },
      ranking: { metric: 'eval_accuracy', greaterIsBetter: undefined },
      gate: { minScore: undefined, baseline: undefined, maxRegression: undefined },
      report: { comment: 'auto', githubToken: undefined, artifactName: undefined },
      publish: {
        mode: 'auto', repo: undefined, token: undefined, hubUrl: 'https://huggingface.co', private: false, revision: 'main',
        createPr: false, commitMessage: undefined, modelCard: undefined, cardMetadata: 'none', assets: [], exclude: [],
        dryRun: false, hubTag: false
      },
      shard: undefined,
      aggregate: undefined
    })
  })

  it('reads the gate, report, publish and shard inputs', () => {
    const c = parseConfig(read({
      'min-score': '0.7', baseline: 'HUB', 'max-regression': '0', comment: 'false', 'repo-id': 'acme/tiny', 'hf-token': 'hf_x',
      publish: 'always', 'hub-url': 'http://127.0.0.1:9/', private: 'TRUE', 'create-pr': 'true', assets: 'figures/*.png\nnotes.md',
      exclude: 'optimizer.pt', 'dry-run': 'true', 'card-metadata': 'model-index'
    }), { ...defaults, hubUrl: 'https://ignored.example' })
    expect(c.gate).toEqual({ minScore: 0.7, baseline: { kind: 'hub' }, maxRegression: 0 })
    expect(c.report.comment).toBe('never')
    expect(c.publish).toMatchObject({ mode: 'always', repo: { namespace: 'acme', name: 'tiny' }, token: 'hf_x', hubUrl: 'http://127.0.0.1:9', private: true, createPr: true, dryRun: true, cardMetadata: 'model-index', assets: ['figures/*.png', 'notes.md'], exclude: ['optimizer.pt'] })
    expect(parseConfig(read({}), { ...defaults, hubUrl: 'https://hf.internal/' }).publish.hubUrl).toBe('https://hf.internal')
    expect(parseConfig(read({ shard: ' 2 / 4 ' }), defaults).shard).toEqual({ index: 2, count: 4 })
    expect(parseConfig(read({ baseline: 'prev/scores.json' }), defaults).gate.baseline).toEqual({ kind: 'file', path: 'prev/scores.json' })
  })

  it('resolves benchmarks and weights by id or display name', () => {
    const c = parseConfig(read({ benchmarks: 'Math Reasoning, common_sense\nCODE-GENERATION', weights: 'math reasoning=1.2\ncommon_sense: 0.5 # less' }), defaults)
    expect(c.evaluation.benchmarks).toEqual(['math_reasoning', 'common_sense', 'code_generation'])
    expect(c.evaluation.weights).toEqual({ math_reasoning: 1.2, common_sense: 0.5 })
  })

  it('leaves weights to the shards when aggregating (the benchmarks are what they reported)', () => {
    const c = parseConfig(read({ aggregate: 'shards', weights: 'macro_f1=2' }), defaults)
    expect(c.evaluation.weights).toEqual({ macro_f1: 2 })
    expect(() => parseConfig(read({ weights: 'macro_f1=2' }), defaults)).toThrow(/unknown benchmark 'macro_f1'/)
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
    [{ evaluator: 'command', 'eval-command': "python eval.py --model '{checkpoint}'" }, /^Input 'eval-command': eval-command has \{checkpoint\} inside single quotes/],
    [{ evaluator: 'command', 'eval-command': 'python eval.py' }, /^Input 'eval-command': eval-command never refers to the checkpoint/],
    [{ 'eval-concurrency': '0' }, /^Input 'eval-concurrency': '0' must be a whole number of at least 1\.$/],
    [{ 'eval-timeout': 'soon' }, /^Input 'eval-timeout': 'soon' is not a duration/],
    [{ 'greater-is-better': 'maybe' }, /^Input 'greater-is-better': 'maybe' must be true, false or auto\.$/],
    [{ 'min-score': 'high' }, /^Input 'min-score': 'high' is not a number; write e\.g\. 0\.7\.$/],
    [{ 'max-regression': '0.01' }, /^Input 'max-regression': is set but baseline is not/],
    [{ 'max-regression': '-1', baseline: 'hub' }, /is negative/],
    [{ comment: 'sometimes' }, /^Input 'comment': 'sometimes' must be one of auto, always, never\.$/],
    [{ publish: 'yes' }, /^Input 'publish': 'yes' must be one of auto, always, never\.$/],
    [{ publish: 'always' }, /^Input 'repo-id': publish is 'always' but repo-id is empty/],
    [{ 'hub-url': 'huggingface.co' }, /^Input 'hub-url': 'huggingface\.co' is not a URL/],
    [{ 'hub-url': 'ftp://hub' }, /must be an http\(s\) URL/],
    [{ private: 'yes' }, /^Input 'private': 'yes' must be true or false\.$/],
    [{ 'card-metadata': 'all' }, /must be one of none, model-index/],
    [{ shard: '5/4' }, /^Input 'shard': '5\/4' must be i\/n with 1 <= i <= n/],
    [{ shard: 'two' }, /must be i\/n/],
    [{ shard: '1/2', aggregate: 'shards/' }, /^Input 'aggregate': a job either evaluates a shard or aggregates/],
    [{ shard: '1/2', publish: 'always', 'repo-id': 'a/b' }, /^Input 'publish': a shard job never publishes/],
    [{ 'repo-id': 'a/b/c' }, /^Invalid repo-id "a\/b\/c": it has more than one "\/"/]
  ])('rejects %j', (inputs, message) => {
    expect(() => parseConfig(read(inputs), defaults)).toThrow(message)
    if (!inputs['repo-id']) expect(() => parseConfig(read(inputs), defaults)).toThrow(ConfigError)
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
