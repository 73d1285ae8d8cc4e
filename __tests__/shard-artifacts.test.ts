// fetchShardArtifacts with the real @actions/artifact client against the loopback artifact
// service: it lists the run's artifacts, keeps `<base>-shard-<i>-of-<n>` and extracts each into
// its own folder. selectShardArtifacts is the name filter on its own.
import { jest } from '@jest/globals'
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { uploadScoresArtifact } from '../src/github/artifact.js'
import { ShardArtifactsError, fetchShardArtifacts, selectShardArtifacts } from '../src/github/shard-artifacts.js'
import { fakeRuntimeToken, startFakeArtifactService, type FakeArtifactService } from './support/artifact-server.js'
import { recordingLogger } from './support/logger.js'

const ENV_KEYS = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_REPOSITORY',
  'GITHUB_RUN_ID',
  'GITHUB_WORKSPACE'
] as const
const savedEnv: Record<string, string | undefined> = {}

let service: FakeArtifactService
let workspace: string

beforeAll(async () => {
  for (const key of ENV_KEYS) savedEnv[key] = process.env[key]
  // @actions/core (inside the artifact client) prints to stdout; SHOW_ARTIFACT_LOG=1 keeps it.
  if (!process.env.SHOW_ARTIFACT_LOG) jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterAll(() => {
  jest.restoreAllMocks()
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key]
    else process.env[key] = savedEnv[key]
  }
})

beforeEach(async () => {
  service = await startFakeArtifactService()
  workspace = await mkdtemp(join(tmpdir(), 'shard-artifacts-test-'))
})

afterEach(async () => {
  await service.close()
  await rm(workspace, { recursive: true, force: true })
})

/** The job `job` of run `run-1` (or `run`) as the client sees it through process.env. */
function useJob(job: string, run = 'run-1'): NodeJS.ProcessEnv {
  const env = {
    ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(run, job),
    ACTIONS_RESULTS_URL: service.resultsUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_RUN_ID: '987654',
    GITHUB_WORKSPACE: workspace
  }
  for (const key of ENV_KEYS) delete process.env[key]
  Object.assign(process.env, env)
  return env
}

/** Upload an artifact `name` holding `files` (name -> text), as job `job` of `run`. */
async function upload(name: string, files: Record<string, string>, job: string, run = 'run-1'): Promise<void> {
  const root = await mkdtemp(join(workspace, 'upload-'))
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(root, file, '..'), { recursive: true })
    await writeFile(join(root, file), text)
  }
  const env = useJob(job, run)
  const result = await uploadScoresArtifact({
    name,
    files: Object.keys(files),
    rootDirectory: root,
    log: recordingLogger(),
    env
  })
  expect(result.status).toBe('uploaded')
}

describe('selectShardArtifacts', () => {
  const artifact = (name: string, id: number) => ({ name, id, size: 1 })

  it('keeps <base>-shard-<i>-of-<n> only, sorted by n then i', () => {
    const listed = [
      artifact('checkpoint-eval-shard-2-of-4', 5),
      artifact('checkpoint-eval-evaluate-1a2b3c4d', 1),
      artifact('checkpoint-eval-shard-10-of-12', 9),
      artifact('checkpoint-eval-shard-1-of-4', 7),
      artifact('checkpoint-eval-x-shard-1-of-4', 2),
      artifact('my-checkpoint-eval-shard-3-of-4', 3),
      artifact('checkpoint-eval-shard-3-of-4.zip', 4),
      artifact('checkpoint-eval-shard-a-of-4', 6)
    ]
    expect(selectShardArtifacts(listed).map((a) => [a.name, a.index, a.count])).toEqual([
      ['checkpoint-eval-shard-1-of-4', 1, 4],
      ['checkpoint-eval-shard-2-of-4', 2, 4],
      ['checkpoint-eval-shard-10-of-12', 10, 12]
    ])
  })

  it('uses the artifact-name base literally (regular-expression characters included)', () => {
    const listed = [
      artifact('scores.v1-shard-1-of-2', 1),
      artifact('scoresXv1-shard-2-of-2', 2),
      artifact('checkpoint-eval-shard-1-of-2', 3)
    ]
    expect(selectShardArtifacts(listed, 'scores.v1').map((a) => a.name)).toEqual(['scores.v1-shard-1-of-2'])
    expect(selectShardArtifacts(listed, 'checkpoint-eval').map((a) => a.name)).toEqual(['checkpoint-eval-shard-1-of-2'])
  })
})

describe('fetchShardArtifacts', () => {
  it("downloads this run's shard artifacts of the base, each into its own folder, and logs them", async () => {
    await upload(
      'checkpoint-eval-shard-1-of-2',
      { 'scores-shard-1-of-2.json': '{"one":1}\n', 'scores-shard-1-of-2.csv': 'a,b\n' },
      'job-1'
    )
    await upload(
      'checkpoint-eval-shard-2-of-2',
      { 'scores-shard-2-of-2.json': '{"two":2}\n', 'nested/deeper.txt': 'x' },
      'job-2'
    )
    // Not shard artifacts of this base, or not of this run: left alone.
    await upload('checkpoint-eval-evaluate-1a2b3c4d', { 'scores.json': '{}' }, 'job-3')
    await upload('other-shard-1-of-2', { 'scores-shard-1-of-2.json': '{}' }, 'job-4')
    await upload('elsewhere-shard-1-of-2', { 'scores-shard-1-of-2.json': '{}' }, 'job-5', 'run-2')

    const env = useJob('aggregate-job')
    const log = recordingLogger()
    const destination = join(workspace, 'out', 'shards')
    const callsBefore = service.calls.length
    const folder = await fetchShardArtifacts({ destination, log, env })

    expect(folder).toBe(destination)
    expect((await readdir(destination)).sort()).toEqual([
      'checkpoint-eval-shard-1-of-2',
      'checkpoint-eval-shard-2-of-2'
    ])
    expect(await readFile(join(destination, 'checkpoint-eval-shard-1-of-2', 'scores-shard-1-of-2.json'), 'utf8')).toBe(
      '{"one":1}\n'
    )
    expect(await readFile(join(destination, 'checkpoint-eval-shard-1-of-2', 'scores-shard-1-of-2.csv'), 'utf8')).toBe(
      'a,b\n'
    )
    expect(await readFile(join(destination, 'checkpoint-eval-shard-2-of-2', 'nested', 'deeper.txt'), 'utf8')).toBe('x')
    expect(log.lines).toContain(
      'Shard artifacts downloaded: checkpoint-eval-shard-1-of-2, checkpoint-eval-shard-2-of-2'
    )
    const id1 = service.artifacts.get('checkpoint-eval-shard-1-of-2')!.id
    expect(log.lines).toContain(
      `Downloaded artifact checkpoint-eval-shard-1-of-2 (id ${id1}, shard 1/2) into ${join(destination, 'checkpoint-eval-shard-1-of-2')}`
    )

    // One listing of the run, then per artifact the client's id lookup and the signed URL.
    const calls = service.calls.slice(callsBefore)
    expect(calls.map((c) => c.method)).toEqual([
      'ListArtifacts',
      'ListArtifacts',
      'GetSignedArtifactURL',
      'ListArtifacts',
      'GetSignedArtifactURL'
    ])
    expect(calls[0].body).toEqual({ workflow_run_backend_id: 'run-1', workflow_job_run_backend_id: 'aggregate-job' })
    expect(calls[1].body).toEqual({
      workflow_run_backend_id: 'run-1',
      workflow_job_run_backend_id: 'aggregate-job',
      id_filter: String(id1)
    })
    expect(calls[2].body).toEqual({
      workflow_run_backend_id: 'run-1',
      workflow_job_run_backend_id: 'job-1',
      name: 'checkpoint-eval-shard-1-of-2'
    })
    expect(calls.every((c) => c.authorization === `Bearer ${env.ACTIONS_RUNTIME_TOKEN}`)).toBe(true)
  })

  it('uses the artifact-name base, and replaces what an earlier attempt left in the folder', async () => {
    await upload('scores-shard-1-of-1', { 'scores-shard-1-of-1.json': '{"fresh":true}\n' }, 'job-1')
    await upload('checkpoint-eval-shard-1-of-1', { 'scores-shard-1-of-1.json': '{"wrong":true}\n' }, 'job-2')
    const destination = join(workspace, 'shards')
    await mkdir(join(destination, 'scores-shard-1-of-1'), { recursive: true })
    await writeFile(join(destination, 'scores-shard-1-of-1', 'stale.json'), '{}')

    const env = useJob('aggregate-job')
    await fetchShardArtifacts({ base: 'scores', destination, log: recordingLogger(), env })
    expect(await readdir(destination)).toEqual(['scores-shard-1-of-1'])
    expect(await readdir(join(destination, 'scores-shard-1-of-1'))).toEqual(['scores-shard-1-of-1.json'])
    expect(await readFile(join(destination, 'scores-shard-1-of-1', 'scores-shard-1-of-1.json'), 'utf8')).toBe(
      '{"fresh":true}\n'
    )
  })

  it('no shard artifacts in the run: names what it looked for and says the shard jobs must run first', async () => {
    await upload('checkpoint-eval-evaluate-1a2b3c4d', { 'scores.json': '{}' }, 'job-1')
    const env = useJob('aggregate-job')
    const attempt = fetchShardArtifacts({ destination: join(workspace, 'shards'), log: recordingLogger(), env })
    await expect(attempt).rejects.toThrow(ShardArtifactsError)
    await expect(attempt).rejects.toThrow(
      /^aggregate: no shard artifacts found in this workflow run: looked for checkpoint-eval-shard-<i>-of-<n> \(e\.g\. checkpoint-eval-shard-1-of-4\); the run has checkpoint-eval-evaluate-1a2b3c4d\. The shard jobs must run, and upload, before this one: add needs: /
    )
  })

  it('outside GitHub Actions: says to download the artifacts and pass a folder, without calling the service', async () => {
    const callsBefore = service.calls.length
    for (const env of [{}, { ACTIONS_RUNTIME_TOKEN: 'x' }, { ACTIONS_RESULTS_URL: service.resultsUrl }]) {
      await expect(
        fetchShardArtifacts({ destination: join(workspace, 'shards'), log: recordingLogger(), env })
      ).rejects.toThrow(
        "aggregate: 'artifacts' downloads the shard artifacts (checkpoint-eval-shard-<i>-of-<n>) of the current workflow run, but this is not a GitHub Actions job (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set). Download the artifacts yourself and pass their folder instead"
      )
    }
    expect(service.calls.length).toBe(callsBefore)
  })
})
