// Python's round(v, 3): the 3-decimal value nearest to the *exact* binary value of v, ties to
// even. toFixed and Math.round(v * 1000) / 1000 disagree on exact ties (0.8125 -> 0.813), and the
// scores in users' published model cards were made by Python, so this is done exactly with BigInt.

const view = new DataView(new ArrayBuffer(8))

/** v = sign * mantissa * 2^exponent, exactly. */
function decompose(v: number): { mantissa: bigint; exponent: number } {
  view.setFloat64(0, Math.abs(v))
  const hi = view.getUint32(0)
  const lo = view.getUint32(4)
  const biased = (hi >>> 20) & 0x7ff
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  return biased === 0
    ? { mantissa: fraction, exponent: -1074 }
    : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 }
}

/** Round to `digits` decimals exactly as Python's round(v, digits) does (digits 0-15). */
export function roundHalfEven(v: number, digits: number): number {
  if (!Number.isFinite(v) || v === 0) return v
  // Fast path: away from a tie the scaled double and the exact value round the same way
  // (their difference is a few ulps); only near-ties need the exact arithmetic below.
  const scale = 10 ** digits
  const scaled = Math.abs(v) * scale
  const fraction = scaled - Math.floor(scaled)
  if (Math.abs(fraction - 0.5) > 1e-6 && scaled < 2 ** 52) {
    const rounded = (fraction > 0.5 ? Math.ceil(scaled) : Math.floor(scaled)) / scale
    return v < 0 ? -rounded : rounded
  }
  return exactRoundHalfEven(v, digits)
}

/** The exact path alone (exported so tests can check the fast path against it). */
export function exactRoundHalfEven(v: number, digits: number): number {
  const { mantissa, exponent } = decompose(v)
  if (exponent >= 0) return v // an integer: nothing after the point
  const scale = 10n ** BigInt(digits)
  const numerator = mantissa * scale
  const denominator = 1n << BigInt(-exponent)
  let quotient = numerator / denominator
  const twiceRemainder = (numerator % denominator) * 2n
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) {
    quotient += 1n
  }
  // quotient / 10^digits as a division of two exact doubles is correctly rounded, as Python's is.
  const rounded = Number(quotient) / Number(scale)
  return v < 0 ? -rounded : rounded
}

export const round3 = (v: number): number => roundHalfEven(v, 3)

/** Scores are always shown with exactly three decimals (0.700, not 0.7). */
export function formatScore(v: number | null | undefined): string {
  return v === null || v === undefined ? '' : round3(v).toFixed(3)
}
