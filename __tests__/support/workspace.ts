// Builds checkpoint folders on disk the way training runs leave them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export type WeightsKind = 'safetensors' | 'pytorch' | 'sharded' | 'adapter' | 'none'

export interface CheckpointSpec {
  config?: boolean
  weights?: WeightsKind
  /** For 'sharded': how many shards the index lists, and which of them to leave out. */
  shards?: number
  missingShards?: number[]
  extraFiles?: Record<string, string | Buffer>
}

/** A tiny but valid safetensors file (one F32 tensor). */
export function tinySafetensors(values: number[] = [0.1, 0.2, 0.3, 0.4]): Buffer {
  const data = Buffer.alloc(values.length * 4)
  values.forEach((v, i) => data.writeFloatLE(v, i * 4))
  const header = Buffer.from(
    JSON.stringify({ w: { dtype: 'F32', shape: [values.length], data_offsets: [0, data.length] } })
  )
  const length = Buffer.alloc(8)
  length.writeBigUInt64LE(BigInt(header.length))
  return Buffer.concat([length, header, data])
}

export async function makeCheckpoint(root: string, name: string, spec: CheckpointSpec = {}): Promise<string> {
  const dir = path.join(root, name)
  await mkdir(dir, { recursive: true })
  const { config = true, weights = 'safetensors' } = spec
  if (config)
    await writeFile(
      path.join(dir, weights === 'adapter' ? 'adapter_config.json' : 'config.json'),
      '{"model_type":"tiny"}\n'
    )
  if (weights === 'safetensors') await writeFile(path.join(dir, 'model.safetensors'), tinySafetensors())
  if (weights === 'pytorch') await writeFile(path.join(dir, 'pytorch_model.bin'), Buffer.alloc(64, 1))
  if (weights === 'adapter') await writeFile(path.join(dir, 'adapter_model.safetensors'), tinySafetensors())
  if (weights === 'sharded') {
    const count = spec.shards ?? 2
    const names = Array.from(
      { length: count },
      (_, i) => `model-${String(i + 1).padStart(5, '0')}-of-${String(count).padStart(5, '0')}.safetensors`
    )
    const weightMap = Object.fromEntries(names.map((n, i) => [`layer.${i}.weight`, n]))
    await writeFile(
      path.join(dir, 'model.safetensors.index.json'),
      JSON.stringify({ metadata: { total_size: 16 * count }, weight_map: weightMap })
    )
    for (const [i, n] of names.entries()) {
      if (!spec.missingShards?.includes(i)) await writeFile(path.join(dir, n), tinySafetensors())
    }
  }
  for (const [file, content] of Object.entries(spec.extraFiles ?? {})) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), content)
  }
  return dir
}

/** A temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'ckpt-eval-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** `checkpoints/step_<s>` for each step, all valid. */
export async function makeRun(root: string, steps: number[], prefix = 'step_'): Promise<void> {
  for (const step of steps) await makeCheckpoint(root, `${prefix}${step}`)
}
