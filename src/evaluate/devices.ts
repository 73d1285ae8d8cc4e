// GPUs for evaluations that run side by side: eval-devices split into groups of devices-per-eval,
// and a pool that lends each running evaluation a group of its own. The group reaches the command
// as CUDA_VISIBLE_DEVICES (and {device}), so four evaluations on a 4-GPU runner don't all load
// onto GPU 0.
import { execFile } from 'node:child_process'
import type { DeviceConfig } from '../config/types.js'
import type { Logger } from '../util/log.js'

/** `nvidia-smi -L` answers in well under a second; a hung driver must not hang the run. */
const NVIDIA_SMI_TIMEOUT_MS = 15_000

/** Splits ids into groups of `perEval`; ids left over (fewer than perEval) are not used. */
export function deviceGroups(ids: readonly string[], perEval: number): string[][] {
  const groups: string[][] = []
  for (let i = 0; i + perEval <= ids.length; i += perEval) groups.push(ids.slice(i, i + perEval))
  return groups
}

/** The device ids `nvidia-smi -L` lists (`GPU 0: NVIDIA A100 ... (UUID: GPU-...)` -> `0`). */
export function parseNvidiaSmiList(text: string): string[] {
  return [...text.matchAll(/^GPU (\d+):/gm)].map((m) => m[1])
}

/**
 * `auto`: $CUDA_VISIBLE_DEVICES when the runner already narrowed the GPUs (a child's
 * CUDA_VISIBLE_DEVICES replaces the parent's, so its ids are the ones to hand out), else every GPU
 * nvidia-smi lists; none when there is no nvidia-smi.
 */
export async function findDevices(env: NodeJS.ProcessEnv, log: Logger): Promise<string[]> {
  const visible = env.CUDA_VISIBLE_DEVICES?.trim()
  if (visible) {
    const ids = visible
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
    log.info(`eval-devices auto: ${ids.join(',')} (from CUDA_VISIBLE_DEVICES)`)
    return ids
  }
  const listed = await new Promise<string | null>((resolve) => {
    execFile('nvidia-smi', ['-L'], { env, timeout: NVIDIA_SMI_TIMEOUT_MS, windowsHide: true }, (error, stdout) =>
      resolve(error ? null : stdout)
    )
  })
  const ids = listed === null ? [] : parseNvidiaSmiList(listed)
  if (ids.length === 0) {
    log.warning(
      `eval-devices is auto but ${listed === null ? 'nvidia-smi could not be run' : 'nvidia-smi -L lists no GPU'}: ` +
        'evaluations run without CUDA_VISIBLE_DEVICES. List the devices (e.g. 0,1) to set them anyway.'
    )
  } else {
    log.info(`eval-devices auto: ${ids.join(',')} (from nvidia-smi -L)`)
  }
  return ids
}

/** Lends device groups: acquire() waits until a group is free; release() gives it back. */
export class DevicePool {
  private readonly free: string[][]
  private readonly waiting: Array<(group: string[]) => void> = []

  constructor(groups: string[][]) {
    this.free = groups.map((g) => [...g])
  }

  acquire(): Promise<string[]> {
    const group = this.free.shift()
    return group ? Promise.resolve(group) : new Promise((resolve) => this.waiting.push(resolve))
  }

  release(group: string[]): void {
    const next = this.waiting.shift()
    if (next) next(group)
    else this.free.push(group)
  }
}

export interface DevicePlan {
  pool: DevicePool
  groups: string[][]
  /** Evaluations at once: one per group, fewer when eval-concurrency says so. */
  concurrency: number
}

/** The config's devices -> groups and how many evaluations run at once; undefined when no device can be handed out. */
export async function planDevices(
  config: DeviceConfig,
  env: NodeJS.ProcessEnv,
  log: Logger
): Promise<DevicePlan | undefined> {
  const ids = config.ids === 'auto' ? await findDevices(env, log) : config.ids
  if (ids.length === 0) return undefined
  const groups = deviceGroups(ids, config.perEval)
  if (groups.length === 0) {
    log.warning(
      `devices-per-eval is ${config.perEval} but only ${ids.length} device(s) were found (${ids.join(',')}): ` +
        'evaluations run without CUDA_VISIBLE_DEVICES.'
    )
    return undefined
  }
  const unused = ids.length - groups.length * config.perEval
  if (unused > 0) log.warning(`${unused} device(s) left over by devices-per-eval ${config.perEval}: not used.`)
  const concurrency = Math.min(groups.length, config.maxConcurrent ?? groups.length)
  log.info(
    `devices: ${groups.map((g) => g.join(',')).join(' | ')} (${concurrency} evaluation(s) at a time, ` +
      `${config.perEval} device(s) each)`
  )
  return { pool: new DevicePool(groups), groups, concurrency }
}
