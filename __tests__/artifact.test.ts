import { jest } from '@jest/globals'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultArtifactName, jobBackendIdFromToken, uploadScoresArtifact } from '../src/github/artifact.js'
import {
  fakeRuntimeToken,
  readZip,
  startFakeArtifactService,
  type FakeArtifactService
} from './support/artifact-server.js'
import { recordingLogger } from './support/logger.js'

// The @actions/artifact client reads these from process.env; each test sets what it needs.
const ENV_KEYS = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_REPOSITORY',
  'GITHUB_RUN_ID',
  'GITHUB_RETENTION_DAYS',
  'GITHUB_JOB'
] as const
const savedEnv: Record<string, string | undefined> = {}

let service: FakeArtifactService
let workspace: string

beforeAll(async () => {
  for (const key of ENV_KEYS) savedEnv[key] = process.env[key]
  // @actions/core (inside the artifact client) prints ::debug:: workflow commands to stdout;
  // keep the test output readable unless asked (SHOW_ARTIFACT_LOG=1).
  if (!process.env.SHOW_ARTIFACT_LOG) jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  service = await startFakeArtifactService()
})

afterAll(async () => {
  jest.restoreAllMocks()
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key]
    else process.env[key] = savedEnv[key]
  }
  await service.close()
})

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'artifact-test-'))
  await mkdir(join(workspace, 'report'))
  await writeFile(
    join(workspace, 'report', 'scores.json'),
    JSON.stringify({ schema: 'checkpoint-eval/scores', version: 1 })
  )
  await writeFile(join(workspace, 'report', 'summary.md'), '# Checkpoint eval\n')
})

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true })
})

function actionsEnv(jobId = 'job-backend-1'): NodeJS.ProcessEnv {
  return {
    ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken('run-backend-1', jobId),
    ACTIONS_RESULTS_URL: service.resultsUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_RUN_ID: '987654',
    GITHUB_JOB: 'evaluate'
  }
}

function useEnv(env: NodeJS.ProcessEnv): void {
  for (const key of ENV_KEYS) delete process.env[key]
  Object.assign(process.env, env)
}

describe('uploadScoresArtifact', () => {
  it('uploads a zip of the files through the real client and returns the run page link', async () => {
    const env = actionsEnv()
    useEnv(env)
    const log = recordingLogger()

    const result = await uploadScoresArtifact({
      name: 'checkpoint-eval-scores',
      files: ['report/scores.json', join(workspace, 'report', 'summary.md')],
      rootDirectory: workspace,
      retentionDays: 7,
      log,
      env
    })

    const stored = service.artifacts.get('checkpoint-eval-scores')
    expect(stored).toBeDefined()
    expect(result).toEqual({
      status: 'uploaded',
      id: stored!.id,
      name: 'checkpoint-eval-scores',
      size: stored!.content.length,
      url: `https://github.com/acme/models/actions/runs/987654/artifacts/${stored!.id}`
    })
    const files = readZip(stored!.content)
    expect([...files.keys()].sort()).toEqual(['report/scores.json', 'report/summary.md'])
    expect(JSON.parse(files.get('report/scores.json')!.toString('utf8'))).toEqual({
      schema: 'checkpoint-eval/scores',
      version: 1
    })
    expect(files.get('report/summary.md')!.toString('utf8')).toBe('# Checkpoint eval\n')

    // The client identified the run and job from the token, sent it as a bearer token and
    // asked for the retention; the blob went up as staged blocks plus a block list.
    const create = service.calls.find(
      (call) => call.method === 'CreateArtifact' && call.body.name === 'checkpoint-eval-scores'
    )!
    expect(create.authorization).toBe(`Bearer ${env.ACTIONS_RUNTIME_TOKEN}`)
    expect(create.body).toMatchObject({
      workflow_run_backend_id: 'run-backend-1',
      workflow_job_run_backend_id: 'job-backend-1'
    })
    expect(typeof create.body.expires_at).toBe('string')
    expect(service.blobRequests).toEqual(
      expect.arrayContaining([expect.stringMatching(/comp=block$/), expect.stringMatching(/comp=blocklist$/)])
    )
    expect(stored!.hash).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(log.lines.some((line) => line.includes(`id ${stored!.id}`))).toBe(true)
  })

  it('explains a name clash between matrix jobs', async () => {
    const env = actionsEnv('job-backend-2')
    useEnv(env)
    const first = await uploadScoresArtifact({
      name: 'same-name',
      files: ['report/scores.json'],
      rootDirectory: workspace,
      log: recordingLogger(),
      env
    })
    expect(first.status).toBe('uploaded')

    await expect(
      uploadScoresArtifact({
        name: 'same-name',
        files: ['report/scores.json'],
        rootDirectory: workspace,
        log: recordingLogger(),
        env
      })
    ).rejects.toThrow(/Uploading artifact "same-name" failed: .*already exists.*artifact-name/s)
  })

  it('is skipped with a notice outside GitHub Actions', async () => {
    const log = recordingLogger()
    const result = await uploadScoresArtifact({
      name: 'x',
      files: ['report/scores.json'],
      rootDirectory: workspace,
      log,
      env: { GITHUB_SERVER_URL: 'https://github.com' }
    })
    expect(result).toEqual({ status: 'skipped', reason: expect.stringContaining('not running in GitHub Actions') })
    expect(log.lines).toEqual([
      expect.stringMatching(/^notice: Artifact upload skipped: not running in GitHub Actions/)
    ])
  })

  it('is skipped on GitHub Enterprise Server, which the v2+ client refuses', async () => {
    const env = { ...actionsEnv(), GITHUB_SERVER_URL: 'https://github.acme.internal' }
    const result = await uploadScoresArtifact({
      name: 'x',
      files: ['report/scores.json'],
      rootDirectory: workspace,
      log: recordingLogger(),
      env
    })
    expect(result).toEqual({
      status: 'skipped',
      reason: expect.stringContaining('GitHub Enterprise Server (github.acme.internal)')
    })
  })

  it('names the missing file before calling the service', async () => {
    const env = actionsEnv()
    useEnv(env)
    const before = service.calls.length
    await expect(
      uploadScoresArtifact({
        name: 'y',
        files: ['report/nope.json'],
        rootDirectory: workspace,
        log: recordingLogger(),
        env
      })
    ).rejects.toThrow(/Artifact "y": missing .*report\/nope\.json/)
    expect(service.calls.length).toBe(before)
  })
})

describe('defaultArtifactName', () => {
  it('differs between matrix jobs, which share GITHUB_JOB, and is stable for one job', () => {
    const a = defaultArtifactName(actionsEnv('job-a'))
    const b = defaultArtifactName(actionsEnv('job-b'))
    expect(a).toMatch(/^checkpoint-eval-evaluate-[0-9a-f]{8}$/)
    expect(b).toMatch(/^checkpoint-eval-evaluate-[0-9a-f]{8}$/)
    expect(a).not.toBe(b)
    expect(defaultArtifactName(actionsEnv('job-a'))).toBe(a)
  })

  it('prefers the jobIndex hint and cleans characters artifact names may not have', () => {
    expect(defaultArtifactName({ GITHUB_JOB: 'eval' }, { jobIndex: 3 })).toBe('checkpoint-eval-eval-3')
    expect(defaultArtifactName({ GITHUB_JOB: 'eval' }, { jobIndex: 'gpu:a/b' })).toBe('checkpoint-eval-eval-gpu-a-b')
  })

  it('falls back to a random suffix without a runtime token', () => {
    const a = defaultArtifactName({ GITHUB_JOB: 'eval' })
    const b = defaultArtifactName({ GITHUB_JOB: 'eval' })
    expect(a).toMatch(/^checkpoint-eval-eval-[0-9a-f]{8}$/)
    expect(a).not.toBe(b)
  })

  it('reads the job id from the token the way @actions/artifact does', () => {
    expect(jobBackendIdFromToken(fakeRuntimeToken('run', 'job-42'))).toBe('job-42')
    expect(jobBackendIdFromToken('not-a-jwt')).toBeNull()
    expect(jobBackendIdFromToken(undefined)).toBeNull()
  })
})
