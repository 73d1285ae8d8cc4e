import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readSafetensorsHeader, summarizeCheckpointWeights } from '../src/discover/weights.js'
import type { Checkpoint } from '../src/domain/types.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'safetensors-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const WIDTH: Record<string, number> = { F32: 4, BF16: 2, F16: 2, I64: 8 }

/** A header + zero data laid out as safetensors does; returns [header bytes, data length]. */
function encode(
  tensors: Record<string, { dtype: string; shape: number[] }>,
  metadata?: Record<string, string>
): [Buffer, number] {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {}
  let offset = 0
  for (const [name, { dtype, shape }] of Object.entries(tensors)) {
    const bytes = shape.reduce((a, b) => a * b, 1) * WIDTH[dtype]
    header[name] = { dtype, shape, data_offsets: [offset, offset + bytes] }
    offset += bytes
  }
  const json = Buffer.from(JSON.stringify(header))
  const length = Buffer.alloc(8)
  length.writeBigUInt64LE(BigInt(json.length))
  return [Buffer.concat([length, json]), offset]
}

function writeSafetensors(
  name: string,
  tensors: Record<string, { dtype: string; shape: number[] }>,
  metadata?: Record<string, string>
): string {
  const [head, dataLength] = encode(tensors, metadata)
  const file = path.join(dir, name)
  writeFileSync(file, Buffer.concat([head, Buffer.alloc(dataLength)]))
  return file
}

describe('readSafetensorsHeader', () => {
  it('counts parameters per dtype from the header', async () => {
    const file = writeSafetensors(
      'model.safetensors',
      {
        'embed.weight': { dtype: 'BF16', shape: [100, 16] },
        'norm.weight': { dtype: 'F32', shape: [16] },
        'lm_head.weight': { dtype: 'BF16', shape: [100, 16] },
        position_ids: { dtype: 'I64', shape: [1, 8] },
        scalar: { dtype: 'F32', shape: [] }
      },
      { format: 'pt' }
    )
    expect(await readSafetensorsHeader(file)).toEqual({
      parameterCount: 3200 + 16 + 8 + 1,
      dtypes: { BF16: 3200, F32: 17, I64: 8 },
      dominantDtype: 'BF16',
      metadata: { format: 'pt' },
      tensorCount: 5
    })
  })

  it('reads only the header of a huge file', async () => {
    // 8 GiB of declared tensor data in a sparse file: reading it all would take seconds and
    // fail on Buffer limits; the header read takes milliseconds.
    const rows = 1024 * 1024
    const [head, dataLength] = encode({ 'w.weight': { dtype: 'F32', shape: [rows, 2048] } })
    const file = path.join(dir, 'big.safetensors')
    const fd = openSync(file, 'w')
    writeSync(fd, head)
    closeSync(fd)
    truncateSync(file, head.length + dataLength)
    const started = Date.now()
    const header = await readSafetensorsHeader(file)
    expect(header.parameterCount).toBe(rows * 2048)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('rejects an absurd header length without allocating it', async () => {
    const file = path.join(dir, 'model.safetensors')
    const length = Buffer.alloc(8)
    length.writeBigUInt64LE(2n ** 40n)
    writeFileSync(file, Buffer.concat([length, Buffer.from('{}')]))
    await expect(readSafetensorsHeader(file)).rejects.toThrow(
      `${file}: header length 1099511627776 bytes is over the 100 MB limit: not a safetensors file (or a corrupt one)`
    )
  })

  it('explains a file that is not safetensors, a truncated one and a corrupt header', async () => {
    const tiny = path.join(dir, 'tiny.safetensors')
    writeFileSync(tiny, 'abc')
    await expect(readSafetensorsHeader(tiny)).rejects.toThrow('is not a safetensors file: it is 3 bytes')

    const [head, dataLength] = encode({ w: { dtype: 'F32', shape: [10] } })
    const truncated = path.join(dir, 'truncated.safetensors')
    writeFileSync(truncated, Buffer.concat([head, Buffer.alloc(dataLength - 4)]))
    await expect(readSafetensorsHeader(truncated)).rejects.toThrow(
      /tensor 'w' ends at byte 40 of the data but the file holds 36: the file is truncated/
    )

    const pickle = path.join(dir, 'pytorch_model.safetensors')
    writeFileSync(pickle, Buffer.concat([Buffer.from([5, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('PK\x03\x04x')]))
    await expect(readSafetensorsHeader(pickle)).rejects.toThrow(/the safetensors header is not valid JSON/)

    await expect(readSafetensorsHeader(path.join(dir, 'missing.safetensors'))).rejects.toThrow(
      /cannot open safetensors file .*missing\.safetensors/
    )
  })
})

describe('summarizeCheckpointWeights', () => {
  const checkpoint = (weightsFiles: string[]): Checkpoint => ({
    name: 'checkpoint-10',
    path: dir,
    step: 10,
    weightsFormat: weightsFiles.length > 1 ? 'sharded-safetensors' : 'safetensors',
    weightsFiles,
    files: [],
    sizeBytes: 0
  })

  it('sums every shard', async () => {
    writeSafetensors('model-00001-of-00002.safetensors', { a: { dtype: 'BF16', shape: [4, 4] } }, { format: 'pt' })
    writeSafetensors('model-00002-of-00002.safetensors', {
      b: { dtype: 'BF16', shape: [4] },
      c: { dtype: 'F32', shape: [30] }
    })
    const summary = await summarizeCheckpointWeights(
      checkpoint(['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors'])
    )
    expect(summary).toEqual({
      files: ['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors'],
      parameterCount: 50,
      tensorCount: 3,
      dtypes: { BF16: 20, F32: 30 },
      dominantDtype: 'F32',
      metadata: { format: 'pt' }
    })
  })

  it('is null for weights it cannot read without unpickling', async () => {
    expect(await summarizeCheckpointWeights(checkpoint(['pytorch_model.bin']))).toBeNull()
  })
})

describe('the real example checkpoints', () => {
  it('are valid safetensors: the tiny MLP has 83 float32 parameters', async () => {
    const example = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '..',
      'examples',
      'real',
      'checkpoints',
      'checkpoint-400'
    )
    const summary = await summarizeCheckpointWeights({
      name: 'checkpoint-400',
      path: example,
      step: 400,
      weightsFormat: 'safetensors',
      weightsFiles: ['model.safetensors'],
      files: [],
      sizeBytes: 0
    })
    expect(summary).toMatchObject({
      parameterCount: 4 * 10 + 10 + 10 * 3 + 3,
      dtypes: { F32: 83 },
      dominantDtype: 'F32',
      metadata: { format: 'pt' },
      tensorCount: 4
    })
  })
})
