// The CLI bundle, as a user runs it from a terminal (npm start runs the same file).
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { ROOT, runProcess } from './support/action-runner.js'
import { tempDir } from './support/workspace.js'

const cli = path.join(ROOT, 'dist/index.js')
const env = { PATH: process.env.PATH, HOME: process.env.HOME }

describe('node dist/cli/index.js', () => {
  it('prints the table for the bundled example and writes the scores files', async () => {
    const { dir, cleanup } = await tempDir('cli-')
    try {
      const r = await runProcess({
        script: cli,
        args: ['--checkpoint-dir', 'examples/workspace/checkpoints', `--output-dir=${dir}`],
        env
      })
      expect(r.code).toBe(0)
      // Once each: progress, one table, one winner line, the skip warned about once.
      const all = r.stderr + r.stdout
      expect(r.stderr).toMatch(/^ {2} 1\s+step_1000\s+1000\s+389 B\s+0\.712\s+ok$/m)
      expect(all.match(/^\s*#\s+checkpoint\s+step/gm)).toHaveLength(1)
      expect(all.match(/Best checkpoint: step_1000 \(step 1000\), eval_accuracy 0\.712/g)).toHaveLength(1)
      expect(all.match(/step_1100: no weights/g)).toHaveLength(1)
      expect(r.stderr).toContain('warning: Skipped checkpoint step_1100')
      expect(r.stderr).toContain('evaluated 10/10')
      expect(r.stdout).toContain(`Scores: ${path.join(dir, 'scores.json')} (and scores.csv)`)
      expect(JSON.parse(await readFile(path.join(dir, 'scores.json'), 'utf8')).winner.name).toBe('step_1000')
    } finally {
      await cleanup()
    }
  })

  it('shows help naming every flag like the inputs', async () => {
    const r = await runProcess({ script: cli, args: ['--help'], env })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/--checkpoint-dir\s+Folder holding the checkpoint folders/)
    expect(r.stdout).toMatch(/--weights\s+/)
  })

  it('exits 1 with the error on bad input and on unknown flags', async () => {
    const bad = await runProcess({
      script: cli,
      args: ['--checkpoint-dir', 'examples/workspace/checkpoints', '--benchmarks', 'vibes'],
      env
    })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^error: Input 'benchmarks': unknown benchmark 'vibes'/m)
    const unknown = await runProcess({ script: cli, args: ['--checkpoints', 'x'], env })
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/error: Unknown option '--checkpoints'/)
  })
})

describe('metric names before any work', () => {
  it('a misspelt metric with the built-in suite fails before evaluating, with the closest name', async () => {
    const r = await runProcess({
      script: cli,
      args: ['--checkpoint-dir', 'examples/workspace/checkpoints', '--metric', 'math_reasonin'],
      env
    })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^error: Input 'metric': 'math_reasonin' is not a score this evaluator reports\. Closest match: 'math_reasoning'/m
    )
    expect(r.stderr).not.toContain('evaluated ')
  })
})
