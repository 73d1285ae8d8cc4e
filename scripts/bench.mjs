#!/usr/bin/env node
// npm run bench [-- discover publish command]: figures beside a floor, never asserted by tests.
//   discover: 10,000 checkpoint folders, discover + evaluate + report (the action bundle, as
//             GitHub runs it) beside `find` listing the same tree; the summary's size.
//   publish:  the bundle (CLI, under the Node running this script) beside huggingface_hub's
//             upload_folder (classic LFS) against the test suite's loopback Hub, alternating:
//             1 GiB weights to a new repo, 3 x 400 MiB shards + index, re-publish unchanged;
//             wall, ratio, peak RSS, commits made, and the `openssl dgst -sha256` floor.
//   command:  16 checkpoints whose eval-command takes 0.5 s, eval-concurrency 1 vs 4.
//   card:     a model card template with 100,000 placeholders (a quarter of them {RESULT} rows of
//             one table) filled by the bundle's dry-run publish, beside the same card without
//             placeholders; wall time and peak RSS (BENCH_CARD_PLACEHOLDERS sets the count).
// Each part prints its own table; run one by naming it (publish: BENCH_ROUNDS, BENCH_PUBLISH_MIB,
// BENCH_SHARD_MIB, BENCH_WHEELS). Measure as GitHub runs the action: npx -p node@24 npm run bench -- publish
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

/**
 * The test suite's loopback Hub (TypeScript), transpiled on the fly into `<work>/support` so the
 * bench can start it in a process of its own (startHubProcess).
 */
async function transpileTestSupport(names) {
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

const MiB = 1048576
const mib = (bytes) => `${(bytes / MiB).toFixed(0)} MiB`
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]

/** A valid safetensors file of `bytes` bytes: one U8 tensor of random data. */
function writeSafetensors(file, bytes, tensor) {
  const headerFor = (dataBytes) =>
    JSON.stringify({ [tensor]: { dtype: 'U8', shape: [dataBytes], data_offsets: [0, dataBytes] } })
  let headerLength = 8
  // The header's length depends on the digits of the data's, which depends on the header's.
  while (Math.ceil(headerFor(bytes - 8 - headerLength).length / 8) * 8 !== headerLength) {
    headerLength = Math.ceil(headerFor(bytes - 8 - headerLength).length / 8) * 8
  }
  const dataBytes = bytes - 8 - headerLength
  const prefix = Buffer.alloc(8)
  prefix.writeBigUInt64LE(BigInt(headerLength))
  writeFileSync(file, Buffer.concat([prefix, Buffer.from(headerFor(dataBytes).padEnd(headerLength, ' '))]))
  execFileSync('sh', ['-c', `head -c ${dataBytes} /dev/urandom >> '${file}'`])
}

/** A workspace with one checkpoint holding `shards` weight files (an index when more than one). */
function publishWorkspace(name, shards, shardMiB) {
  const workspace = path.join(work, 'publish', name)
  const checkpoint = path.join(workspace, 'checkpoints', 'step_1000')
  const names =
    shards === 1
      ? ['model.safetensors']
      : Array.from(
          { length: shards },
          (_, i) => `model-${String(i + 1).padStart(5, '0')}-of-${String(shards).padStart(5, '0')}.safetensors`
        )
  const weights = names.map((n) => path.join(checkpoint, n))
  if (!weights.every((w) => existsSync(w) && statSync(w).size === shardMiB * MiB)) {
    rmSync(workspace, { recursive: true, force: true })
    mkdirSync(checkpoint, { recursive: true })
    writeFileSync(path.join(checkpoint, 'config.json'), '{"model_type":"bench"}\n')
    process.stderr.write(`writing ${shards} x ${shardMiB} MiB of weights in ${checkpoint} …\n`)
    weights.forEach((w, i) => writeSafetensors(w, shardMiB * MiB, `layer_${i}.weight`))
    if (shards > 1) {
      const index = {
        metadata: { total_size: shards * shardMiB * MiB },
        weight_map: Object.fromEntries(names.map((n, i) => [`layer_${i}.weight`, n]))
      }
      writeFileSync(path.join(checkpoint, 'model.safetensors.index.json'), JSON.stringify(index, null, 2))
    }
  }
  return { workspace, checkpoint, weights, size: weights.length * shardMiB * MiB }
}

const UPLOAD_FOLDER = `
import os, sys
from huggingface_hub import HfApi
url, repo_id, folder = sys.argv[1:4]
api = HfApi(endpoint=url, token=os.environ["HF_TOKEN"])
api.create_repo(repo_id, exist_ok=True)
info = api.upload_folder(repo_id=repo_id, folder_path=folder, commit_message="upload_folder bench")
print(info.oid if hasattr(info, "oid") else info)
`

/**
 * A virtualenv with huggingface_hub from the wheel these machines ship (classic LFS: hf_xet is
 * removed and disabled), cached in the bench folder. Null (and why) when there is no wheel.
 */
function pythonClient() {
  const wheels = process.env.BENCH_WHEELS || '/opt/pypi/files'
  const wheel = existsSync(wheels) && readdirSync(wheels).find((f) => /^huggingface_hub-.*\.whl$/.test(f))
  if (!wheel) return { why: `no huggingface_hub wheel in ${wheels} (set BENCH_WHEELS to a folder holding one)` }
  const venv = path.join(work, 'hf-venv')
  const python = path.join(venv, 'bin', 'python')
  const ready = path.join(venv, '.ready')
  if (!existsSync(ready)) {
    process.stderr.write(`building a virtualenv with huggingface_hub from ${wheels} in ${venv} …\n`)
    rmSync(venv, { recursive: true, force: true })
    const run = (cmd, args) => {
      const r = spawnSync(cmd, args, { encoding: 'utf8' })
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`)
    }
    try {
      run('python3', ['-m', 'venv', venv])
      run(python, ['-m', 'pip', 'install', '-q', '--no-index', '--find-links', wheels, 'huggingface_hub'])
      spawnSync(python, ['-m', 'pip', 'uninstall', '-y', '-q', 'hf_xet'])
    } catch (error) {
      return { why: `could not build the virtualenv: ${error.message.split('\n')[0]}` }
    }
    writeFileSync(ready, wheel)
  }
  const version = spawnSync(python, ['-c', 'import huggingface_hub; print(huggingface_hub.__version__)'], {
    encoding: 'utf8'
  }).stdout.trim()
  const script = path.join(work, 'upload_folder.py')
  writeFileSync(script, UPLOAD_FOLDER)
  return { python, script, version }
}

/**
 * The test suite's loopback Hub in a child process (storage in RAM when there is a tmpfs: with
 * several GiB written per round, a disk's writeback throttling, not either client, would set
 * the pace). `commitCount` asks it over its own API; `close` stops it and removes what it stored.
 */
async function startHubProcess(token) {
  const script = path.join(work, 'support', 'hub-process.mjs')
  writeFileSync(
    script,
    `import { startHubServer } from './hub-server.js'
const hub = await startHubServer({ tokens: { [process.env.BENCH_TOKEN]: { user: 'bench', role: 'write' } } })
process.stdout.write(hub.url + '\\n')
const stop = () => hub.close().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.stdin.on('end', stop).resume()
`
  )
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, BENCH_TOKEN: token, ...(existsSync('/dev/shm') && { TMPDIR: '/dev/shm' }) },
    stdio: ['pipe', 'pipe', 'inherit']
  })
  const url = await new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
      if (out.includes('\n')) resolve(out.trim())
    })
    child.once('exit', (code) => reject(new Error(`the loopback Hub exited (${code}) before it started`)))
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return {
    url,
    async commitCount(repo) {
      const res = await fetch(`${url}/api/models/${repo}/commits/main`, {
        headers: { Authorization: `Bearer ${token}` }
      })
      if (!res.ok) throw new Error(`the loopback Hub answered ${res.status} listing the commits of ${repo}`)
      return (await res.json()).length
    },
    async close() {
      child.kill('SIGTERM')
      await exited
    }
  }
}

async function benchPublish() {
  const rounds = Number(process.env.BENCH_ROUNDS || 5)
  const single = publishWorkspace('single', 1, Number(process.env.BENCH_PUBLISH_MIB || 1024))
  const sharded = publishWorkspace('sharded', 3, Number(process.env.BENCH_SHARD_MIB || 400))
  const py = pythonClient()
  if (py.why) console.log(`huggingface_hub is not measured: ${py.why}. The action's figures alone follow.`)

  await transpileTestSupport(['oidc-server', 'hub-server'])
  // Shaped like a real Hub token (hf_ and 34 letters and digits): the pre-upload secret check
  // searches every file for it, and its length sets how far that search can skip.
  const token = 'hf_BenchWriteToken0123456789abcdefXyz'
  // The Hub runs in a process of its own: in this one it would share a heap (the TypeScript
  // compiler that transpiled it) and an event loop (the children's output) with the bench.
  const startHub = () => startHubProcess(token)
  let hub
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, HF_TOKEN: token }
  const action = (ws, repo) =>
    measured(
      process.execPath,
      [
        path.join(root, 'dist/index.js'),
        '--checkpoint-dir',
        'checkpoints',
        '--repo-id',
        repo,
        '--publish',
        'always',
        '--hub-url',
        hub.url,
        '--output-dir',
        path.join(work, 'publish-out')
      ],
      { cwd: ws.workspace, env }
    )
  const uploadFolder = (ws, repo) =>
    measured(py.python, [py.script, hub.url, repo, ws.checkpoint], {
      env: { ...env, HF_HUB_DISABLE_XET: '1', HF_HUB_DISABLE_TELEMETRY: '1', HF_HUB_DISABLE_PROGRESS_BARS: '1' }
    })
  const tools = [['action', action], ...(py.why ? [] : [['upload_folder', uploadFolder]])]
  const cases = [
    { name: `${mib(single.size)} model.safetensors, new repo`, ws: single },
    { name: `3 x ${mib(sharded.size / 3)} shards + index, new repo`, ws: sharded },
    { name: 're-publish, nothing changed', ws: single, again: true }
  ]
  const runs = new Map()
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const c of cases) {
        // Alternate which tool goes first, so neither always finds a warmer page cache.
        const order = round % 2 ? tools : [...tools].reverse()
        for (const [tool, run] of order) {
          const repo = `bench/${tool.replace('_', '-')}-${round}`
          hub = await startHub()
          // The repo to re-publish to holds the files already (published by the same tool).
          if (c.again) await run(c.ws, repo)
          // A new repo starts with the Hub's "initial commit": count only the publisher's.
          const commitsBefore = c.again ? await hub.commitCount(repo) : 1
          const result = await run(c.ws, repo)
          const commits = (await hub.commitCount(repo)) - commitsBefore
          await hub.close()
          hub = undefined
          const key = `${c.name}|${tool}`
          runs.set(key, [...(runs.get(key) ?? []), { ...result, commits }])
          process.stderr.write(
            `round ${round}: ${tool.padEnd(13)} ${c.name}: ${seconds(result.ms)}, ${result.rssMiB.toFixed(0)} MiB, ${commits} commit(s)\n`
          )
        }
      }
    }
  } finally {
    await hub?.close()
  }
  const floors = new Map()
  for (const c of cases) {
    if (floors.has(c.ws)) continue
    const times = []
    for (let i = 0; i < rounds; i++) times.push((await measured('openssl', ['dgst', '-sha256', ...c.ws.weights])).ms)
    floors.set(c.ws, median(times))
  }
  const rows = [['case', 'tool', 'wall (median)', 'runs', 'vs upload_folder', 'each round', 'peak RSS', 'commits']]
  for (const c of cases) {
    const python = runs.get(`${c.name}|upload_folder`)
    for (const [tool] of tools) {
      const r = runs.get(`${c.name}|${tool}`)
      const ms = median(r.map((x) => x.ms))
      // Each round's two runs ran back to back: their ratio shows how much the machine drifted.
      const paired = python ? r.map((x, i) => x.ms / python[i].ms) : []
      rows.push([
        c.name,
        tool,
        seconds(ms),
        r.map((x) => (x.ms / 1000).toFixed(2)).join(' '),
        python ? `${(ms / median(python.map((x) => x.ms))).toFixed(2)}x` : '-',
        paired.length > 0 ? `${Math.min(...paired).toFixed(2)}-${Math.max(...paired).toFixed(2)}x` : '-',
        `${Math.max(...r.map((x) => x.rssMiB)).toFixed(0)} MiB`,
        r.map((x) => x.commits).join(' ')
      ])
    }
    if (!c.again) rows.push([c.name, 'openssl dgst -sha256 (floor)', seconds(floors.get(c.ws)), '', '', '', '', ''])
  }
  printTable(
    `publish to the loopback Hub: the action (node ${process.version}) beside huggingface_hub ${py.version ?? '(not measured)'} upload_folder, ${rounds} alternating rounds`,
    rows
  )
  console.log(
    "vs upload_folder: median against median; each round: the lowest and highest ratio of one round's two runs."
  )
  console.log(
    'peak RSS: the highest of the runs. The loopback Hub runs in its own process on the same cores (it hashes and stores every byte), so wall times include its work.'
  )
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
