// The command evaluator against real shells and child processes.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCommandEvaluator, type CommandEvaluatorOptions } from '../src/evaluate/command/evaluator.js'
import { quotePosix, renderCommand } from '../src/evaluate/command/template.js'
import type { Checkpoint } from '../src/domain/types.js'
import { recordingLogger } from './support/logger.js'
import { alive } from './support/processes.js'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'results')
let work: string

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'cmd-eval-'))
})
afterEach(() => {
  rmSync(work, { recursive: true, force: true })
})

function checkpoint(name: string, step: number): Checkpoint {
  const dir = path.join(work, 'checkpoints', name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'model.safetensors'), '')
  return {
    name,
    path: dir,
    step,
    weightsFormat: 'safetensors',
    weightsFiles: ['model.safetensors'],
    files: [{ name: 'model.safetensors', size: 0 }],
    sizeBytes: 0
  }
}

function evaluator(command: string, options: Partial<CommandEvaluatorOptions> = {}) {
  return createCommandEvaluator({
    command,
    concurrency: 2,
    timeoutMs: 20_000,
    cwd: work,
    outputDir: path.join(work, 'out'),
    ...options
  })
}

function script(name: string, text: string): string {
  writeFileSync(path.join(work, name), text)
  return name
}

describe('quoting', () => {
  it('single-quotes anything the shell would interpret and leaves plain words readable', () => {
    expect(quotePosix('/data/run-1/checkpoint_500')).toBe('/data/run-1/checkpoint_500')
    expect(quotePosix("it's")).toBe(`'it'\\''s'`)
    expect(quotePosix('')).toBe("''")
    expect(
      renderCommand('eval {checkpoint} --step {step} --out {output}', {
        checkpoint: 'a b',
        step: '5',
        name: 'n',
        output: '/o/{name}'
      })
    ).toBe("eval 'a b' --step 5 --out '/o/{name}'")
  })

  it('passes paths with spaces, quotes, $ and backticks through the shell unchanged', async () => {
    const name = `step 1 'single' "double" $HOME \`id\` ;&|_100`
    const ckpt = checkpoint(name, 100)
    script(
      'echo-args.mjs',
      `import { writeFileSync } from 'node:fs'
writeFileSync(process.env.EVAL_OUTPUT + '.argv', JSON.stringify({ argv: process.argv.slice(2), env: process.env.CHECKPOINT_PATH, name: process.env.CHECKPOINT_NAME, step: process.env.CHECKPOINT_STEP }))
console.log('{"accuracy": 0.5}')
`
    )
    const run = await evaluator('node echo-args.mjs {checkpoint} {name} {step}').evaluate([ckpt], {
      log: recordingLogger()
    })
    expect(run.results[0].status).toBe('ok')
    const seen = JSON.parse(
      readFileSync(path.join(work, 'out', `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.argv`), 'utf8')
    )
    expect(seen).toEqual({ argv: [ckpt.path, name, '100'], env: ckpt.path, name, step: '100' })
  })

  it('refuses templates that quote a placeholder or never mention the checkpoint', () => {
    expect(() => evaluator('python eval.py "{checkpoint}"')).toThrow(
      /has \{checkpoint\} inside double quotes: placeholders are quoted for the shell already/
    )
    expect(() => evaluator("lm_eval --model_args 'pretrained={checkpoint},dtype=bf16'")).toThrow(
      /inside single quotes.*Take \{checkpoint\} out of the quotes/
    )
    expect(() => evaluator(`python eval.py {checkpoint} --note "it's {fine}" 'a"b' --out {output}`)).not.toThrow()
    expect(() => evaluator('python eval.py --model ./model')).toThrow(/never refers to the checkpoint/)
    expect(() => evaluator('python eval.py ${checkpoint}')).toThrow(/\$\{checkpoint\}/)
    expect(() => evaluator('python eval.py {checkpoint}', { shell: 'C:\\Windows\\System32\\cmd.exe' })).toThrow(
      /needs a POSIX shell/
    )
  })
})

describe('running checkpoints', () => {
  // Each child records when it started and ended; *_time keys are metrics, not benchmarks.
  const SLEEPER = `const start_time = Date.now()
setTimeout(() => console.log(JSON.stringify({ accuracy: Number(process.argv[2]) / 1000, start_time, end_time: Date.now() })), 300)
`

  it('runs up to `concurrency` checkpoints at once', async () => {
    // A barrier, not a stopwatch: each command waits until all four have started, so the run only
    // succeeds when four run at once (with fewer, they time out).
    script(
      'barrier.js',
      `const fs = require('node:fs')
fs.writeFileSync('started-' + process.argv[2], '')
const poll = setInterval(() => {
  if (fs.readdirSync('.').filter((f) => f.startsWith('started-')).length < 4) return
  clearInterval(poll)
  console.log(JSON.stringify({ accuracy: Number(process.argv[2]) / 1000 }))
}, 20)
`
    )
    const checkpoints = [100, 200, 300, 400].map((step) => checkpoint(`step_${step}`, step))
    const run = await evaluator('node barrier.js {step}', { concurrency: 4, timeoutMs: 15_000 }).evaluate(checkpoints, {
      log: recordingLogger()
    })
    expect(run.results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok'])
    expect(run.results.map((r) => r.scores.accuracy)).toEqual([0.1, 0.2, 0.3, 0.4])
  })

  it("hides the action's inputs and the runner's service tokens from the command", async () => {
    script(
      'env.js',
      `require('node:fs').writeFileSync('seen.txt', Object.keys(process.env).filter((k) => /TOKEN|INPUT_|KEEP_ME/.test(k)).sort().join(' '))
console.log(JSON.stringify({ accuracy: 0.5 }))
`
    )
    const env = {
      PATH: process.env.PATH,
      'INPUT_HF-TOKEN': 'hf_secret',
      'INPUT_EVAL-COMMAND': 'node env.js',
      ACTIONS_RUNTIME_TOKEN: 'runtime',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      HF_TOKEN: 'the step env',
      KEEP_ME: '1'
    }
    const run = await evaluator('node env.js {checkpoint}', { env }).evaluate([checkpoint('step_1', 1)], {
      log: recordingLogger()
    })
    expect(run.results[0].status).toBe('ok')
    expect(readFileSync(path.join(work, 'seen.txt'), 'utf8')).toBe('HF_TOKEN KEEP_ME')
  })

  it('never runs more than `concurrency` at once', async () => {
    script('sleeper.js', SLEEPER)
    const checkpoints = [1, 2, 3, 4].map((step) => checkpoint(`step_${step}`, step))
    const run = await evaluator('node sleeper.js {step}', { concurrency: 2 }).evaluate(checkpoints, {
      log: recordingLogger()
    })
    const spans = run.results.map((r) => [r.metrics.start_time, r.metrics.end_time])
    for (const [start] of spans) {
      const running = spans.filter(([s, e]) => s <= start && start < e).length
      expect(running).toBeLessThanOrEqual(2)
    }
  })

  it('logs each checkpoint in its own group, reports progress, and returns results in checkpoint order', async () => {
    script(
      'chatty.sh',
      'for i in 1 2 3; do echo "$1 line $i"; sleep 0.05; done; echo "$1 warn" >&2; echo \'{"accuracy": 0.7, "eval_loss": 0.3}\'\n'
    )
    const checkpoints = ['step_1', 'step_2', 'step_3'].map((name, i) => checkpoint(name, i + 1))
    const log = recordingLogger()
    const progress: Array<[number, number, string]> = []
    const run = await evaluator('sh chatty.sh {name}', { concurrency: 3 }).evaluate(checkpoints, {
      log,
      onProgress: (done, total, label) => progress.push([done, total, label])
    })
    expect(run.results.map((r) => r.checkpoint.name)).toEqual(['step_1', 'step_2', 'step_3'])
    expect(run.benchmarks).toEqual([{ id: 'accuracy', name: 'Accuracy', group: 'Metrics' }])
    expect(run.results[0]).toMatchObject({ status: 'ok', scores: { accuracy: 0.7 }, metrics: { eval_loss: 0.3 } })
    for (const name of ['step_1', 'step_2', 'step_3']) {
      const start = log.lines.findIndex((l) => new RegExp(`^group: ${name} \\(ok, \\d+\\.\\ds\\)$`).test(l))
      const end = log.lines.indexOf('endgroup', start)
      const body = log.lines.slice(start + 1, end).join('\n')
      expect(body).toContain(`${name} line 1\n${name} line 2\n${name} line 3`)
      expect(body).toContain(`${name} warn`)
      expect(body).not.toMatch(new RegExp(`step_(?!${name.slice(-1)})\\d line`))
    }
    expect(progress.map(([done, total]) => `${done}/${total}`)).toEqual(['1/3', '2/3', '3/3'])
    expect(run.evaluator).toEqual({ kind: 'command', settings: { command: 'sh chatty.sh {name}' } })
  })

  it('kills the whole process tree when a checkpoint times out, and goes on with the others', async () => {
    // The shell starts a background sleep (a grandchild of ours) that even ignores SIGTERM, so
    // only the SIGKILL to the whole group after the grace period can end it.
    script(
      'slow.sh',
      'if [ "$CHECKPOINT_STEP" = 2 ]; then (trap "" TERM; sleep 30) & echo $! > sleep.pid; wait; fi; echo \'{"accuracy": 0.5}\'\n'
    )
    const log = recordingLogger()
    const started = Date.now()
    const run = await evaluator('sh slow.sh {checkpoint}', { timeoutMs: 700, killGraceMs: 200 }).evaluate(
      [checkpoint('step_1', 1), checkpoint('step_2', 2)],
      { log }
    )
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.results[0].status).toBe('ok')
    expect(run.results[1]).toMatchObject({ status: 'failed', scores: {}, metrics: {} })
    expect(run.results[1].error).toMatch(
      /^timed out after 0\.7s \(eval-timeout\); the command and 2 processes \(pid \d+ sh slow\.sh .*, pid \d+ sleep 30\) it started were killed/
    )
    const pid = Number(readFileSync(path.join(work, 'sleep.pid'), 'utf8'))
    for (let i = 0; i < 40 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50))
    expect(alive(pid)).toBe(false)
    expect(log.lines.some((l) => /^group: step_2 \(failed, \d+\.\ds\)$/.test(l))).toBe(true)
    expect(log.lines).toContainEqual(expect.stringMatching(/^warning: step_2: timed out/))
  })

  it('fails a checkpoint whose command exits non-zero, quoting the end of its stderr', async () => {
    script(
      'oom.sh',
      'echo "loading $1"; if [ "$1" = 2 ]; then echo "Traceback (most recent call last):" >&2; echo "torch.OutOfMemoryError: CUDA out of memory" >&2; exit 3; fi; echo \'{"accuracy": 0.9}\'\n'
    )
    const run = await evaluator('sh oom.sh {step}').evaluate([checkpoint('step_1', 1), checkpoint('step_2', 2)], {
      log: recordingLogger()
    })
    expect(run.results[0].status).toBe('ok')
    expect(run.results[1].status).toBe('failed')
    expect(run.results[1].error).toBe(
      'the command exited with code 3; last lines of its stderr:\n  Traceback (most recent call last):\n  torch.OutOfMemoryError: CUDA out of memory'
    )
  })

  it('fails a checkpoint that prints broken JSON, no JSON, nothing, or a NaN score', async () => {
    script(
      'bad.sh',
      `case "$1" in
  1) echo '{"accuracy": 0.9,' ;;
  2) echo 'accuracy=0.9' ;;
  3) true ;;
  4) echo '{"accuracy": NaN}' ;;
  5) echo '{"model": "x"}' ;;
  6) echo '{"accuracy": 0.4}' ;;
esac
`
    )
    const checkpoints = [1, 2, 3, 4, 5, 6].map((step) => checkpoint(`step_${step}`, step))
    const run = await evaluator('sh bad.sh {step}').evaluate(checkpoints, { log: recordingLogger() })
    const errors = run.results.map((r) => r.error)
    expect(errors[0]).toBe(
      'the command printed no metrics: its last stdout line is not a JSON object: {"accuracy": 0.9,. Print a JSON object such as {"accuracy": 0.81} as the last line, or write it to {output}'
    )
    expect(errors[1]).toMatch(/its last stdout line is not a JSON object: accuracy=0\.9\./)
    expect(errors[2]).toMatch(/the command printed no metrics: it printed nothing on stdout\./)
    // A NaN score is read (the checkpoint is ok) and kept as invalid: ranking leaves it unranked, saying why.
    expect(run.results[3]).toMatchObject({ status: 'ok', scores: { accuracy: null }, invalid: { accuracy: 'NaN' } })
    expect(errors[4]).toMatch(/^stdout of step_5: found no numeric scores/)
    expect(run.results[5]).toMatchObject({ status: 'ok', scores: { accuracy: 0.4 } })
  })

  it('prefers the {output} file over stdout, and never reads one left by an earlier run', async () => {
    script('out.sh', 'if [ "$2" = 1 ]; then echo \'{"accuracy": 0.9}\' > "$1"; fi; echo \'{"accuracy": 0.1}\'\n')
    const checkpoints = [checkpoint('step_1', 1), checkpoint('step_2', 2)]
    mkdirSync(path.join(work, 'out'), { recursive: true })
    writeFileSync(path.join(work, 'out', 'step_2'), '{"accuracy": 0.99}')
    const run = await evaluator('sh out.sh {output} {step}').evaluate(checkpoints, { log: recordingLogger() })
    expect(run.results.map((r) => r.scores.accuracy)).toEqual([0.9, 0.1])
  })

  it('reads lm-evaluation-harness and lighteval results written under {output} as a folder', async () => {
    const lmEval = path.join(fixtures, 'lm-eval/checkpoint-100/lm_eval/__work__ckpt__checkpoint-100')
    const lighteval = path.join(fixtures, 'lighteval/checkpoint-200/results')
    // Stand-ins for `lm_eval --output_path {output}` and `lighteval ... --output-dir {output}`.
    script(
      'lm.sh',
      `mkdir -p "$1/__work__model" && cp "${lmEval}"/results_*.json "$1/__work__model/" && echo "lm-eval done"\n`
    )
    script('le.sh', `mkdir -p "$1" && cp -r "${lighteval}" "$1/results"\n`)
    const log = recordingLogger()
    const [a, b] = [checkpoint('checkpoint-100', 100), checkpoint('checkpoint-200', 200)]
    const lm = await evaluator('sh lm.sh {output} {checkpoint}').evaluate([a], { log })
    expect(lm.results[0].scores).toEqual({ arc_easy: 0.7412, gsm8k: 0.3124, mmlu: 0.5521, wikitext: 18.2371 })
    expect(lm.benchmarks.find((x) => x.id === 'wikitext')?.higherIsBetter).toBe(false)
    const le = await evaluator('sh le.sh {output} {checkpoint}').evaluate([b], { log })
    expect(le.results[0].scores).toEqual({ 'arc:challenge': 0.5213, gsm8k: 0.3108, mmlu: 0.4521 })
  })

  it('keeps only the tail of a very chatty command in memory and in the log', async () => {
    script(
      'chatty.js',
      'for (let i = 0; i < 4000; i++) console.log("x".repeat(60) + " " + i); console.log(JSON.stringify({ accuracy: 0.6, ckpt: process.argv[2] }))\n'
    )
    const log = recordingLogger()
    const run = await evaluator('node chatty.js {name}').evaluate([checkpoint('step_1', 1)], { log })
    expect(run.results[0].scores.accuracy).toBe(0.6)
    const dropped = log.lines.find((l) => /^… [\d.]+ KiB of earlier output not kept$/.test(l))
    expect(dropped).toBeDefined()
    const body = log.lines.filter((l) => l.includes('x'.repeat(60))).join('\n')
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(64 * 1024)
    expect(body).toContain(' 3999')
  })

  describe('stdout kept for the JSON at its end (bounded; 1 MiB here, 16 MiB by default)', () => {
    const MiB = 1024 * 1024
    // A single-line JSON object with `padBytes` of padding, after `noiseBytes` of other output.
    const bigJson = script.bind(
      null,
      'big.js',
      [
        'const [noise, pad] = process.argv.slice(2).map(Number)',
        'for (let i = 0; i < noise / 1024; i++) process.stdout.write("n".repeat(1023) + "\\n")',
        'process.stdout.write(JSON.stringify({ accuracy: 0.7, pad: "p".repeat(pad) }) + "\\n")',
        ''
      ].join('\n')
    )

    it('reads a JSON object that fits, however much was printed before it', async () => {
      bigJson()
      const run = await evaluator(`node big.js ${3 * MiB} ${MiB / 2} {checkpoint}`, { stdoutTailBytes: MiB }).evaluate(
        [checkpoint('step_1', 1)],
        { log: recordingLogger() }
      )
      expect(run.results[0]).toMatchObject({ status: 'ok', scores: { accuracy: 0.7 } })
    })

    it('refuses a JSON object larger than the bound, saying so and to write it to {output}', async () => {
      bigJson()
      const run = await evaluator(`node big.js 0 ${3 * MiB} {checkpoint}`, { stdoutTailBytes: MiB }).evaluate(
        [checkpoint('step_1', 1)],
        { log: recordingLogger(), allFailed: 'return' }
      )
      expect(run.results[0].status).toBe('failed')
      expect(run.results[0].error).toBe(
        'the JSON at the end of its stdout is larger than the 1.00 MiB of stdout that is kept (it printed 3.00 MiB; ' +
          "only the last 1.00 MiB are read, so the object's start was dropped). Write the metrics to {output} " +
          `(${path.join(work, 'out', 'step_1')}) as a results file instead (a file there is read whole), or print only ` +
          'the scores, e.g. {"accuracy": 0.81}, as the last line'
      )
    })

    it('reads the same big object from {output} in full', async () => {
      script(
        'write.js',
        'require("fs").writeFileSync(process.argv[2], JSON.stringify({ accuracy: 0.7, pad: "p".repeat(3 << 20) }))\n'
      )
      const run = await evaluator('node write.js {output} {checkpoint}', { stdoutTailBytes: MiB }).evaluate(
        [checkpoint('step_1', 1)],
        { log: recordingLogger() }
      )
      expect(run.results[0]).toMatchObject({ status: 'ok', scores: { accuracy: 0.7 } })
    })
  })

  it('throws when every checkpoint fails, with the first reason and how to debug', async () => {
    script('fail.sh', 'echo "no GPU" >&2; exit 1\n')
    const run = evaluator('sh fail.sh {checkpoint}').evaluate([checkpoint('step_1', 1), checkpoint('step_2', 2)], {
      log: recordingLogger()
    })
    await expect(run).rejects.toThrow(
      /^evaluator 'command': all 2 checkpoint\(s\) failed\. First failure, step_1 \(.*step_1\): the command exited with code 1; last lines of its stderr:\n {2}no GPU\nTo debug: run the command by hand/
    )
  })

  it("returns the run with every result failed when allFailed is 'return'", async () => {
    script('fail.sh', 'echo "no GPU" >&2; exit 1\n')
    const run = await evaluator('sh fail.sh {checkpoint}').evaluate([checkpoint('step_1', 1)], {
      log: recordingLogger(),
      allFailed: 'return'
    })
    expect(run.results).toMatchObject([{ status: 'failed', scores: {}, metrics: {} }])
    expect(run.results[0].error).toContain('no GPU')
  })

  it('returns an empty run for no checkpoints', async () => {
    const run = await evaluator('sh x.sh {checkpoint}').evaluate([], { log: recordingLogger() })
    expect(run).toEqual({
      evaluator: { kind: 'command', settings: { command: 'sh x.sh {checkpoint}' } },
      benchmarks: [],
      results: []
    })
  })

  it('stops and kills running commands when the signal aborts', async () => {
    script('hang.sh', 'sleep 30 & echo $! > "hang-$1.pid"; wait\n')
    const controller = new AbortController()
    const log = recordingLogger()
    const promise = evaluator('sh hang.sh {step}').evaluate(
      [checkpoint('step_1', 1), checkpoint('step_2', 2), checkpoint('step_3', 3)],
      {
        log,
        signal: controller.signal
      }
    )
    for (let i = 0; i < 100 && !existsSync(path.join(work, 'hang-2.pid')); i++)
      await new Promise((r) => setTimeout(r, 20))
    controller.abort(new Error('cancelled by the test'))
    await expect(promise).rejects.toThrow('cancelled by the test')
    const pid = Number(readFileSync(path.join(work, 'hang-1.pid'), 'utf8'))
    for (let i = 0; i < 40 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50))
    expect(alive(pid)).toBe(false)
    expect(existsSync(path.join(work, 'hang-3.pid'))).toBe(false)
    // The log says what the summary says: killed while running, not failed.
    const groups = log.lines.filter((l) => l.startsWith('group: '))
    expect(groups.length).toBeGreaterThan(0)
    for (const group of groups) expect(group).toMatch(/^group: step_[12] \(killed while running, \d+\.\ds\)$/)
  })
})

describe('processes a command leaves behind', () => {
  /** Waits (bounded) for every pid to be gone; returns those still alive. */
  async function survivors(pids: number[]): Promise<number[]> {
    for (let i = 0; i < 60 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 50))
    return pids.filter(alive)
  }
  const pidsIn = (file: string) => readFileSync(path.join(work, file), 'utf8').split(/\s+/).filter(Boolean).map(Number)

  it('is done when the command exits: a setsid child is killed, named, and the checkpoint stays ok', async () => {
    // The child leaves the process group (setsid) and holds stdout open; before, the step
    // waited for it and then called the successful checkpoint timed out.
    script('leak.sh', 'setsid sleep 60 & echo $! > leak.pid; echo \'{"accuracy": 0.7}\'\n')
    const log = recordingLogger()
    const started = Date.now()
    const run = await evaluator('sh leak.sh {checkpoint}', { timeoutMs: 20_000 }).evaluate([checkpoint('step_1', 1)], {
      log
    })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.results[0]).toMatchObject({ status: 'ok', scores: { accuracy: 0.7 } })
    expect(await survivors(pidsIn('leak.pid'))).toEqual([])
    expect(log.lines).toContainEqual(
      expect.stringMatching(
        /^warning: step_1: the command exited but left 1 process \(pid \d+ (setsid )?sleep 60\) running; killed/
      )
    )
  })

  it('kills setsid children and grandchildren of a hung command at eval-timeout', async () => {
    script(
      'hung.sh',
      [
        // A setsid child that itself starts a grandchild ignoring SIGTERM, in a new session too.
        `setsid sh -c 'trap "" TERM; setsid sleep 60 & echo $! >> tree.pid; sleep 60' & echo $! >> tree.pid`,
        `(trap "" TERM; sleep 60) & echo $! >> tree.pid`,
        'sleep 60',
        ''
      ].join('\n')
    )
    const log = recordingLogger()
    const started = Date.now()
    const run = await evaluator('sh hung.sh {checkpoint}', { timeoutMs: 800, killGraceMs: 200 }).evaluate(
      [checkpoint('step_1', 1)],
      { log, allFailed: 'return' }
    )
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.results[0].error).toMatch(/^timed out after 0\.8s \(eval-timeout\); the command and \d+ processes \(pid/)
    const pids = pidsIn('tree.pid')
    expect(pids).toHaveLength(3)
    expect(await survivors(pids)).toEqual([])
  })

  it('kills setsid descendants of every running command when the run is cancelled', async () => {
    script('bg.sh', 'setsid sleep 60 & echo $! > "bg-$1.pid"; sleep 60\n')
    const controller = new AbortController()
    const promise = evaluator('sh bg.sh {step}').evaluate([checkpoint('step_1', 1), checkpoint('step_2', 2)], {
      log: recordingLogger(),
      signal: controller.signal
    })
    for (
      let i = 0;
      i < 100 && !(existsSync(path.join(work, 'bg-1.pid')) && existsSync(path.join(work, 'bg-2.pid')));
      i++
    )
      await new Promise((r) => setTimeout(r, 20))
    controller.abort(new Error('SIGTERM'))
    await expect(promise).rejects.toThrow('SIGTERM')
    expect(await survivors([...pidsIn('bg-1.pid'), ...pidsIn('bg-2.pid')])).toEqual([])
  })
})

describe('the real example (examples/real)', () => {
  const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'real')
  const steps = [5, 20, 50, 100, 200, 400, 700, 1000]
  const checkpoints: Checkpoint[] = steps.map((step) => ({
    name: `checkpoint-${step}`,
    path: path.join(example, 'checkpoints', `checkpoint-${step}`),
    step,
    weightsFormat: 'safetensors',
    weightsFiles: ['model.safetensors'],
    files: [],
    sizeBytes: 0
  }))

  it('evaluates every checkpoint for real, with accuracies that change across steps', async () => {
    const run = await createCommandEvaluator({
      command: 'node examples/real/evaluate.mjs {checkpoint}',
      concurrency: 2,
      timeoutMs: 20_000,
      cwd: path.dirname(path.dirname(example)),
      outputDir: path.join(work, 'out')
    }).evaluate(checkpoints, { log: recordingLogger() })
    expect(run.benchmarks.map((b) => b.id)).toEqual(['accuracy', 'macro_f1'])
    const accuracies = run.results.map((r) => r.scores.accuracy as number)
    expect(run.results.every((r) => r.status === 'ok' && r.metrics.samples === 160 && r.metrics.loss > 0)).toBe(true)
    expect(new Set(accuracies).size).toBeGreaterThanOrEqual(6)
    // Not a formula of the step: it rises overall but dips on the way.
    expect(accuracies[accuracies.length - 1]).toBeGreaterThan(accuracies[0] + 0.1)
    expect(accuracies.some((a, i) => i > 0 && a < accuracies[i - 1])).toBe(true)
  })

  it('regenerates byte for byte from train.mjs', async () => {
    cpSync(path.join(example, 'train.mjs'), path.join(work, 'train.mjs'))
    execFileSync(process.execPath, [path.join(work, 'train.mjs')], { stdio: 'ignore' })
    for (const file of [
      'data/dataset.csv',
      'checkpoints/checkpoint-400/model.safetensors',
      'checkpoints/checkpoint-1000/trainer_state.json'
    ]) {
      expect(readFileSync(path.join(work, file)).equals(readFileSync(path.join(example, file)))).toBe(true)
    }
  })
})
