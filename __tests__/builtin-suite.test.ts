import { BUILTIN_SUITE, EXAMPLE_WEIGHTS, builtinScores } from '../src/evaluate/builtin/suite.js'
import { evalAccuracy } from '../src/domain/metric.js'
import { exactRoundHalfEven, formatScore, round3, roundHalfEven } from '../src/domain/round.js'

// The spec's vectors, in canonical order.
const VECTORS: Record<number, { scores: number[]; evalAccuracy: number; weighted: number }> = {
  100: {
    scores: [0.345, 0.319, 0.53, 0.475, 0.475, 0.517, 0.617, 0.35, 0.328, 0.438, 0.517, 0.64, 0.529, 0.55, 0.628],
    evalAccuracy: 0.484,
    weighted: 0.48
  },
  1000: {
    scores: [0.55, 0.819, 0.736, 0.7, 0.607, 0.828, 0.792, 0.65, 0.61, 0.644, 0.767, 0.804, 0.676, 0.758, 0.739],
    evalAccuracy: 0.712,
    weighted: 0.71
  }
}

describe('round3 (Python round(v, 3))', () => {
  it('breaks exact binary ties to even, unlike toFixed', () => {
    expect(round3(0.8125)).toBe(0.812)
    expect(round3(0.0625)).toBe(0.062)
    expect(round3(0.1875)).toBe(0.188)
    expect(round3(0.3125)).toBe(0.312)
    expect((0.8125).toFixed(3)).toBe('0.813') // why toFixed can't be used
  })
  it('rounds the exact binary value, not the decimal literal', () => {
    expect(round3(0.0005)).toBe(0.001) // 0.0005 is stored slightly above the tie
    expect(round3(1.0005)).toBe(1) // 1.0005 is stored slightly below it
    expect(roundHalfEven(2.675, 2)).toBe(2.67)
    expect(roundHalfEven(0.5, 0)).toBe(0)
    expect(roundHalfEven(1.5, 0)).toBe(2)
  })
  it('takes the fast path only where it agrees with exact arithmetic', () => {
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 20000; i++) {
      const v = i % 2 ? random() : Math.round(random() * 100000) / 100000 + (i % 3 ? 0.00005 : 0)
      expect(roundHalfEven(v, 3)).toBe(exactRoundHalfEven(v, 3))
    }
  })
  it('keeps sign, zero and integers', () => {
    expect(round3(-0.8125)).toBe(-0.812)
    expect(round3(0)).toBe(0)
    expect(round3(3)).toBe(3)
    expect(round3(1e-9)).toBe(0)
  })
  it('formats three decimals', () => {
    expect(formatScore(0.7)).toBe('0.700')
    expect(formatScore(0.8125)).toBe('0.812')
    expect(formatScore(null)).toBe('')
  })
})

describe('built-in suite', () => {
  it('has the 15 benchmarks in canonical order with their groups', () => {
    expect(BUILTIN_SUITE.map((b) => b.id)).toEqual([
      'math_reasoning',
      'logical_reasoning',
      'common_sense',
      'reading_comprehension',
      'question_answering',
      'text_classification',
      'sentiment_analysis',
      'code_generation',
      'creative_writing',
      'dialogue_generation',
      'summarization',
      'translation',
      'knowledge_retrieval',
      'instruction_following',
      'safety_evaluation'
    ])
    expect(new Set(BUILTIN_SUITE.map((b) => b.group)).size).toBe(4)
  })

  it.each(Object.keys(VECTORS).map(Number))('matches the spec vector at step %i', (step) => {
    const scores = builtinScores(step)
    expect(Object.values(scores)).toEqual(VECTORS[step].scores)
    expect(evalAccuracy(BUILTIN_SUITE, scores)).toBe(VECTORS[step].evalAccuracy)
    expect(evalAccuracy(BUILTIN_SUITE, scores, EXAMPLE_WEIGHTS)).toBe(VECTORS[step].weighted)
  })

  it('never exceeds a cap, and approaches each formula limit at large steps', () => {
    const scores = builtinScores(10_000_000)
    BUILTIN_SUITE.forEach((b) => {
      expect(scores[b.id]).toBeLessThanOrEqual(b.cap)
      expect(scores[b.id]).toBeGreaterThanOrEqual(0.8)
    })
  })

  it('has no score for steps that are not positive integers', () => {
    for (const step of [0, -100, 1.5, Number.NaN]) {
      const scores = builtinScores(step)
      expect(Object.values(scores).every((s) => s === null)).toBe(true)
      expect(evalAccuracy(BUILTIN_SUITE, scores)).toBeNull()
    }
  })

  it('rounds exact ties the Python way wherever the suite produces them', () => {
    // A double sits exactly halfway between two 3-decimal values only when it is an odd
    // multiple of 1/16 (0.0625, 0.1875, …); then v * 1000 is exact and the tie goes to even.
    let ties = 0
    for (let step = 1; step <= 20000; step++) {
      for (const b of BUILTIN_SUITE) {
        const raw = Math.min(b.raw(step / 100), b.cap)
        if (Number.isInteger(raw * 16) && (raw * 16) % 2 === 1) {
          ties++
          const floor = Math.floor(raw * 1000)
          expect(builtinScores(step)[b.id]).toBe((floor % 2 === 0 ? floor : floor + 1) / 1000)
        }
      }
    }
    expect(ties).toBeGreaterThan(0)
  })

  it('leaves unscored benchmarks out of the mean and weights the rest', () => {
    const benchmarks = BUILTIN_SUITE.slice(0, 3)
    expect(evalAccuracy(benchmarks, { math_reasoning: 0.5, logical_reasoning: null, common_sense: 0.7 })).toBe(0.6)
    expect(evalAccuracy(benchmarks, { math_reasoning: 0.5, common_sense: 0.8 }, { math_reasoning: 2 })).toBe(0.6)
  })
})
