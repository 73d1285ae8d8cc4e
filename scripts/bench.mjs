#!/usr/bin/env node
// npm run bench [-- discover publish command]: figures beside a floor, never asserted by tests.
//   discover: 10,000 checkpoint folders, discover + evaluate + report (the action bundle, as
//             GitHub runs it) beside `find` listing the same tree; the summary's size.
//   publish:  a checkpoint with a 1 GiB weights file published by the bundle (CLI) to the
//             loopback Hub of the test suite, beside `sha256sum` of the file; peak RSS.
//   command:  16 checkpoints whose eval-command takes 0.5 s, eval-concurrency 1 vs 4.
//   card:     a model card template with 100,000 placeholders (a quarter of them {RESULT} rows of
//             one table) filled by the bundle's dry-run publish, beside the same card without
//             placeholders; wall time and peak RSS (BENCH_CARD_PLACEHOLDERS sets the count).
// Each part prints its own table; run one by naming it (BENCH_PUBLISH_MIB sets the file size).
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = path.join(os.tmpdir(), 'checkpoint-eval-bench')
const parts = process.argv.slice(2)
const wanted = (name) => parts.length === 0 || parts.includes(name)

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
function timed(fn) {
  const t = performance.now()
  const result = fn()
  return { ms: performance.now() - t, result }
}
function bestOf(n, fn) {
  let best = Infinity
  let last
  for (let i = 0; i < n; i++) {
    const { ms, result } = timed(fn)
    best = Math.min(best, ms)
    last = result
  }
  return { ms: best, result: last }
}
function printTable(title, rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)))
  console.log(`\n${title}`)
  rows.forEach((r, j) => {
    console.log(r.map((v, i) => String(v).padEnd(widths[i])).join('   '))
    if (j === 0) console.log(widths.map((w) => '-'.repeat(w)).join('   '))
  })
}

function benchDiscover(count = 10_000) {
  const tree = path.join(work, 'discover', 'checkpoints')
  if (!existsSync(path.join(tree, `step_${count * 10}`))) {
    rmSync(path.join(work, 'discover'), { recursive: true, force: true })
    process.stderr.write(`building ${count} checkpoint folders in ${tree} …\n`)
    const weights = Buffer.alloc(256, 7)
    for (let i = 1; i <= count; i++) {
      const dir = path.join(tree, `step_${i * 10}`)
      mkdirSync(dir, { recursive: true })
      writeFileSync(path.join(dir, 'config.json'), '{"model_type":"tiny"}')
      writeFileSync(path.join(dir, 'model.safetensors'), weights)
    }
  }
  const find = bestOf(3, () => execFileSync('find', [tree], { maxBuffer: 1 << 28 }))
  const summaryFile = path.join(work, 'summary.md')
  const outputFile = path.join(work, 'output')
  const action = bestOf(3, () => {
    writeFileSync(summaryFile, '')
    writeFileSync(outputFile, '')
    const r = spawnSync(process.execPath, [path.join(root, 'dist/index.js')], {
      env: {
        PATH: process.env.PATH,
        GITHUB_ACTIONS: 'true',
        'INPUT_CHECKPOINT-DIR': tree,
        'INPUT_OUTPUT-DIR': path.join(work, 'out'),
        INPUT_PUBLISH: 'never',
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: work
      },
      encoding: 'utf8',
      maxBuffer: 1 << 28
    })
    if (r.status !== 0) throw new Error(`action failed: ${r.stdout.slice(-2000)}${r.stderr}`)
    return r
  })
  const summaryBytes = statSync(summaryFile).size
  printTable(`discover + evaluate + report: ${count} checkpoints (best of 3)`, [
    ['what', 'wall time', 'vs find'],
    [`find ${path.relative(work, tree)} (floor: list the tree)`, seconds(find.ms), '1.0x'],
    ['node dist/index.js (whole action, builtin suite)', seconds(action.ms), `${(action.ms / find.ms).toFixed(1)}x`]
  ])
  console.log(`job summary: ${(summaryBytes / 1024).toFixed(1)} KiB (GitHub's cap: 1024 KiB)`)
  console.log(`scores.json: ${(statSync(path.join(work, 'out', 'scores.json')).size / 1024 / 1024).toFixed(1)} MiB`)
}

/** The test suite's loopback Hub (TypeScript), transpiled on the fly so the bench can start it. */
async function loadTestSupport(names) {
  const ts = (await import('typescript')).default
  const out = path.join(work, 'support')
  mkdirSync(out, { recursive: true })
  for (const name of names) {
    const source = readFileSync(path.join(root, '__tests__/support', `${name}.ts`), 'utf8')
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
    })
    writeFileSync(path.join(out, `${name}.js`), outputText)
  }
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}')
  return (name) => import(pathToFileURL(path.join(out, `${name}.js`)).href)
}

/** Run a command, returning wall time and the peak RSS GNU time reports. */
function measured(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const t = performance.now()
    const child = spawn('/usr/bin/time', ['-f', '__RSS_KB=%M', command, ...args], {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => {
      const ms = performance.now() - t
      const rss = Number(/__RSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN)
      if (code !== 0)
        reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${stdout.slice(-2000)}\n${stderr.slice(-4000)}`))
      else resolve({ ms, rssMiB: rss / 1024, stdout, stderr })
    })
  })
}

async function benchPublish() {
  const mib = Number(process.env.BENCH_PUBLISH_MIB || 1024)
  const workspace = path.join(work, 'publish')
  const checkpoint = path.join(workspace, 'checkpoints', 'step_1000')
  const weights = path.join(checkpoint, 'model.safetensors')
  if (!existsSync(weights) || statSync(weights).size !== mib * 1048576) {
    rmSync(workspace, { recursive: true, force: true })
    mkdirSync(checkpoint, { recursive: true })
    writeFileSync(path.join(checkpoint, 'config.json'), '{"model_type":"bench"}')
    process.stderr.write(`writing a ${mib} MiB weights file …\n`)
    execFileSync('sh', ['-c', `head -c ${mib * 1048576} /dev/urandom > '${weights}'`])
  }
  const floor = await measured('sha256sum', [weights])
  const load = await loadTestSupport(['oidc-server', 'hub-server'])
  const { startHubServer } = await load('hub-server')
  const token = 'hf_bench_write_token'
  const results = []
  for (const attempt of ['first publish', 're-run (all LFS objects already stored)']) {
    const hub = attempt.startsWith('first')
      ? await startHubServer({ tokens: { [token]: { user: 'bench', role: 'write' } } })
      : results[0].hub
    const run = await measured(
      process.execPath,
      [
        path.join(root, 'dist/index.js'),
        '--checkpoint-dir',
        'checkpoints',
        '--repo-id',
        'bench/model',
        '--publish',
        'always',
        '--hub-url',
        hub.url,
        '--output-dir',
        path.join(work, 'publish-out')
      ],
      { cwd: workspace, env: { PATH: process.env.PATH, HOME: process.env.HOME, HF_TOKEN: token } }
    )
    results.push({ attempt, hub, run, lfs: hub.lfsBytesReceived })
  }
  await results[0].hub.close()
  printTable(`publish a checkpoint with a ${mib} MiB weights file to the loopback Hub (one run each)`, [
    ['what', 'wall time', 'vs floor', 'peak RSS'],
    [
      `sha256sum model.safetensors (floor: read and hash once)`,
      seconds(floor.ms),
      '1.0x',
      `${floor.rssMiB.toFixed(0)} MiB`
    ],
    ...results.map(({ attempt, run }) => [
      `node dist/index.js --publish always: ${attempt}`,
      seconds(run.ms),
      `${(run.ms / floor.ms).toFixed(1)}x`,
      `${run.rssMiB.toFixed(0)} MiB`
    ])
  ])
  console.log(
    `LFS bytes the Hub received: ${(results[0].lfs / 1048576).toFixed(0)} MiB in all (the re-run added ${((results[1].lfs - results[0].lfs) / 1048576).toFixed(0)} MiB)`
  )
  console.log('(the loopback Hub hashes every upload on the same 2 cores, so the wall time includes its work too)')
}

async function benchCommand(count = 16) {
  const tree = path.join(work, 'command', 'checkpoints')
  rmSync(path.join(work, 'command'), { recursive: true, force: true })
  for (let i = 1; i <= count; i++) {
    const dir = path.join(tree, `step_${i * 100}`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'config.json'), '{}')
    writeFileSync(path.join(dir, 'model.safetensors'), Buffer.alloc(64))
  }
  const command = `sleep 0.5 && echo '{"accuracy":' {step} '}'`
  const rows = [['eval-concurrency', 'wall time', 'speed-up']]
  let serial
  for (const concurrency of [1, 4]) {
    const run = await measured(
      process.execPath,
      [
        path.join(root, 'dist/index.js'),
        '--checkpoint-dir',
        tree,
        '--evaluator',
        'command',
        '--eval-command',
        command,
        '--eval-concurrency',
        String(concurrency),
        '--metric',
        'accuracy',
        '--output-dir',
        path.join(work, 'command-out')
      ],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME } }
    )
    serial ??= run.ms
    rows.push([String(concurrency), seconds(run.ms), `${(serial / run.ms).toFixed(1)}x`])
  }
  printTable(
    `evaluator: command, ${count} checkpoints, each command sleeps 0.5 s (floor: ${count} x 0.5 s / concurrency)`,
    rows
  )
}

async function benchCard() {
  const count = Number(process.env.BENCH_CARD_PLACEHOLDERS || 100_000)
  const workspace = path.join(work, 'card')
  const checkpoint = path.join(workspace, 'checkpoints', 'step_1000')
  mkdirSync(checkpoint, { recursive: true })
  writeFileSync(path.join(checkpoint, 'config.json'), '{"model_type":"tiny"}')
  writeFileSync(path.join(checkpoint, 'model.safetensors'), Buffer.alloc(64, 1))
  // n placeholders: a quarter {RESULT} rows of one table, a quarter {step}, half {eval_accuracy}.
  const makeCard = (n) => {
    const quarter = Math.floor(n / 4)
    const lines = ['# Big card', '', '| Benchmark | Score |', '|---|---:|']
    for (let i = 0; i < quarter; i++) lines.push(`| Math Reasoning | {RESULT} |`)
    lines.push('')
    for (let i = 0; i < quarter; i++) lines.push(`Step {step}, row ${i}.`)
    for (let i = 0; i < n - 2 * quarter; i++) lines.push(`Overall {eval_accuracy}.`)
    return lines.join('\n') + '\n'
  }
  const card = makeCard(count)
  writeFileSync(path.join(workspace, 'big.md'), card)
  writeFileSync(path.join(workspace, 'plain.md'), card.replace(/\{/g, '(').replace(/\}/g, ')'))
  const rows = [['template', 'size', 'placeholders', 'wall', 'peak RSS']]
  for (const [name, placeholders] of [
    ['plain.md', 0],
    ['big.md', count]
  ]) {
    const run = await measured(
      process.execPath,
      [
        path.join(root, 'dist/index.js'),
        '--checkpoint-dir',
        'checkpoints',
        '--publish',
        'always',
        '--repo-id',
        'me/big-card',
        '--dry-run',
        '--model-card',
        name,
        '--output-dir',
        path.join(work, 'card-out')
      ],
      { cwd: workspace, env: { PATH: process.env.PATH, HOME: process.env.HOME } }
    )
    const size = statSync(path.join(workspace, name)).size
    rows.push([
      name,
      `${(size / 1048576).toFixed(1)} MiB`,
      String(placeholders),
      seconds(run.ms),
      `${run.rssMiB.toFixed(0)} MiB`
    ])
  }
  printTable('model card fill (dry-run publish through the bundle; floor: the same card without placeholders)', rows)

  // The fill alone, in this process: src/card and src/domain transpiled on the fly.
  const ts = (await import('typescript')).default
  const out = path.join(work, 'src')
  for (const folder of ['card', 'domain']) {
    mkdirSync(path.join(out, folder), { recursive: true })
    for (const file of readdirSync(path.join(root, 'src', folder)).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(root, 'src', folder, file), 'utf8')
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
      })
      writeFileSync(path.join(out, folder, file.replace(/\.ts$/, '.js')), outputText)
    }
  }
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}')
  const { fillModelCard } = await import(pathToFileURL(path.join(out, 'card/fill.js')).href)
  const data = {
    benchmarks: [{ id: 'math_reasoning', name: 'Math Reasoning', group: 'Core' }],
    scores: { math_reasoning: 0.55 },
    evalAccuracy: 0.55,
    step: 1000,
    checkpoint: 'step_1000'
  }
  // CPU time beside wall time: on a shared runner the wall time is mostly waiting for a core.
  const fillRows = [['placeholders', 'card', 'wall (best of 3)', 'CPU (best of 3)']]
  for (const n of [count / 4, count / 2, count]) {
    const text = makeCard(n)
    let cpu = Infinity
    const { ms, result } = bestOf(3, () => {
      const before = process.cpuUsage()
      const filled = fillModelCard({ ...data, template: text })
      const used = process.cpuUsage(before)
      cpu = Math.min(cpu, (used.user + used.system) / 1000)
      return filled
    })
    fillRows.push([
      String(result.filled.length),
      `${(text.length / 1048576).toFixed(1)} MiB`,
      seconds(ms),
      seconds(cpu)
    ])
  }
  printTable('fillModelCard alone (linear: time grows with the placeholder count, not its square)', fillRows)
}

mkdirSync(work, { recursive: true })
if (wanted('card')) await benchCard()
if (wanted('discover')) benchDiscover()
if (wanted('command')) await benchCommand()
if (wanted('publish')) await benchPublish()
