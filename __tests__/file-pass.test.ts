// The one read of a file (double-buffered): its hashes, the needle
// search across read boundaries (the needle at every alignment and at every byte around the
// boundary), and the sha256 the secret check computed reused by the upload only while the file
// is unchanged.
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashFileOnce, scanFile } from '../src/util/file-pass.js'

const MiB = 1024 * 1024
const sha = (algorithm: string, ...parts: Array<string | Buffer>) => {
  const hash = createHash(algorithm)
  for (const part of parts) hash.update(part)
  return hash.digest('hex')
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-pass-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

it.each([3, 17])('hashes a %i MiB file as node:crypto does, with a prefix for git blob ids', async (mib) => {
  const file = join(dir, `weights-${mib}.bin`)
  const bytes = randomBytes(mib * MiB + 17)
  await writeFile(file, bytes)
  expect(await hashFileOnce('sha256', file)).toEqual({
    digest: sha('sha256', bytes),
    bytes: bytes.length,
    found: false
  })
  const prefix = `blob ${bytes.length}\0`
  expect((await hashFileOnce('sha1', file, prefix)).digest).toBe(sha('sha1', prefix, bytes))
})

it.each([1, 2, 5, 19, 20])('finds a needle that straddles the read boundary (%i byte(s) before it)', async (before) => {
  const needle = Buffer.from('hf_straddling_secret')
  const file = join(dir, `straddle-${before}.bin`)
  await writeFile(file, Buffer.concat([Buffer.alloc(MiB - before, 0x41), needle, Buffer.alloc(MiB, 0x41)]))
  expect((await scanFile(file, [Buffer.from('absent_needle_xyz'), needle])).found).toBe(true)
  expect((await scanFile(file, [Buffer.from('absent_needle_xyz')])).found).toBe(false)
})

it('finds a realistic token (raw or base64) at every offset around the second and third read boundaries of random bytes', async () => {
  const token = 'hf_' + 'aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3x'
  const forms = [token, Buffer.from(token).toString('base64'), 'ghs_' + 'Z'.repeat(36)].map((f) => Buffer.from(f))
  const noise = randomBytes(3 * MiB + 4096)
  const file = join(dir, 'boundary-sweep.bin')
  for (const form of forms) {
    for (const boundary of [MiB, 2 * MiB]) {
      for (let at = boundary - form.length - 1; at <= boundary + 1; at += 1) {
        const bytes = Buffer.from(noise)
        form.copy(bytes, at)
        await writeFile(file, bytes)
        const result = await scanFile(file, forms)
        if (!result.found) throw new Error(`missed ${form} at byte ${at}`)
      }
    }
  }
  await writeFile(file, noise)
  const clean = await scanFile(file, forms)
  expect(clean).toEqual({ found: false, bytes: noise.length, digest: sha('sha256', noise) })
})

it('gives the upload the sha256 the secret check computed, and a fresh one once the file changed', async () => {
  const file = join(dir, 'model.safetensors')
  await writeFile(file, Buffer.alloc(2 * MiB, 1))
  const scanned = await scanFile(file, [Buffer.from('no_such_token')])
  expect(scanned.digest).toBe(sha('sha256', Buffer.alloc(2 * MiB, 1)))
  expect((await hashFileOnce('sha256', file)).digest).toBe(scanned.digest)
  // Same size, new content and mtime: the remembered hash must not be sent.
  await writeFile(file, Buffer.alloc(2 * MiB, 2))
  await utimes(file, new Date(), new Date(Date.now() + 5000))
  expect((await hashFileOnce('sha256', file)).digest).toBe(sha('sha256', Buffer.alloc(2 * MiB, 2)))
})

it('fails with the file system error for a missing or unreadable file', async () => {
  await expect(hashFileOnce('sha256', join(dir, 'missing.bin'))).rejects.toMatchObject({ code: 'ENOENT' })
  await expect(hashFileOnce('sha256', dir)).rejects.toMatchObject({ code: 'EISDIR' })
})
