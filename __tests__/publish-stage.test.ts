import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { PublishConfig } from '../src/config/types.js'
import type { RankedCheckpoint } from '../src/domain/types.js'
import { silentLogger as log } from '../src/util/log.js'
import { publishStage } from '../src/publish/stage.js'
import { step1000 } from './fixtures/cards/suite.js'
import { startHubServer, type HubServer } from './support/hub-server.js'

// The real Hub client against the loopback Hub: a skipped publish or a dry run sends nothing.
const TOKEN = 'hf_stageWriteToken0123456789'
let hub: HubServer
beforeAll(async () => {
  hub = await startHubServer({ tokens: { [TOKEN]: { user: 'me', role: 'write' } } })
})
afterAll(() => hub.close())

let ws: string
beforeEach(async () => {
  ws = await mkdtemp(path.join(os.tmpdir(), 'publish-stage-'))
  await mkdir(path.join(ws, 'checkpoints/step_1000'), { recursive: true })
  await writeFile(path.join(ws, 'checkpoints/step_1000/model.safetensors'), 'weights')
})
afterEach(async () => {
  await rm(ws, { recursive: true, force: true })
})

function config(extra: Partial<PublishConfig> = {}): PublishConfig {
  return {
    mode: 'always',
    repo: { namespace: null, name: 'tiny' },
    hubUrl: hub.url,
    private: false,
    revision: 'main',
    createPr: false,
    cardMetadata: 'none',
    assets: [],
    exclude: [],
    dryRun: false,
    hubTag: false,
    hubTimeoutMs: 60_000,
    publishTimeoutMs: 7_200_000,
    ...extra
  }
}

function winner(): RankedCheckpoint {
  const data = step1000()
  return {
    evaluation: {
      checkpoint: {
        name: 'step_1000',
        path: path.join(ws, 'checkpoints/step_1000'),
        step: 1000,
        weightsFormat: 'safetensors',
        weightsFiles: ['model.safetensors'],
        files: [{ name: 'model.safetensors', size: 7 }],
        sizeBytes: 7
      },
      status: 'ok',
      scores: data.scores,
      metrics: {},
      durationMs: 1
    },
    evalAccuracy: data.evalAccuracy,
    value: data.evalAccuracy,
    rank: 1
  }
}

function stage(publish: PublishConfig, extra: { blockedBecause?: string; winner?: RankedCheckpoint | null } = {}) {
  return publishStage({
    config: publish,
    winner: extra.winner === undefined ? winner() : extra.winner,
    benchmarks: step1000().benchmarks,
    metric: { name: 'eval_accuracy', greaterIsBetter: true },
    checkpointDir: path.join(ws, 'checkpoints'),
    workspaceDir: ws,
    blockedBecause: extra.blockedBecause,
    log,
    onSecret: () => {}
  })
}

describe('publishStage', () => {
  it('says why it skips, sending nothing to the Hub', async () => {
    const before = hub.requests.length
    expect(await stage(config({ mode: 'never' }))).toEqual({ status: 'skipped', reason: "publish is 'never'" })
    expect(await stage(config({ repo: undefined }))).toEqual({ status: 'skipped', reason: 'no repo-id is set' })
    expect(await stage(config(), { blockedBecause: 'the gate failed' })).toEqual({
      status: 'skipped',
      reason: 'the gate failed'
    })
    expect(await stage(config(), { winner: null })).toEqual({
      status: 'skipped',
      reason: 'no checkpoint could be ranked'
    })
    expect((await stage(config({ mode: 'auto' }))).status).toBe('skipped')
    expect(hub.requests.length).toBe(before)
  })

  it('plans a dry run locally, sending nothing to the Hub', async () => {
    const before = hub.requests.length
    const outcome = await stage(config({ dryRun: true }))
    expect(outcome).toMatchObject({ status: 'dry-run', repoId: '<token owner>/tiny' })
    if (outcome.status !== 'dry-run') throw new Error('expected a dry run')
    expect(outcome.plan.files.map((f) => f.pathInRepo)).toEqual(['README.md', 'model.safetensors'])
    expect(hub.requests.length).toBe(before)
  })

  it('publishes under the token owner through the real client, and the Hub holds the files', async () => {
    const outcome = await stage(config({ token: TOKEN }))
    expect(outcome).toMatchObject({ status: 'published', result: { repoId: 'me/tiny', repoUrl: `${hub.url}/me/tiny` } })
    if (outcome.status !== 'published') throw new Error('expected a publish')
    expect(outcome.result.commitSha).toMatch(/^[0-9a-f]{40}$/)
    const { downloadRepoFile } = await import('../src/hub/index.js')
    const card = await downloadRepoFile({ hubUrl: hub.url, repoId: 'me/tiny', path: 'README.md', accessToken: TOKEN })
    expect(card).toContain('step_1000')
    expect(
      await downloadRepoFile({ hubUrl: hub.url, repoId: 'me/tiny', path: 'model.safetensors', accessToken: TOKEN })
    ).toBe('weights')
  })
})
