// The multi-needle search of the secret check: every needle at every byte offset (the sampled
// words are aligned, the needles are not), needles shorter than the filter's word searched
// directly, a needle that holds another, and no false finds in random bytes.
import { randomBytes } from 'node:crypto'
import { needleSearch } from '../src/util/needle-search.js'

const token = 'hf_' + 'aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3x'
const forms = [
  token,
  Buffer.from(token).toString('base64').replace(/=+$/, ''),
  encodeURIComponent(`${token}/`),
  'ghs_0123456789abcdefghijABCDEFGHIJklmnop'
].map((f) => Buffer.from(f))

/** A word-aligned copy of `bytes` (Buffer.from of a small array may start anywhere in the pool). */
function aligned(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length)
  bytes.copy(copy)
  return copy
}

it('finds each needle at every offset of a buffer, including its first and last bytes', () => {
  const search = needleSearch(forms)
  const noise = randomBytes(512)
  for (const needle of forms) {
    for (let at = 0; at + needle.length <= noise.length; at++) {
      const buffer = aligned(noise)
      needle.copy(buffer, at)
      if (!search.foundIn(buffer, buffer.length)) throw new Error(`missed ${needle} at ${at}`)
    }
  }
  expect(search.longest).toBe(Math.max(...forms.map((f) => f.length)))
})

it('looks only below `end`: a needle cut by the end is not found (the next read finds it)', () => {
  const search = needleSearch([Buffer.from(token)])
  const buffer = aligned(Buffer.concat([randomBytes(100), Buffer.from(token), randomBytes(100)]))
  expect(search.foundIn(buffer, 100 + token.length)).toBe(true)
  expect(search.foundIn(buffer, 100 + token.length - 1)).toBe(false)
})

it('finds no needle in 64 MiB of random bytes, nor in bytes that share every 4-byte window but the whole', () => {
  const search = needleSearch(forms)
  const noise = aligned(randomBytes(64 * 1024 * 1024))
  expect(search.foundIn(noise, noise.length)).toBe(false)
  // Every window of the token, but never the token: the filter's hits must all be refuted.
  const near = aligned(Buffer.from(Array.from({ length: 200 }, () => token.slice(0, -1) + '#').join('')))
  expect(search.foundIn(near, near.length)).toBe(false)
})

it('searches needles shorter than a filter word directly, and keeps only needles that hold no other', () => {
  const search = needleSearch([Buffer.from('abcd'), Buffer.from('xxabcdxx_long_enough'), Buffer.from('')])
  // 'xxabcdxx_long_enough' holds 'abcd': finding the short one is enough.
  expect(search.longest).toBe(4)
  for (let at = 0; at < 16; at++) {
    const buffer = aligned(Buffer.alloc(32, 0x2e))
    buffer.write('abcd', at)
    expect(search.foundIn(buffer, buffer.length)).toBe(true)
  }
  expect(search.foundIn(aligned(Buffer.alloc(32, 0x2e)), 32)).toBe(false)
})

it('finds nothing with no needles, and refuses a buffer that is not word-aligned', () => {
  expect(needleSearch([]).foundIn(aligned(randomBytes(64)), 64)).toBe(false)
  const search = needleSearch([Buffer.from(token)])
  const big = Buffer.allocUnsafeSlow(128)
  expect(() => search.foundIn(big.subarray(1), 100)).toThrow(/4-byte boundary/)
})
