// The merge gate through the bundle: min-score, a baseline scores.json with max-regression, a
// missing baseline, the published model card as baseline, and no publishing past a failed gate.
import { cp, readFile } from 'node:fs/promises'
import path from 'node:path'
import { ROOT, runAction, type ActionRun } from './support/action-runner.js'
import { startHubServer, type HubServer } from './support/hub-server.js'
import { tempDir } from './support/workspace.js'

const WORKSPACE = 'examples/workspace/checkpoints'
const HF_TOKEN = 'hf_gateE2eWriteToken0123456789'

let dir: string
let cleanup: () => Promise<void>
/** step_100..step_500 of the example: its winner is step_500 with eval_accuracy 0.638. */
let subset: string
/** scores.json of a run over the whole example (winner step_1000, 0.712). */
let fullScores: string
/** scores.json of a run over the subset (winner step_500, 0.638). */
let subsetScores: string

/** The ::error:: line must come last: outputs and the summary are written before the step fails. */
function expectFailedAfterReport(r: ActionRun, error: RegExp): void {
  expect(r.code).toBe(1)
  const lines = r.stdout.trimEnd().split('\n')
  expect(lines[lines.length - 1]).toMatch(error)
  expect(lines.filter((l) => l.startsWith('::error::'))).toHaveLength(1)
  expect(r.outputs.gate).toBe('failed')
  expect(r.outputs['best-checkpoint']).not.toBe('')
  expect(r.summary).toContain('## Checkpoint evaluation')
  expect(r.summary).toContain('### ❌ Gate failed')
}

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('gate-e2e-'))
  subset = path.join(dir, 'subset')
  for (const step of [100, 200, 300, 400, 500])
    await cp(path.join(ROOT, WORKSPACE, `step_${step}`), path.join(subset, `step_${step}`), { recursive: true })
  const [full, sub] = await Promise.all([
    runAction({ inputs: { 'checkpoint-dir': WORKSPACE, 'output-dir': path.join(dir, 'full') } }),
    runAction({ inputs: { 'checkpoint-dir': subset, 'output-dir': path.join(dir, 'sub') } })
  ])
  expect([full.code, sub.code]).toEqual([0, 0])
  expect([full.outputs['eval-accuracy'], sub.outputs['eval-accuracy']]).toEqual(['0.712', '0.638'])
  fullScores = full.outputs['scores-file']
  subsetScores = sub.outputs['scores-file']
})
afterAll(() => cleanup())

describe('min-score', () => {
  it('fails the step after writing the summary and outputs when the winner is below the bar', async () => {
    const r = await runAction({
      inputs: { 'checkpoint-dir': WORKSPACE, 'output-dir': path.join(dir, 'min-fail'), 'min-score': '0.75' }
    })
    expectFailedAfterReport(
      r,
      /^::error::Gate failed: eval_accuracy 0\.712 < min-score 0\.750: the best checkpoint is 0\.038 short of the bar$/
    )
    expect(r.outputs).toMatchObject({
      'best-checkpoint': `${WORKSPACE}/step_1000`,
      'eval-accuracy': '0.712',
      published: 'false'
    })
    expect(r.summary).toContain(
      '- ❌ **min-score**: eval_accuracy 0.712 < min-score 0.750: the best checkpoint is 0.038 short of the bar'
    )
    // summary.md beside the scores is the same report.
    expect(await readFile(path.join(dir, 'min-fail', 'summary.md'), 'utf8')).toBe(r.summary)
  })

  it("passes when min-score equals the winner's eval_accuracy", async () => {
    const r = await runAction({
      inputs: { 'checkpoint-dir': WORKSPACE, 'output-dir': path.join(dir, 'min-eq'), 'min-score': '0.712' }
    })
    expect(r.code).toBe(0)
    expect(r.stdout).not.toContain('::error::')
    expect(r.outputs.gate).toBe('passed')
    expect(r.summary).toContain('### ✅ Gate passed')
    expect(r.summary).toContain('- ✅ **min-score**: eval_accuracy 0.712 >= min-score 0.712')
  })
})

describe('baseline file with max-regression', () => {
  // The subset run (0.638) against the full run's scores (0.712): a drop of 0.074.
  it('passes a drop exactly at max-regression and shows the comparison', async () => {
    const r = await runAction({
      inputs: {
        'checkpoint-dir': subset,
        'output-dir': path.join(dir, 'reg-eq'),
        baseline: fullScores,
        'max-regression': '0.074'
      },
      // The earlier run's scores sit in the runner temp folder, as a downloaded artifact would.
      env: { RUNNER_TEMP: dir }
    })
    expect(r.code).toBe(0)
    expect(r.outputs.gate).toBe('passed')
    expect(r.summary).toContain(
      '- ✅ **max-regression**: eval_accuracy 0.638 vs baseline 0.712 (scores.json): regressed by 0.074, within max-regression 0.074'
    )
    // A baseline outside the checkout is named by its file name: the runner's path means nothing to a reader.
    expect(r.summary).not.toContain(fullScores)
    expect(r.summary).toContain('### Change against the baseline')
    expect(r.summary).toContain('| **eval_accuracy** | 0.712 | 0.638 | ▼ -0.074 ❌ |')
    expect(r.summary).toContain('| Math Reasoning | 0.550 | 0.467 | ▼ -0.083 ❌ |')
  })

  it('fails a drop beyond max-regression', async () => {
    const r = await runAction({
      inputs: {
        'checkpoint-dir': subset,
        'output-dir': path.join(dir, 'reg-fail'),
        baseline: fullScores,
        'max-regression': '0.0739'
      },
      // The earlier run's scores sit in the runner temp folder, as a downloaded artifact would.
      env: { RUNNER_TEMP: dir }
    })
    expectFailedAfterReport(
      r,
      /^::error::Gate failed: eval_accuracy 0\.638 vs baseline 0\.712 \(.*\): regressed by 0\.074, more than max-regression 0\.0739$/
    )
    expect(r.summary).toContain('| **eval_accuracy** | 0.712 | 0.638 | ▼ -0.074 ❌ |')
  })

  it('passes an improvement with max-regression 0, relative baseline path resolved in the workspace', async () => {
    const r = await runAction({
      inputs: {
        'checkpoint-dir': WORKSPACE,
        'output-dir': path.join(dir, 'reg-up'),
        baseline: path.relative(ROOT, subsetScores),
        'max-regression': '0'
      },
      // The earlier run's scores sit in the runner temp folder, as a downloaded artifact would.
      env: { RUNNER_TEMP: dir }
    })
    expect(r.code).toBe(0)
    expect(r.outputs.gate).toBe('passed')
    expect(r.summary).toContain('| **eval_accuracy** | 0.638 | 0.712 | ▲ +0.074 ✅ |')
    expect(r.summary).toMatch(
      /- ✅ \*\*max-regression\*\*: eval_accuracy 0\.712 vs baseline 0\.638 \(.*\): no regression/
    )
  })

  it('passes with a notice when the baseline file does not exist yet', async () => {
    const missing = path.join(dir, 'never-written', 'scores.json')
    const r = await runAction({
      inputs: {
        'checkpoint-dir': subset,
        'output-dir': path.join(dir, 'reg-missing'),
        baseline: missing,
        'max-regression': '0'
      },
      // The earlier run's scores sit in the runner temp folder, as a downloaded artifact would.
      env: { RUNNER_TEMP: dir }
    })
    expect(r.code).toBe(0)
    expect(r.outputs.gate).toBe('passed')
    expect(r.stdout).toContain(
      `::notice::No baseline yet: ${missing} does not exist (first run?). The regression check passes.`
    )
    expect(r.summary).toContain('No baseline yet: nothing to compare with.')
    expect(r.summary).toContain('- ✅ **max-regression**: no baseline yet')
  })
})

describe('baseline: hub, and publishing behind the gate (loopback Hub)', () => {
  let hub: HubServer
  beforeAll(async () => {
    hub = await startHubServer({ tokens: { [HF_TOKEN]: { user: 'acme', role: 'write' } } })
  })
  afterAll(() => hub.close())

  const hubInputs = (repo: string) => ({ 'repo-id': repo, 'hub-url': hub.url, 'hf-token': HF_TOKEN })
  /** This run's full workspace (winner 0.712) gated against the card published at acme/tiny. */
  const compareWithPublished = async (outputDir: string) => {
    const r = await runAction({
      inputs: {
        'checkpoint-dir': WORKSPACE,
        'output-dir': path.join(dir, outputDir),
        baseline: 'hub',
        'max-regression': '0',
        publish: 'never',
        ...hubInputs('acme/tiny')
      }
    })
    expect(r.stdout).not.toContain('::error::')
    expect(r.code).toBe(0)
    expect(r.outputs.gate).toBe('passed')
    expect(r.summary).toContain('| **eval_accuracy** | 0.638 | 0.712 | ▲ +0.074 ✅ |')
    return r
  }

  it('compares with the scores in the model card an earlier run published', async () => {
    // An earlier run publishes the subset's winner (0.638) with its generated card.
    const earlier = await runAction({
      inputs: {
        'checkpoint-dir': subset,
        'output-dir': path.join(dir, 'hub-publish'),
        publish: 'always',
        ...hubInputs('acme/tiny')
      }
    })
    expect(earlier.stdout).not.toContain('::error::')
    expect(earlier.code).toBe(0)
    expect(earlier.outputs.published).toBe('true')
    const card = (await hub.fileContent('acme/tiny', 'README.md'))?.toString('utf8') ?? ''
    expect(card).toContain('0.638')

    const r = await compareWithPublished('hub-compare')
    expect(r.summary).toContain('### Change against the baseline')
    expect(r.summary).toContain('| Math Reasoning | 0.467 | 0.550 | ▲ +0.083 ✅ |')
    expect(r.summary).toContain(`Baseline: [model card](${hub.url}/acme/tiny/blob/main/README.md)`)
    // The comparison must not have pushed anything.
    expect(hub.history('acme/tiny')).toHaveLength(2)
  })

  it('retries a 429 while reading the published card, like any other Hub call (the gate does not fail)', async () => {
    // Runs after the test above published acme/tiny.
    const resolvesBefore = hub.count('resolve')
    hub.fault('resolve', { kind: 'status', status: 429, headers: { 'Retry-After': '0' } })
    await compareWithPublished('hub-429')
    // The 429 and the retry that read the card.
    expect(hub.count('resolve') - resolvesBefore).toBe(2)
  })

  it('passes with a notice when nothing is published at repo-id yet', async () => {
    const r = await runAction({
      inputs: {
        'checkpoint-dir': subset,
        'output-dir': path.join(dir, 'hub-none'),
        baseline: 'hub',
        'max-regression': '0',
        publish: 'never',
        ...hubInputs('acme/not-yet')
      }
    })
    expect(r.code).toBe(0)
    expect(r.outputs.gate).toBe('passed')
    expect(r.stdout).toMatch(/::notice::No baseline yet: acme\/not-yet@main has no README\.md/)
  })

  it('publishes nothing when the gate fails, even with publish: always', async () => {
    const commitsBefore = hub.count('commit')
    const r = await runAction({
      inputs: {
        'checkpoint-dir': WORKSPACE,
        'output-dir': path.join(dir, 'hub-blocked'),
        'min-score': '0.9',
        publish: 'always',
        ...hubInputs('acme/blocked')
      }
    })
    expectFailedAfterReport(r, /^::error::Gate failed: eval_accuracy 0\.712 < min-score 0\.900/)
    expect(r.outputs.published).toBe('false')
    expect(r.outputs['commit-sha']).toBe('')
    expect(r.summary).toContain('Not published: the gate failed.')
    expect(hub.repos.has('acme/blocked')).toBe(false)
    expect(hub.count('commit')).toBe(commitsBefore)
    expect(hub.count('repo-create')).toBe(1)
  })
})
