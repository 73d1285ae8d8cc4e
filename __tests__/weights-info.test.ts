import { discover } from '../src/discover/checkpoints.js'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { silentLogger } from '../src/util/log.js'
import { formatCount } from '../src/report/summary.js'
import { describeWeights } from '../src/discover/weights.js'
import { makeCheckpoint, tempDir } from './support/workspace.js'

describe('describeWeights', () => {
  it('counts parameters of single and sharded safetensors from their headers, and skips other formats', async () => {
    const { dir, cleanup } = await tempDir()
    try {
      await makeCheckpoint(dir, 'step_1', { weights: 'safetensors' })
      await makeCheckpoint(dir, 'step_2', { weights: 'sharded', shards: 3 })
      await makeCheckpoint(dir, 'step_3', { weights: 'pytorch' })
      await makeCheckpoint(dir, 'step_4', { weights: 'adapter' })
      await makeCheckpoint(dir, 'step_5')
      await writeFile(path.join(dir, 'step_5', 'model.safetensors'), Buffer.alloc(64, 7)) // absurd header length
      const { checkpoints } = await discover({ root: dir })
      await describeWeights(checkpoints, silentLogger)
      expect(checkpoints.map((c) => [c.name, c.parameters, c.dtype])).toEqual([
        ['step_1', 4, 'F32'],
        ['step_2', 12, 'F32'],
        ['step_3', undefined, undefined],
        ['step_4', 4, 'F32'],
        ['step_5', undefined, undefined]
      ])
    } finally {
      await cleanup()
    }
  })

  it('writes counts as model cards do', () => {
    expect([66, 66_000, 1_234_567, 350_000_000, 1_234_567_890, 7e12].map(formatCount)).toEqual([
      '66',
      '66K',
      '1.23M',
      '350M',
      '1.23B',
      '7T'
    ])
  })
})
