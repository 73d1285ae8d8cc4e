import path from 'node:path'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { parseConfig } from '../src/config/parse.js'
import { parseDuration, parseWeights, splitList } from '../src/config/read.js'
import { InputError } from '../src/util/errors.js'
import type { InputName } from '../src/config/inputs.js'

const read = (inputs: Partial<Record<InputName, string>>) => (name: InputName) => inputs[name] ?? ''
const WORKSPACE = '/work/space'
const defaults = { workspace: WORKSPACE, outputDir: '/tmp/out', cpus: 2 }

describe('parseConfig', () => {
  it('cache: the Actions cache by default in Actions, cache-dir instead when given, off with cache: false', () => {
    const inActions = { ...defaults, actionsCacheDir: '/runner/_temp/checkpoint-eval-cache' }
    expect(parseConfig(read({}), inActions).cache).toEqual({
      kind: 'actions',
      dir: '/runner/_temp/checkpoint-eval-cache'
    })
    expect(parseConfig(read({ 'cache-dir': 'cache' }), inActions).cache).toEqual({
      kind: 'dir',
      dir: path.join(WORKSPACE, 'cache')
    })
    expect(parseConfig(read({ cache: 'false' }), inActions).cache).toEqual({ kind: 'off' })
    expect(parseConfig(read({ cache: 'false', 'cache-dir': 'cache' }), inActions).cache).toEqual({ kind: 'off' })
    expect(parseConfig(read({ 'cache-dir': '/data/eval-cache' }), defaults).cache).toEqual({
      kind: 'dir',
      dir: '/data/eval-cache'
    })
    expect(() => parseConfig(read({ cache: 'maybe' }), inActions)).toThrow(
      /^Input 'cache': 'maybe' must be true or false/
    )
  })

  it('has the documented defaults', () => {
    const c = parseConfig(read({}), defaults)
    expect(c).toEqual({
      workspace: WORKSPACE,
      checkpointDir: path.join(WORKSPACE, 'checkpoints'),
      outputDir: '/tmp/out',
      evaluation: {
        evaluator: 'builtin',
        benchmarks: undefined,
        weights: {},
        command: undefined,
        resultsFiles: [
          '**/results_*.json',
          '**/*{step}*.json',
          'eval_results.json',
          'all_results.json',
          'trainer_state.json'
        ],
        concurrency: 2,
        devices: undefined,
        timeoutMs: 3_600_000
      },
      // A terminal without --cache-dir: no cache.
      cache: { kind: 'off' },
      ranking: { metric: undefined, greaterIsBetter: undefined },
      gate: { minScore: undefined, baseline: undefined, maxRegression: undefined },
      report: { comment: 'auto', githubToken: undefined, artifactName: undefined },
      publish: {
        mode: 'auto',
        repo: undefined,
        token: undefined,
        hubUrl: 'https://huggingface.co',
        private: false,
        revision: 'main',
        createPr: false,
        commitMessage: undefined,
        modelCard: undefined,
        cardMetadata: 'none',
        cardTask: undefined,
        cardDataset: undefined,
        assets: [],
        exclude: [],
        dryRun: false,
        hubTag: false,
        hubTimeoutMs: 60_000,
        publishTimeoutMs: 7_200_000
      },
      shard: undefined,
      aggregate: undefined
    })
  })

  it('reads the gate, report, publish and shard inputs', () => {
    const c = parseConfig(
      read({
        'min-score': '0.7',
        baseline: 'HUB',
        'max-regression': '0',
        comment: 'false',
        'repo-id': 'acme/tiny',
        'hf-token': 'hf_x',
        publish: 'always',
        'hub-url': 'http://127.0.0.1:9/',
        private: 'TRUE',
        'create-pr': 'true',
        assets: 'figures/*.png\nnotes.md',
        exclude: 'optimizer.pt',
        'dry-run': 'true',
        'card-metadata': 'model-index'
      }),
      { ...defaults, hubUrl: 'https://ignored.example' }
    )
    expect(c.gate).toEqual({ minScore: 0.7, baseline: { kind: 'hub' }, maxRegression: 0 })
    expect(c.report.comment).toBe('never')
    expect(c.publish).toMatchObject({
      mode: 'always',
      repo: { namespace: 'acme', name: 'tiny' },
      token: 'hf_x',
      hubUrl: 'http://127.0.0.1:9',
      private: true,
      createPr: true,
      dryRun: true,
      cardMetadata: 'model-index',
      assets: ['figures/*.png', 'notes.md'],
      exclude: ['optimizer.pt']
    })
    expect(parseConfig(read({}), { ...defaults, hubUrl: 'https://hf.internal/' }).publish.hubUrl).toBe(
      'https://hf.internal'
    )
    expect(parseConfig(read({ shard: ' 2 / 4 ' }), defaults).shard).toEqual({ index: 2, count: 4 })
    expect(parseConfig(read({ baseline: 'prev/scores.json' }), defaults).gate.baseline).toEqual({
      kind: 'file',
      path: path.join(WORKSPACE, 'prev/scores.json'),
      given: 'prev/scores.json'
    })
  })

  it('reads benchmarks and weights as lists (the evaluator resolves the names)', () => {
    const c = parseConfig(
      read({
        benchmarks: 'Math Reasoning, common_sense\nCODE-GENERATION',
        weights: 'math reasoning=1.2\ncommon_sense: 0.5 # less'
      }),
      defaults
    )
    expect(c.evaluation.benchmarks).toEqual(['Math Reasoning', 'common_sense', 'CODE-GENERATION'])
    expect(c.evaluation.weights).toEqual({ 'math reasoning': 1.2, common_sense: 0.5 })
  })

  it('resolves every path input once, against the workspace, not the process folder', () => {
    const c = parseConfig(
      read({
        'checkpoint-dir': 'runs/ckpts',
        'output-dir': 'out',
        'model-card': 'card/README.md',
        baseline: 'prev.json',
        aggregate: 'shards/*.json'
      }),
      defaults
    )
    expect(c.checkpointDir).toBe(path.join(WORKSPACE, 'runs/ckpts'))
    expect(c.outputDir).toBe(path.join(WORKSPACE, 'out'))
    expect(c.publish.modelCard).toBe(path.join(WORKSPACE, 'card/README.md'))
    expect(c.gate.baseline).toEqual({ kind: 'file', path: path.join(WORKSPACE, 'prev.json'), given: 'prev.json' })
    expect(c.aggregate).toEqual({
      kind: 'files',
      pattern: path.join(WORKSPACE, 'shards/*.json'),
      given: 'shards/*.json'
    })
    expect(parseConfig(read({ 'checkpoint-dir': '/abs/ckpts' }), defaults).checkpointDir).toBe('/abs/ckpts')
    expect(parseConfig(read({ aggregate: 'artifacts' }), defaults).aggregate).toEqual({ kind: 'artifacts' })
  })

  it('takes defaults from the input table', () => {
    const c = parseConfig(read({}), defaults)
    expect(c.evaluation.timeoutMs).toBe(60 * 60_000)
    expect(c.ranking.metric).toBeUndefined() // chosen from the results (domain/rank.ts)
    expect(c.publish.cardMetadata).toBe('none')
  })

  it.each([
    ...['true', 'TRUE', 'yes', 'Yes', '1'].map((word) => [word, true] as const),
    ...['false', 'False', 'no', 'NO', '0'].map((word) => [word, false] as const)
  ])('reads %s as %s for every yes/no input (comment: always/never)', (word, yes) => {
    const yesNoInputs = ['private', 'create-pr', 'dry-run', 'hub-tag', 'greater-is-better', 'comment'] as const
    const c = parseConfig(read(Object.fromEntries(yesNoInputs.map((name) => [name, word]))), defaults)
    const { publish, ranking, report } = c
    expect([publish.private, publish.createPr, publish.dryRun, publish.hubTag, ranking.greaterIsBetter]).toEqual(
      Array(5).fill(yes)
    )
    expect(report.comment).toBe(yes ? 'always' : 'never')
  })

  it.each<[Partial<Record<InputName, string>>, RegExp]>([
    [{ evaluator: 'magic' }, /^Input 'evaluator': 'magic' must be one of builtin, command, results\.$/],
    [
      { weights: 'math_reasoning' },
      /^Input 'weights': 'math_reasoning' is not a weight\. Write one 'benchmark=weight'/
    ],
    [{ weights: 'math_reasoning=-1' }, /is not a weight/],
    [{ weights: 'math_reasoning=abc' }, /is not a weight/],
    [{ weights: 'math_reasoning=2,math_reasoning=3' }, /weighted twice/],
    [{ 'eval-concurrency': '0' }, /^Input 'eval-concurrency': '0' must be a whole number from 1 to 256\.$/],
    [{ 'eval-concurrency': '1e9' }, /^Input 'eval-concurrency': '1e9' must be a whole number from 1 to 256\.$/],
    [{ 'eval-concurrency': '100000' }, /must be a whole number from 1 to 256/],
    [{ 'eval-concurrency': '0x4' }, /must be a whole number from 1 to 256/],
    [{ 'eval-concurrency': '2.0' }, /must be a whole number from 1 to 256/],
    [{ 'min-score': '0x1' }, /^Input 'min-score': '0x1' is not a decimal number; write e\.g\. 0\.7\.$/],
    [{ 'min-score': '0b1' }, /is not a decimal number/],
    [{ 'min-score': 'Infinity' }, /is not a decimal number/],
    [{ 'min-score': '1_000' }, /is not a decimal number/],
    [{ 'max-regression': '0o7', baseline: 'hub' }, /is not a decimal number/],
    [{ 'eval-timeout': '0s' }, /^Input 'eval-timeout': '0s' is not a duration/],
    [{ 'hub-timeout': '0' }, /^Input 'hub-timeout': '0' is not a duration/],
    [{ 'publish-timeout': '-1h' }, /^Input 'publish-timeout': '-1h' is not a duration/],
    [{ 'eval-timeout': 'soon' }, /^Input 'eval-timeout': 'soon' is not a duration/],
    [{ 'greater-is-better': 'maybe' }, /^Input 'greater-is-better': 'maybe' must be true, false or auto\.$/],
    [{ 'min-score': 'high' }, /^Input 'min-score': 'high' is not a decimal number; write e\.g\. 0\.7\.$/],
    [{ 'max-regression': '0.01' }, /^Input 'max-regression': is set but baseline is not/],
    [{ 'max-regression': '-1', baseline: 'hub' }, /is negative/],
    [{ comment: 'sometimes' }, /^Input 'comment': 'sometimes' must be one of auto, always, never\.$/],
    [{ publish: 'yes' }, /^Input 'publish': 'yes' must be one of auto, always, never\.$/],
    [{ publish: 'always' }, /^Input 'repo-id': publish is 'always' but repo-id is empty/],
    [{ 'hub-url': 'huggingface.co' }, /^Input 'hub-url': 'huggingface\.co' is not a URL/],
    [{ 'hub-url': 'ftp://hub' }, /must be an http\(s\) URL/],
    [{ private: 'maybe' }, /^Input 'private': 'maybe' must be true or false \(yes\/no and 1\/0 work too\)\.$/],
    [{ 'card-metadata': 'all' }, /must be one of none, model-index/],
    [{ shard: '5/4' }, /^Input 'shard': '5\/4' must be i\/n with 1 <= i <= n/],
    [{ shard: 'two' }, /must be i\/n/],
    [{ shard: '1/2', aggregate: 'shards/' }, /^Input 'aggregate': a job either evaluates a shard or aggregates/],
    [{ shard: '1/2', publish: 'always', 'repo-id': 'a/b' }, /^Input 'publish': a shard job never publishes/],
    [{ 'repo-id': 'a/b/c' }, /^Invalid repo-id "a\/b\/c": it has more than one "\/"/]
  ])('rejects %j', (inputs, message) => {
    expect(() => parseConfig(read(inputs), defaults)).toThrow(message)
    if (!inputs['repo-id']) expect(() => parseConfig(read(inputs), defaults)).toThrow(InputError)
  })
})

describe('hub-url with credentials', () => {
  it.each(['http://alice:s3cr3t-pass@hub.local', 'https://:s3cr3t-pass@hub.local/', 'https://s3cr3t-pass@hub.local'])(
    'refuses %s before any request, without echoing the password',
    (url) => {
      let message = ''
      try {
        parseConfig(read({ 'hub-url': url }), defaults)
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(/^Input 'hub-url': holds a user name or password/)
      expect(message).toContain('https://hub.local'.replace('https:', url.split('//')[0]))
      expect(message).not.toContain('s3cr3t')
      expect(message).not.toContain('alice')
    }
  )

  it('does not echo user info in a URL that does not parse either', () => {
    expect(() => parseConfig(read({ 'hub-url': 'http://user:s3cr3t@[bad' }), defaults)).toThrow(
      /'http:\/\/\*\*\*@\[bad' is not a URL/
    )
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

describe('card-task and card-dataset (model-index)', () => {
  it('reads a Hub task id and a dataset as id, id:config or id:config:split', () => {
    const c = parseConfig(
      read({ 'card-task': 'text-classification', 'card-dataset': 'nyu-mll/glue:mrpc:test[:10%]' }),
      defaults
    )
    expect(c.publish.cardTask).toBe('text-classification')
    expect(c.publish.cardDataset).toEqual({
      type: 'nyu-mll/glue',
      name: 'nyu-mll/glue mrpc',
      config: 'mrpc',
      split: 'test[:10%]'
    })
    expect(parseConfig(read({ 'card-dataset': 'librispeech_asr' }), defaults).publish.cardDataset).toEqual({
      type: 'librispeech_asr',
      name: 'librispeech_asr'
    })
    expect(parseConfig(read({}), defaults).publish).toMatchObject({ cardTask: undefined, cardDataset: undefined })
  })

  it.each([
    [{ 'card-task': 'Text Classification' }, /^Input 'card-task': 'Text Classification' is not a Hub task id/],
    [{ 'card-dataset': 'glue::test' }, /^Input 'card-dataset': 'glue::test' must be a Hub dataset id/],
    [{ 'card-dataset': 'a/b/c' }, /e\.g\. nyu-mll\/glue:mrpc:validation/]
  ])('rejects %j', (inputs, message) => {
    expect(() => parseConfig(read(inputs), defaults)).toThrow(message)
  })
})

describe('path inputs stay inside the workspace or the runner temp folder', () => {
  let ws: string
  let temp: string
  beforeAll(() => {
    const base = mkdtempSync(path.join(tmpdir(), 'confine-'))
    ws = path.join(base, 'ws')
    temp = path.join(base, 'runner-temp')
    mkdirSync(path.join(ws, 'cards'), { recursive: true })
    mkdirSync(temp)
    symlinkSync('/etc', path.join(ws, 'etc-link'))
    writeFileSync(path.join(ws, 'cards/README.md'), '# card')
  })
  const action = () => ({ workspace: ws, outputDir: path.join(temp, 'out'), confineTo: { roots: [ws, temp] } })

  it.each<[Partial<Record<InputName, string>>, RegExp]>([
    [
      { 'model-card': '../../etc/passwd' },
      /^Input 'model-card': '\.\.\/\.\.\/etc\/passwd' is outside the workspace and the runner temp folder\./
    ],
    [
      { 'model-card': 'etc-link/passwd' },
      /^Input 'model-card': 'etc-link\/passwd' is outside .* \(it resolves to \/etc\/passwd through a symlink\)/
    ],
    [{ 'model-card': '/etc/passwd' }, /^Input 'model-card': '\/etc\/passwd' is outside/],
    [{ baseline: '/etc/scores.json' }, /^Input 'baseline': '\/etc\/scores\.json' is outside/],
    [{ 'output-dir': '/var/tmp/out' }, /^Input 'output-dir': '\/var\/tmp\/out' is outside/],
    [{ 'output-dir': 'etc-link/new/out' }, /^Input 'output-dir': .* through a symlink/],
    [
      { 'output-dir': '/proc/self/fd' },
      /^Input 'output-dir': '\/proc\/self\/fd' is inside \/proc, a kernel file system/
    ]
  ])('refuses %j in the action', (inputs, message) => {
    expect(() => parseConfig(read(inputs), action())).toThrow(message)
  })

  it('accepts paths in the workspace and in the runner temp folder', () => {
    const c = parseConfig(
      read({
        'model-card': 'cards/README.md',
        baseline: path.join(temp, 'old/scores.json'),
        'output-dir': path.join(temp, 'x')
      }),
      action()
    )
    expect(c.publish.modelCard).toBe(path.join(ws, 'cards/README.md'))
    expect(c.outputDir).toBe(path.join(temp, 'x'))
  })

  it('lets output-dir, which is only written, be in the system temp folder too, but no path that is read', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'confine-tmp-'))
    const withTmp = { ...action(), confineTo: { roots: [ws, temp], writableRoots: [other] } }
    expect(parseConfig(read({ 'output-dir': path.join(other, 'out') }), withTmp).outputDir).toBe(
      path.join(other, 'out')
    )
    expect(() => parseConfig(read({ 'model-card': path.join(other, 'README.md') }), withTmp)).toThrow(
      /^Input 'model-card': .* is outside the workspace and the runner temp folder\./
    )
  })

  it('lets a CLI user name a path outside explicitly, but never a kernel file system for output-dir', () => {
    const cli = { workspace: ws, outputDir: './eval-results', confineTo: { roots: [ws], exempt: () => true } }
    expect(parseConfig(read({ 'model-card': '/etc/hostname' }), cli).publish.modelCard).toBe('/etc/hostname')
    expect(() => parseConfig(read({ 'output-dir': '/proc' }), cli)).toThrow(/kernel file system/)
    const notExempt = { ...cli, confineTo: { roots: [ws] } }
    expect(() => parseConfig(read({ 'model-card': '/etc/hostname' }), notExempt)).toThrow(/is outside the workspace\./)
  })
})
