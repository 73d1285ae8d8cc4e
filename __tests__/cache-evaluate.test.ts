// Evaluation through the cache on real evaluators: hits and misses put back together in
// discovery order, failures reported but never stored, and a run whose new checkpoints all fail
// still reports the cached ones.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { evaluateWithCache } from '../src/cache/evaluate.js'
import { evaluatorIdentity, identityHash } from '../src/cache/key.js'
import { openLocalDirCache } from '../src/cache/local-dir.js'
import { discover } from '../src/discover/checkpoints.js'
import { createBuiltinEvaluator } from '../src/evaluate/builtin/evaluator.js'
import { createCommandEvaluator } from '../src/evaluate/command/evaluator.js'
import type { Evaluator } from '../src/evaluate/index.js'
import { recordingLogger } from './support/logger.js'
import { makeRun, tempDir } from './support/workspace.js'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('cache-evaluate-'))
})
afterEach(() => cleanup())

async function throughCache(evaluator: Evaluator) {
  const log = recordingLogger()
  const { checkpoints } = await discover({ root: path.join(dir, 'checkpoints'), shownAs: 'checkpoints' })
  const cache = (await openLocalDirCache(path.join(dir, 'cache'), 'cache', log))!
  const identity = identityHash(await evaluatorIdentity(evaluator.info, dir))
  const run = await evaluateWithCache(evaluator, checkpoints, { cache, identity, log })
  return { run, log }
}

it('gives the builtin suite the same run from the cache as evaluated', async () => {
  await makeRun(path.join(dir, 'checkpoints'), [100, 200, 300])
  const evaluator = createBuiltinEvaluator({ benchmarks: ['math_reasoning', 'code_generation'] })
  const first = await throughCache(evaluator)
  const second = await throughCache(evaluator)
  expect(second.run.results.every((r) => r.cached)).toBe(true)
  expect(first.run.results.some((r) => r.cached)).toBe(false)
  expect(second.run.benchmarks).toEqual(first.run.benchmarks)
  expect(second.run.results.map((r) => [r.checkpoint.name, r.scores, r.metrics])).toEqual(
    first.run.results.map((r) => [r.checkpoint.name, r.scores, r.metrics])
  )
  expect(second.run.evaluator).toEqual(first.run.evaluator)
})

it('evaluates new checkpoints beside cached ones, keeps discovery order, and never stores a failure', async () => {
  await makeRun(path.join(dir, 'checkpoints'), [100, 300])
  // step 200 fails; others report their own benchmark names, so the columns must be merged.
  await writeFile(
    path.join(dir, 'eval.sh'),
    [
      'echo "$1" >> calls.log',
      'if [ "$1" = 200 ]; then echo "out of memory" >&2; exit 3; fi',
      'if [ "$1" = 400 ]; then echo "{\\"extra\\": 0.4, \\"arc\\": 0.44}"; exit 0; fi',
      'echo "{\\"arc\\": 0.$1, \\"eval_loss\\": 1.5}"'
    ].join('\n')
  )
  const evaluator = createCommandEvaluator({
    command: 'sh eval.sh {step}',
    concurrency: 2,
    timeoutMs: 30_000,
    cwd: dir,
    outputDir: path.join(dir, 'out'),
    env: { PATH: process.env.PATH }
  })
  const first = await throughCache(evaluator)
  expect(first.run.results.map((r) => r.status)).toEqual(['ok', 'ok'])

  await makeRun(path.join(dir, 'checkpoints'), [200, 400])
  const { run, log } = await throughCache(evaluator)
  expect(run.results.map((r) => [r.checkpoint.name, r.status, Boolean(r.cached)])).toEqual([
    ['step_100', 'ok', true],
    ['step_200', 'failed', false],
    ['step_300', 'ok', true],
    ['step_400', 'ok', false]
  ])
  expect(run.benchmarks.map((b) => b.id)).toEqual(['arc', 'extra'])
  expect(run.results[0].scores).toEqual({ arc: 0.1, extra: null })
  expect(run.results[0].metrics).toEqual({ eval_loss: 1.5 })
  expect(run.results[3].scores).toEqual({ arc: 0.44, extra: 0.4 })
  expect(log.lines).toContain('Results cache (cache-dir cache): 2 of 4 checkpoint(s) cached, 2 to evaluate')
  expect(log.lines.some((l) => /^step_100: cached \(evaluated .*, saves \d/.test(l))).toBe(true)
  expect(log.lines).toContainEqual(expect.stringMatching(/^step_400: evaluated \(/))

  // Only the new failure runs again.
  await writeFile(path.join(dir, 'calls.log'), '')
  const third = await throughCache(evaluator)
  expect(third.run.results.filter((r) => !r.cached).map((r) => r.checkpoint.name)).toEqual(['step_200'])
})

it('throws as before when nothing is cached and every checkpoint fails', async () => {
  await makeRun(path.join(dir, 'checkpoints'), [1, 2])
  const evaluator = createCommandEvaluator({
    command: 'exit 1 # {checkpoint}',
    concurrency: 1,
    timeoutMs: 30_000,
    cwd: dir,
    outputDir: path.join(dir, 'out'),
    env: { PATH: process.env.PATH }
  })
  await expect(throughCache(evaluator)).rejects.toThrow(/all 2 checkpoint\(s\) failed/)
})
