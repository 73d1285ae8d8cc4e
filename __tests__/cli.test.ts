// The CLI entry as a module: flags built from the input table, paths against the working folder,
// exit codes. (cli.e2e.test.ts runs the bundle the same way from a shell.)
import { jest } from '@jest/globals'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { main } from '../src/cli.js'
import { makeRun, tempDir } from './support/workspace.js'

/** Runs main() in `cwd`, keeping what it writes to stdout and stderr. */
async function runCli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0)
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0)
  const before = process.cwd()
  process.chdir(cwd)
  try {
    return { code: await main(args), stdout: out.join(''), stderr: err.join('') }
  } finally {
    process.chdir(before)
    stdout.mockRestore()
    stderr.mockRestore()
  }
}

describe('cli main()', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('cli-'))
    await makeRun(path.join(dir, 'checkpoints'), [100, 1000])
  })
  afterEach(() => cleanup())

  it('evaluates ./checkpoints by default and writes ./eval-results', async () => {
    const r = await runCli([], dir)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('Best checkpoint: step_1000 (step 1000), eval_accuracy 0.712')
    expect(r.stdout).toContain('eval-results/scores.json')
    expect(existsSync(path.join(dir, 'eval-results/scores.json'))).toBe(true)
  })

  it('takes yes/no inputs as switches and fails a gate with exit code 1', async () => {
    const r = await runCli(['--min-score', '0.9', '--dry-run'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/error: Gate failed: eval_accuracy 0\.712 < min-score 0\.900/)
  })

  it('rejects a bad input before writing anything, naming the input', async () => {
    const r = await runCli(['--benchmarks', 'vibes', '--output-dir', 'never'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: Input 'benchmarks': unknown benchmark 'vibes'/m)
    expect(existsSync(path.join(dir, 'never'))).toBe(false)
  })

  it('has no flag for Actions-only inputs', async () => {
    const r = await runCli(['--github-token', 'x'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/Unknown option '--github-token'/)
  })
})
