import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DiscoveryError, discover, requireCheckpoints } from '../src/discover/checkpoints.js'
import { parseStep } from '../src/domain/checkpoint-names.js'
import { makeCheckpoint, tempDir } from './support/workspace.js'

describe('parseStep', () => {
  it.each([
    ['step_1000', 1000],
    ['step-1000', 1000],
    ['checkpoint-500', 500],
    ['checkpoint_500', 500],
    ['global_step_20', 20],
    ['global_step20', 20],
    ['step_000100', 100],
    ['Checkpoint-7', 7]
  ])('%s -> %i', (name, step) => expect(parseStep(name)).toBe(step))

  it.each(['runs', 'logs', 'step', 'step_', 'step_1e3', 'my_step_10x', 'checkpoint-500.tmp', 'final'])(
    '%s is not a checkpoint',
    (name) => expect(parseStep(name)).toBeNull()
  )
})

describe('discover', () => {
  let root: string
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    ;({ dir: root, cleanup } = await tempDir())
  })
  afterEach(() => cleanup())

  it('finds every naming form, sorted by step, and ignores other folders', async () => {
    for (const name of [
      'step_1000',
      'step-300',
      'checkpoint-500',
      'checkpoint_200',
      'global_step_20',
      'global_step40'
    ]) {
      await makeCheckpoint(root, name)
    }
    await mkdir(path.join(root, 'runs'))
    await writeFile(path.join(root, 'trainer_state.json'), '{}')
    const d = await discover({ root })
    expect(d.checkpoints.map((c) => c.name)).toEqual([
      'global_step_20',
      'global_step40',
      'checkpoint_200',
      'step-300',
      'checkpoint-500',
      'step_1000'
    ])
    expect(d.checkpoints.map((c) => c.step)).toEqual([20, 40, 200, 300, 500, 1000])
    expect(d.ignored).toEqual(['runs', 'trainer_state.json'])
    expect(d.skipped).toEqual([])
    const first = d.checkpoints[0]
    expect(first.path).toBe(path.join(root, 'global_step_20'))
    expect(first.files.map((f) => f.name)).toEqual(['config.json', 'model.safetensors'])
    expect(first.sizeBytes).toBe(first.files.reduce((s, f) => s + f.size, 0))
  })

  it('recognises every weights format', async () => {
    await makeCheckpoint(root, 'step_1', { weights: 'safetensors' })
    await makeCheckpoint(root, 'step_2', { weights: 'pytorch' })
    await makeCheckpoint(root, 'step_3', { weights: 'sharded', shards: 3 })
    await makeCheckpoint(root, 'step_4', { weights: 'adapter' })
    const d = await discover({ root })
    expect(d.checkpoints.map((c) => c.weightsFormat)).toEqual([
      'safetensors',
      'pytorch',
      'sharded-safetensors',
      'peft-adapter'
    ])
    expect(d.checkpoints[2].weightsFiles).toHaveLength(3)
  })

  it('skips broken checkpoints, saying what is missing', async () => {
    await makeCheckpoint(root, 'step_100')
    await makeCheckpoint(root, 'step_200', { config: false })
    await makeCheckpoint(root, 'step_300', { weights: 'none' })
    await makeCheckpoint(root, 'step_400', { weights: 'sharded', shards: 4, missingShards: [2] })
    await makeCheckpoint(root, 'step_500', {
      weights: 'none',
      extraFiles: { 'model.safetensors.index.json': 'not json' }
    })
    const d = await discover({ root })
    expect(d.checkpoints.map((c) => c.name)).toEqual(['step_100'])
    const reasons = Object.fromEntries(d.skipped.map((s) => [s.name, s.reason]))
    expect(reasons.step_200).toBe('missing config.json')
    expect(reasons.step_300).toMatch(/^no weights \(model\.safetensors/)
    expect(reasons.step_400).toBe(
      'missing 1 of 4 shards listed in model.safetensors.index.json: model-00003-of-00004.safetensors'
    )
    expect(reasons.step_500).toMatch(/model\.safetensors\.index\.json is not valid JSON/)
  })

  it('evaluates two folders with the same step, told apart by name', async () => {
    await makeCheckpoint(root, 'step_100')
    await makeCheckpoint(root, 'checkpoint-100')
    const d = await discover({ root })
    expect(d.checkpoints.map((c) => [c.name, c.step])).toEqual([
      ['checkpoint-100', 100],
      ['step_100', 100]
    ])
  })

  it('does not follow symlinks that lead outside checkpoint-dir', async () => {
    const outside = await tempDir()
    try {
      const elsewhere = await makeCheckpoint(outside.dir, 'step_900')
      await symlink(elsewhere, path.join(root, 'step_900'))
      const inside = await makeCheckpoint(root, 'real_folder_step')
      await symlink(inside, path.join(root, 'step_50'))
      await makeCheckpoint(root, 'step_60', { weights: 'none' })
      await symlink(path.join(elsewhere, 'model.safetensors'), path.join(root, 'step_60', 'model.safetensors'))
      await symlink(path.join(root, 'nowhere'), path.join(root, 'step_70'))
      const d = await discover({ root })
      expect(d.checkpoints.map((c) => c.name)).toEqual(['step_50'])
      const reasons = Object.fromEntries(d.skipped.map((s) => [s.name, s.reason]))
      expect(reasons.step_900).toMatch(/outside checkpoint-dir: not followed/)
      expect(reasons.step_60).toMatch(/^no weights/)
      expect(reasons.step_70).toBe('a broken symlink')
    } finally {
      await outside.cleanup()
    }
  })

  it('explains a missing or unreadable checkpoint-dir', async () => {
    await expect(discover({ root: path.join(root, 'nope') })).rejects.toThrow(
      /checkpoint-dir '.*nope' does not exist\. Set the checkpoint-dir input/
    )
    await writeFile(path.join(root, 'file'), '')
    await expect(discover({ root: path.join(root, 'file') })).rejects.toThrow(/is not a folder/)
    if (process.getuid?.() !== 0) {
      await mkdir(path.join(root, 'locked'))
      await chmod(path.join(root, 'locked'), 0)
      await expect(discover({ root: path.join(root, 'locked') })).rejects.toThrow(/not readable/)
    }
  })

  it('requires something to evaluate, naming the recognised forms or the reasons', async () => {
    await mkdir(path.join(root, 'logs'))
    const empty = await discover({ root })
    expect(() => requireCheckpoints(empty)).toThrow(DiscoveryError)
    expect(() => requireCheckpoints(empty)).toThrow(
      /holds no checkpoint folders \(found: logs\)\. A checkpoint is a folder whose name ends in its step: step_1000/
    )
    await makeCheckpoint(root, 'step_1', { config: false })
    const broken = await discover({ root })
    expect(() => requireCheckpoints(broken)).toThrow(
      /none of the 1 checkpoint folders .* can be evaluated \(step_1: missing config\.json\)/
    )
  })
})
