import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { downloadRepoFile, publishToHub } from '../src/hub/index.js'
import type { PublishOptions, PublishProgress } from '../src/hub/index.js'
import { startHubServer } from './support/hub-server.js'
import type { HubServer } from './support/hub-server.js'
import { recordingLogger } from './support/logger.js'

const TOKEN = 'hf_publishWriteToken0123456789'
const READ_TOKEN = 'hf_publishReadToken0123456789'
const README = '---\nlicense: mit\n---\n# Best checkpoint\n\nstep_3000 wins with eval_accuracy 0.912 ✓\n'
const MiB = 1024 * 1024

describe('publishToHub with the real client against the loopback Hub', () => {
  let hub: HubServer
  let dir: string
  let weights: Buffer
  let bigWeights: Buffer
  let log: ReturnType<typeof recordingLogger>

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-publish-'))
    weights = randomBytes(3 * MiB + 123)
    bigWeights = randomBytes(5 * MiB + 7)
    await writeFile(join(dir, 'model.safetensors'), weights)
    await writeFile(join(dir, 'big.safetensors'), bigWeights)
    await writeFile(join(dir, 'config.json'), '{"hidden_size": 64}\n')
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  beforeEach(async () => {
    log = recordingLogger()
    hub = await startHubServer({
      tokens: {
        [TOKEN]: { user: 'alice', role: 'write', orgs: ['acme'] },
        [READ_TOKEN]: { user: 'bob', role: 'read' }
      },
      // Small thresholds so a few MiB exercise both LFS transfers: basic below 4 MiB, multipart above.
      multipartThreshold: 4 * MiB,
      partSize: 2 * MiB,
      treePageSize: 2
    })
  })
  afterEach(() => hub.close())

  const options = (extra: Partial<PublishOptions> = {}): PublishOptions => ({
    hubUrl: hub.url,
    accessToken: TOKEN,
    repoId: 'acme/best-model',
    private: true,
    createPr: false,
    commitTitle: 'Publish step_3000',
    commitDescription: 'eval_accuracy 0.912',
    files: [
      { pathInRepo: 'README.md', content: README },
      { pathInRepo: 'config.json', localPath: join(dir, 'config.json') },
      { pathInRepo: 'model.safetensors', localPath: join(dir, 'model.safetensors') },
      { pathInRepo: 'shards/big.safetensors', localPath: join(dir, 'big.safetensors') },
      { pathInRepo: 'eval/results.json', content: new TextEncoder().encode('{"eval_accuracy":0.912}') }
    ],
    log,
    retry: { baseDelayMs: 1, sleep: async () => {} },
    ...extra
  })

  it('creates the repo and makes one commit of every file, bytes intact', async () => {
    const progress: PublishProgress[] = []
    const result = await publishToHub(options({ onProgress: (p) => progress.push(p), progressIntervalMs: 0 }))

    const head = hub.head('acme/best-model')!
    expect(result).toEqual({
      repoId: 'acme/best-model',
      repoUrl: `${hub.url}/acme/best-model`,
      commitSha: head.oid,
      commitUrl: `${hub.url}/acme/best-model/commit/${head.oid}`
    })
    expect(hub.repos.get('acme/best-model')!.private).toBe(true)
    expect(hub.history('acme/best-model').map((c) => c.title)).toEqual(['Publish step_3000', 'initial commit'])
    expect(head.description).toBe('eval_accuracy 0.912')
    expect(head.changed.sort()).toEqual([
      'README.md',
      'config.json',
      'eval/results.json',
      'model.safetensors',
      'shards/big.safetensors'
    ])
    expect(head.files.get('model.safetensors')!.lfs?.oid).toBe(createHash('sha256').update(weights).digest('hex'))
    expect((await hub.fileContent('acme/best-model', 'model.safetensors'))!.equals(weights)).toBe(true)
    expect((await hub.fileContent('acme/best-model', 'shards/big.safetensors'))!.equals(bigWeights)).toBe(true)
    expect((await hub.fileContent('acme/best-model', 'README.md'))!.toString()).toBe(README)
    expect(hub.count('commit')).toBe(1)
    expect(hub.count('lfs-upload')).toBe(1) // model.safetensors, basic transfer
    expect(hub.count('lfs-part')).toBe(3) // big.safetensors in 2 MiB parts
    expect(hub.lfsBytesReceived).toBe(weights.length + bigWeights.length)
    // Read back: the tree (paged) and README.md through resolve.
    expect(hub.count('tree')).toBeGreaterThan(1)
    expect(hub.requests.some((r) => r.route === 'resolve' && r.path.includes('README.md'))).toBe(true)
    // Progress reached every LFS byte.
    expect(progress.find((p) => p.path === 'model.safetensors' && p.uploadedBytes === weights.length)).toEqual({
      path: 'model.safetensors',
      uploadedBytes: weights.length,
      totalBytes: weights.length
    })
    expect(progress.filter((p) => p.path === 'README.md')).toEqual([
      { path: 'README.md', uploadedBytes: README.length + 2, totalBytes: README.length + 2 }
    ])
  })

  // The same files with one small change: a re-run that has something to commit.
  const changed = (extra: Partial<PublishOptions> = {}) => {
    const base = options(extra)
    return {
      ...base,
      files: base.files.map((f) => (f.pathInRepo === 'README.md' ? { ...f, content: README + 'changed\n' } : f))
    }
  }

  it('re-runs on an existing repo (409) without uploading any LFS byte again', async () => {
    await publishToHub(options())
    const bytes = hub.lfsBytesReceived
    const second = await publishToHub(changed({ commitTitle: 'Publish again' }))
    expect(hub.count('repo-create')).toBe(2)
    expect(hub.requests.filter((r) => r.route === 'repo-create').map((r) => r.status)).toEqual([200, 409])
    expect(log.lines).toContain(`Repo ${hub.url}/acme/best-model exists; publishing to it`)
    expect(hub.lfsBytesReceived).toBe(bytes)
    expect(hub.count('lfs-upload') + hub.count('lfs-part')).toBe(4)
    expect(second.commitSha).toBe(hub.head('acme/best-model')!.oid)
    expect(hub.history('acme/best-model')).toHaveLength(3)
  })

  it('creates a missing revision branch from main and commits there', async () => {
    const result = await publishToHub(options({ revision: 'candidates' }))
    const repo = hub.repos.get('acme/best-model')!
    expect(repo.branches.get('candidates')).toBe(result.commitSha)
    expect(hub.history('acme/best-model', 'candidates')[1].oid).toBe(repo.branches.get('main'))
    expect(hub.head('acme/best-model')!.title).toBe('initial commit')
    // An existing branch is reused.
    await publishToHub(changed({ revision: 'candidates', commitTitle: 'Second' }))
    expect(hub.history('acme/best-model', 'candidates').map((c) => c.title)).toEqual([
      'Second',
      'Publish step_3000',
      'initial commit'
    ])
  })

  it('opens a pull request and returns its URL, leaving main alone', async () => {
    const result = await publishToHub(options({ createPr: true, hubTag: 'best' }))
    expect(result.prUrl).toBe(`${hub.url}/acme/best-model/discussions/1`)
    const repo = hub.repos.get('acme/best-model')!
    expect(repo.branches.get('refs/pr/1')).toBe(result.commitSha)
    expect(hub.head('acme/best-model')!.title).toBe('initial commit')
    expect(hub.requests.some((r) => r.route === 'commit' && r.path.endsWith('?create_pr=1'))).toBe(true)
    expect(repo.tags.size).toBe(0)
    expect(log.lines.some((l) => l.startsWith('warning: Not tagging "best"'))).toBe(true)
  })

  it('tags the commit, and warns (without failing) when the tag exists', async () => {
    const first = await publishToHub(options({ hubTag: 'best' }))
    expect(hub.repos.get('acme/best-model')!.tags.get('best')?.oid).toBe(first.commitSha)
    const second = await publishToHub(changed({ hubTag: 'best', commitTitle: 'Again' }))
    expect(hub.repos.get('acme/best-model')!.tags.get('best')?.oid).toBe(first.commitSha)
    expect(second.commitSha).not.toBe(first.commitSha)
    expect(log.lines.some((l) => /^warning: The tag "best" already exists .* was not moved/.test(l))).toBe(true)
  })

  it('adds no commit when the branch already holds exactly these files (a re-run of a publish that worked)', async () => {
    const first = await publishToHub(options({ hubTag: 'best' }))
    const commits = hub.count('commit')
    const again = await publishToHub(options({ hubTag: 'best', commitTitle: 'Publish again' }))
    expect(again.commitSha).toBe(first.commitSha)
    expect(hub.count('commit')).toBe(commits)
    expect(hub.history('acme/best-model').map((c) => c.title)).toEqual(['Publish step_3000', 'initial commit'])
    expect(log.lines).toContain(
      `acme/best-model@main already holds exactly these files at ${first.commitSha}: nothing to commit`
    )
    expect(log.lines.some((l) => l.startsWith('warning:'))).toBe(false) // the tag is already on this commit
  })

  it('retries 429 (Retry-After), 503 and resets on the way, and commits once', async () => {
    const delays: number[] = []
    hub.fault('preupload', { kind: 'status', status: 429, headers: { 'Retry-After': '2' } })
    hub.fault('lfs-batch', { kind: 'status', status: 503 })
    hub.fault('lfs-upload', { kind: 'reset' })
    hub.fault('lfs-part', { kind: 'status', status: 502 })
    const result = await publishToHub(options({ retry: { baseDelayMs: 1, sleep: async (ms) => void delays.push(ms) } }))
    expect(delays).toContain(2000)
    expect(hub.count('commit')).toBe(1)
    expect(hub.head('acme/best-model')!.oid).toBe(result.commitSha)
    expect((await hub.fileContent('acme/best-model', 'model.safetensors'))!.equals(weights)).toBe(true)
    expect(log.lines.filter((l) => l.startsWith('Hub request ')).length).toBe(4)
    expect(log.lines.join('\n')).not.toMatch(/sig=/)
  })

  it('re-sends a commit that got a 503 once the branch shows it did not land', async () => {
    hub.fault('commit', { kind: 'status', status: 503 })
    const result = await publishToHub(options())
    expect(hub.requests.filter((r) => r.route === 'commit').map((r) => r.status)).toEqual([503, 200])
    expect(hub.history('acme/best-model').map((c) => c.oid)).toEqual([result.commitSha, expect.any(String)])
    expect(log.lines.some((l) => /did not land; retry 1 of 4/.test(l))).toBe(true)
  })

  it('does not commit twice when the commit landed but its answer was lost', async () => {
    hub.fault('commit', { kind: 'lose-response' })
    const result = await publishToHub(options())
    expect(hub.count('commit')).toBe(1)
    expect(hub.history('acme/best-model').map((c) => c.title)).toEqual(['Publish step_3000', 'initial commit'])
    expect(result.commitSha).toBe(hub.head('acme/best-model')!.oid)
    expect(log.lines.some((l) => l.startsWith('The commit landed although its answer was lost'))).toBe(true)
  })

  it('re-sends a commit whose connection was reset before it landed', async () => {
    hub.fault('commit', { kind: 'reset' })
    const result = await publishToHub(options())
    expect(hub.requests.filter((r) => r.route === 'commit').map((r) => r.status)).toEqual(['reset', 200])
    expect(hub.history('acme/best-model')).toHaveLength(2)
    expect(result.commitSha).toBe(hub.head('acme/best-model')!.oid)
  })

  it('does not risk a second pull request after a lost answer', async () => {
    hub.fault('commit', { kind: 'lose-response' })
    await expect(publishToHub(options({ createPr: true }))).rejects.toThrow(
      /It may have been opened: look at .*\/acme\/best-model\/discussions before re-running/
    )
    expect(hub.count('commit')).toBe(1)
    expect(hub.repos.get('acme/best-model')!.pullRequests).toHaveLength(1)
  })

  it('explains a read-only token and never shows a token in errors or logs', async () => {
    const error = (await publishToHub(options({ accessToken: READ_TOKEN, repoId: 'bob/model' })).catch(
      (e: Error) => e
    )) as Error
    expect(error.message).toMatch(
      /^Could not create the repo bob\/model on http:\/\/127\.0\.0\.1:\d+: .*read-only.*Create a token with the "write" role/
    )
    const unknown = 'hf_thisTokenIsNotKnown12345'
    const error401 = (await publishToHub(options({ accessToken: unknown })).catch((e: Error) => e)) as Error
    expect(error401.message).toMatch(/token was rejected \(wrong, expired or revoked\)/)
    for (const text of [error.message, error401.message, log.lines.join('\n'), JSON.stringify(hub.requests)]) {
      expect(text).not.toContain(READ_TOKEN)
      expect(text).not.toContain(unknown)
      expect(text).not.toContain(TOKEN)
    }
  })

  it('refuses bad inputs before any request', async () => {
    await expect(publishToHub(options({ repoId: 'no-namespace' }))).rejects.toThrow(/needs "namespace\/name"/)
    await expect(publishToHub(options({ files: [{ pathInRepo: '../x', content: 'x' }] }))).rejects.toThrow(
      /Invalid path in repo "\.\.\/x"/
    )
    await expect(publishToHub(options({ files: [{ pathInRepo: 'w', localPath: dir }] }))).rejects.toThrow(
      /is not a regular file/
    )
    await expect(
      publishToHub(
        options({
          files: [
            { pathInRepo: 'a', content: '1' },
            { pathInRepo: 'a', content: '2' }
          ]
        })
      )
    ).rejects.toThrow(/listed twice/)
    expect(hub.requests).toHaveLength(0)
  })

  it('downloadRepoFile reads a published file, and null for a missing repo, revision or file', async () => {
    const result = await publishToHub(options({ private: false }))
    expect(await downloadRepoFile({ hubUrl: hub.url, repoId: 'acme/best-model', path: 'README.md' })).toBe(README)
    expect(
      await downloadRepoFile({
        hubUrl: hub.url,
        repoId: 'acme/best-model',
        path: 'README.md',
        revision: result.commitSha,
        accessToken: TOKEN
      })
    ).toBe(README)
    expect(await downloadRepoFile({ hubUrl: hub.url, repoId: 'acme/best-model', path: 'nope.md' })).toBeNull()
    expect(
      await downloadRepoFile({ hubUrl: hub.url, repoId: 'acme/best-model', path: 'README.md', revision: 'no-branch' })
    ).toBeNull()
    expect(await downloadRepoFile({ hubUrl: hub.url, repoId: 'acme/missing', path: 'README.md' })).toBeNull()
    expect(
      await downloadRepoFile({ hubUrl: hub.url, repoId: 'acme/missing', path: 'README.md', accessToken: TOKEN })
    ).toBeNull()
  })
})
