// eval-devices through the bundle: four evaluations at once on devices 0,1,2,3, each given its
// own device by CUDA_VISIBLE_DEVICES and {device} (the command prints what it got; no GPU needed).
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ROOT, runProcess } from './support/action-runner.js'
import { makeRun, tempDir } from './support/workspace.js'

it('gives each of four concurrent evaluations a different single device', async () => {
  const { dir, cleanup } = await tempDir('devices-e2e-')
  try {
    await makeRun(path.join(dir, 'checkpoints'), [1, 2, 3, 4])
    // Every evaluation waits until all four have started, so they certainly run at the same time.
    await writeFile(
      path.join(dir, 'eval.sh'),
      [
        'echo "$1 $CUDA_VISIBLE_DEVICES $2" >> seen.log',
        'i=0',
        'while [ "$(wc -l < seen.log)" -lt 4 ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done',
        'echo "{\\"accuracy\\": 0.$3}"'
      ].join('\n')
    )
    const r = await runProcess({
      script: path.join(ROOT, 'dist/index.js'),
      args: [
        '--evaluator',
        'command',
        '--eval-command',
        'sh eval.sh {name} {device} {step}',
        '--eval-devices',
        '0,1,2,3'
      ],
      cwd: dir,
      env: { PATH: process.env.PATH }
    })
    expect(r.stderr).toContain('devices: 0 | 1 | 2 | 3 (4 evaluation(s) at a time, 1 device(s) each)')
    expect(r.code).toBe(0)
    const seen = (await readFile(path.join(dir, 'seen.log'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => l.split(' '))
    expect(seen.map(([name]) => name).sort()).toEqual(['step_1', 'step_2', 'step_3', 'step_4'])
    for (const [, visible, placeholder] of seen) expect(placeholder).toBe(visible)
    expect(seen.map(([, visible]) => visible).sort()).toEqual(['0', '1', '2', '3'])
  } finally {
    await cleanup()
  }
}, 60_000)
