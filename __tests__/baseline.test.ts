import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadBaselineFromFile, parseBaselineFromModelCard } from '../src/baseline/index.js'
import type { Benchmark, MetricSpec } from '../src/domain/types.js'

const benchmarks: Benchmark[] = [
  { id: 'math_reasoning', name: 'Math Reasoning', group: 'Core Reasoning Tasks' },
  { id: 'logical_reasoning', name: 'Logical Reasoning', group: 'Core Reasoning Tasks' },
  { id: 'code_gen', name: 'Code Generation', group: 'Code' },
  { id: 'perplexity', name: 'Perplexity', group: 'Language', higherIsBetter: false }
]
const accuracy: MetricSpec = { name: 'eval_accuracy', greaterIsBetter: true }
const loss: MetricSpec = { name: 'eval_loss', greaterIsBetter: false }

function scoresDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 'checkpoint-eval/scores',
    version: 1,
    run: { createdAt: '2026-11-01T00:00:00Z', tool: { name: 'checkpoint-eval', version: '0.1.0' } },
    evaluator: { kind: 'builtin', settings: {} },
    metric: accuracy,
    benchmarks,
    checkpoints: [
      {
        name: 'step_3000',
        path: 'ckpt/step_3000',
        step: 3000,
        status: 'ok',
        scores: { math_reasoning: 0.7, logical_reasoning: 0.724, code_gen: null, perplexity: 12.5 },
        metrics: { eval_loss: 0.4321 },
        evalAccuracy: 0.712,
        value: 0.712,
        rank: 1,
        sizeBytes: 10,
        weightsFormat: 'safetensors'
      }
    ],
    skipped: [],
    winner: {
      name: 'step_3000',
      path: 'ckpt/step_3000',
      step: 3000,
      evalAccuracy: 0.712,
      value: 0.712,
      scores: { math_reasoning: 0.7, logical_reasoning: 0.724, code_gen: null, perplexity: 12.5 }
    },
    ...overrides
  }
}

describe('loadBaselineFromFile', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baseline-test-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  async function write(name: string, content: unknown): Promise<string> {
    const path = join(dir, name)
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content))
    return path
  }

  it("reads the earlier run's winner", async () => {
    const path = await write('scores.json', scoresDocument())
    expect(await loadBaselineFromFile(path)).toEqual({
      source: path,
      evalAccuracy: 0.712,
      value: 0.712,
      scores: { math_reasoning: 0.7, logical_reasoning: 0.724, code_gen: null, perplexity: 12.5 }
    })
  })

  it("takes this run's metric from the winner's metrics when the earlier run ranked by another", async () => {
    const path = await write('by-accuracy.json', scoresDocument())
    const baseline = await loadBaselineFromFile(path, { metric: loss })
    expect(baseline.value).toBe(0.4321)
    expect(baseline.evalAccuracy).toBe(0.712)
  })

  it('gives all-null numbers when the earlier run had no winner', async () => {
    const path = await write('no-winner.json', scoresDocument({ winner: null }))
    expect(await loadBaselineFromFile(path)).toEqual({ source: path, evalAccuracy: null, value: null, scores: {} })
  })

  it('names the baseline input when the file is missing', async () => {
    await expect(loadBaselineFromFile(join(dir, 'nope.json'))).rejects.toThrow(
      /^baseline: .*nope\.json file not found\. The `baseline` input must name a scores\.json/
    )
  })

  it('explains a file that is not a scores file', async () => {
    const path = await write('package.json', { name: 'x' })
    await expect(loadBaselineFromFile(path)).rejects.toThrow(
      /is not a checkpoint-eval scores file \(expected "schema": "checkpoint-eval\/scores", found no "schema" field\)/
    )
    const other = await write('other.json', { schema: 'something/else' })
    await expect(loadBaselineFromFile(other)).rejects.toThrow(/found schema "something\/else"/)
    const broken = await write('broken.json', '{"schema": ')
    await expect(loadBaselineFromFile(broken)).rejects.toThrow(/broken\.json is not valid JSON/)
  })

  it('refuses a newer version of the file with a way out', async () => {
    const path = await write('v2.json', scoresDocument({ version: 2 }))
    await expect(loadBaselineFromFile(path)).rejects.toThrow(
      /is scores\.json version 2, this action reads version 1\. Regenerate/
    )
  })
})

// The card the publish step generates when the user has none: a Group column comes first.
const generatedCard = `---
tags:
  - checkpoint-eval
---
# model

This model is the checkpoint \`step_3000\` (training step 3000), the best of the run's checkpoints by \`eval_accuracy\`.

## Results

| Group | Benchmark | Score |
|---|---|---:|
| **Core Reasoning Tasks** | Math Reasoning | 0.700 |
|  | Logical Reasoning | 0.724 |
| **Code** | Code Generation | — (no score) |
| **Language** | Perplexity | 12.500 |
| | **Eval Accuracy** | **0.712** |

Benchmarks without a score (Code Generation) are left out of eval_accuracy.
`

describe('parseBaselineFromModelCard', () => {
  it('finds what the card publishes under its model-index type: accuracy for eval_accuracy, wer for eval_wer', () => {
    const card = [
      '---',
      'model-index:',
      '- name: whisper-small-hi',
      '  results:',
      '  - task: {type: automatic-speech-recognition}',
      '    dataset: {type: mozilla-foundation/common_voice_11_0, name: Common Voice 11.0}',
      '    metrics:',
      '    - {type: wer, name: WER, value: 0.321, verified: false}',
      '    - {type: accuracy, name: Accuracy, value: 0.81, verified: false}',
      '---',
      '# card'
    ].join('\n')
    const wer: MetricSpec = { name: 'eval_wer', greaterIsBetter: false }
    expect(parseBaselineFromModelCard(card, [], { metric: wer })).toMatchObject({ evalAccuracy: 0.81, value: 0.321 })
    expect(parseBaselineFromModelCard(card, [])).toMatchObject({ evalAccuracy: 0.81, value: 0.81 })
  })

  it('reads the generated card: benchmark rows after a group cell, and the Eval Accuracy row', () => {
    expect(parseBaselineFromModelCard(generatedCard, benchmarks)).toEqual({
      source: 'model card',
      evalAccuracy: 0.712,
      value: 0.712,
      scores: { math_reasoning: 0.7, logical_reasoning: 0.724, code_gen: null, perplexity: 12.5 }
    })
  })

  it('matches rows in any order by name or id, ignoring case, spacing, underscores and emphasis', () => {
    const card = [
      '# Results',
      '',
      '| Task | Accuracy |',
      '| :-- | --: |',
      '| `CODE_GEN` | 0.51 |',
      '| perplexity | 11.2 |',
      '| **logical-reasoning** | `0.690` |',
      '| [math reasoning](https://example.com/math) | 66.5% |',
      '',
      'eval_accuracy: 0.634'
    ].join('\n')
    expect(parseBaselineFromModelCard(card, benchmarks, { source: 'card.md' })).toEqual({
      source: 'card.md',
      evalAccuracy: 0.634,
      value: 0.634,
      scores: { math_reasoning: 0.665, logical_reasoning: 0.69, code_gen: 0.51, perplexity: 11.2 }
    })
  })

  it('prefers model-index metrics (as the publish step writes them) over the tables', () => {
    const card = `---
license: mit
model-index:
  - name: model
    results:
      - task:
          type: text-generation
          name: Text Generation
        dataset:
          type: checkpoint-evaluation
          name: Checkpoint evaluation
        metrics:
          - type: math_reasoning
            value: 0.700
            name: Math Reasoning
          - type: logical_reasoning
            value: 0.724
            name: Logical Reasoning
          - type: eval_accuracy
            value: 0.712
            name: Eval Accuracy
---
# model

| Benchmark | Score |
|---|---|
| Math Reasoning | 0.111 |
| Code Generation | 0.500 |
`
    expect(parseBaselineFromModelCard(card, benchmarks)).toEqual({
      source: 'model card',
      evalAccuracy: 0.712,
      value: 0.712,
      // code_gen isn't in model-index; the table fills it in.
      scores: { math_reasoning: 0.7, logical_reasoning: 0.724, code_gen: 0.5, perplexity: null }
    })
  })

  it("reads another ranking metric's value the same way", () => {
    const card = '| Benchmark | Score |\n|---|---|\n| Math Reasoning | 0.7 |\n\n**eval_loss**: 0.4321\n'
    const baseline = parseBaselineFromModelCard(card, benchmarks, { metric: loss })
    expect(baseline).toMatchObject({ evalAccuracy: null, value: 0.4321, scores: { math_reasoning: 0.7 } })
  })

  it('ignores numbers in code blocks and returns null when nothing names a benchmark', () => {
    const card =
      '# A model\n\n```\neval_accuracy: 0.9\n| Math Reasoning | 0.9 |\n```\n\n| Step | Loss |\n|---|---|\n| 1000 | 0.5 |\n'
    expect(parseBaselineFromModelCard(card, benchmarks)).toBeNull()
    expect(parseBaselineFromModelCard('', benchmarks)).toBeNull()
  })

  it('reads front matter with a BOM and CRLF endings, closed by ---, or by ...', () => {
    const modelIndex =
      'model-index:\r\n  - results:\r\n      - metrics:\r\n          - type: eval_accuracy\r\n            value: 0.61\r\n'
    for (const close of ['---', '...']) {
      const card = `\uFEFF---\r\n${modelIndex}${close}\r\n| Math Reasoning | 0.7 |\r\n`
      expect(parseBaselineFromModelCard(card, benchmarks)).toMatchObject({
        evalAccuracy: 0.61,
        scores: { math_reasoning: 0.7 }
      })
    }
  })

  it('ignores numbers in tilde fences and in fences longer than three backticks', () => {
    const card = '~~~\neval_accuracy: 0.9\n~~~\n````md\n| Math Reasoning | 0.9 |\n```\n````\n| Math Reasoning | 0.4 |\n'
    expect(parseBaselineFromModelCard(card, benchmarks)).toMatchObject({
      evalAccuracy: null,
      scores: { math_reasoning: 0.4 }
    })
  })

  it('still reads the tables when the front matter is broken YAML', () => {
    const card = '---\nmodel-index: [unclosed\n---\n| Math Reasoning | 0.7 |\n'
    expect(parseBaselineFromModelCard(card, benchmarks)?.scores.math_reasoning).toBe(0.7)
  })
})
