import type { BaselineScores } from '../src/domain/types.js'
import { evaluateGate } from '../src/domain/gate.js'
import type { MetricSpec } from '../src/domain/types.js'

const accuracy: MetricSpec = { name: 'eval_accuracy', greaterIsBetter: true }
const loss: MetricSpec = { name: 'eval_loss', greaterIsBetter: false }

function baseline(value: number | null, evalAccuracy: number | null = value): BaselineScores {
  return { source: 'hub:acme/model', evalAccuracy, value, scores: {} }
}

describe('evaluateGate: min-score', () => {
  it('passes when the winner is exactly on the bar', () => {
    const result = evaluateGate({
      metric: accuracy,
      winnerValue: 0.7,
      winnerScores: {},
      minScore: 0.7,
      baselineRequested: false
    })
    expect(result.status).toBe('passed')
    expect(result.checks).toEqual([
      { name: 'min-score', passed: true, detail: 'eval_accuracy 0.700 >= min-score 0.700' }
    ])
  })

  it('fails just below the bar and says by how much', () => {
    const result = evaluateGate({
      metric: accuracy,
      winnerValue: 0.699,
      winnerScores: {},
      minScore: 0.7,
      baselineRequested: false
    })
    expect(result.status).toBe('failed')
    expect(result.reasons).toEqual([
      'eval_accuracy 0.699 < min-score 0.700: the best checkpoint is 0.001 short of the bar'
    ])
  })

  it('treats float noise at the bar as on it (0.1 + 0.2 vs 0.3)', () => {
    const result = evaluateGate({
      metric: accuracy,
      winnerValue: 0.1 + 0.2,
      winnerScores: {},
      minScore: 0.3,
      baselineRequested: false
    })
    expect(result.status).toBe('passed')
  })

  it('reads "below the bar" as "worse": above it for a lower-is-better metric', () => {
    const at = evaluateGate({
      metric: loss,
      winnerValue: 0.5,
      winnerScores: {},
      minScore: 0.5,
      baselineRequested: false
    })
    const better = evaluateGate({
      metric: loss,
      winnerValue: 0.42,
      winnerScores: {},
      minScore: 0.5,
      baselineRequested: false
    })
    const worse = evaluateGate({
      metric: loss,
      winnerValue: 0.5004,
      winnerScores: {},
      minScore: 0.5,
      baselineRequested: false
    })
    expect(at.status).toBe('passed')
    expect(better.status).toBe('passed')
    expect(better.checks[0].detail).toBe('eval_loss 0.420 <= min-score 0.500 (lower is better)')
    expect(worse.status).toBe('failed')
    // Not rounded to 0.500: a loss keeps the digits that make it fail.
    expect(worse.reasons[0]).toBe(
      'eval_loss 0.5004 > min-score 0.500 (lower is better): the best checkpoint is 0.0004 short of the bar'
    )
  })

  it('fails when nothing could be ranked', () => {
    const result = evaluateGate({
      metric: accuracy,
      winnerValue: null,
      winnerScores: {},
      minScore: 0.5,
      baselineRequested: false
    })
    expect(result.status).toBe('failed')
    expect(result.reasons[0]).toMatch(/^no checkpoint could be ranked by eval_accuracy, so min-score can't pass/)
  })
})

describe('evaluateGate: baseline + max-regression', () => {
  it('passes a drop exactly at max-regression (0.712 -> 0.707 with 0.005), despite float error', () => {
    // 0.712 - 0.707 is 0.0050000000000000044 in floating point.
    const result = evaluateGate({
      metric: accuracy,
      winnerValue: 0.707,
      winnerScores: {},
      baseline: baseline(0.712),
      baselineRequested: true,
      maxRegression: 0.005
    })
    expect(result.status).toBe('passed')
    expect(result.checks[0].detail).toBe(
      'eval_accuracy 0.707 vs baseline 0.712 (hub:acme/model): regressed by 0.005, within max-regression 0.005'
    )
  })

  it('fails a drop just beyond max-regression', () => {
    const result = evaluateGate({
      metric: accuracy,
      winnerValue: 0.706,
      winnerScores: {},
      baseline: baseline(0.712),
      baselineRequested: true,
      maxRegression: 0.005
    })
    expect(result.status).toBe('failed')
    expect(result.reasons).toEqual([
      'eval_accuracy 0.706 vs baseline 0.712 (hub:acme/model): regressed by 0.006, more than max-regression 0.005'
    ])
  })

  it('with max-regression 0 allows no drop at all, but an equal score passes', () => {
    const equal = evaluateGate({
      metric: accuracy,
      winnerValue: 0.712,
      winnerScores: {},
      baseline: baseline(0.712),
      baselineRequested: true,
      maxRegression: 0
    })
    const drop = evaluateGate({
      metric: accuracy,
      winnerValue: 0.711,
      winnerScores: {},
      baseline: baseline(0.712),
      baselineRequested: true,
      maxRegression: 0
    })
    expect(equal.status).toBe('passed')
    expect(equal.checks[0].detail).toMatch(/: no regression$/)
    expect(drop.status).toBe('failed')
  })

  it('counts a rise in a lower-is-better metric as the regression', () => {
    const improved = evaluateGate({
      metric: loss,
      winnerValue: 0.4,
      winnerScores: {},
      baseline: baseline(0.45),
      baselineRequested: true,
      maxRegression: 0
    })
    const onTheLimit = evaluateGate({
      metric: loss,
      winnerValue: 0.455,
      winnerScores: {},
      baseline: baseline(0.45),
      baselineRequested: true,
      maxRegression: 0.005
    })
    const worse = evaluateGate({
      metric: loss,
      winnerValue: 0.46,
      winnerScores: {},
      baseline: baseline(0.45),
      baselineRequested: true,
      maxRegression: 0.005
    })
    expect(improved.status).toBe('passed')
    expect(onTheLimit.status).toBe('passed')
    expect(worse.status).toBe('failed')
    expect(worse.reasons[0]).toBe(
      'eval_loss 0.460 vs baseline 0.450 (hub:acme/model): regressed by 0.010, more than max-regression 0.005'
    )
  })

  it('passes with a reason when the requested baseline does not exist yet', () => {
    const result = evaluateGate({
      metric: accuracy,
      winnerValue: 0.6,
      winnerScores: {},
      baseline: null,
      baselineRequested: true,
      maxRegression: 0.005
    })
    expect(result.status).toBe('passed')
    expect(result.reasons).toEqual([expect.stringContaining('no baseline yet: first run / nothing published')])
  })

  it('passes with a reason when the baseline has no value for the metric', () => {
    const result = evaluateGate({
      metric: loss,
      winnerValue: 0.4,
      winnerScores: {},
      baseline: baseline(null, 0.7),
      baselineRequested: true,
      maxRegression: 0.01
    })
    expect(result.status).toBe('passed')
    expect(result.reasons[0]).toBe(
      'the baseline (hub:acme/model) has no eval_loss value, so there is no regression to check'
    )
  })

  it('fails when nothing could be ranked but there is a baseline to hold', () => {
    const result = evaluateGate({
      metric: accuracy,
      winnerValue: null,
      winnerScores: {},
      baseline: baseline(0.7),
      baselineRequested: true,
      maxRegression: 0.01
    })
    expect(result.status).toBe('failed')
  })

  it('reports every failing check', () => {
    const result = evaluateGate({
      metric: accuracy,
      winnerValue: 0.6,
      winnerScores: {},
      minScore: 0.65,
      baseline: baseline(0.7),
      baselineRequested: true,
      maxRegression: 0.01
    })
    expect(result.status).toBe('failed')
    expect(result.checks.map((c) => [c.name, c.passed])).toEqual([
      ['min-score', false],
      ['max-regression', false]
    ])
    expect(result.reasons).toHaveLength(2)
  })
})

describe('evaluateGate: configuration', () => {
  it('is skipped when no gate is configured, even with a baseline to compare against', () => {
    const none = evaluateGate({ metric: accuracy, winnerValue: 0.7, winnerScores: {}, baselineRequested: false })
    const compareOnly = evaluateGate({
      metric: accuracy,
      winnerValue: 0.7,
      winnerScores: {},
      baseline: baseline(0.8),
      baselineRequested: true
    })
    for (const result of [none, compareOnly]) {
      expect(result.status).toBe('skipped')
      expect(result.checks).toEqual([])
      expect(result.reasons[0]).toMatch(/^no gate configured/)
    }
  })

  it('is skipped with no winner when no gate is configured', () => {
    expect(
      evaluateGate({ metric: accuracy, winnerValue: null, winnerScores: {}, baselineRequested: false }).status
    ).toBe('skipped')
  })

  it('rejects max-regression without a baseline, naming both inputs', () => {
    expect(() =>
      evaluateGate({
        metric: accuracy,
        winnerValue: 0.7,
        winnerScores: {},
        baselineRequested: false,
        maxRegression: 0.01
      })
    ).toThrow(/max-regression is set \(0\.01\) but baseline is not.*`baseline` input/)
  })

  it('rejects a negative max-regression and a non-numeric min-score', () => {
    expect(() =>
      evaluateGate({
        metric: accuracy,
        winnerValue: 0.7,
        winnerScores: {},
        baseline: null,
        baselineRequested: true,
        maxRegression: -0.01
      })
    ).toThrow(/can't be negative: use 0 to allow no drop/)
    expect(() =>
      evaluateGate({ metric: accuracy, winnerValue: 0.7, winnerScores: {}, baselineRequested: false, minScore: NaN })
    ).toThrow(/min-score must be a number like 0.7, got NaN/)
  })
})
