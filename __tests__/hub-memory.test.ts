// Writes and uploads a file of HUB_MEMORY_TEST_MIB MiB (default 384; 2x that on disk), e.g.
//   HUB_MEMORY_TEST_MIB=1024 NODE_OPTIONS=--experimental-vm-modules npx jest __tests__/hub-memory
// Node's fetch would copy each PUT body in memory (RSS growing by the file's size); the storage
// PUTs (hub/put.ts) reuse a few buffers instead. `npm run bench -- publish` shows the bundle's.
import { open, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../src/util/log.js'
import { createTimedFetch, publishToHub } from '../src/hub/index.js'
import { startHubServer } from './support/hub-server.js'

const MiB = 1024 * 1024
const sizeMiB = Number(process.env.HUB_MEMORY_TEST_MIB || 384)
const TOKEN = 'hf_memoryTestToken0123456789'

// Plain, and through the timed fetch the publish stage uses (its byte-counting body must stream too).
it.each([
  ['the global fetch', undefined],
  ['the timed fetch (hub-timeout)', createTimedFetch({ timeoutMs: 60_000 })]
])(
  `uploads a ${sizeMiB} MiB file through %s with RSS growing by less than 200 MiB`,
  async (_name, fetch) => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-memory-'))
    // One single PUT of the whole file (no multipart): the case where Node's fetch would buffer it.
    const hub = await startHubServer({
      tokens: { [TOKEN]: { user: 'alice', role: 'write' } },
      multipartThreshold: Number.MAX_SAFE_INTEGER
    })
    try {
      const path = join(dir, 'model.safetensors')
      const file = await open(path, 'w')
      const block = Buffer.alloc(8 * MiB)
      for (let i = 0; i < sizeMiB / 8; i++) {
        block.writeUInt32LE(i, 0)
        await file.write(block)
      }
      await file.close()
      global.gc?.()
      const baseline = process.memoryUsage().rss
      let peak = baseline
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
      const result = await publishToHub({
        hubUrl: hub.url,
        accessToken: TOKEN,
        repoId: 'alice/big',
        private: false,
        createPr: false,
        commitTitle: 'big',
        files: [{ pathInRepo: 'model.safetensors', localPath: path }],
        log: silentLogger,
        fetch
      })
      clearInterval(timer)
      expect(hub.head('alice/big')!.files.get('model.safetensors')!.size).toBe(sizeMiB * MiB)
      expect(result.commitSha).toBe(hub.head('alice/big')!.oid)
      const growthMiB = (peak - baseline) / MiB
      process.stdout.write(
        `RSS baseline ${(baseline / MiB).toFixed(0)} MiB, peak ${(peak / MiB).toFixed(0)} MiB, growth ${growthMiB.toFixed(0)} MiB\n`
      )
      expect(growthMiB).toBeLessThan(200)
    } finally {
      await hub.close()
      await rm(dir, { recursive: true, force: true })
    }
  },
  300_000
)
