// A job matrix through the bundle: 4 shard jobs write their partial scores into one folder (as
// actions/download-artifact with merge-multiple leaves them), the aggregate job ranks them, and
// the result is the one an unsharded run gives.
import { cp, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { RANKING_OUTPUTS, runAction, type ActionRun } from './support/action-runner.js'
import { fakeRuntimeToken, readZip, startFakeArtifactService } from './support/artifact-server.js'
import { makeCheckpoint, makeRun, tempDir } from './support/workspace.js'

const STEPS = [50, 100, 150, 200, 300, 400, 500, 600, 800, 1000]

let dir: string
let cleanup: () => Promise<void>
let ckpts: string
let shardsDir: string
let shardRuns: ActionRun[]

const shardInputs = (k: number, extra: Record<string, string> = {}) => ({
  'checkpoint-dir': ckpts,
  'output-dir': shardsDir,
  shard: `${k}/4`,
  benchmarks: 'math_reasoning, logical_reasoning, code_generation',
  weights: 'logical_reasoning=2',
  ...extra
})

/**
 * scores.json without what legitimately differs between runs: `run` (timestamps), shard
 * metadata, and each checkpoint's measured durationMs (a busy runner makes even the built-in
 * suite take 1 ms now and then). Everything else must be byte-equal.
 */
async function comparable(file: string): Promise<string> {
  const text = await readFile(file, 'utf8')
  const doc = JSON.parse(text)
  expect(JSON.stringify(doc, null, 2) + '\n').toBe(text)
  delete doc.run
  delete doc.shard
  return JSON.stringify(doc, null, 2).replace(/"durationMs": \d+/g, '"durationMs": 0')
}

/** A folder holding the given shard files of the matrix run (copies). */
async function folderWith(name: string, files: Array<[from: string, to: string]>): Promise<string> {
  const folder = path.join(dir, name)
  for (const [from, to] of files) {
    await mkdir(path.dirname(path.join(folder, to)), { recursive: true })
    await cp(from, path.join(folder, to))
  }
  return folder
}
const shardFile = (k: number) => path.join(shardsDir, `scores-shard-${k}-of-4.json`)

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('shard-e2e-'))
  ckpts = path.join(dir, 'checkpoints')
  shardsDir = path.join(dir, 'shards')
  await makeRun(ckpts, STEPS)
  // Skipped by discovery: every shard and the aggregate report it once.
  await makeCheckpoint(ckpts, 'step_1200', { weights: 'none' })
  shardRuns = await Promise.all([1, 2, 3, 4].map((k) => runAction({ inputs: shardInputs(k) })))
})
afterAll(() => cleanup())

describe('shard k/4 jobs', () => {
  it('each evaluates its slice, writes scores-shard-k-of-4.json, does not gate or publish', async () => {
    const evaluated = shardRuns.map((r) => Number(r.outputs['checkpoints-evaluated']))
    expect(evaluated).toEqual([3, 3, 2, 2])
    for (const [i, r] of shardRuns.entries()) {
      const k = i + 1
      expect(r.stdout).not.toContain('::error::')
      expect(r.code).toBe(0)
      expect(r.outputs.gate).toBe('skipped')
      expect(r.outputs.published).toBe('false')
      expect(r.outputs['scores-file']).toBe(shardFile(k))
      expect(r.stdout).toContain(`Shard ${k}/4: ${evaluated[i]} of 10 checkpoints`)
      expect(r.summary).toContain(`> Shard ${k} of 4: these are this job's checkpoints only.`)
      expect(r.summary).toContain(`## Checkpoint evaluation (shard ${k}/4)`)
      expect(r.summary).not.toContain('Gate')
      const doc = JSON.parse(await readFile(shardFile(k), 'utf8'))
      expect(doc.shard).toEqual({ index: k, count: 4, listing: STEPS.map((s) => `step_${s}`) })
      expect(doc.checkpoints).toHaveLength(evaluated[i])
    }
    // Every checkpoint in exactly one shard.
    const names = (
      await Promise.all([1, 2, 3, 4].map(async (k) => JSON.parse(await readFile(shardFile(k), 'utf8')).checkpoints))
    )
      .flat()
      .map((c: { name: string }) => c.name)
    expect(names.sort()).toEqual(STEPS.map((s) => `step_${s}`).sort())
  })

  it('the aggregate run equals one unsharded run', async () => {
    const [aggregate, single] = await Promise.all([
      runAction({
        inputs: {
          ...shardInputs(1, { 'output-dir': path.join(dir, 'aggregate'), 'min-score': '0.5' }),
          shard: '',
          aggregate: shardsDir
        }
      }),
      runAction({
        inputs: { ...shardInputs(1, { 'output-dir': path.join(dir, 'single'), 'min-score': '0.5' }), shard: '' }
      })
    ])
    expect(aggregate.stdout).not.toContain('::error::')
    expect(aggregate.code).toBe(0)
    expect(single.code).toBe(0)
    expect(aggregate.stdout).toContain('Aggregating 4 shards:')
    for (const name of RANKING_OUTPUTS) expect([name, aggregate.outputs[name]]).toEqual([name, single.outputs[name]])
    expect(aggregate.outputs['best-checkpoint']).toBe(path.join(ckpts, 'step_1000'))
    expect(aggregate.outputs.gate).toBe('passed')
    expect(aggregate.outputs['checkpoints-skipped']).toBe('1')
    expect(aggregate.outputs['scores-file']).toBe(path.join(dir, 'aggregate', 'scores.json'))
    expect(await comparable(aggregate.outputs['scores-file'])).toBe(await comparable(single.outputs['scores-file']))
    expect(await readFile(path.join(dir, 'aggregate', 'scores.csv'), 'utf8')).toBe(
      await readFile(path.join(dir, 'single', 'scores.csv'), 'utf8')
    )
    // The report is the single run's, but for the path of the scores file.
    const strip = (summary: string) => summary.replace(/^Full results.*$/m, 'Full results')
    expect(strip(aggregate.summary)).toBe(strip(single.summary))
  })
})

describe('aggregate job with its own inputs', () => {
  it('ranks as the shards did when it does not repeat their weights and metric', async () => {
    const metricShards = path.join(dir, 'metric-shards')
    const runs = await Promise.all(
      [1, 2].map((k) =>
        runAction({ inputs: shardInputs(k, { shard: `${k}/2`, 'output-dir': metricShards, metric: 'math_reasoning' }) })
      )
    )
    expect(runs.map((r) => r.code)).toEqual([0, 0])
    const [aggregate, single] = await Promise.all([
      // Only what an aggregate job needs: the shard files and where the checkpoints are.
      runAction({
        inputs: { 'checkpoint-dir': ckpts, aggregate: metricShards, 'output-dir': path.join(dir, 'metric-aggregate') }
      }),
      runAction({
        inputs: {
          ...shardInputs(1, { 'output-dir': path.join(dir, 'metric-single'), metric: 'math_reasoning' }),
          shard: ''
        }
      })
    ])
    expect(aggregate.stdout).not.toContain('::error::')
    expect(aggregate.stdout).toContain("Using the shards' weights: logical_reasoning=2.")
    for (const name of RANKING_OUTPUTS) expect([name, aggregate.outputs[name]]).toEqual([name, single.outputs[name]])
    expect(await comparable(aggregate.outputs['scores-file'])).toBe(await comparable(single.outputs['scores-file']))
  })

  it("re-ranks the shards' scores by a metric the aggregate job sets", async () => {
    const r = await runAction({
      inputs: {
        'checkpoint-dir': ckpts,
        aggregate: shardsDir,
        'output-dir': path.join(dir, 'rerank'),
        metric: 'code_generation',
        weights: 'logical_reasoning=2'
      }
    })
    expect(r.code).toBe(0)
    const doc = JSON.parse(await readFile(r.outputs['scores-file'], 'utf8'))
    expect(doc.metric).toEqual({ name: 'code_generation', greaterIsBetter: true })
    expect(r.outputs['metric-value']).toBe(String(doc.winner.scores.code_generation))
  })
})

describe('evaluator: command, sharded (examples/real)', () => {
  // Discovery order is by step: 5, 20, 50, 100, 200, 400, 700, 1000; shard 1/4 gets 5 and 200.
  const FAILING = ['checkpoint-5', 'checkpoint-200']
  const command = `case {name} in ${FAILING.join('|')}) echo "killed: out of memory" >&2; exit 137;; esac; node examples/real/evaluate.mjs {checkpoint}`
  const inputs = (extra: Record<string, string>) => ({
    'checkpoint-dir': 'examples/real/checkpoints',
    evaluator: 'command',
    'eval-command': command,
    metric: 'accuracy',
    ...extra
  })

  it('a shard whose checkpoints all fail still reports them, and the aggregate equals one run', async () => {
    const folder = path.join(dir, 'command-shards')
    const shards = await Promise.all(
      [1, 2, 3, 4].map((k) => runAction({ inputs: inputs({ shard: `${k}/4`, 'output-dir': folder }) }))
    )
    expect(shards.map((r) => r.code)).toEqual([0, 0, 0, 0])
    expect(shards[0].outputs).toMatchObject({
      'checkpoints-evaluated': '0',
      'checkpoints-failed': '2',
      gate: 'skipped'
    })
    expect(shards[0].stdout).toContain('::warning::All 2 checkpoints of shard 1/4 failed')
    expect(shards[0].summary).toContain('### ❌ Failed (2)')

    const [aggregate, single] = await Promise.all([
      runAction({ inputs: inputs({ aggregate: folder, 'output-dir': path.join(dir, 'command-aggregate') }) }),
      runAction({ inputs: inputs({ 'output-dir': path.join(dir, 'command-single') }) })
    ])
    expect(aggregate.stdout).not.toContain('::error::')
    expect(aggregate.code).toBe(0)
    expect(single.code).toBe(0)
    for (const name of RANKING_OUTPUTS) expect([name, aggregate.outputs[name]]).toEqual([name, single.outputs[name]])
    expect(aggregate.outputs['checkpoints-failed']).toBe('2')
    expect(await comparable(aggregate.outputs['scores-file'])).toBe(await comparable(single.outputs['scores-file']))
  })

  it('the aggregate fails, as one run would, when every checkpoint failed in every shard', async () => {
    const folder = path.join(dir, 'command-all-fail')
    const failing = { 'eval-command': 'echo "no GPU" >&2; exit 1 # {checkpoint}' }
    const shards = await Promise.all(
      [1, 2].map((k) => runAction({ inputs: inputs({ ...failing, shard: `${k}/2`, 'output-dir': folder }) }))
    )
    expect(shards.map((r) => r.code)).toEqual([0, 0])
    const r = await runAction({
      inputs: inputs({ ...failing, aggregate: folder, 'output-dir': path.join(dir, 'command-all-fail-out') })
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /::error::evaluator 'command': all 8 checkpoint\(s\) failed in the 2 shards\. First failure, checkpoint-5 \(shard 1\/2\): the command exited with code 1/
    )
  })
})

describe('aggregate refuses shards that do not fit together', () => {
  it('a missing shard', async () => {
    const folder = await folderWith(
      'missing',
      [1, 2, 4].map((k) => [shardFile(k), `scores-shard-${k}-of-4.json`])
    )
    const r = await runAction({
      inputs: { 'checkpoint-dir': ckpts, aggregate: folder, 'output-dir': path.join(dir, 'out-missing') }
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::aggregate: shard 3\/4 missing \(found 1\/4, 2\/4, 4\/4\)/)
    expect(r.outputs).toEqual({})
  })

  it('a duplicated shard', async () => {
    const folder = await folderWith('duplicate', [
      ...[1, 2, 3, 4].map((k): [string, string] => [shardFile(k), `scores-shard-${k}-of-4.json`]),
      [shardFile(2), 'rerun/scores-shard-2-of-4.json']
    ])
    const r = await runAction({
      inputs: { 'checkpoint-dir': ckpts, aggregate: folder, 'output-dir': path.join(dir, 'out-dup') }
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /::error::aggregate: shard 2\/4 appears twice \(.*scores-shard-2-of-4\.json and .*scores-shard-2-of-4\.json\)/
    )
  })

  it('a shard run with other weights, or other benchmarks', async () => {
    for (const [name, extra] of [
      ['weights', { weights: 'logical_reasoning=3' }],
      ['benchmarks', { benchmarks: 'math_reasoning, logical_reasoning', weights: '' }]
    ] as const) {
      const out = path.join(dir, `other-${name}`)
      const odd = await runAction({ inputs: shardInputs(3, { 'output-dir': out, ...extra }) })
      expect(odd.code).toBe(0)
      const folder = await folderWith(`mismatch-${name}`, [
        ...[1, 2, 4].map((k): [string, string] => [shardFile(k), `scores-shard-${k}-of-4.json`]),
        [path.join(out, 'scores-shard-3-of-4.json'), 'scores-shard-3-of-4.json']
      ])
      const r = await runAction({
        inputs: { 'checkpoint-dir': ckpts, aggregate: folder, 'output-dir': path.join(dir, `out-${name}`) }
      })
      expect(r.code).toBe(1)
      expect(r.stdout).toMatch(
        /::error::aggregate: shard 3\/4 \(.*\) was evaluated with other settings \(evaluator, benchmarks, weights or metric\) than shard 1\/4/
      )
    }
  })

  it('a shard that saw a different checkpoint listing', async () => {
    const other = path.join(dir, 'checkpoints-more')
    await makeRun(other, [...STEPS, 1100])
    const out = path.join(dir, 'other-listing')
    const odd = await runAction({ inputs: shardInputs(2, { 'checkpoint-dir': other, 'output-dir': out }) })
    expect(odd.code).toBe(0)
    const folder = await folderWith('listing', [
      ...[1, 3, 4].map((k): [string, string] => [shardFile(k), `scores-shard-${k}-of-4.json`]),
      [path.join(out, 'scores-shard-2-of-4.json'), 'scores-shard-2-of-4.json']
    ])
    const r = await runAction({
      inputs: { 'checkpoint-dir': ckpts, aggregate: folder, 'output-dir': path.join(dir, 'out-listing') }
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /::error::aggregate: shard 2\/4 \(.*\) saw a different list of checkpoints than shard 1\/4/
    )
  })

  it('shard files of different splits, and a full run mixed in', async () => {
    const two = path.join(dir, 'two-way')
    await runAction({ inputs: shardInputs(1, { shard: '1/2', 'output-dir': two }) })
    const mixed = await folderWith('mixed-n', [
      ...[1, 2, 3, 4].map((k): [string, string] => [shardFile(k), `scores-shard-${k}-of-4.json`]),
      [path.join(two, 'scores-shard-1-of-2.json'), 'scores-shard-1-of-2.json']
    ])
    const r = await runAction({
      inputs: { 'checkpoint-dir': ckpts, aggregate: mixed, 'output-dir': path.join(dir, 'out-mixed') }
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::aggregate: shard \d\/\d \(.*\) belongs to a \d-way split/)

    // A glob that also matches a full run's scores.json.
    const withFull = await folderWith('with-full', [
      ...[1, 2, 3, 4].map((k): [string, string] => [shardFile(k), `scores-shard-${k}-of-4.json`]),
      [path.join(dir, 'single', 'scores.json'), 'scores.json']
    ])
    const full = await runAction({
      inputs: { 'checkpoint-dir': ckpts, aggregate: `${withFull}/*.json`, 'output-dir': path.join(dir, 'out-full') }
    })
    expect(full.code).toBe(1)
    expect(full.stdout).toMatch(/::error::aggregate: .*scores\.json is a full run's scores, not a shard's partial file/)

    const empty = path.join(dir, 'empty')
    await mkdir(empty)
    const none = await runAction({
      inputs: { 'checkpoint-dir': ckpts, aggregate: empty, 'output-dir': path.join(dir, 'out-empty') }
    })
    expect(none.code).toBe(1)
    expect(none.stdout).toMatch(/::error::aggregate: no shard score files/)
  })
})

describe('shard artifacts', () => {
  it('a shard uploads checkpoint-eval-shard-k-of-4 with its partial files', async () => {
    const service = await startFakeArtifactService()
    try {
      const out = path.join(dir, 'artifact-shard')
      const r = await runAction({
        inputs: shardInputs(2, { 'output-dir': out }),
        env: {
          ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken('run-1', 'job-shard-2'),
          ACTIONS_RESULTS_URL: service.resultsUrl
        }
      })
      expect(r.code).toBe(0)
      const stored = service.artifacts.get('checkpoint-eval-shard-2-of-4')
      expect(stored).toBeDefined()
      expect([...service.artifacts.keys()]).toEqual(['checkpoint-eval-shard-2-of-4'])
      expect(r.outputs['artifact-id']).toBe(String(stored!.id))
      expect(r.outputs['artifact-url']).toBe(
        `https://github.com/acme/trainer/actions/runs/4242/artifacts/${stored!.id}`
      )
      const files = readZip(stored!.content)
      expect([...files.keys()].sort()).toEqual([
        'scores-shard-2-of-4.csv',
        'scores-shard-2-of-4.json',
        'scores-shard-2-of-4.summary.md'
      ])
      expect(JSON.parse(files.get('scores-shard-2-of-4.json')!.toString('utf8')).shard).toMatchObject({
        index: 2,
        count: 4
      })
      expect(files.get('scores-shard-2-of-4.summary.md')!.toString('utf8')).toBe(r.summary)

      // With artifact-name, the shard suffix is kept so the aggregate's pattern finds it.
      const named = await runAction({
        inputs: shardInputs(3, { 'output-dir': path.join(dir, 'artifact-named'), 'artifact-name': 'scores' }),
        env: {
          ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken('run-1', 'job-shard-3'),
          ACTIONS_RESULTS_URL: service.resultsUrl
        }
      })
      expect(named.code).toBe(0)
      expect(service.artifacts.has('scores-shard-3-of-4')).toBe(true)
    } finally {
      await service.close()
    }
  })
})
