// The results cache through the bundle: the CLI with --cache-dir, and the action with the GitHub
// Actions cache (the real @actions/cache client against a loopback cache service). The eval
// command appends each checkpoint it evaluates to a file, so the tests count real evaluations.
import { appendFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ROOT, runAction, runProcess } from './support/action-runner.js'
import { fakeRuntimeToken } from './support/artifact-server.js'
import { startFakeCacheService, type FakeCacheService } from './support/cache-server.js'
import { makeCheckpoint, tempDir, tinySafetensors } from './support/workspace.js'

// Scores depend on the weights' bytes, so changed weights give a changed score.
const EVAL_SCRIPT = `
import { appendFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
const dir = process.argv[2]
appendFileSync(process.env.CALLS_FILE, dir.split(/[\\\\/]/).pop() + '\\n')
const bytes = readFileSync(join(dir, 'model.safetensors'))
const sum = bytes.reduce((a, b) => a + b, 0)
const step = Number(/(\\d+)$/.exec(dir)[1])
console.log(JSON.stringify({ accuracy: Math.round((0.5 + step / 10000 + (sum % 97) / 10000) * 1e6) / 1e6, eval_loss: 1 - step / 10000 }))
`
const NODE = JSON.stringify(process.execPath)
const EVAL = `${NODE} eval.mjs {checkpoint}`

let dir: string
let cleanup: () => Promise<void>

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('cache-e2e-'))
  await writeFile(path.join(dir, 'eval.mjs'), EVAL_SCRIPT)
  for (const [i, step] of [100, 200, 300].entries()) await checkpoint(step, i)
})
afterEach(() => cleanup())

async function checkpoint(step: number, seed: number): Promise<void> {
  await makeCheckpoint(path.join(dir, 'checkpoints'), `step_${step}`)
  await weights(step, seed)
}

async function weights(step: number, seed: number): Promise<void> {
  const file = path.join(dir, 'checkpoints', `step_${step}`, 'model.safetensors')
  await writeFile(file, tinySafetensors([0.1 * seed, 0.2, 0.3 + seed, 0.4]))
}

/** Checkpoints the eval command ran on since the last call. */
async function calls(): Promise<string[]> {
  const file = path.join(dir, 'calls.log')
  const text = await readFile(file, 'utf8').catch(() => '')
  await writeFile(file, '')
  return text.split('\n').filter(Boolean).sort()
}

/** scores.json without the fields that say when, which run and how fast (and which results came from the cache). */
async function scoresWithoutTiming(outputDir: string): Promise<unknown> {
  const doc = JSON.parse(await readFile(path.join(outputDir, 'scores.json'), 'utf8'))
  delete doc.run.createdAt
  // Which workflow run wrote it (the action): another run, by definition.
  if (doc.run.github) delete doc.run.github.runId
  for (const c of doc.checkpoints) {
    delete c.durationMs
    delete c.cached
  }
  return doc
}

const ranking = async (outputDir: string) =>
  (
    JSON.parse(await readFile(path.join(outputDir, 'scores.json'), 'utf8')).checkpoints as Array<{
      name: string
      rank: number
      value: number
    }>
  ).map((c) => [c.name, c.rank, c.value])

describe('CLI with --cache-dir', () => {
  const cli = (out: string, extra: string[] = [], command = EVAL) =>
    runProcess({
      script: path.join(ROOT, 'dist/index.js'),
      args: [
        '--evaluator',
        'command',
        '--eval-command',
        command,
        '--cache-dir',
        '.eval-cache',
        '--output-dir',
        out,
        ...extra
      ],
      cwd: dir,
      env: { PATH: process.env.PATH, CALLS_FILE: path.join(dir, 'calls.log') }
    })

  it('evaluates only what changed, and a fully cached run writes the same ranking and scores', async () => {
    const first = await cli('out-1')
    expect(first.stderr).not.toContain('warning')
    expect(first.code).toBe(0)
    expect(await calls()).toEqual(['step_100', 'step_200', 'step_300'])
    const entries = (await readdir(path.join(dir, '.eval-cache'))).filter((n) => /^[0-9a-f]{64}\.json$/.test(n))
    expect(entries).toHaveLength(3)
    // Scores only: no command line, no path.
    for (const entry of entries) {
      const text = await readFile(path.join(dir, '.eval-cache', entry), 'utf8')
      expect(text).not.toContain('eval.mjs')
      expect(text).not.toContain(dir)
    }

    const second = await cli('out-2')
    expect(second.code).toBe(0)
    expect(await calls()).toEqual([])
    expect(second.stderr).toContain('Results cache (cache-dir .eval-cache): 3 of 3 checkpoint(s) cached, 0 to evaluate')
    expect(second.stderr).toMatch(/step_200: cached \(evaluated \S+, saves \d/)
    expect(await ranking(path.join(dir, 'out-2'))).toEqual(await ranking(path.join(dir, 'out-1')))
    expect(await scoresWithoutTiming(path.join(dir, 'out-2'))).toEqual(
      await scoresWithoutTiming(path.join(dir, 'out-1'))
    )
    expect(await readFile(path.join(dir, 'out-2/scores.csv'), 'utf8')).toBe(
      await readFile(path.join(dir, 'out-1/scores.csv'), 'utf8')
    )
    const cachedDoc = JSON.parse(await readFile(path.join(dir, 'out-2/scores.json'), 'utf8'))
    expect(
      cachedDoc.checkpoints.every((c: { cached?: { savedMs: number } }) => c.cached && c.cached.savedMs >= 0)
    ).toBe(true)
    const filledDoc = JSON.parse(await readFile(path.join(dir, 'out-1/scores.json'), 'utf8'))
    expect(filledDoc.checkpoints.some((c: { cached?: unknown }) => c.cached)).toBe(false)

    await checkpoint(400, 7)
    expect((await cli('out-3')).code).toBe(0)
    expect(await calls()).toEqual(['step_400'])

    await weights(200, 9)
    const changed = await cli('out-4')
    expect(changed.code).toBe(0)
    expect(await calls()).toEqual(['step_200'])
    const before = (await ranking(path.join(dir, 'out-3'))).find((r) => r[0] === 'step_200')
    const after = (await ranking(path.join(dir, 'out-4'))).find((r) => r[0] === 'step_200')
    expect(after?.[2]).not.toBe(before?.[2])

    // A re-download: same bytes, new files (new mtimes, new inodes) -> still cached.
    const copy = await readFile(path.join(dir, 'checkpoints/step_300/model.safetensors'))
    await rm(path.join(dir, 'checkpoints/step_300/model.safetensors'))
    await writeFile(path.join(dir, 'checkpoints/step_300/model.safetensors'), copy)
    expect((await cli('out-5')).code).toBe(0)
    expect(await calls()).toEqual([])

    // Another command is another evaluator: everything again.
    expect((await cli('out-6', [], `${EVAL} --limit 100`)).code).toBe(0)
    expect(await calls()).toEqual(['step_100', 'step_200', 'step_300', 'step_400'])

    // So is a changed evaluation script the command names.
    await appendFile(path.join(dir, 'eval.mjs'), '\n// a change to the evaluation\n')
    expect((await cli('out-7')).code).toBe(0)
    expect(await calls()).toEqual(['step_100', 'step_200', 'step_300', 'step_400'])
  }, 120_000)

  it('takes a corrupt or unreadable entry for a miss with a warning, and replaces it', async () => {
    expect((await cli('out-1')).code).toBe(0)
    await calls()
    const entries = (await readdir(path.join(dir, '.eval-cache'))).filter((n) => /^[0-9a-f]{64}\.json$/.test(n))
    await writeFile(path.join(dir, '.eval-cache', entries[0]), '{"schema": "checkpoint-eval/cached-result", "vers')
    const second = await cli('out-2')
    expect(second.code).toBe(0)
    expect(await calls()).toHaveLength(1)
    expect(second.stderr).toMatch(/warning: Cache entry for step_\d00 is not valid JSON .*; evaluating it again/)
    expect(await ranking(path.join(dir, 'out-2'))).toEqual(await ranking(path.join(dir, 'out-1')))
    // Replaced: the next run is fully cached and quiet.
    const third = await cli('out-3')
    expect(await calls()).toEqual([])
    expect(third.stderr).not.toContain('warning')
  }, 60_000)

  it('is off without --cache-dir: every run evaluates everything and writes no cache', async () => {
    const run = () =>
      runProcess({
        script: path.join(ROOT, 'dist/index.js'),
        args: ['--evaluator', 'command', '--eval-command', EVAL, '--output-dir', 'out'],
        cwd: dir,
        env: { PATH: process.env.PATH, CALLS_FILE: path.join(dir, 'calls.log') }
      })
    expect((await run()).code).toBe(0)
    expect((await run()).code).toBe(0)
    expect(await calls()).toEqual(['step_100', 'step_100', 'step_200', 'step_200', 'step_300', 'step_300'])
    const doc = JSON.parse(await readFile(path.join(dir, 'out/scores.json'), 'utf8'))
    expect(doc.checkpoints.some((c: { cached?: unknown }) => c.cached)).toBe(false)
    expect((await readdir(dir)).sort()).toEqual(['calls.log', 'checkpoints', 'eval.mjs', 'out'])
  }, 60_000)
})

describe('the action with the GitHub Actions cache', () => {
  let service: FakeCacheService
  let runnerTemp: string

  beforeEach(async () => {
    service = await startFakeCacheService()
    runnerTemp = path.join(dir, 'runner-temp')
    await mkdir(runnerTemp)
  })
  afterEach(() => service.close())

  /** One workflow run on a fresh runner: same RUNNER_TEMP path, nothing left in it. */
  async function actionRun(runId: string, inputs: Record<string, string> = {}) {
    await rm(runnerTemp, { recursive: true, force: true })
    await mkdir(runnerTemp)
    return runAction({
      cwd: dir,
      inputs: { evaluator: 'command', 'eval-command': EVAL, 'output-dir': `out-${runId}`, comment: 'never', ...inputs },
      env: {
        RUNNER_TEMP: runnerTemp,
        GITHUB_RUN_ID: runId,
        ACTIONS_RESULTS_URL: service.resultsUrl,
        ACTIONS_CACHE_SERVICE_V2: 'true',
        ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken('run-backend', 'job-backend'),
        CALLS_FILE: path.join(dir, 'calls.log')
      },
      timeoutMs: 90_000
    })
  }

  it('restores by prefix, evaluates only what changed, and saves a new key per run', async () => {
    const first = await actionRun('5001')
    expect(first.stdout).not.toContain('::error::')
    expect(first.code).toBe(0)
    expect(await calls()).toEqual(['step_100', 'step_200', 'step_300'])
    expect(first.outputs['evaluations-run']).toBe('3')
    expect(first.outputs['checkpoints-cached']).toBe('0')
    expect([...service.entries.keys()]).toEqual([
      expect.stringMatching(/^checkpoint-eval-results-v1-[0-9a-f]{24}-5001-1$/)
    ])
    expect(first.summary).toContain('Results cache: 0 of 3 checkpoint(s) cached, 3 evaluated')

    const second = await actionRun('5002')
    expect(second.code).toBe(0)
    expect(await calls()).toEqual([])
    expect(second.outputs['evaluations-run']).toBe('0')
    expect(second.outputs['checkpoints-cached']).toBe('3')
    expect(second.outputs['best-checkpoint']).toBe(first.outputs['best-checkpoint'])
    expect(second.outputs['metric-value']).toBe(first.outputs['metric-value'])
    expect(await scoresWithoutTiming(path.join(dir, 'out-5002'))).toEqual(
      await scoresWithoutTiming(path.join(dir, 'out-5001'))
    )
    expect(second.summary).toMatch(
      /Results cache: 3 of 3 checkpoint\(s\) cached, 0 evaluated, [\d.]+s of evaluation saved/
    )
    expect(second.summary).toMatch(/\| step_100 \| cached \(evaluated [^)]+\) \| [\d.]+s saved \|/)
    // Nothing new: no new cache entry.
    expect(service.entries.size).toBe(1)
    const restore = service.calls.filter((c) => c.method === 'GetCacheEntryDownloadURL').pop()!
    expect(restore.body.key).toMatch(/-5002-1$/)
    expect(restore.body.restore_keys).toEqual([expect.stringMatching(/^checkpoint-eval-results-v1-[0-9a-f]{24}-$/)])

    await checkpoint(400, 3)
    const third = await actionRun('5003')
    expect(third.code).toBe(0)
    expect(await calls()).toEqual(['step_400'])
    expect(third.outputs['evaluations-run']).toBe('1')
    expect(service.entries.size).toBe(2)

    // The newest entry holds all four: a run after it evaluates nothing.
    await weights(100, 5)
    const fourth = await actionRun('5004')
    expect(fourth.code).toBe(0)
    expect(await calls()).toEqual(['step_100'])

    const fifth = await actionRun('5005', { 'eval-command': `${EVAL} --limit 100` })
    expect(fifth.code).toBe(0)
    expect(await calls()).toEqual(['step_100', 'step_200', 'step_300', 'step_400'])
  }, 300_000)

  it('gives each shard its own line of caches, falling back to the unsharded one', async () => {
    expect((await actionRun('7001')).code).toBe(0)
    await calls()
    await checkpoint(400, 3)
    const shard = await actionRun('7002', { shard: '2/2' })
    expect(shard.code).toBe(0)
    // Shard 2 of 2 has step_200 and step_400: step_200 comes from the unsharded run's cache.
    expect(await calls()).toEqual(['step_400'])
    const restore = service.calls.filter((c) => c.method === 'GetCacheEntryDownloadURL').pop()!
    expect(restore.body.key).toMatch(/^checkpoint-eval-results-v1-[0-9a-f]{24}-shard-2-of-2-7002-1$/)
    expect(restore.body.restore_keys).toEqual([
      expect.stringMatching(/^checkpoint-eval-results-v1-[0-9a-f]{24}-shard-2-of-2-$/),
      expect.stringMatching(/^checkpoint-eval-results-v1-[0-9a-f]{24}-$/)
    ])
    expect([...service.entries.keys()]).toContainEqual(expect.stringMatching(/-shard-2-of-2-7002-1$/))
    const again = await actionRun('7003', { shard: '2/2' })
    expect(again.code).toBe(0)
    expect(await calls()).toEqual([])
  }, 120_000)

  it('cache: false evaluates everything and talks to no cache service', async () => {
    expect((await actionRun('6001', { cache: 'false' })).code).toBe(0)
    expect((await actionRun('6002', { cache: 'false' })).code).toBe(0)
    expect(await calls()).toHaveLength(6)
    expect(service.calls).toEqual([])
  }, 120_000)

  it('says the cache is not available, and evaluates everything, on a runner without a cache service', async () => {
    await rm(runnerTemp, { recursive: true, force: true })
    await mkdir(runnerTemp)
    const run = await runAction({
      cwd: dir,
      inputs: { evaluator: 'command', 'eval-command': EVAL, 'output-dir': 'out-7001', comment: 'never' },
      env: { RUNNER_TEMP: runnerTemp, GITHUB_RUN_ID: '7001', CALLS_FILE: path.join(dir, 'calls.log') },
      timeoutMs: 90_000
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('The GitHub Actions cache is not available to this job: evaluating every checkpoint.')
    expect(await calls()).toEqual(['step_100', 'step_200', 'step_300'])
    expect(run.outputs['evaluations-run']).toBe('3')
    expect(service.calls).toEqual([])
  }, 120_000)
})
