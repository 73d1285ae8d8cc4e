// The read on a thread of its own (util/read-thread.ts): the same answers as the read on this
// thread (digest, bytes, a needle across every buffer boundary), a stop at the first find, the
// thread usable again after a find or an error, and the check's share-out of threads by files
// and cores.
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PlannedFile } from '../src/domain/publication.js'
import { readThreadsFor, THREAD_MIN_BYTES } from '../src/publish/secret-scan.js'
import { hashFileOnce, scanFile } from '../src/util/file-pass.js'
import { needleSearch } from '../src/util/needle-search.js'
import { startReadThread } from '../src/util/read-thread.js'
import type { ReadThread } from '../src/util/read-thread.js'

const MiB = 1024 * 1024
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

let dir: string
let thread: ReadThread
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-thread-'))
  thread = startReadThread()
})
afterAll(async () => {
  await thread.close()
  await rm(dir, { recursive: true, force: true })
})

it.each([0, 1, MiB - 1, MiB, MiB + 1, 5 * MiB + 17])('hashes a %i-byte file as node:crypto does', async (size) => {
  const bytes = randomBytes(size)
  const file = join(dir, `weights-${size}.bin`)
  await writeFile(file, bytes)
  const heard: number[] = []
  const result = await scanFile(file, [Buffer.from('hf_absent_token_value')], {
    thread,
    onRead: (n) => heard.push(n)
  })
  expect(result).toEqual({ digest: sha256(bytes), bytes: size, found: false })
  expect(heard.reduce((a, b) => a + b, 0)).toBe(size)
  // The upload asks for the same hash: it is the one the thread computed, not a second read.
  expect((await hashFileOnce('sha256', file)).digest).toBe(result.digest)
})

it('finds a token at every offset around the buffer boundaries of random bytes', async () => {
  const token = Buffer.from('hf_' + 'aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3x')
  const search = needleSearch([token, Buffer.from(token.toString('base64'))])
  const noise = randomBytes(4 * MiB + 100)
  const file = join(dir, 'sweep.bin')
  // Boundaries of the first, second and fourth buffers: the ring of three wraps at the fourth.
  for (const boundary of [MiB, 2 * MiB, 3 * MiB]) {
    for (let at = boundary - token.length - 1; at <= boundary + 1; at++) {
      const bytes = Buffer.from(noise)
      token.copy(bytes, at)
      await writeFile(file, bytes)
      const result = await scanFile(file, search, { thread })
      if (!result.found) throw new Error(`missed the token at byte ${at}`)
      expect(result.digest).toBeUndefined()
    }
  }
})

it('stops at the first find and reads the next file as usual', async () => {
  const token = Buffer.from('hf_' + 'Z9'.repeat(17))
  const head = Buffer.concat([Buffer.alloc(MiB / 2, 0x41), token])
  const file = join(dir, 'early.bin')
  await writeFile(file, Buffer.concat([head, Buffer.alloc(32 * MiB, 0x41)]))
  const found = await scanFile(file, [token], { thread })
  expect(found.found).toBe(true)
  // It read a buffer or a ring's worth, not the 32 MiB after the token.
  expect(found.bytes).toBeLessThanOrEqual(4 * MiB)
  const clean = randomBytes(3 * MiB)
  await writeFile(join(dir, 'after.bin'), clean)
  expect(await scanFile(join(dir, 'after.bin'), [token], { thread })).toEqual({
    digest: sha256(clean),
    bytes: clean.length,
    found: false
  })
})

it('fails with the file system error, and reads the next file as usual', async () => {
  await expect(scanFile(join(dir, 'missing.bin'), [Buffer.from('needle_xyz')], { thread })).rejects.toMatchObject({
    code: 'ENOENT'
  })
  await expect(thread.pass(dir, { size: 0 })).rejects.toMatchObject({ code: 'EISDIR' })
  const bytes = randomBytes(1000)
  await writeFile(join(dir, 'next.bin'), bytes)
  expect((await thread.pass(join(dir, 'next.bin'), { size: bytes.length })).digest).toBe(sha256(bytes))
})

it('reads one file after the other, the next right after a find, and two threads side by side', async () => {
  const token = Buffer.from('hf_' + 'Q7'.repeat(17))
  const a = Buffer.concat([Buffer.alloc(MiB, 0x41), token, Buffer.alloc(16 * MiB, 0x41)])
  const b = randomBytes(2 * MiB)
  await writeFile(join(dir, 'a.bin'), a)
  await writeFile(join(dir, 'b.bin'), b)
  const search = needleSearch([token])
  // Asked at once: the second waits until the thread has closed the first file.
  const [first, second] = await Promise.all([
    thread.pass(join(dir, 'a.bin'), { size: a.length, search }),
    thread.pass(join(dir, 'b.bin'), { size: b.length, search })
  ])
  expect(first.found).toBe(true)
  expect(second).toEqual({ digest: sha256(b), bytes: b.length, found: false })
  const other = startReadThread()
  try {
    const [ra, rb] = await Promise.all([
      thread.pass(join(dir, 'b.bin'), { size: b.length }),
      other.pass(join(dir, 'a.bin'), { size: a.length })
    ])
    expect([ra.digest, rb.digest]).toEqual([sha256(b), sha256(a)])
  } finally {
    await other.close()
  }
  await expect(other.pass(join(dir, 'b.bin'), { size: b.length })).rejects.toThrow(/thread stopped/)
})

describe('readThreadsFor', () => {
  const files = (sizes: number[]): PlannedFile[] =>
    sizes.map((size, i) => ({ pathInRepo: `f${i}`, localPath: `/w/f${i}`, size }) as PlannedFile)
  const large = THREAD_MIN_BYTES

  it('starts none for one large file or only small ones', () => {
    expect(readThreadsFor(files([large, 100, 200]), 4)).toBe(0)
    expect(readThreadsFor(files([large - 1, large - 1]), 4)).toBe(0)
  })

  it('starts one per large file but one, one per core but one, three at most', () => {
    expect(readThreadsFor(files([large, large, large]), 2)).toBe(1)
    expect(readThreadsFor(files([large, large, large]), 4)).toBe(2)
    expect(readThreadsFor(files(Array(30).fill(large)), 4)).toBe(3)
    expect(readThreadsFor(files(Array(30).fill(large)), 64)).toBe(3)
    expect(readThreadsFor(files([large, large]), 1)).toBe(0)
  })
})
