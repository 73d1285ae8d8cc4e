#!/usr/bin/env node
// npm run bench [-- discover publish command]: figures beside a floor, never asserted by tests.
//   discover: 10,000 checkpoint folders, discover + evaluate + report (the action bundle, as
//             GitHub runs it) beside `find` listing the same tree; the summary's size.
// Each part prints its own table; run one by naming it.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
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

mkdirSync(work, { recursive: true })
if (wanted('discover')) benchDiscover()
