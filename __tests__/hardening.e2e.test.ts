// The bundle (`node dist/index.js`, as GitHub runs it) attacked the way a broken network, a
// sloppy evaluation command or a cancelled job would: the token must appear in no byte of
// anything printed or written, a Hub that never answers must end the job with a clear error,
// and no process an evaluation started may outlive the step.
import type { ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { encodedForms } from '../src/util/redact.js'
import { ROOT, runAction, runProcess, type ActionRun } from './support/action-runner.js'
import { alive } from './support/processes.js'
import { startHubServer, type Fault, type HubServer, type Route } from './support/hub-server.js'
import { makeRun } from './support/workspace.js'

// Regex and JSON special characters, and ones URL encoding changes.
const TOKEN = 'hf_a.b*c+d?e^f$g{1}[x]|(y)\\z"q/w%20'
const REPO = 'alice/hardened'

let hub: HubServer
let root: string
let ws: string

beforeEach(async () => {
  hub = await startHubServer({ tokens: { [TOKEN]: { user: 'alice', role: 'write' } } })
  root = await mkdtemp(path.join(os.tmpdir(), 'hardening-e2e-'))
  ws = path.join(root, 'ws')
  await makeRun(path.join(ws, 'checkpoints'), [100, 200])
})
afterEach(async () => {
  await hub.close()
  await rm(root, { recursive: true, force: true })
})

async function survivors(pids: number[]): Promise<number[]> {
  for (let i = 0; i < 60 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 50))
  return pids.filter(alive)
}

async function pidsIn(file: string): Promise<number[]> {
  const text = await readFile(file, 'utf8').catch(() => '')
  return text.split(/\s+/).filter(Boolean).map(Number)
}

/** Every file under `dir`, as text. */
async function filesUnder(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of await readdir(dir, { recursive: true }).catch(() => [] as string[])) {
    const file = path.join(dir, name)
    if ((await stat(file)).isFile()) out[name] = await readFile(file, 'utf8')
  }
  return out
}

/**
 * Sends `signal` once, when `pidsFile` lists `count` pids. Once only: polls overlap while the file
 * is read, and a second signal means "exit now" to the action.
 */
function signalOnce(
  child: ChildProcess,
  signal: NodeJS.Signals,
  pidsFile: string,
  count: number,
  onSent: (at: number) => void
): void {
  let checking = false
  let done = false
  const poll = setInterval(async () => {
    if (checking || done) return
    checking = true
    if ((await pidsIn(pidsFile)).length >= count) {
      done = true
      clearInterval(poll)
      onSent(Date.now())
      child.kill(signal)
    }
    checking = false
  }, 50)
}

describe('the token appears in no byte of anything the action prints or writes', () => {
  // An evaluation command that knows the token and prints it (raw, JSON-escaped, URL-encoded) on stdout and
  // stderr, and an `::error::` line: the token is masked, the line is not obeyed.
  const PRINT = [
    `const t = ${JSON.stringify(TOKEN)}`,
    "console.log('raw', t)",
    'console.log(JSON.stringify({ t }))',
    "console.error('url', encodeURIComponent(t))",
    "console.log('::error::the command says hi')",
    'console.log(JSON.stringify({ accuracy: Number(process.argv[2]) / 1000 }))'
  ].join('\n')

  const FAULTS: Array<[string, Route | undefined, Fault | undefined, number]> = [
    ['no fault', undefined, undefined, 0],
    ['503 then success', 'whoami', { kind: 'status', status: 503 }, 2],
    ['an error body echoing the request, until retries run out', 'whoami', { kind: 'echo', status: 502 }, 5],
    ['a 401 echoing the request', 'whoami', { kind: 'echo', status: 401 }, 1],
    ['an echoing 500 on repo creation', 'repo-create', { kind: 'echo', status: 500 }, 5],
    ['an echoing 400 on the commit', 'commit', { kind: 'echo', status: 400 }, 1],
    ['connection resets', 'preupload', { kind: 'reset' }, 5],
    ['a lost commit response', 'commit', { kind: 'lose-response' }, 1],
    ['a Hub that never answers', 'whoami', { kind: 'never-answer' }, 1],
    ['a commit that is never answered', 'commit', { kind: 'never-answer' }, 1]
  ]

  it.each(FAULTS)('under %s', async (_name, route, fault, times) => {
    if (route && fault) hub.fault(route, fault, times)
    await writeFile(path.join(ws, 'print.mjs'), PRINT)
    const run = await runAction({
      cwd: ws,
      inputs: {
        evaluator: 'command',
        'eval-command': `"${process.execPath}" print.mjs {step}`,
        'repo-id': REPO,
        'hf-token': TOKEN,
        publish: 'always',
        'hub-url': hub.url,
        'hub-timeout': '1s',
        'output-dir': 'out',
        'commit-message': `published with ${TOKEN}`
      }
    })
    const written = await filesUnder(path.join(ws, 'out'))
    // `::add-mask::` lines are how the runner is told what to mask: they never reach the log.
    const printed = (run.stdout + run.stderr)
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    const everything: Record<string, string> = {
      printed,
      outputs: JSON.stringify(run.outputs),
      summary: run.summary,
      ...written,
      hubCommits: JSON.stringify(hub.repos.has(REPO) ? hub.history(REPO) : []),
      hubCard: hub.repos.has(REPO) ? ((await hub.fileContent(REPO, 'README.md'))?.toString() ?? '') : ''
    }
    for (const form of encodedForms(TOKEN)) {
      for (const [where, text] of Object.entries(everything)) {
        if (text.includes(form)) throw new Error(`the token (as ${JSON.stringify(form)}) is in ${where}`)
      }
    }
    expect(printed).toContain('raw ***')
    expect(printed).toMatch(/::stop-commands::([0-9a-f-]{36})\n[\s\S]*::error::the command says hi[\s\S]*\n::\1::/)
    if (!route) expect(run.outputs.published).toBe('true')
    if (fault?.kind === 'never-answer') {
      expect(run.code).toBe(1)
      expect(printed).toMatch(
        /the Hub did not answer for 1\.0s \(hub-timeout\) on (GET|POST) http:\/\/127\.0\.0\.1:\d+\//
      )
    }
  })
})

describe('a Hub that never answers', () => {
  it('ends the job with an error naming the request, after hub-timeout, and says so while waiting', async () => {
    hub.fault('whoami', { kind: 'never-answer' })
    const run = await runAction({
      cwd: ws,
      inputs: { 'repo-id': REPO, 'hf-token': TOKEN, publish: 'always', 'hub-url': hub.url, 'hub-timeout': '2s' },
      timeoutMs: 60_000
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::Publishing failed: Could not check the Hugging Face token at ${hub.url}/api/whoami-v2: ` +
          `the Hub did not answer for 2\\.0s \\(hub-timeout\\) on GET ${hub.url}/api/whoami-v2; the request was abandoned`
      )
    )
    expect(hub.count('whoami')).toBe(1)
    expect(run.outputs.published).toBe('false')
    expect(run.summary).toContain('Not published: publishing failed: Could not check the Hugging Face token')
  })
})

describe('processes an evaluation starts', () => {
  it('after eval-timeout none is left, setsid children and grandchildren included', async () => {
    await writeFile(
      path.join(ws, 'eval.sh'),
      [
        'if [ "$CHECKPOINT_STEP" = 200 ]; then',
        `  setsid sh -c 'trap "" TERM; setsid sleep 60 & echo $! >> "$0"; sleep 60' "$PWD/pids" & echo $! >> pids`,
        '  (trap "" TERM; sleep 60) & echo $! >> pids',
        '  sleep 60',
        'fi',
        // The other checkpoint prints its result and leaves a setsid child: it stays ok.
        'setsid sleep 60 & echo $! >> pids',
        'echo \'{"accuracy": 0.5}\'',
        ''
      ].join('\n')
    )
    const run = await runAction({
      cwd: ws,
      inputs: { evaluator: 'command', 'eval-command': 'sh eval.sh {checkpoint}', 'eval-timeout': '3s' },
      timeoutMs: 60_000
    })
    expect(run.outputs['checkpoints-evaluated']).toBe('1')
    expect(run.outputs['checkpoints-failed']).toBe('1')
    expect(run.stdout).toMatch(
      /step_100: the command exited but left 1 process \(pid \d+ (setsid )?sleep 60\) running; killed/
    )
    expect(run.stdout).toMatch(/step_200: timed out after 3\.0s \(eval-timeout\); the command and \d+ processes \(pid/)
    const pids = await pidsIn(path.join(ws, 'pids'))
    expect(pids.length).toBe(4)
    expect(await survivors(pids)).toEqual([])
  })

  it('on SIGTERM: no new evaluation, running ones killed with their descendants, a summary of what is known, a non-zero exit', async () => {
    await mkdir(path.join(ws, 'started'))
    // step_100 and step_200 are there already.
    await makeRun(path.join(ws, 'checkpoints'), [300, 400])
    await writeFile(
      path.join(ws, 'hang.sh'),
      [
        'touch "started/$1"',
        // The first checkpoint finishes before the signal; the next two hang until killed.
        'if [ "$1" = 100 ]; then echo \'{"eval_accuracy": 0.8125}\'; exit 0; fi',
        `setsid sh -c 'setsid sleep 60 & echo $! >> "$0"; sleep 60' "$PWD/pids" & echo $! >> pids`,
        '(trap "" TERM; sleep 60) & echo $! >> pids',
        'sleep 60',
        ''
      ].join('\n')
    )
    let sent = 0
    const running = runAction({
      cwd: ws,
      inputs: {
        evaluator: 'command',
        'eval-command': 'sh hang.sh {step}',
        'eval-concurrency': '2',
        'repo-id': REPO,
        'hf-token': TOKEN,
        publish: 'always',
        'hub-url': hub.url
      },
      timeoutMs: 60_000,
      onSpawn: (child) => signalOnce(child, 'SIGTERM', path.join(ws, 'pids'), 6, (at) => (sent = at))
    })
    const run: ActionRun = await running
    const tookMs = Date.now() - sent
    expect(sent).toBeGreaterThan(0)
    expect(run.code).toBe(1)
    // Bounded, not a benchmark: the runner sends SIGKILL 2.5 s after its SIGTERM.
    expect(tookMs).toBeLessThan(10_000)
    expect(run.stdout).toContain('Received SIGTERM: stopping.')
    expect(run.stdout).toMatch(/::error::Cancelled by SIGTERM/)
    expect(run.summary).toContain('## Cancelled')
    // What is known, checkpoint by checkpoint: finished with its score, killed, never started.
    expect(run.summary).toContain('**nothing was published**')
    expect(run.summary).toContain('(4 checkpoints): 1 evaluated, 0 failed, 2 killed while running, 1 not started.')
    expect(run.summary).toMatch(/\| step_100 \| evaluated \| eval_accuracy 0\.81\d? \|/)
    expect(run.summary).toMatch(
      /\| step_200 \| killed while running \| (cancelled; killed \d+ processes \(pid \d+|it was running)/
    )
    expect(run.summary).toMatch(
      /\| step_300 \| killed while running \| (cancelled; killed \d+ processes \(pid \d+|it was running)/
    )
    expect(run.summary).toContain('| step_400 | not started |  |')
    expect((await readdir(path.join(ws, 'started'))).sort()).toEqual(['100', '200', '300'])
    const pids = await pidsIn(path.join(ws, 'pids'))
    expect(pids.length).toBeGreaterThanOrEqual(6)
    expect(await survivors(pids)).toEqual([])
    expect(hub.count('commit')).toBe(0)
  })
})

describe("the job's own files", () => {
  it('a summary that cannot be written says so, and that the publish already succeeded', async () => {
    const summaryDir = path.join(root, 'summary-is-a-folder')
    await mkdir(summaryDir)
    const run = await runAction({
      cwd: ws,
      inputs: { 'repo-id': REPO, 'hf-token': TOKEN, publish: 'always', 'hub-url': hub.url },
      env: { GITHUB_STEP_SUMMARY: summaryDir }
    })
    expect(run.code).toBe(1)
    expect(run.outputs.published).toBe('true')
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::Could not write the job summary \\(GITHUB_STEP_SUMMARY\\) to ${summaryDir}: it is a folder, not a file \\(EISDIR\\)\\. ` +
          `The model WAS published: ${hub.url}/${REPO}/commit/[0-9a-f]{40}`
      )
    )
  })
})

describe('a full disk', () => {
  it('names the summary and the outputs, and says nothing was published', async () => {
    const run = await runAction({
      cwd: ws,
      inputs: { 'output-dir': 'out' },
      env: { GITHUB_STEP_SUMMARY: '/dev/full', GITHUB_OUTPUT: '/dev/full' }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::Could not write the outputs (GITHUB_OUTPUT) to /dev/full: the disk is full (ENOSPC). Nothing was published.%0A' +
        'Could not write the job summary (GITHUB_STEP_SUMMARY) to /dev/full: the disk is full (ENOSPC). Nothing was published.'
    )
  })
})

describe('the CLI, which has no runner mask', () => {
  it('prints the token in no form when the Hub echoes it in errors and retry lines', async () => {
    hub.fault('whoami', { kind: 'echo', status: 503 }, 2)
    hub.fault('commit', { kind: 'echo', status: 400 })
    const run = await runProcess({
      script: path.join(ROOT, 'dist/index.js'),
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: root, HF_TOKEN: TOKEN },
      args: ['--repo-id', REPO, '--publish', 'always', '--hub-url', hub.url, '--commit-message', `with ${TOKEN}`]
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/retry 1 of 4/)
    expect(run.stderr).toMatch(/error: Publishing failed: Could not commit to alice\/hardened@main/)
    for (const form of encodedForms(TOKEN)) {
      expect(run.stdout.includes(form) || run.stderr.includes(form)).toBe(false)
    }
  })
})

describe('the CLI on SIGINT (Ctrl-C)', () => {
  it('kills running evaluations with their setsid descendants and exits 130', async () => {
    await writeFile(
      path.join(ws, 'hang.sh'),
      `setsid sh -c 'setsid sleep 60 & echo $! >> "$0"; sleep 60' "$PWD/pids" & echo $! >> pids\nsleep 60\n`
    )
    let sent = 0
    const run = await runProcess({
      script: path.join(ROOT, 'dist/index.js'),
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: root },
      args: ['--evaluator', 'command', '--eval-command', 'sh hang.sh {step}', '--eval-concurrency', '2'],
      onSpawn: (child) => signalOnce(child, 'SIGINT', path.join(ws, 'pids'), 4, (at) => (sent = at))
    })
    expect(sent).toBeGreaterThan(0)
    expect(Date.now() - sent).toBeLessThan(10_000)
    expect(run.code).toBe(130)
    expect(run.stderr).toContain('Received SIGINT: stopping.')
    expect(run.stderr).toContain('error: Cancelled by SIGINT')
    expect(await survivors(await pidsIn(path.join(ws, 'pids')))).toEqual([])
  })
})
