#!/usr/bin/env node
// Evaluates one checkpoint of the tiny MLP for real: loads its model.safetensors (float32),
// runs it over the held-out test split of data/dataset.csv and prints the metrics as one JSON
// object on the last line of stdout (what `evaluator: command` reads):
//
//   node examples/real/evaluate.mjs examples/real/checkpoints/checkpoint-400
//   -> {"accuracy":0.8125,"macro_f1":0.8101,"loss":0.4512,"samples":160}
//
// Options: --split validation|test (default test), --output FILE (also write the JSON there).
// Plain Node, no dependencies.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

function parseArgs(argv) {
  const args = { checkpoint: null, split: 'test', output: null }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--split') args.split = argv[++i]
    else if (argv[i] === '--output') args.output = argv[++i]
    else if (args.checkpoint === null) args.checkpoint = argv[i]
    else fail(`unexpected argument '${argv[i]}'`)
  }
  args.checkpoint ??= process.env.CHECKPOINT_PATH ?? null
  if (!args.checkpoint) fail('usage: evaluate.mjs <checkpoint-folder> [--split test|validation] [--output file]')
  return args
}

function fail(message) {
  process.stderr.write(`evaluate.mjs: ${message}\n`)
  process.exit(2)
}

/** Every tensor of a safetensors file as {shape, values: Float32Array}; F32 only (what we save). */
function loadSafetensors(file) {
  const bytes = readFileSync(file)
  const headerLength = Number(bytes.readBigUInt64LE(0))
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8'))
  const dataStart = 8 + headerLength
  const tensors = {}
  for (const [name, info] of Object.entries(header)) {
    if (name === '__metadata__') continue
    if (info.dtype !== 'F32') fail(`${file}: tensor ${name} is ${info.dtype}; this example reads F32 only`)
    const [begin, end] = info.data_offsets
    // Copy: the slice may not be 4-byte aligned for a Float32Array view.
    const raw = Buffer.from(bytes.subarray(dataStart + begin, dataStart + end))
    tensors[name] = { shape: info.shape, values: new Float32Array(raw.buffer, raw.byteOffset, (end - begin) / 4) }
  }
  return tensors
}

function loadRows(split, labels) {
  const lines = readFileSync(join(here, 'data', 'dataset.csv'), 'utf8').trim().split('\n').slice(1)
  return lines
    .map((line) => line.split(','))
    .filter((cells) => cells[0] === split)
    .map((cells) => ({ x: cells.slice(1, 5).map(Number), label: labels.indexOf(cells[5]) }))
}

function predict(tensors, config, x) {
  const { values: w1 } = tensors['fc1.weight']
  const { values: b1 } = tensors['fc1.bias']
  const { values: w2 } = tensors['fc2.weight']
  const { values: b2 } = tensors['fc2.bias']
  const hidden = []
  for (let h = 0; h < config.hidden_size; h++) {
    let sum = b1[h]
    for (let i = 0; i < config.input_size; i++) sum += w1[h * config.input_size + i] * x[i]
    hidden.push(Math.tanh(sum))
  }
  const logits = []
  for (let k = 0; k < config.num_labels; k++) {
    let sum = b2[k]
    for (let h = 0; h < config.hidden_size; h++) sum += w2[k * config.hidden_size + h] * hidden[h]
    logits.push(sum)
  }
  const max = Math.max(...logits)
  const exps = logits.map((l) => Math.exp(l - max))
  const total = exps.reduce((a, b) => a + b, 0)
  return exps.map((e) => e / total)
}

function main() {
  const args = parseArgs(process.argv.slice(2))
  const configFile = join(args.checkpoint, 'config.json')
  const weightsFile = join(args.checkpoint, 'model.safetensors')
  for (const file of [configFile, weightsFile]) if (!existsSync(file)) fail(`${file} not found: is '${args.checkpoint}' a checkpoint folder?`)
  const config = JSON.parse(readFileSync(configFile, 'utf8'))
  const labels = Object.keys(config.id2label).sort((a, b) => a - b).map((k) => config.id2label[k])
  const tensors = loadSafetensors(weightsFile)
  const rows = loadRows(args.split, labels)
  if (rows.length === 0) fail(`no rows in split '${args.split}'`)

  let loss = 0
  const confusion = labels.map(() => labels.map(() => 0))
  for (const { x, label } of rows) {
    const probs = predict(tensors, config, x)
    loss -= Math.log(probs[label] + 1e-12)
    confusion[label][probs.indexOf(Math.max(...probs))]++
  }
  const correct = labels.reduce((sum, _, k) => sum + confusion[k][k], 0)
  const f1s = labels.map((_, k) => {
    const tp = confusion[k][k]
    const predicted = confusion.reduce((sum, row) => sum + row[k], 0)
    const actual = confusion[k].reduce((a, b) => a + b, 0)
    return tp === 0 ? 0 : (2 * tp) / (predicted + actual)
  })
  const r4 = (v) => Math.round(v * 10000) / 10000
  const metrics = {
    accuracy: r4(correct / rows.length),
    macro_f1: r4(f1s.reduce((a, b) => a + b, 0) / f1s.length),
    loss: r4(loss / rows.length),
    samples: rows.length
  }
  // Human-readable lines first; the JSON object must be the last line.
  process.stdout.write(`checkpoint: ${args.checkpoint}\nsplit: ${args.split} (${rows.length} rows)\n`)
  labels.forEach((name, k) => process.stdout.write(`  ${name.padEnd(6)} f1 ${f1s[k].toFixed(3)}\n`))
  const json = JSON.stringify(metrics)
  if (args.output) writeFileSync(args.output, json + '\n')
  process.stdout.write(json + '\n')
}

main()
