// Runs the committed bundle as GitHub does: `node dist/index.js` with INPUT_* variables and
// the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and reads back what it wrote.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The Node that runs the bundle: E2E_NODE (CI sets Node 24, GitHub's runtime) or this one. */
export const NODE = process.env.E2E_NODE || process.execPath

/** The outputs that say what won: a sharded run must give them exactly as one unsharded run. */
export const RANKING_OUTPUTS = [
  'best-checkpoint',
  'best-step',
  'eval-accuracy',
  'metric-value',
  'checkpoints-evaluated',
  'checkpoints-skipped',
  'checkpoints-failed',
  'gate',
  'published'
]

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** `name<<DELIM\nvalue\nDELIM` blocks, as @actions/core writes them. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const re = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (let m = re.exec(text); m; m = re.exec(text)) outputs[m[1]] = m[3]
  return outputs
}

export interface RunOptions {
  inputs?: Record<string, string>
  env?: Record<string, string | undefined>
  cwd?: string
  /** Default: dist/index.js. */
  script?: string
  args?: string[]
  timeoutMs?: number
  /** Called with the started process (e.g. to send it a signal). */
  onSpawn?: (child: ChildProcess) => void
}

export async function runProcess({
  script,
  args = [],
  env = {},
  cwd = ROOT,
  timeoutMs = 60_000,
  onSpawn
}: RunOptions & { script: string }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(NODE, [script, ...args], {
    cwd,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  onSpawn?.(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearTimeout(timer)
  return { code, stdout, stderr }
}

/** The variables a GitHub runner always sets, pointed at a fresh temp folder. */
export async function runAction({
  inputs = {},
  env = {},
  cwd = ROOT,
  script = path.join(ROOT, 'dist/index.js'),
  timeoutMs,
  onSpawn
}: RunOptions = {}): Promise<ActionRun> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'action-run-'))
  const outputFile = path.join(temp, 'output')
  const summaryFile = path.join(temp, 'summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const base: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: temp,
    GITHUB_WORKSPACE: cwd,
    GITHUB_REPOSITORY: 'acme/trainer',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: 'abc123',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_JOB: 'evaluate',
    GITHUB_WORKFLOW: 'train'
  }
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  const result = await runProcess({ script, env: { ...base, ...inputEnv, ...env }, cwd, timeoutMs, onSpawn })
  return {
    ...result,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8')
  }
}

/** The `::error::` line(s) of a run, unescaped (workflow commands escape %, CR and LF). */
export function errorOf(r: ActionRun): string {
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .join('\n')
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%25/g, '%')
}
