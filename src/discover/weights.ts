// What a checkpoint's weights are, read from safetensors headers only: parameter count and
// dtypes for the report and the model card, without reading gigabytes of tensor data.
//
// Format: 8 bytes little-endian u64 N, then N bytes of JSON:
//   {"tensor.name": {"dtype": "F32", "shape": [d0, d1], "data_offsets": [begin, end]}, ...,
//    "__metadata__": {"format": "pt"}}
// then the data; offsets are relative to the end of the header.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import path from 'node:path'
import type { Checkpoint } from '../domain/types.js'
import type { Logger } from '../util/log.js'
import { errorMessage } from '../util/errors.js'
import { mapLimit } from '../util/map-limit.js'

export interface SafetensorsHeader {
  /** Sum over tensors of the product of their shape. */
  parameterCount: number
  /** dtype (`F32`, `BF16`, `I64`...) -> parameters stored in it. */
  dtypes: Record<string, number>
  /** The dtype holding the most parameters; null for a file without tensors. */
  dominantDtype: string | null
  /** `__metadata__` (string -> string by the format). */
  metadata: Record<string, string>
  tensorCount: number
}

export interface WeightsSummary extends SafetensorsHeader {
  /** The safetensors files summed, relative to the checkpoint folder. */
  files: string[]
}

/** The safetensors header must fit this; real ones are kilobytes to a few megabytes. */
export const MAX_HEADER_BYTES = 100 * 1024 * 1024

const BYTES_PER_ELEMENT: Record<string, number> = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E4M3: 1,
  F8_E5M2: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  I64: 8,
  U64: 8,
  F64: 8
}

/**
 * Reads the header of one .safetensors file (two small reads, never the tensor data).
 * Synchronous calls inside on purpose: a run may read thousands of headers, and a few small
 * metadata calls each are several times faster without a thread-pool round trip per call.
 */
export async function readSafetensorsHeader(file: string): Promise<SafetensorsHeader> {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    throw new Error(`cannot open safetensors file ${file}: ${(error as { message?: string }).message ?? error}`, {
      cause: error
    })
  }
  try {
    const { size } = fstatSync(fd)
    if (size < 8)
      throw new Error(`${file} is not a safetensors file: it is ${size} bytes, shorter than the 8-byte header length`)
    const prefix = Buffer.alloc(8)
    readSync(fd, prefix, 0, 8, 0)
    const declared = prefix.readBigUInt64LE(0)
    if (declared > BigInt(MAX_HEADER_BYTES)) {
      throw new Error(
        `${file}: header length ${declared} bytes is over the ${MAX_HEADER_BYTES / 1024 / 1024} MB limit: ` +
          `not a safetensors file (or a corrupt one). Re-save the weights with safetensors' save_file`
      )
    }
    const headerLength = Number(declared)
    if (8 + headerLength > size) {
      throw new Error(
        `${file}: header length ${headerLength} bytes runs past the end of the ${size}-byte file: the file is truncated or not safetensors`
      )
    }
    const headerBytes = Buffer.alloc(headerLength)
    readSync(fd, headerBytes, 0, headerLength, 8)
    let header: unknown
    try {
      header = JSON.parse(headerBytes.toString('utf8'))
    } catch (error) {
      throw new Error(
        `${file}: the safetensors header is not valid JSON (${(error as Error).message}): the file is corrupt or not safetensors`,
        { cause: error }
      )
    }
    return summarizeHeader(header, file, size - 8 - headerLength)
  } finally {
    closeSync(fd)
  }
}

function summarizeHeader(header: unknown, file: string, dataBytes: number): SafetensorsHeader {
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new Error(`${file}: the safetensors header is not a JSON object`)
  }
  const dtypes: Record<string, number> = {}
  let parameterCount = 0
  let tensorCount = 0
  let metadata: Record<string, string> = {}
  for (const [name, raw] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof raw === 'object' && raw !== null)
        metadata = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]))
      continue
    }
    const tensor = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown }
    if (
      typeof tensor?.dtype !== 'string' ||
      !Array.isArray(tensor.shape) ||
      !tensor.shape.every((d) => Number.isInteger(d) && d >= 0)
    ) {
      throw new Error(`${file}: tensor '${name}' has no valid dtype/shape in the header`)
    }
    const elements = (tensor.shape as number[]).reduce((product, d) => product * d, 1)
    const offsets = tensor.data_offsets
    if (Array.isArray(offsets) && typeof offsets[1] === 'number' && offsets[1] > dataBytes) {
      throw new Error(
        `${file}: tensor '${name}' ends at byte ${offsets[1]} of the data but the file holds ${dataBytes}: the file is truncated (an interrupted save or download)`
      )
    }
    const width = BYTES_PER_ELEMENT[tensor.dtype]
    if (width !== undefined && Array.isArray(offsets) && offsets[1] - offsets[0] !== elements * width) {
      throw new Error(
        `${file}: tensor '${name}' (${tensor.dtype} ${JSON.stringify(tensor.shape)}) has data_offsets that don't match its size: the header is corrupt`
      )
    }
    dtypes[tensor.dtype] = (dtypes[tensor.dtype] ?? 0) + elements
    parameterCount += elements
    tensorCount++
  }
  return { parameterCount, dtypes, dominantDtype: dominant(dtypes), metadata, tensorCount }
}

function dominant(dtypes: Record<string, number>): string | null {
  let best: string | null = null
  for (const [dtype, count] of Object.entries(dtypes)) if (best === null || count > dtypes[best]) best = dtype
  return best
}

/**
 * Parameter count and dtypes over every safetensors file of a checkpoint (all shards, or the
 * adapter). Null when its weights are not safetensors (pytorch .bin can't be read without
 * unpickling). Metadata is the first shard's (shards of one save carry the same).
 */
export async function summarizeCheckpointWeights(checkpoint: Checkpoint): Promise<WeightsSummary | null> {
  const files = checkpoint.weightsFiles.filter((file) => file.endsWith('.safetensors'))
  if (files.length === 0) return null
  const headers = await Promise.all(files.map((file) => readSafetensorsHeader(path.join(checkpoint.path, file))))
  const dtypes: Record<string, number> = {}
  for (const header of headers)
    for (const [dtype, count] of Object.entries(header.dtypes)) dtypes[dtype] = (dtypes[dtype] ?? 0) + count
  return {
    files,
    parameterCount: headers.reduce((sum, h) => sum + h.parameterCount, 0),
    tensorCount: headers.reduce((sum, h) => sum + h.tensorCount, 0),
    dtypes,
    dominantDtype: dominant(dtypes),
    metadata: headers[0].metadata
  }
}

// Parameter count and dtype for the summary's Params column, from the headers alone (a few KB
// per file, never the tensors).
/** Fills `parameters` and `dtype` in place; a header that can't be read is only a debug line. */
export async function describeWeights(checkpoints: Checkpoint[], log: Logger, concurrency = 16): Promise<void> {
  await mapLimit(checkpoints, concurrency, undefined, async (checkpoint) => {
    try {
      const summary = await summarizeCheckpointWeights(checkpoint)
      if (summary) {
        checkpoint.parameters = summary.parameterCount
        if (summary.dominantDtype) checkpoint.dtype = summary.dominantDtype
      }
    } catch (error) {
      log.debug(`no parameter count for ${checkpoint.name}: ${errorMessage(error)}`)
    }
  })
}
