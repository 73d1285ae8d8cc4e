import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createBuiltinEvaluator } from '../src/evaluate/builtin/evaluator.js'
import { rank, resolveMetric } from '../src/domain/rank.js'
import type { Checkpoint, CheckpointEvaluation, EvaluationRun } from '../src/domain/types.js'
import { silentLogger } from '../src/util/log.js'

const checkpoint = (name: string, step: number): Checkpoint => ({
  name,
  path: `ckpt/${name}`,
  step,
  weightsFormat: 'safetensors',
  weightsFiles: ['model.safetensors'],
  files: [],
  sizeBytes: 0
})

function runOf(
  entries: Array<[string, number, Record<string, number | null>, Record<string, number>?, ('ok' | 'failed')?]>
): EvaluationRun {
  const results: CheckpointEvaluation[] = entries.map(([name, step, scores, metrics = {}, status = 'ok']) => ({
    checkpoint: checkpoint(name, step),
    status,
    scores,
    metrics,
    durationMs: 0
  }))
  return {
    evaluator: { kind: 'test', settings: {} },
    benchmarks: [
      { id: 'a', name: 'A', group: 'G' },
      { id: 'b', name: 'B', group: 'G' }
    ],
    results
  }
}

describe('rank', () => {
  it('ranks the built-in suite by eval_accuracy, highest first', async () => {
    const checkpoints = [100, 1000, 500].map((s) => checkpoint(`step_${s}`, s))
    const run = await createBuiltinEvaluator().evaluate(checkpoints, { log: silentLogger })
    const r = rank(run)
    expect(r.entries.map((e) => [e.evaluation.checkpoint.step, e.evalAccuracy, e.rank])).toEqual([
      [1000, 0.712, 1],
      [500, 0.638, 2],
      [100, 0.484, 3]
    ])
    expect(r.winner?.evaluation.checkpoint.name).toBe('step_1000')
  })

  it('gives a tie to the earlier step, then the name, whatever the input order', () => {
    const run = runOf([
      ['step_300', 300, { a: 0.5, b: 0.7 }],
      ['step_200', 200, { a: 0.7, b: 0.5 }],
      ['b_step_200', 200, { a: 0.6, b: 0.6 }],
      ['step_100', 100, { a: 0.1, b: 0.1 }]
    ])
    const r = rank(run)
    expect(r.entries.map((e) => e.evaluation.checkpoint.name)).toEqual([
      'b_step_200',
      'step_200',
      'step_300',
      'step_100'
    ])
    expect(r.entries.map((e) => e.evalAccuracy)).toEqual([0.6, 0.6, 0.6, 0.1])
  })

  it('puts checkpoints without a score or that failed last, unranked', () => {
    const run = runOf([
      ['s1', 1, { a: null, b: null }],
      ['s2', 2, { a: 0.4, b: null }],
      ['s3', 3, {}, {}, 'failed']
    ])
    const r = rank(run)
    expect(r.entries.map((e) => [e.evaluation.checkpoint.name, e.rank, e.evalAccuracy])).toEqual([
      ['s2', 1, 0.4],
      ['s1', null, null],
      ['s3', null, null]
    ])
  })

  it('has no winner when nothing has a score', () => {
    expect(rank(runOf([['s1', 0, { a: null }]])).winner).toBeNull()
  })

  it('applies weights to eval_accuracy', () => {
    const r = rank(
      runOf([
        ['s1', 1, { a: 0.9, b: 0.1 }],
        ['s2', 2, { a: 0.1, b: 0.8 }]
      ]),
      { weights: { a: 3 } }
    )
    expect(r.winner?.evaluation.checkpoint.name).toBe('s1')
    expect(r.winner?.evalAccuracy).toBe(0.7)
  })

  it('ranks by another metric, with or without the eval_ prefix, lower first for losses', () => {
    const run = runOf([
      ['s1', 1, { a: 0.5 }, { eval_loss: 1.2 }],
      ['s2', 2, { a: 0.4 }, { eval_loss: 0.9 }]
    ])
    for (const metric of ['eval_loss', 'loss']) {
      const r = rank(run, { metric })
      expect(r.metric).toEqual({ name: metric, greaterIsBetter: false })
      expect(r.winner?.evaluation.checkpoint.name).toBe('s2')
      expect(r.winner?.value).toBe(0.9)
    }
    expect(rank(run, { metric: 'loss', greaterIsBetter: true }).winner?.evaluation.checkpoint.name).toBe('s1')
    expect(rank(run, { metric: 'a' }).winner?.evaluation.checkpoint.name).toBe('s1')
  })

  it('reads the direction a results file gives', () => {
    const run = runOf([
      ['s1', 1, { perplexity_score: 10 }],
      ['s2', 2, { perplexity_score: 12 }]
    ])
    run.benchmarks = [{ id: 'perplexity_score', name: 'PPL', group: 'G', higherIsBetter: false }]
    expect(resolveMetric(run, { metric: 'perplexity_score' }).greaterIsBetter).toBe(false)
  })

  it('prefers an eval_accuracy the evaluator reported over the benchmark mean', () => {
    const r = rank(runOf([['s1', 1, { a: 0.2, b: 0.2 }, { eval_accuracy: 0.91 }]]))
    expect(r.winner?.evalAccuracy).toBe(0.91)
  })
})

describe('the default metric', () => {
  const scored = (ids: Array<[string, boolean?]>, values: Array<Record<string, number>>): EvaluationRun => ({
    evaluator: { kind: 'test', settings: {} },
    benchmarks: ids.map(([id, higherIsBetter]) => ({
      id,
      name: id,
      group: 'G',
      ...(higherIsBetter === undefined ? {} : { higherIsBetter })
    })),
    results: values.map((scores, i) => ({
      checkpoint: checkpoint(`step_${(i + 1) * 100}`, (i + 1) * 100),
      status: 'ok',
      scores,
      metrics: {},
      durationMs: 0
    }))
  })

  it('says when the mean is weighted', () => {
    const run = scored([['a'], ['b']], [{ a: 0.5, b: 0.7 }])
    expect(rank(run, { weights: { a: 3 } }).reason).toBe(
      'eval_accuracy is the weighted mean of the 2 scores (all higher is better, 0–1)'
    )
  })

  it('never averages 0–1 with 0–100 scores (a judge score next to BLEU)', () => {
    const run = scored([['llm_judge'], ['bleu']], [{ llm_judge: 71, bleu: 0.31 }])
    expect(() => rank(run)).toThrow(/they mix scales \(0–1 and 0–100 or unbounded\)/)
    expect(() => rank(run)).toThrow(/ {2}- llm_judge: higher is better, 0–100\n {2}- bleu: higher is better, 0–1/)
  })

  it('ranks a run where nothing was evaluated without refusing (nothing wins)', () => {
    const run = scored([['a']], [])
    expect(rank(run, { metric: 'whatever' })).toMatchObject({
      winner: null,
      reason: 'no checkpoint could be evaluated'
    })
  })
})

describe('naming lm-eval metrics with filters', () => {
  it('takes task/metric,filter; task/metric alone is ambiguous when the task has two filters', async () => {
    const { createResultsEvaluator } = await import('../src/evaluate/results/evaluator.js')
    const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'results', 'lm-eval')
    const run = await createResultsEvaluator().evaluate(
      [{ ...checkpoint('checkpoint-100', 100), path: path.join(root, 'checkpoint-100') }],
      { log: silentLogger }
    )
    expect(rank(run, { metric: 'gsm8k/exact_match,strict-match' }).winner?.value).toBe(0.3124)
    expect(rank(run, { metric: 'gsm8k/exact_match,flexible-extract' }).metric.greaterIsBetter).toBe(true)
    expect(() => rank(run, { metric: 'gsm8k/exact_match' })).toThrow(
      "Input 'metric': 'gsm8k/exact_match' matches 2 metrics of gsm8k (one per filter): gsm8k/exact_match,strict-match, gsm8k/exact_match,flexible-extract. Name one of them, e.g. metric: gsm8k/exact_match,strict-match"
    )
  })
})
