// The bundle, run as GitHub runs it.
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ROOT, runAction } from './support/action-runner.js'
import { makeCheckpoint, makeRun, tempDir } from './support/workspace.js'

describe('node dist/index.js (builtin evaluator)', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('e2e-'))
  })
  afterEach(() => cleanup())

  it('evaluates the bundled example: outputs, summary and scores files', async () => {
    const out = path.join(dir, 'out')
    const r = await runAction({ inputs: { 'checkpoint-dir': 'examples/workspace/checkpoints', 'output-dir': out } })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.outputs).toEqual({
      'artifact-id': '',
      'artifact-url': '',
      'comment-url': '',
      'commit-sha': '',
      'commit-url': '',
      gate: 'skipped',
      'pr-url': '',
      published: 'false',
      'repo-url': '',
      'best-checkpoint': 'examples/workspace/checkpoints/step_1000',
      'best-step': '1000',
      'eval-accuracy': '0.712',
      'metric-value': '0.712',
      'scores-file': path.join(out, 'scores.json'),
      'checkpoints-evaluated': '10',
      // No cache service in this environment: every checkpoint evaluated.
      'checkpoints-cached': '0',
      'evaluations-run': '10',
      'checkpoints-skipped': '1',
      'checkpoints-failed': '0'
    })
    expect(r.stdout).toContain(
      '::warning file=examples/workspace/checkpoints/step_1100::Skipped checkpoint step_1100: no weights'
    )
    // One table (folded) and one winner line in the step's log.
    expect(r.stdout).toMatch(
      /::group::Ranking of 10 checkpoints\n\s*#\s+checkpoint\s+step\s+size\s+eval_accuracy\s+status\n(.*\n){10}::endgroup::/
    )
    expect(r.stdout).toMatch(/^ 1\s+step_1000\s+1000\s+389 B\s+0\.712\s+ok$/m)
    expect(r.stdout).toContain('::endgroup::\nBest checkpoint: step_1000 (step 1000), eval_accuracy 0.712\n')
    expect(r.stdout.match(/Best checkpoint/g)).toHaveLength(1)
    expect(r.stdout).toContain('::notice::Artifact upload skipped: not running in GitHub Actions')
    expect(r.summary).toContain('🏆 **Winner:** `step_1000` (step 1000) · eval_accuracy **0.712**')
    expect(r.summary).toContain('- `step_1100`: no weights')
    // Params from the safetensors header: the example's tensors hold 32 float32 values.
    expect(r.summary).toContain('| 1 | 🏆 `step_1000` | 1000 | 389 B | 32 F32 | **0.712** |')
    const scores = JSON.parse(await readFile(path.join(out, 'scores.json'), 'utf8'))
    expect(scores).toMatchObject({
      schema: 'checkpoint-eval/scores',
      version: 1,
      evaluator: { kind: 'builtin' },
      winner: { name: 'step_1000', evalAccuracy: 0.712 }
    })
    expect(scores.run.github).toMatchObject({ repository: 'acme/trainer', runId: '4242' })
    expect(scores.checkpoints).toHaveLength(10)
    const csv = await readFile(path.join(out, 'scores.csv'), 'utf8')
    expect(csv.split('\n')[1]).toMatch(/^1,step_1000,1000,ok,0\.712,/)
  })

  it('writes scores under RUNNER_TEMP by default and honours benchmarks and weights', async () => {
    await makeRun(dir, [100, 1000])
    const r = await runAction({
      inputs: { 'checkpoint-dir': dir, benchmarks: 'math_reasoning, Logical Reasoning', weights: 'logical_reasoning=3' }
    })
    expect(r.code).toBe(0)
    expect(r.outputs['scores-file']).toMatch(/action-run-.*\/checkpoint-eval\/scores\.json$/)
    // (0.550 + 3 * 0.819) / 4 = 0.75175
    expect(r.outputs['eval-accuracy']).toBe('0.752')
    const scores = JSON.parse(await readFile(r.outputs['scores-file'], 'utf8'))
    expect(scores.benchmarks.map((b: { id: string }) => b.id)).toEqual(['math_reasoning', 'logical_reasoning'])
    expect(scores.weights).toEqual({ logical_reasoning: 3 })
  })

  it.each<[string, () => Promise<Record<string, string>>, RegExp]>([
    [
      'a missing checkpoint-dir',
      async () => ({ 'checkpoint-dir': path.join(dir, 'missing') }),
      /::error::checkpoint-dir '.*missing' does not exist\. Set the checkpoint-dir input/
    ],
    [
      'a folder with no checkpoints',
      async () => ({ 'checkpoint-dir': dir }),
      /::error::checkpoint-dir '.*' holds no checkpoint folders \(it is empty\)\. A checkpoint is a folder whose name ends in its step: step_1000, step-1000/
    ],
    [
      'only broken checkpoints',
      async () => {
        await makeCheckpoint(dir, 'step_5', { weights: 'none' })
        return { 'checkpoint-dir': dir }
      },
      /::error::none of the 1 checkpoint folders .* can be evaluated \(step_5: no weights/
    ],
    [
      'an unknown benchmark',
      async () => ({ 'checkpoint-dir': dir, benchmarks: 'vibes' }),
      /::error::Input 'benchmarks': unknown benchmark 'vibes'\. Known benchmarks: math_reasoning/
    ],
    [
      'malformed weights',
      async () => ({ 'checkpoint-dir': dir, weights: 'math_reasoning=heavy' }),
      /::error::Input 'weights': 'math_reasoning=heavy' is not a weight/
    ]
  ])('fails clearly on %s, writing nothing', async (_, inputs, message) => {
    const r = await runAction({ inputs: { ...(await inputs()), 'output-dir': path.join(dir, 'out') } })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(message)
    expect(r.outputs).toEqual({})
    expect(r.summary).toBe('')
  })

  it('resolves checkpoint-dir, output-dir and the model card against GITHUB_WORKSPACE, not the folder the process starts in', async () => {
    const workspace = path.join(dir, 'workspace')
    await makeRun(path.join(workspace, 'checkpoints'), [20, 10])
    await writeFile(path.join(workspace, 'CARD.md'), '# tiny\n\neval_accuracy: {eval_accuracy}\n')
    const elsewhere = path.join(dir, 'elsewhere')
    await mkdir(elsewhere)
    const r = await runAction({
      cwd: elsewhere,
      env: { GITHUB_WORKSPACE: workspace },
      inputs: {
        'checkpoint-dir': 'checkpoints',
        'output-dir': 'out',
        'repo-id': 'acme/tiny',
        publish: 'always',
        'dry-run': 'true',
        'model-card': 'CARD.md'
      }
    })
    expect(r.stdout).not.toContain('::error::')
    expect(r.code).toBe(0)
    expect(r.outputs['best-checkpoint']).toBe('checkpoints/step_20')
    expect(r.outputs['scores-file']).toBe(path.join(workspace, 'out/scores.json'))
    expect(r.summary).toContain('### Hub (dry run: nothing was sent)')
    expect(r.summary).toContain('`CARD.md`')
    expect(existsSync(path.join(elsewhere, 'out'))).toBe(false)
  })

  it('uses the defaults of action.yml when run from the repository root', async () => {
    await makeRun(path.join(dir, 'checkpoints'), [20, 10])
    const r = await runAction({ cwd: dir, script: path.join(ROOT, 'dist/index.js') })
    expect(r.code).toBe(0)
    expect(r.outputs['best-checkpoint']).toBe('checkpoints/step_20')
  })
})
