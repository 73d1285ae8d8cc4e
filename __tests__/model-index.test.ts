import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { cardError } from './support/card-error.js'
import { measuredMetrics } from '../src/card/metrics.js'
import { mergeModelIndex } from '../src/card/model-index.js'
import type { Benchmark } from '../src/domain/types.js'
import { frontMatterOf, lineDiff } from './support/line-diff.js'
import { step1000, SUITE } from './fixtures/cards/suite.js'

const real = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'cards-real')
const realCard = (name: string): Promise<string> => readFile(path.join(real, name), 'utf8')

// What a command evaluator reports for a Whisper fine-tune: {"eval_wer": 0.743, "eval_loss": 0.28}.
const WER: Benchmark = { id: 'wer', name: 'Wer', group: 'Metrics', higherIsBetter: false }
// A GLUE MRPC classifier's Trainer metrics: eval_accuracy is reported, eval_f1 is a benchmark.
const F1: Benchmark = { id: 'f1', name: 'F1', group: 'Metrics' }

type Entry = {
  name: string
  results: Array<{ task: unknown; dataset: unknown; metrics: Array<Record<string, unknown>> }>
}
const modelIndexOf = (card: string): Entry[] =>
  (parseYaml(frontMatterOf(card)) as { 'model-index': Entry[] })['model-index']

describe('measuredMetrics', () => {
  it('names a WER wer, and never offers it as eval_accuracy', () => {
    expect(measuredMetrics({ benchmarks: [WER], scores: { wer: 0.743 }, evalAccuracy: 0.743 })).toEqual([
      { type: 'wer', name: 'WER', value: 0.743 }
    ])
  })

  it("puts a reported eval_accuracy under accuracy, beside the benchmarks' own metrics", () => {
    const metrics = measuredMetrics({
      benchmarks: [F1],
      scores: { f1: 0.91 },
      evalAccuracy: 0.87,
      reported: { eval_accuracy: 0.87, eval_loss: 0.3 }
    })
    expect(metrics).toEqual([
      { type: 'f1', name: 'F1', value: 0.91 },
      { type: 'accuracy', name: 'Accuracy', value: 0.87 }
    ])
  })

  it("keeps the built-in suite's eval_accuracy (a mean of several higher-is-better scores)", () => {
    const metrics = measuredMetrics({ ...step1000(), evalAccuracy: 0.712 })
    expect(metrics).toHaveLength(16)
    expect(metrics.at(-1)).toEqual({ type: 'eval_accuracy', name: 'Eval Accuracy', value: 0.712 })
  })

  it("uses lm-eval's metric and dataset for a task", () => {
    const hellaswag: Benchmark = {
      id: 'hellaswag',
      name: 'hellaswag (acc_norm)',
      group: 'lm-evaluation-harness',
      metric: 'acc_norm,none',
      dataset: { type: 'Rowan/hellaswag', name: 'hellaswag', split: 'validation' }
    }
    expect(measuredMetrics({ benchmarks: [hellaswag], scores: { hellaswag: 0.61 }, evalAccuracy: 0.61 })).toEqual([
      { type: 'acc_norm', name: 'Normalized Accuracy', value: 0.61, dataset: hellaswag.dataset }
    ])
  })
})

describe('mergeModelIndex on real cards', () => {
  it("Whisper: updates the WER of the card's own entry and changes no other line", async () => {
    const before = await realCard('whisper-small-hi.md')
    const metrics = measuredMetrics({ benchmarks: [WER], scores: { wer: 0.743 }, evalAccuracy: 0.743 })
    const { card: after, changes } = mergeModelIndex(before, { modelName: 'my-whisper', metrics })

    expect(lineDiff(frontMatterOf(before), frontMatterOf(after))).toEqual([
      '-      value: 33.4250402099382',
      '+      value: 0.743',
      '+      verified: false'
    ])
    // The body is untouched.
    expect(after.slice(after.indexOf('\n---\n', 4))).toBe(before.slice(before.indexOf('\n---\n', 4)))
    const [entry] = modelIndexOf(after)
    expect(entry.name).toBe('Whisper Small Hi - Sanchit Gandhi')
    expect(entry.results[0].task).toEqual({
      name: 'Automatic Speech Recognition',
      type: 'automatic-speech-recognition'
    })
    expect(entry.results[0].dataset).toEqual({
      name: 'Common Voice 11.0',
      type: 'mozilla-foundation/common_voice_11_0',
      args: 'config: hi, split: test'
    })
    expect(entry.results[0].metrics).toEqual([{ name: 'Wer', type: 'wer', value: 0.743, verified: false }])
    expect(changes).toEqual([
      'model-index: updated wer in "Whisper Small Hi - Sanchit Gandhi" "automatic-speech-recognition / mozilla-foundation/common_voice_11_0" to 0.743'
    ])
  })

  it('GLUE MRPC: merges into the text-classification entry, keeps the verified NLI entry byte for byte', async () => {
    const before = await realCard('bert-base-uncased-mrpc.md')
    const metrics = measuredMetrics({
      benchmarks: [F1, { id: 'matthews_correlation', name: 'Matthews Correlation', group: 'Metrics' }],
      scores: { f1: 0.9123, matthews_correlation: 0.71 },
      evalAccuracy: 0.88,
      reported: { eval_accuracy: 0.88 }
    })
    const { card: after } = mergeModelIndex(before, {
      modelName: 'x',
      metrics,
      task: 'text-classification',
      dataset: { type: 'glue', name: 'glue', config: 'mrpc' }
    })
    expect(lineDiff(frontMatterOf(before), frontMatterOf(after))).toEqual([
      '-      value: 0.8602941176470589',
      '+      value: 0.880',
      '+      verified: false',
      '-      value: 0.9042016806722689',
      '+      value: 0.9123',
      '+      verified: false',
      '+    - type: matthews_correlation',
      '+      value: 0.710',
      '+      name: Matthews Correlation',
      '+      verified: false'
    ])
    const [entry] = modelIndexOf(after)
    expect(entry.results[0].task).toEqual({ type: 'text-classification', name: 'Text Classification' })
    expect(entry.results[0].dataset).toEqual({ name: 'GLUE MRPC', type: 'glue', args: 'mrpc' })
    expect(entry.results[0].metrics.map((m) => [m.type, m.name, m.value])).toEqual([
      ['accuracy', 'Accuracy', 0.88],
      ['f1', 'F1', 0.9123],
      ['matthews_correlation', 'Matthews Correlation', 0.71]
    ])
    expect(modelIndexOf(before)[0].results[1]).toEqual(entry.results[1])
  })

  it('GLUE MRPC: two entries could take the metrics, so it asks for card-task instead of guessing', async () => {
    const before = await realCard('bert-base-uncased-mrpc.md')
    const metrics = measuredMetrics({ benchmarks: [F1], scores: { f1: 0.9 }, evalAccuracy: 0.9 })
    const error = cardError(() => mergeModelIndex(before, { modelName: 'x', metrics, cardPath: 'README.md' }))
    expect(error.problems).toHaveLength(1)
    expect(error.problems[0]).toMatchObject({ file: 'README.md', line: 15 })
    expect(error.problems[0].message).toContain(
      '"text-classification / glue / mrpc", "natural-language-inference / glue / mrpc (validation)"'
    )
    expect(error.problems[0].message).toContain('Set card-task or card-dataset')
  })

  it('updating a verified metric marks it unverified and drops its verifyToken', async () => {
    const before = await realCard('bert-base-uncased-mrpc.md')
    const { card: after } = mergeModelIndex(before, {
      modelName: 'x',
      metrics: [{ type: 'precision', name: 'Precision', value: 0.9 }],
      task: 'natural-language-inference'
    })
    const diff = lineDiff(frontMatterOf(before), frontMatterOf(after))
    expect(diff).toEqual([
      '-      value: 0.8512658227848101',
      '+      value: 0.900',
      '-      verified: true',
      expect.stringMatching(/^- {6}verifyToken: eyJ/),
      '+      verified: false'
    ])
  })

  it("adds an entry for a new dataset after the existing ones, in the card's list style", async () => {
    const before = await realCard('whisper-small-hi.md')
    const { card: after } = mergeModelIndex(before, {
      modelName: 'x',
      metrics: [{ type: 'wer', name: 'WER', value: 0.5 }],
      dataset: { type: 'google/fleurs', name: 'FLEURS', config: 'hi_in', split: 'test' },
      task: 'automatic-speech-recognition'
    })
    const diff = lineDiff(frontMatterOf(before), frontMatterOf(after))
    expect(diff.every((l) => l.startsWith('+'))).toBe(true)
    expect(diff[0]).toBe('+  - task:')
    const results = modelIndexOf(after)[0].results
    expect(results).toHaveLength(2)
    expect(results[1]).toEqual({
      task: { type: 'automatic-speech-recognition', name: 'Automatic Speech Recognition' },
      dataset: { name: 'FLEURS', type: 'google/fleurs', config: 'hi_in', split: 'test' },
      metrics: [{ type: 'wer', value: 0.5, name: 'WER', verified: false }]
    })
  })
})

describe('mergeModelIndex on a card without model-index', () => {
  const metrics = measuredMetrics({ benchmarks: [F1], scores: { f1: 0.9 }, evalAccuracy: 0.9 })

  it("takes the task from pipeline_tag and the dataset from card-dataset, appending after the user's keys", () => {
    const before = '---\nlicense: mit # ours\npipeline_tag: text-classification\ntags:\n  - glue\n---\n# Card\n'
    const { card: after } = mergeModelIndex(before, {
      modelName: 'my-model',
      metrics,
      dataset: { type: 'nyu-mll/glue', name: 'nyu-mll/glue mrpc', config: 'mrpc', split: 'validation' }
    })
    expect(
      after.startsWith('---\nlicense: mit # ours\npipeline_tag: text-classification\ntags:\n  - glue\nmodel-index:\n')
    ).toBe(true)
    expect(after.endsWith('---\n# Card\n')).toBe(true)
    expect(modelIndexOf(after)).toEqual([
      {
        name: 'my-model',
        results: [
          {
            task: { type: 'text-classification', name: 'Text Classification' },
            dataset: { name: 'nyu-mll/glue mrpc', type: 'nyu-mll/glue', config: 'mrpc', split: 'validation' },
            metrics: [{ type: 'f1', value: 0.9, name: 'F1', verified: false }]
          }
        ]
      }
    ])
  })

  it('never invents a dataset or task: says which input to set', () => {
    const error = cardError(() =>
      mergeModelIndex('---\nlicense: mit\n---\n', { modelName: 'm', metrics, cardPath: 'README.md' })
    )
    expect(error.message).toContain('card-task')
    expect(error.message).toContain('card-dataset')
    expect(error.message).toContain('f1')
  })

  it('gives lm-eval tasks their own entries on the datasets lm-eval names, as text-generation', () => {
    const bench = (id: string, dataset: string, config?: string): Benchmark => ({
      id,
      name: `${id} (acc)`,
      group: 'lm-evaluation-harness',
      metric: 'acc',
      dataset: { type: dataset, name: id, ...(config ? { config } : {}), split: 'test' }
    })
    const benchmarks = [bench('arc_challenge', 'allenai/ai2_arc', 'ARC-Challenge'), bench('piqa', 'baber/piqa')]
    const m = measuredMetrics({ benchmarks, scores: { arc_challenge: 0.41, piqa: 0.7 }, evalAccuracy: 0.555 })
    const { card } = mergeModelIndex('# no front matter\r\n', { modelName: 'lm', metrics: m })
    expect(card.startsWith('---\r\nmodel-index:\r\n- name: lm\r\n')).toBe(true)
    expect(card.endsWith('---\r\n# no front matter\r\n')).toBe(true)
    const results = modelIndexOf(card.replace(/\r\n/g, '\n'))[0].results
    expect(results.map((r) => [r.task, r.dataset, r.metrics])).toEqual([
      [
        { type: 'text-generation', name: 'Text Generation' },
        { name: 'arc_challenge', type: 'allenai/ai2_arc', config: 'ARC-Challenge', split: 'test' },
        [{ type: 'acc', value: 0.41, name: 'Accuracy', verified: false }]
      ],
      [
        { type: 'text-generation', name: 'Text Generation' },
        { name: 'piqa', type: 'baber/piqa', split: 'test' },
        [{ type: 'acc', value: 0.7, name: 'Accuracy', verified: false }]
      ]
    ])
  })

  it('keeps the suite scores with three decimals, like every table', () => {
    const m = measuredMetrics({ benchmarks: SUITE, scores: step1000().scores, evalAccuracy: 0.712 })
    const { card } = mergeModelIndex('---\n---\n', {
      modelName: 'm',
      metrics: m,
      task: 'text-generation',
      dataset: { type: 'local/suite', name: 'suite' }
    })
    expect(card).toContain('value: 0.550\n')
    expect(card).toContain('type: eval_accuracy\n')
  })
})
