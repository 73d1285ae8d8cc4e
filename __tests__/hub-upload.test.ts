// The LFS upload flow of publishToHub (hub/upload.ts, hub/put.ts) against the loopback Hub: what
// hub-publish.test.ts doesn't reach — duplicate bytes, LFS files given as content, many files and
// parts in flight at once, and a storage refusal.
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { publishToHub } from '../src/hub/index.js'
import type { PublishOptions, PublishProgress } from '../src/hub/index.js'
import { startHubServer } from './support/hub-server.js'
import type { HubServer } from './support/hub-server.js'
import { recordingLogger } from './support/logger.js'

const TOKEN = 'hf_uploadWriteToken0123456789'
const MiB = 1024 * 1024
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

describe('LFS uploads of publishToHub', () => {
  let hub: HubServer
  let dir: string
  const shards = [randomBytes(3 * MiB + 1), randomBytes(5 * MiB + 3), randomBytes(2 * MiB), randomBytes(7 * MiB + 5)]

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-upload-'))
    await Promise.all(shards.map((b, i) => writeFile(join(dir, `shard-${i}.safetensors`), b)))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))
  beforeEach(async () => {
    hub = await startHubServer({
      tokens: { [TOKEN]: { user: 'alice', role: 'write' } },
      multipartThreshold: 4 * MiB,
      partSize: MiB
    })
  })
  afterEach(() => hub.close())

  const options = (files: PublishOptions['files'], extra: Partial<PublishOptions> = {}): PublishOptions => ({
    hubUrl: hub.url,
    accessToken: TOKEN,
    repoId: 'alice/model',
    private: false,
    createPr: false,
    commitTitle: 'Publish',
    files,
    log: recordingLogger(),
    retry: { baseDelayMs: 1, sleep: async () => {} },
    ...extra
  })
  const shardFile = (i: number) => ({
    pathInRepo: `model-${i}.safetensors`,
    localPath: join(dir, `shard-${i}.safetensors`)
  })
  const shardFiles = () => shards.map((_, i) => shardFile(i))

  it('sends many files and their parts at once, every byte once, in one commit', async () => {
    const progress: PublishProgress[] = []
    const result = await publishToHub(
      options(shardFiles(), { onProgress: (p) => progress.push(p), progressIntervalMs: 0 })
    )
    const head = hub.head('alice/model')!
    expect(result.commitSha).toBe(head.oid)
    expect(hub.count('commit')).toBe(1)
    // 3 MiB and 2 MiB in one PUT each; 5 MiB + 3 and 7 MiB + 5 in 1 MiB parts (6 + 8).
    expect(hub.count('lfs-upload')).toBe(2)
    expect(hub.count('lfs-part')).toBe(14)
    expect(hub.lfsBytesReceived).toBe(shards.reduce((n, b) => n + b.length, 0))
    for (const [i, bytes] of shards.entries()) {
      expect(head.files.get(`model-${i}.safetensors`)!.lfs?.oid).toBe(sha256(bytes))
      expect((await hub.fileContent('alice/model', `model-${i}.safetensors`))!.equals(bytes)).toBe(true)
      const last = progress.filter((p) => p.path === `model-${i}.safetensors`).at(-1)
      expect(last).toEqual({ path: `model-${i}.safetensors`, uploadedBytes: bytes.length, totalBytes: bytes.length })
    }
  })

  it('uploads the same bytes under two paths once, and LFS files given as content', async () => {
    const inMemory = randomBytes(MiB + 9)
    await publishToHub(
      options([
        shardFile(0),
        { pathInRepo: 'copy/model-0.safetensors', localPath: shardFile(0).localPath },
        { pathInRepo: 'extra.safetensors', content: inMemory }
      ])
    )
    const head = hub.head('alice/model')!
    expect(head.files.get('copy/model-0.safetensors')!.lfs?.oid).toBe(sha256(shards[0]))
    expect(head.files.get('extra.safetensors')!.lfs?.oid).toBe(sha256(inMemory))
    expect((await hub.fileContent('alice/model', 'extra.safetensors'))!.equals(inMemory)).toBe(true)
    expect(hub.count('lfs-upload')).toBe(2)
    expect(hub.lfsBytesReceived).toBe(shards[0].length + inMemory.length)
  })

  it('stops at a storage refusal, naming the file, and commits nothing', async () => {
    hub.fault('lfs-part', { kind: 'status', status: 403, body: { error: 'Request has expired' } })
    await expect(publishToHub(options(shardFiles()))).rejects.toThrow(
      /Could not commit to alice\/model@main .*Uploading part \d+ of model-[13]\.safetensors to LFS storage: HTTP 403 Request has expired/
    )
    expect(hub.count('commit')).toBe(0)
    expect(hub.history('alice/model').map((c) => c.title)).toEqual(['initial commit'])
  })
})
