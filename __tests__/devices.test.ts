// eval-devices: device groups, `auto`, and real evaluations that each get a device of their own
// (commands that print the CUDA_VISIBLE_DEVICES they were given; no GPU needed).
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseConfig } from '../src/config/parse.js'
import type { InputName } from '../src/config/inputs.js'
import { createCommandEvaluator } from '../src/evaluate/command/evaluator.js'
import { DevicePool, deviceGroups, findDevices, parseNvidiaSmiList, planDevices } from '../src/evaluate/devices.js'
import { discover } from '../src/discover/checkpoints.js'
import { recordingLogger } from './support/logger.js'
import { makeRun, tempDir } from './support/workspace.js'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('devices-'))
})
afterEach(() => cleanup())

describe('device groups', () => {
  it('splits the ids into groups of devices-per-eval, dropping a short remainder', () => {
    expect(deviceGroups(['0', '1', '2', '3'], 1)).toEqual([['0'], ['1'], ['2'], ['3']])
    expect(deviceGroups(['0', '1', '2', '3', '4'], 2)).toEqual([
      ['0', '1'],
      ['2', '3']
    ])
    expect(deviceGroups(['0'], 2)).toEqual([])
  })

  it('reads the GPU indices nvidia-smi -L lists', () => {
    const listed =
      'GPU 0: NVIDIA A100-SXM4-80GB (UUID: GPU-5b1c2c4e-0000-0000-0000-000000000000)\n' +
      'GPU 1: NVIDIA A100-SXM4-80GB (UUID: GPU-6c2d3d5f-0000-0000-0000-000000000000)\n' +
      '  MIG 1g.10gb Device 0: (UUID: MIG-0000)\n'
    expect(parseNvidiaSmiList(listed)).toEqual(['0', '1'])
  })

  it('lends each group to one holder at a time', async () => {
    const pool = new DevicePool([['0'], ['1']])
    const a = await pool.acquire()
    const b = await pool.acquire()
    let third: string[] | undefined
    const waiting = pool.acquire().then((g) => (third = g))
    await Promise.resolve()
    expect(third).toBeUndefined()
    pool.release(a)
    await waiting
    expect(third).toEqual(a)
    expect(b).not.toEqual(a)
  })

  it('auto: takes CUDA_VISIBLE_DEVICES when the runner set it, else what nvidia-smi lists, else none with a warning', async () => {
    const log = recordingLogger()
    expect(await findDevices({ CUDA_VISIBLE_DEVICES: '2, 3' }, log)).toEqual(['2', '3'])

    const bin = path.join(dir, 'bin')
    await mkdir(bin)
    await writeFile(
      path.join(bin, 'nvidia-smi'),
      '#!/bin/sh\necho "GPU 0: Tesla T4 (UUID: GPU-a)"\necho "GPU 1: Tesla T4 (UUID: GPU-b)"\necho "GPU 2: Tesla T4 (UUID: GPU-c)"\n'
    )
    await chmod(path.join(bin, 'nvidia-smi'), 0o755)
    expect(await findDevices({ PATH: bin }, log)).toEqual(['0', '1', '2'])
    const plan = await planDevices({ ids: 'auto', perEval: 1 }, { PATH: bin }, log)
    expect(plan?.groups).toEqual([['0'], ['1'], ['2']])
    expect(plan?.concurrency).toBe(3)

    const none = recordingLogger()
    expect(await planDevices({ ids: 'auto', perEval: 1 }, { PATH: path.join(dir, 'empty') }, none)).toBeUndefined()
    expect(none.lines.join('\n')).toMatch(/eval-devices is auto but nvidia-smi could not be run/)
  })

  it('eval-concurrency lowers the evaluations at once, never raises them above the groups', async () => {
    const log = recordingLogger()
    expect((await planDevices({ ids: ['0', '1', '2', '3'], perEval: 1, maxConcurrent: 2 }, {}, log))?.concurrency).toBe(
      2
    )
    expect((await planDevices({ ids: ['0', '1', '2', '3'], perEval: 2, maxConcurrent: 8 }, {}, log))?.concurrency).toBe(
      2
    )
  })
})

describe('eval-devices in the config', () => {
  const parse = (inputs: Partial<Record<InputName, string>>) =>
    parseConfig((name) => inputs[name] ?? '', { workspace: dir, outputDir: 'out', cpus: 2 })

  it('reads a list or auto, with devices-per-eval and the given eval-concurrency', () => {
    expect(parse({ evaluator: 'command', 'eval-devices': '0,1,2,3' }).evaluation.devices).toEqual({
      ids: ['0', '1', '2', '3'],
      perEval: 1,
      maxConcurrent: undefined
    })
    expect(
      parse({ evaluator: 'command', 'eval-devices': 'auto', 'devices-per-eval': '2', 'eval-concurrency': '1' })
        .evaluation.devices
    ).toEqual({ ids: 'auto', perEval: 2, maxConcurrent: 1 })
    expect(parse({ evaluator: 'command' }).evaluation.devices).toBeUndefined()
  })

  it.each([
    [{ evaluator: 'command', 'devices-per-eval': '2' }, /^Input 'devices-per-eval': needs eval-devices/],
    [{ evaluator: 'builtin', 'eval-devices': '0,1' }, /^Input 'eval-devices': applies to evaluator=command/],
    [{ evaluator: 'command', 'eval-devices': '0,0' }, /^Input 'eval-devices': lists a device twice/],
    [{ evaluator: 'command', 'eval-devices': '0,auto' }, /^Input 'eval-devices': 'auto' is not a device id/],
    [{ evaluator: 'command', 'eval-devices': 'gpu 0' }, /^Input 'eval-devices': 'gpu 0' is not a device id/],
    [
      { evaluator: 'command', 'eval-devices': '0,1', 'devices-per-eval': '4' },
      /^Input 'devices-per-eval': is 4 but eval-devices lists only 2/
    ]
  ] as Array<[Partial<Record<InputName, string>>, RegExp]>)('refuses %j', (inputs, message) => {
    expect(() => parse(inputs)).toThrow(message)
  })

  it('refuses {device} in eval-command without eval-devices', () => {
    expect(() =>
      createCommandEvaluator({
        command: 'run {checkpoint} --gpu {device}',
        concurrency: 1,
        timeoutMs: 1000,
        cwd: dir,
        outputDir: dir
      })
    ).toThrow(/^Input 'eval-command': uses \{device\} but eval-devices is not set/)
  })
})

describe('concurrent evaluations on eval-devices 0,1,2,3', () => {
  it('gives each of four running evaluations a different single device, through CUDA_VISIBLE_DEVICES and {device}', async () => {
    await makeRun(path.join(dir, 'checkpoints'), [1, 2, 3, 4, 5, 6, 7, 8])
    const { checkpoints } = await discover({ root: path.join(dir, 'checkpoints'), shownAs: 'checkpoints' })
    // Each evaluation records what it was given, waits until four are running at once (so they
    // truly overlap), then records its end.
    await writeFile(
      path.join(dir, 'eval.sh'),
      [
        'echo "start $1 $CUDA_VISIBLE_DEVICES $2" >> events.log',
        'i=0',
        'while [ "$(grep -c start events.log)" -lt 4 ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done',
        'echo "end $1 $CUDA_VISIBLE_DEVICES" >> events.log',
        'echo "{\\"accuracy\\": 0.5}"'
      ].join('\n')
    )
    const log = recordingLogger()
    const evaluator = createCommandEvaluator({
      command: 'sh eval.sh {name} {device}',
      concurrency: 16,
      timeoutMs: 60_000,
      cwd: dir,
      outputDir: path.join(dir, 'out'),
      env: { PATH: process.env.PATH, CUDA_VISIBLE_DEVICES: '7' },
      devices: { ids: ['0', '1', '2', '3'], perEval: 1 }
    })
    const run = await evaluator.evaluate(checkpoints, { log })
    expect(run.results.every((r) => r.status === 'ok')).toBe(true)

    const events = (await readFile(path.join(dir, 'events.log'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => l.split(' '))
    expect(events.filter((e) => e[0] === 'start')).toHaveLength(8)
    // Replay the log: at every moment the running evaluations hold distinct single devices.
    const running = new Map<string, string>()
    let most = 0
    for (const [what, name, device, placeholder] of events) {
      if (what === 'start') {
        expect(device).toMatch(/^[0-3]$/)
        expect(placeholder).toBe(device)
        expect([...running.values()]).not.toContain(device)
        running.set(name, device)
        most = Math.max(most, running.size)
      } else {
        expect(running.get(name)).toBe(device)
        running.delete(name)
      }
    }
    expect(most).toBe(4)
    // The first four ran at once, on all four devices.
    expect(new Set(events.slice(0, 4).map((e) => e[2]))).toEqual(new Set(['0', '1', '2', '3']))
    expect(log.lines.join('\n')).toContain('devices: 0 | 1 | 2 | 3 (4 evaluation(s) at a time, 1 device(s) each)')
  }, 60_000)

  it('gives two-device groups with devices-per-eval 2', async () => {
    await makeRun(path.join(dir, 'checkpoints'), [1, 2])
    const { checkpoints } = await discover({ root: path.join(dir, 'checkpoints'), shownAs: 'checkpoints' })
    const evaluator = createCommandEvaluator({
      command: 'echo "{\\"accuracy\\": 0.5}" && echo "$CUDA_VISIBLE_DEVICES" > {output}.devices # {name}',
      concurrency: 1,
      timeoutMs: 60_000,
      cwd: dir,
      outputDir: path.join(dir, 'out'),
      env: { PATH: process.env.PATH },
      devices: { ids: ['0', '1', '2', '3'], perEval: 2 }
    })
    const run = await evaluator.evaluate(checkpoints, { log: recordingLogger() })
    expect(run.results.every((r) => r.status === 'ok')).toBe(true)
    const seen = await Promise.all(
      ['step_1', 'step_2'].map(async (n) => (await readFile(path.join(dir, 'out', `${n}.devices`), 'utf8')).trim())
    )
    for (const group of seen) expect(['0,1', '2,3']).toContain(group)
  }, 60_000)
})
