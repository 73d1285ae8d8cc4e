// The pipeline's three run modes and its shared stages, called as modules (no bundle, no GitHub):
// what each mode computes, writes and decides, on real checkpoint folders.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { InputName } from '../src/config/inputs.js'
import { parseConfig } from '../src/config/parse.js'
import type { Config } from '../src/config/types.js'
import { runAggregate } from '../src/pipeline/aggregate.js'
import { runFull } from '../src/pipeline/full.js'
import { runPipeline } from '../src/pipeline/run.js'
import { runShard } from '../src/pipeline/shard.js'
import { discoverCheckpoints, rankEvaluation } from '../src/pipeline/stages.js'
import type { RunMetadata } from '../src/scores/document.js'
import { InputError } from '../src/util/errors.js'
import { recordingLogger } from './support/logger.js'
import { makeCheckpoint, makeRun, tempDir } from './support/workspace.js'

const RUN: RunMetadata = { createdAt: '2026-01-01T00:00:00.000Z', tool: { name: 'checkpoint-eval', version: 'test' } }

/** A Config as the action would build it, with `workspace` standing in for GITHUB_WORKSPACE. */
function configFor(workspace: string, inputs: Partial<Record<InputName, string>> = {}): Config {
  return parseConfig((name) => inputs[name] ?? '', { workspace, outputDir: 'out', cpus: 2 })
}

describe('pipeline', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('pipeline-'))
    // Relative inputs must resolve against the workspace, never the test process's folder.
    expect(process.cwd()).not.toBe(dir)
    await makeRun(path.join(dir, 'checkpoints'), [100, 500, 1000])
    await makeCheckpoint(path.join(dir, 'checkpoints'), 'step_1100', { weights: 'none' })
  })
  afterEach(() => cleanup())

  it('runFull: a relative checkpoint-dir resolves against the workspace; scores, summary and outputs say so', async () => {
    const log = recordingLogger()
    const result = await runFull({ config: configFor(dir), log, run: RUN })
    expect(result.ranking.winner?.evaluation.checkpoint).toMatchObject({
      name: 'step_1000',
      path: path.join(dir, 'checkpoints/step_1000')
    })
    expect(result.ranking.winner?.evalAccuracy).toBe(0.712)
    expect(result.files.json).toBe(path.join(dir, 'out/scores.json'))
    const scores = JSON.parse(await readFile(result.files.json, 'utf8'))
    // Paths in scores.json are relative to the workspace, so the file reads the same on any runner.
    expect(scores.winner).toMatchObject({ name: 'step_1000', path: 'checkpoints/step_1000' })
    expect(scores.skipped).toEqual([expect.objectContaining({ name: 'step_1100', path: 'checkpoints/step_1100' })])
    expect(await readFile(path.join(dir, 'out/summary.md'), 'utf8')).toBe(result.summary)
    expect(result.gate.status).toBe('skipped')
    expect(result.publish).toMatchObject({ status: 'skipped' })
    expect(result.failure).toBeUndefined()
    expect(log.lines).toContain('Found 3 checkpoints in checkpoints (1 skipped)')
    expect(log.lines).toContain('Best checkpoint: step_1000 (step 1000), eval_accuracy 0.712')
  })

  it('runFull: a failed gate is reported as failure after the summary is written', async () => {
    const result = await runFull({ config: configFor(dir, { 'min-score': '0.9' }), log: recordingLogger(), run: RUN })
    expect(result.gate.status).toBe('failed')
    expect(result.failure).toMatch(/^Gate failed: eval_accuracy 0\.712 < min-score 0\.900/)
    expect(result.summary).toContain('Gate failed')
  })

  it('runFull: a missing file baseline is "none yet" and the regression check passes', async () => {
    const log = recordingLogger()
    const result = await runFull({
      config: configFor(dir, { baseline: 'prev/scores.json', 'max-regression': '0' }),
      log,
      run: RUN
    })
    expect(result.baseline).toBeNull()
    expect(result.gate.status).toBe('passed')
    expect(log.lines).toContain(
      'notice: No baseline yet: prev/scores.json does not exist (first run?). The regression check passes.'
    )
    expect(result.summary).toContain('No baseline yet: nothing to compare with.')
  })

  it('runFull: a baseline scores.json from an earlier run is compared and gated', async () => {
    const first = await runFull({ config: configFor(dir, { 'output-dir': 'first' }), log: recordingLogger(), run: RUN })
    const second = await runFull({
      config: configFor(dir, {
        baseline: path.relative(dir, first.files.json),
        'max-regression': '0',
        benchmarks: 'math_reasoning'
      }),
      log: recordingLogger(),
      run: RUN
    })
    expect(second.baseline?.evalAccuracy).toBe(0.712)
    expect(second.gate.status).toBe('failed')
    expect(second.summary).toContain('### Change against the baseline')
  })

  it('evaluator input errors are thrown before anything is written', async () => {
    const config = configFor(dir, { evaluator: 'command', 'output-dir': 'never' })
    await expect(runPipeline({ config, log: recordingLogger(), run: RUN })).rejects.toThrow(InputError)
    await expect(runPipeline({ config, log: recordingLogger(), run: RUN })).rejects.toThrow(
      /^Input 'eval-command': evaluator 'command' needs eval-command/
    )
    expect(existsSync(path.join(dir, 'never'))).toBe(false)
  })

  it('runShard + runAggregate rank like one full run; a shard neither gates nor publishes', async () => {
    const shards = await Promise.all(
      [1, 2].map((index) =>
        runShard(
          { config: configFor(dir, { 'output-dir': 'shards', 'min-score': '0.9' }), log: recordingLogger(), run: RUN },
          { index, count: 2 }
        )
      )
    )
    for (const shard of shards) {
      expect(shard.gate.status).toBe('skipped')
      expect(shard.publish).toMatchObject({
        status: 'skipped',
        reason: 'a shard job never publishes: the aggregate job does'
      })
      expect(shard.summary).toContain('> Shard ')
    }
    expect(shards.map((s) => s.evaluation.results.map((r) => r.checkpoint.name))).toEqual([
      ['step_100', 'step_1000'],
      ['step_500']
    ])
    expect(existsSync(path.join(dir, 'shards/scores-shard-1-of-2.json'))).toBe(true)

    const config = configFor(dir, { aggregate: 'shards', 'output-dir': 'aggregate' })
    const aggregate = await runAggregate({ config, log: recordingLogger(), run: RUN }, config.aggregate!)
    const full = await runFull({ config: configFor(dir, { 'output-dir': 'full' }), log: recordingLogger(), run: RUN })
    const ranks = (r: typeof full) =>
      r.ranking.entries.map((e) => [e.evaluation.checkpoint.name, e.rank, e.evalAccuracy])
    expect(ranks(aggregate)).toEqual(ranks(full))
    expect(aggregate.scores.skipped).toEqual(full.scores.skipped)
  })

  it('runPipeline picks the mode from the config', async () => {
    const shard = await runPipeline({
      config: configFor(dir, { shard: '2/2', 'output-dir': 's' }),
      log: recordingLogger(),
      run: RUN
    })
    expect(shard.scores.shard).toEqual({ index: 2, count: 2, listing: ['step_100', 'step_500', 'step_1000'] })
    expect(shard.files.json).toBe(path.join(dir, 's/scores-shard-2-of-2.json'))
  })

  it('stages: discoverCheckpoints names checkpoint-dir as the user wrote it in its errors', async () => {
    await expect(discoverCheckpoints(configFor(dir, { 'checkpoint-dir': 'nope' }), recordingLogger())).rejects.toThrow(
      /^checkpoint-dir 'nope' does not exist\./
    )
  })

  it('stages: rankEvaluation resolves weights by display name against the run', async () => {
    const config = configFor(dir)
    const discovery = await discoverCheckpoints(config, recordingLogger())
    const { createEvaluator } = await import('../src/evaluate/index.js')
    const evaluation = await createEvaluator(config.evaluation, { cwd: dir, outputDir: config.outputDir }).evaluate(
      discovery.checkpoints,
      {
        log: recordingLogger()
      }
    )
    const context = { config, run: RUN, log: recordingLogger() }
    const { scores } = await rankEvaluation(context, evaluation, [], {
      ranking: config.ranking,
      weights: { 'Math Reasoning': 2 }
    })
    expect(scores.weights).toEqual({ math_reasoning: 2 })
    await expect(
      rankEvaluation(context, evaluation, [], { ranking: config.ranking, weights: { poetry: 1 } })
    ).rejects.toThrow(/^Input 'weights': unknown benchmark 'poetry'/)
  })
})
