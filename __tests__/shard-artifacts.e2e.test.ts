// `aggregate: artifacts` through the bundle: 4 shard jobs upload their partial scores to the
// (loopback) artifact service of one workflow run, and the aggregate job downloads them itself,
// with no actions/download-artifact step, and gets what one unsharded run gets.
import { cp, mkdir, readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { RANKING_OUTPUTS, runAction, type ActionRun } from './support/action-runner.js'
import { fakeRuntimeToken, startFakeArtifactService, type FakeArtifactService } from './support/artifact-server.js'
import { makeCheckpoint, makeRun, tempDir } from './support/workspace.js'

const STEPS = [50, 100, 150, 200, 300, 400, 500, 600, 800, 1000]
const SHARD_ARTIFACTS = [1, 2, 3, 4].map((k) => `checkpoint-eval-shard-${k}-of-4`)

let dir: string
let cleanup: () => Promise<void>
let ckpts: string
let service: FakeArtifactService
let shardRuns: ActionRun[]

const evalInputs = (extra: Record<string, string> = {}) => ({
  'checkpoint-dir': ckpts,
  benchmarks: 'math_reasoning, logical_reasoning, code_generation',
  weights: 'logical_reasoning=2',
  ...extra
})

/** A job of run `run` talking to `svc`, as the runner sets it up. */
const jobEnv = (svc: FakeArtifactService, job: string, run = 'run-backend-1') => ({
  ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(run, job),
  ACTIONS_RESULTS_URL: svc.resultsUrl
})

/** scores.json without `run`, shard metadata and measured durations (as shard.e2e.test.ts compares). */
async function comparable(file: string): Promise<string> {
  const text = await readFile(file, 'utf8')
  const doc = JSON.parse(text)
  expect(JSON.stringify(doc, null, 2) + '\n').toBe(text)
  delete doc.run
  delete doc.shard
  return JSON.stringify(doc, null, 2).replace(/"durationMs": \d+/g, '"durationMs": 0')
}

/** A fresh service holding copies of some of the shard artifacts `service` has. */
async function serviceWith(names: string[]): Promise<FakeArtifactService> {
  const svc = await startFakeArtifactService()
  for (const name of names) svc.artifacts.set(name, { ...service.artifacts.get(name)! })
  return svc
}

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('shard-artifacts-e2e-'))
  ckpts = path.join(dir, 'checkpoints')
  await makeRun(ckpts, STEPS)
  await makeCheckpoint(ckpts, 'step_1200', { weights: 'none' })
  service = await startFakeArtifactService()
  // Each shard job writes into its own output folder (its own runner): only the artifacts connect them.
  shardRuns = await Promise.all(
    [1, 2, 3, 4].map((k) =>
      runAction({
        inputs: evalInputs({ shard: `${k}/4`, 'output-dir': path.join(dir, `shard-${k}`) }),
        env: jobEnv(service, `job-shard-${k}`)
      })
    )
  )
})
afterAll(async () => {
  await service?.close()
  await cleanup()
})

describe('aggregate: artifacts', () => {
  it('the shard jobs upload their artifacts to the run', () => {
    for (const r of shardRuns) {
      expect(r.stdout).not.toContain('::error::')
      expect(r.code).toBe(0)
    }
    expect([...service.artifacts.keys()].sort()).toEqual(SHARD_ARTIFACTS)
  })

  it('downloads them into <output-dir>/shards and equals one unsharded run', async () => {
    const single = await startFakeArtifactService()
    try {
      const out = path.join(dir, 'aggregate')
      const [aggregate, alone] = await Promise.all([
        runAction({
          inputs: evalInputs({ aggregate: 'artifacts', 'output-dir': out, 'min-score': '0.5' }),
          env: jobEnv(service, 'job-aggregate')
        }),
        runAction({
          inputs: evalInputs({ 'output-dir': path.join(dir, 'single'), 'min-score': '0.5' }),
          env: jobEnv(single, 'job-single', 'run-backend-2')
        })
      ])
      expect(aggregate.stdout).not.toContain('::error::')
      expect(aggregate.code).toBe(0)
      expect(alone.code).toBe(0)
      for (const name of SHARD_ARTIFACTS) {
        expect(aggregate.stdout).toMatch(
          new RegExp(
            `Downloaded artifact ${name} \\(id \\d+, shard \\d/4\\) into ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/shards/${name}`
          )
        )
      }
      expect(aggregate.stdout).toContain(`Shard artifacts downloaded: ${SHARD_ARTIFACTS.join(', ')}`)
      expect(aggregate.stdout).toContain('Aggregating 4 shards:')
      expect((await readdir(path.join(out, 'shards'))).sort()).toEqual(SHARD_ARTIFACTS)
      for (const [i, name] of SHARD_ARTIFACTS.entries()) {
        const k = i + 1
        // What the shard job wrote is what the aggregate job got, byte for byte.
        expect(await readFile(path.join(out, 'shards', name, `scores-shard-${k}-of-4.json`), 'utf8')).toBe(
          await readFile(path.join(dir, `shard-${k}`, `scores-shard-${k}-of-4.json`), 'utf8')
        )
      }

      for (const name of RANKING_OUTPUTS) expect([name, aggregate.outputs[name]]).toEqual([name, alone.outputs[name]])
      expect(aggregate.outputs['best-checkpoint']).toBe(path.join(ckpts, 'step_1000'))
      expect(aggregate.outputs.gate).toBe('passed')
      expect(aggregate.outputs['checkpoints-skipped']).toBe('1')
      expect(aggregate.outputs['scores-file']).toBe(path.join(out, 'scores.json'))
      expect(await comparable(aggregate.outputs['scores-file'])).toBe(await comparable(alone.outputs['scores-file']))
      expect(await readFile(path.join(out, 'scores.csv'), 'utf8')).toBe(
        await readFile(path.join(dir, 'single', 'scores.csv'), 'utf8')
      )
      const strip = (summary: string) => summary.replace(/^Full results.*$/m, 'Full results')
      expect(strip(aggregate.summary)).toBe(strip(alone.summary))

      // The aggregate job uploads its own scores artifact next to the shards' ones.
      expect(service.artifacts.size).toBe(5)
      expect(aggregate.outputs['artifact-id']).toBe(
        String([...service.artifacts.values()].find((a) => !SHARD_ARTIFACTS.includes(a.name))!.id)
      )
    } finally {
      await single.close()
    }
  })

  it('with artifact-name, looks for <artifact-name>-shard-i-of-n', async () => {
    const svc = await startFakeArtifactService()
    try {
      for (const name of SHARD_ARTIFACTS)
        svc.artifacts.set(name.replace('checkpoint-eval', 'scores'), {
          ...service.artifacts.get(name)!,
          name: name.replace('checkpoint-eval', 'scores')
        })
      const r = await runAction({
        inputs: evalInputs({
          aggregate: 'artifacts',
          'artifact-name': 'scores',
          'output-dir': path.join(dir, 'named')
        }),
        env: jobEnv(svc, 'job-aggregate')
      })
      expect(r.stdout).not.toContain('::error::')
      expect(r.code).toBe(0)
      expect(r.stdout).toContain(
        'Shard artifacts downloaded: scores-shard-1-of-4, scores-shard-2-of-4, scores-shard-3-of-4, scores-shard-4-of-4'
      )
      expect(r.outputs['best-checkpoint']).toBe(path.join(ckpts, 'step_1000'))
    } finally {
      await svc.close()
    }
  })

  it('a missing shard artifact: exit 1 naming the missing shard', async () => {
    const svc = await serviceWith(SHARD_ARTIFACTS.filter((n) => n !== 'checkpoint-eval-shard-3-of-4'))
    try {
      const r = await runAction({
        inputs: evalInputs({ aggregate: 'artifacts', 'output-dir': path.join(dir, 'missing') }),
        env: jobEnv(svc, 'job-aggregate')
      })
      expect(r.code).toBe(1)
      expect(r.stdout).toContain(
        'Shard artifacts downloaded: checkpoint-eval-shard-1-of-4, checkpoint-eval-shard-2-of-4, checkpoint-eval-shard-4-of-4'
      )
      expect(r.stdout).toMatch(/::error::aggregate: shard 3\/4 missing \(found 1\/4, 2\/4, 4\/4\)/)
      expect(r.outputs).toEqual({})
    } finally {
      await svc.close()
    }
  })

  it('no shard artifacts in this run: the clear error', async () => {
    const svc = await serviceWith([])
    try {
      // Shard artifacts of another workflow run are not this run's.
      for (const name of SHARD_ARTIFACTS)
        svc.artifacts.set(name, { ...service.artifacts.get(name)!, workflowRunBackendId: 'another-run' })
      const r = await runAction({
        inputs: evalInputs({ aggregate: 'artifacts', 'output-dir': path.join(dir, 'none') }),
        env: jobEnv(svc, 'job-aggregate')
      })
      expect(r.code).toBe(1)
      expect(r.stdout).toContain(
        '::error::aggregate: no shard artifacts found in this workflow run: looked for checkpoint-eval-shard-<i>-of-<n> (e.g. checkpoint-eval-shard-1-of-4); the run has no artifacts. ' +
          'The shard jobs must run, and upload, before this one: add needs: <the shard matrix job> to this job, and give both the same artifact-name (default checkpoint-eval).'
      )
      expect(r.outputs).toEqual({})
    } finally {
      await svc.close()
    }
  })

  it('outside GitHub Actions: the clear error, pointing at a folder instead', async () => {
    const r = await runAction({
      inputs: evalInputs({ aggregate: 'artifacts', 'output-dir': path.join(dir, 'outside') })
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      "::error::aggregate: 'artifacts' downloads the shard artifacts (checkpoint-eval-shard-<i>-of-<n>) of the current workflow run, but this is not a GitHub Actions job (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set). Download the artifacts yourself and pass their folder instead, e.g. aggregate: ./shards."
    )
  })

  it('a folder named artifacts is given as ./artifacts', async () => {
    const work = path.join(dir, 'workspace')
    for (const k of [1, 2, 3, 4]) {
      await mkdir(path.join(work, 'artifacts'), { recursive: true })
      await cp(
        path.join(dir, `shard-${k}`, `scores-shard-${k}-of-4.json`),
        path.join(work, 'artifacts', `scores-shard-${k}-of-4.json`)
      )
    }
    // No artifact service at all: the folder is read, nothing is downloaded.
    const r = await runAction({
      cwd: work,
      inputs: evalInputs({ aggregate: './artifacts', 'output-dir': path.join(dir, 'dot-artifacts') })
    })
    expect(r.stdout).not.toContain('::error::')
    expect(r.code).toBe(0)
    expect(r.stdout).not.toContain('Shard artifacts downloaded')
    expect(r.stdout).toContain('Aggregating 4 shards: artifacts/scores-shard-1-of-4.json')
    expect(r.outputs['best-checkpoint']).toBe(path.join(ckpts, 'step_1000'))
  })
})
