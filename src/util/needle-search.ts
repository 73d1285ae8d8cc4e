// Whether a buffer holds any of several byte strings (the held tokens, in every encoded form),
// at a cost that does not grow with how many there are. One Buffer.includes per needle reads
// the whole buffer once per needle: with a token's raw and base64 forms, and the runner's tokens
// in Actions, that was most of the time the pre-upload secret check took.
//
// The filter samples one aligned 4-byte word every `stride` words and looks it up in a bitmap
// of every 4-byte window of every needle. A needle of length n covers n - 3 consecutive word
// starts, so a stride of floor((shortest - 3) / 4) words cannot step over one; a hit (rare on
// weights: about one in 30,000 samples) is confirmed with Buffer.includes around it.

/** log2 of the bitmap's size in bits: 32 KiB, small enough to stay in the CPU's cache. */
const TABLE_BITS = 18
/** Needles shorter than this are searched for directly (the stride would be under one word). */
const MIN_FILTERED_LENGTH = 8

const windowHash = (word: number): number => Math.imul(word, 0x9e3779b1) >>> (32 - TABLE_BITS)

export interface NeedleSearch {
  /** Whether `buffer[0, end)` holds any needle. `buffer.byteOffset` must be a multiple of 4. */
  foundIn(buffer: Buffer, end: number): boolean
  /** The longest needle's length: bytes a match can straddle across two reads, plus one. */
  readonly longest: number
}

/** The needles that matter: no empty ones, and none that holds another (finding the shorter is enough). */
function essential(needles: Uint8Array[]): Buffer[] {
  const unique = [...new Map(needles.map((n) => [Buffer.from(n).toString('hex'), Buffer.from(n)])).values()]
  const kept = unique.filter((n) => n.length > 0).sort((a, b) => a.length - b.length)
  return kept.filter((n, i) => !kept.slice(0, i).some((shorter) => n.includes(shorter)))
}

/** A search for `needles` in buffers read one after another (see `longest` for the overlap to keep). */
export function needleSearch(needles: Uint8Array[]): NeedleSearch {
  const all = essential(needles)
  const direct = all.filter((n) => n.length < MIN_FILTERED_LENGTH)
  const filtered = all.filter((n) => n.length >= MIN_FILTERED_LENGTH)
  const longest = Math.max(0, ...all.map((n) => n.length))
  if (filtered.length === 0) {
    return { longest, foundIn: (buffer, end) => direct.some((n) => buffer.subarray(0, end).includes(n)) }
  }
  const shortest = filtered[0].length
  const stride = Math.floor((shortest - 3) / 4)
  const maxFiltered = filtered[filtered.length - 1].length
  const table = new Int32Array(1 << (TABLE_BITS - 5))
  // A word read through a Uint32Array is in the machine's byte order: read the needles' the same way.
  const word = new Uint32Array(1)
  const wordBytes = new Uint8Array(word.buffer)
  for (const needle of filtered) {
    for (let j = 0; j + 4 <= needle.length; j++) {
      wordBytes.set(needle.subarray(j, j + 4))
      const h = windowHash(word[0])
      table[h >>> 5] |= 1 << (h & 31)
    }
  }
  const confirm = (buffer: Buffer, at: number, end: number): boolean => {
    const around = buffer.subarray(Math.max(0, at - maxFiltered + 4), Math.min(end, at + maxFiltered))
    return filtered.some((n) => around.includes(n))
  }
  return {
    longest,
    foundIn(buffer, end) {
      if (buffer.byteOffset % 4 !== 0) throw new Error('needleSearch: the buffer must start on a 4-byte boundary')
      if (direct.some((n) => buffer.subarray(0, end).includes(n))) return true
      const words = new Uint32Array(buffer.buffer, buffer.byteOffset, end >>> 2)
      for (let w = 0; w < words.length; w += stride) {
        const h = windowHash(words[w])
        if ((table[h >>> 5] >>> (h & 31)) & 1 && confirm(buffer, w << 2, end)) return true
      }
      return false
    }
  }
}
