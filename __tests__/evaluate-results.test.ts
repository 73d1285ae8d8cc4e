// The results evaluator on files laid out the way the Trainer, lm-evaluation-harness and
// lighteval write them (fixtures/results/<tool>/checkpoint-<step>/...).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createResultsEvaluator } from '../src/evaluate/results/evaluator.js'
import { findResultsFiles } from '../src/evaluate/results/files.js'
import type { Checkpoint } from '../src/domain/types.js'
import { recordingLogger } from './support/logger.js'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'results')

function checkpointIn(root: string, name: string): Checkpoint {
  return {
    name,
    path: path.join(root, name),
    step: Number(/(\d+)$/.exec(name)?.[1]),
    weightsFormat: 'safetensors',
    weightsFiles: ['model.safetensors'],
    files: [],
    sizeBytes: 0
  }
}
const at = (tool: string, name: string) => checkpointIn(path.join(fixtures, tool), name)

describe('results evaluator', () => {
  it("reads each checkpoint's trainer_state.json at its own step", async () => {
    const log = recordingLogger()
    const progress: string[] = []
    const run = await createResultsEvaluator().evaluate(
      [at('trainer', 'checkpoint-500'), at('trainer', 'checkpoint-1000')],
      {
        log,
        onProgress: (done, total) => progress.push(`${done}/${total}`)
      }
    )
    expect(run.evaluator).toEqual({
      kind: 'results',
      settings: {
        files: ['**/results_*.json', '**/*{step}*.json', 'eval_results.json', 'all_results.json', 'trainer_state.json']
      }
    })
    expect(run.benchmarks).toEqual([
      { id: 'f1', name: 'F1', group: 'Metrics' },
      { id: 'ood_accuracy', name: 'Ood Accuracy', group: 'Metrics' }
    ])
    expect(run.results.map((r) => [r.status, r.metrics.eval_accuracy, r.metrics.eval_loss, r.scores.f1])).toEqual([
      ['ok', 0.742, 0.61, 0.731],
      ['ok', 0.815, 0.48, 0.806]
    ])
    expect(progress).toEqual(['1/2', '2/2'])
    expect(log.lines.some((l) => l.startsWith('evaluated'))).toBe(false) // the entry point logs progress
  })

  it('fails a checkpoint whose step was never evaluated, saying which steps were', async () => {
    const run = await createResultsEvaluator().evaluate(
      [at('trainer', 'checkpoint-1000'), at('trainer', 'checkpoint-1500')],
      {
        log: recordingLogger()
      }
    )
    expect(run.results[0].status).toBe('ok')
    expect(run.results[1]).toMatchObject({ status: 'failed', scores: {}, metrics: {} })
    expect(run.results[1].error).toContain('no evaluation logged at step 1500 (evaluations at steps 500, 1000)')
    expect(run.results[1].error).toContain(
      `looked for **/results_*.json, **/*{step}*.json, eval_results.json, all_results.json, trainer_state.json in ${at('trainer', 'checkpoint-1500').path}`
    )
  })

  it('reads all_results.json (eval_accuracy kept as the reported metric)', async () => {
    const run = await createResultsEvaluator().evaluate([at('all-results', 'checkpoint-300')], {
      log: recordingLogger()
    })
    expect(run.results[0]).toMatchObject({
      status: 'ok',
      scores: { f1: 0.8377 },
      metrics: { eval_accuracy: 0.8431, eval_loss: 0.3921 }
    })
  })

  it('picks the newest lm-eval results_<timestamp>.json in the nested folder lm-eval writes', async () => {
    const run = await createResultsEvaluator().evaluate([at('lm-eval', 'checkpoint-100')], { log: recordingLogger() })
    // The older file scores arc_easy 0.1111; the newer one (by the timestamp in its name, even
    // though its mtime is older) has four benchmarks.
    expect(run.results[0].scores).toEqual({ arc_easy: 0.7412, gsm8k: 0.3124, mmlu: 0.5521, wikitext: 18.2371 })
    expect(run.benchmarks.map((b) => b.group)).toEqual(Array(4).fill('lm-evaluation-harness'))
  })

  it('reads lighteval results/<org>/<model>/results_*.json', async () => {
    const run = await createResultsEvaluator().evaluate([at('lighteval', 'checkpoint-200')], { log: recordingLogger() })
    expect(run.results[0].scores).toEqual({ 'arc:challenge': 0.5213, gsm8k: 0.3108, mmlu: 0.4521 })
  })

  it('unions benchmarks across checkpoints and gives null where a checkpoint has no score', async () => {
    const run = await createResultsEvaluator().evaluate(
      [at('lighteval', 'checkpoint-200'), at('lm-eval', 'checkpoint-100')],
      {
        log: recordingLogger()
      }
    )
    expect(run.benchmarks.map((b) => b.id)).toEqual(['arc:challenge', 'gsm8k', 'mmlu', 'arc_easy', 'wikitext'])
    expect(run.results[0].scores).toEqual({
      'arc:challenge': 0.5213,
      gsm8k: 0.3108,
      mmlu: 0.4521,
      arc_easy: null,
      wikitext: null
    })
  })

  it('falls back past an unreadable file to the next one, with a warning', async () => {
    const log = recordingLogger()
    const ckpt = at('broken', 'checkpoint-500')
    const run = await createResultsEvaluator().evaluate([ckpt], { log })
    expect(run.results[0]).toMatchObject({ status: 'ok', metrics: { eval_accuracy: 0.742 } })
    expect(log.lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^warning: checkpoint-500: skipped .*eval_results\\.json: not valid JSON \\(.*\\) \\(${ckpt.path}\\)$`
        )
      )
    )
  })

  it('reports the files it looked for when a checkpoint has none, and throws when all fail', async () => {
    const log = recordingLogger()
    const ckpt = at('empty', 'checkpoint-400')
    const run = createResultsEvaluator().evaluate([ckpt], { log })
    await expect(run).rejects.toThrow(
      `evaluator 'results': all 1 checkpoint(s) failed. First failure, checkpoint-400 (${ckpt.path}): no results file found ` +
        `(looked for **/results_*.json, **/*{step}*.json, eval_results.json, all_results.json, trainer_state.json in ${ckpt.path}). ` +
        "Write your evaluation's results into the checkpoint folder, or set results-files"
    )
    expect(log.lines[0]).toMatch(/^warning: checkpoint-400: no results file found/)
  })

  it("returns the all-failed run instead of throwing when asked to (allFailed: 'return')", async () => {
    const run = await createResultsEvaluator().evaluate([at('empty', 'checkpoint-400')], {
      log: recordingLogger(),
      allFailed: 'return'
    })
    expect(run.results).toMatchObject([{ status: 'failed', scores: {}, metrics: {} }])
    expect(run.benchmarks).toEqual([])
  })

  it('reads only the files given, with {name} and {step} filled in, in order', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'results-eval-'))
    try {
      const ckpt = checkpointIn(path.join(root, 'checkpoints'), 'step_20')
      mkdirSync(ckpt.path, { recursive: true })
      writeFileSync(path.join(ckpt.path, 'all_results.json'), '{"accuracy": 0.1}')
      mkdirSync(path.join(root, 'evals', 'step_20'), { recursive: true })
      writeFileSync(path.join(root, 'evals', 'step_20', 'metrics-20.json'), '{"accuracy": 0.8}')
      const files = [path.join(root, 'evals', '{name}', 'metrics-{step}.json')]
      const run = await createResultsEvaluator({ files }).evaluate([ckpt], { log: recordingLogger() })
      expect(run.results[0].scores).toEqual({ accuracy: 0.8 })
      expect(run.evaluator.settings).toEqual({ files })
      const relative = await createResultsEvaluator({ files: ['../../evals/*/metrics-*.json'] }).evaluate([ckpt], {
        log: recordingLogger()
      })
      expect(relative.results[0].scores).toEqual({ accuracy: 0.8 })
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('findResultsFiles', () => {
  it('matches globs below the checkpoint folder, newest timestamp first, and ignores other files', async () => {
    const dir = path.join(fixtures, 'lm-eval', 'checkpoint-100')
    const found = await findResultsFiles(dir, '**/results_*.json', { maxDepth: 6 })
    expect(found.map((f) => path.basename(f))).toEqual([
      'results_2025-03-04T09-15-30.123456.json',
      'results_2025-01-02T08-00-00.000000.json'
    ])
    expect(await findResultsFiles(dir, 'trainer_state.json', { maxDepth: 6 })).toEqual([])
  })

  it('enters folders down to maxDepth only, and finds files at the top of the base too', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'find-results-'))
    try {
      const deep = path.join(root, 'a', 'b', 'c')
      mkdirSync(deep, { recursive: true })
      writeFileSync(path.join(root, 'results_top.json'), '{}')
      writeFileSync(path.join(root, 'a', 'b', 'results_two.json'), '{}')
      writeFileSync(path.join(deep, 'results_three.json'), '{}')
      const names = async (maxDepth: number) =>
        (await findResultsFiles(root, '**/results_*.json', { maxDepth })).map((f) => path.relative(root, f)).sort()
      expect(await names(0)).toEqual(['results_top.json'])
      expect(await names(2)).toEqual([path.join('a', 'b', 'results_two.json'), 'results_top.json'])
      expect(await names(3)).toHaveLength(3)
      expect(await findResultsFiles(root, 'a/b/results_two.json', { maxDepth: 0 })).toEqual([
        path.join(root, 'a', 'b', 'results_two.json')
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('the real example', () => {
  it("reads the validation accuracy train.mjs logged in each checkpoint's trainer_state.json", async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'real', 'checkpoints')
    const run = await createResultsEvaluator().evaluate(
      ['checkpoint-5', 'checkpoint-200', 'checkpoint-1000'].map((n) => checkpointIn(root, n)),
      {
        log: recordingLogger()
      }
    )
    const accuracies = run.results.map((r) => r.metrics.eval_accuracy)
    expect(accuracies.every((a) => a > 0.3 && a <= 1)).toBe(true)
    expect(new Set(accuracies).size).toBe(3)
  })
})

describe('results files named by their step', () => {
  it('finds 160m_step1000.json in step1000 but never step10000.json in step1000, nor config.json', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'step-named-'))
    try {
      const lmEval = (acc: number) => JSON.stringify({ results: { arc_easy: { acc } }, versions: { arc_easy: 0 } })
      mkdirSync(path.join(root, 'step1000', 'evals'), { recursive: true })
      writeFileSync(path.join(root, 'step1000', 'evals', '160m_step1000.json'), lmEval(0.43))
      writeFileSync(path.join(root, 'step1000', '160m_step10000.json'), lmEval(0.99))
      writeFileSync(path.join(root, 'step1000', 'config.json'), '{"hidden_size": 1000}')
      const run = await createResultsEvaluator().evaluate([checkpointIn(root, 'step1000')], { log: recordingLogger() })
      expect(run.results[0]).toMatchObject({ status: 'ok', scores: { arc_easy: 0.43 } })
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
