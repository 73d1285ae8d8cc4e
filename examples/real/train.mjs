#!/usr/bin/env node
// Regenerates this example from nothing: a labelled dataset (data/dataset.csv) and a tiny MLP
// trained on it for real, saved at several steps as checkpoints/checkpoint-<step>/ with
// model.safetensors (float32), config.json and a Trainer-style trainer_state.json.
//
//   node examples/real/train.mjs            # deterministic: same bytes on every run
//
// Plain Node, no dependencies. Everything random comes from one seeded generator, so the
// checkpoints (and the accuracies evaluate.mjs reports for them) never change.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const SEED = 20261101
const SAVE_STEPS = [5, 20, 50, 100, 200, 400, 700, 1000]
const HIDDEN = 10
const LEARNING_RATE = 0.3
const BATCH = 16
const LABELS = ['north', 'east', 'south']

// mulberry32: small, fast and identical on every platform (integer math only).
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = rng(SEED)
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())

// Three interleaved spiral arms in (x1, x2) plus two pure-noise features: separable enough to
// learn, hard enough that a 10-unit MLP keeps improving (and wobbling) over hundreds of steps.
function makeDataset(count) {
  const rows = []
  for (let i = 0; i < count; i++) {
    const label = i % 3
    const r = 0.15 + 0.85 * random()
    const angle = (label * 2 * Math.PI) / 3 + r * 3.2 + gaussian() * 0.28
    const round = (v) => Math.round(v * 10000) / 10000
    rows.push({
      x: [round(r * Math.cos(angle)), round(r * Math.sin(angle)), round(gaussian() * 0.5), round(gaussian() * 0.5)],
      label
    })
  }
  // Fisher-Yates with the same generator, then fixed splits.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[rows[i], rows[j]] = [rows[j], rows[i]]
  }
  return rows.map((row, i) => ({ ...row, split: i < 240 ? 'train' : i < 320 ? 'validation' : 'test' }))
}

function initModel(inputs) {
  const scale1 = 1 / Math.sqrt(inputs)
  const scale2 = 1 / Math.sqrt(HIDDEN)
  return {
    w1: Array.from({ length: HIDDEN * inputs }, () => gaussian() * scale1),
    b1: new Array(HIDDEN).fill(0),
    w2: Array.from({ length: LABELS.length * HIDDEN }, () => gaussian() * scale2),
    b2: new Array(LABELS.length).fill(0)
  }
}

function forward(model, x) {
  const hidden = []
  for (let h = 0; h < HIDDEN; h++) {
    let sum = model.b1[h]
    for (let i = 0; i < x.length; i++) sum += model.w1[h * x.length + i] * x[i]
    hidden.push(Math.tanh(sum))
  }
  const logits = []
  for (let k = 0; k < LABELS.length; k++) {
    let sum = model.b2[k]
    for (let h = 0; h < HIDDEN; h++) sum += model.w2[k * HIDDEN + h] * hidden[h]
    logits.push(sum)
  }
  const max = Math.max(...logits)
  const exps = logits.map((l) => Math.exp(l - max))
  const total = exps.reduce((a, b) => a + b, 0)
  return { hidden, probs: exps.map((e) => e / total) }
}

function sgdStep(model, batch) {
  const inputs = batch[0].x.length
  const grad = { w1: model.w1.map(() => 0), b1: model.b1.map(() => 0), w2: model.w2.map(() => 0), b2: model.b2.map(() => 0) }
  let loss = 0
  for (const { x, label } of batch) {
    const { hidden, probs } = forward(model, x)
    loss -= Math.log(probs[label] + 1e-12)
    const dLogits = probs.map((p, k) => p - (k === label ? 1 : 0))
    const dHidden = new Array(HIDDEN).fill(0)
    for (let k = 0; k < LABELS.length; k++) {
      grad.b2[k] += dLogits[k]
      for (let h = 0; h < HIDDEN; h++) {
        grad.w2[k * HIDDEN + h] += dLogits[k] * hidden[h]
        dHidden[h] += dLogits[k] * model.w2[k * HIDDEN + h]
      }
    }
    for (let h = 0; h < HIDDEN; h++) {
      const dPre = dHidden[h] * (1 - hidden[h] * hidden[h])
      grad.b1[h] += dPre
      for (let i = 0; i < inputs; i++) grad.w1[h * inputs + i] += dPre * x[i]
    }
  }
  for (const key of Object.keys(grad)) for (let i = 0; i < grad[key].length; i++) model[key][i] -= (LEARNING_RATE * grad[key][i]) / batch.length
  return loss / batch.length
}

function evaluate(model, rows) {
  let loss = 0
  let correct = 0
  for (const { x, label } of rows) {
    const { probs } = forward(model, x)
    loss -= Math.log(probs[label] + 1e-12)
    if (probs.indexOf(Math.max(...probs)) === label) correct++
  }
  return { loss: loss / rows.length, accuracy: correct / rows.length }
}

/** safetensors: u64 LE header length, JSON header (padded with spaces to 8 bytes), raw LE data. */
function safetensors(tensors, metadata) {
  const header = { __metadata__: metadata }
  let offset = 0
  const buffers = []
  for (const [name, { shape, values }] of Object.entries(tensors)) {
    const data = Buffer.from(new Float32Array(values).buffer)
    header[name] = { dtype: 'F32', shape, data_offsets: [offset, offset + data.length] }
    offset += data.length
    buffers.push(data)
  }
  let json = JSON.stringify(header)
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8)
  const length = Buffer.alloc(8)
  length.writeBigUInt64LE(BigInt(Buffer.byteLength(json)))
  return Buffer.concat([length, Buffer.from(json), ...buffers])
}

const r6 = (v) => Math.round(v * 1e6) / 1e6

function main() {
  const rows = makeDataset(480)
  mkdirSync(join(here, 'data'), { recursive: true })
  writeFileSync(
    join(here, 'data', 'dataset.csv'),
    ['split,x1,x2,x3,x4,label', ...rows.map((r) => [r.split, ...r.x, LABELS[r.label]].join(','))].join('\n') + '\n'
  )
  const train = rows.filter((r) => r.split === 'train')
  const validation = rows.filter((r) => r.split === 'validation')
  const model = initModel(4)
  const checkpoints = join(here, 'checkpoints')
  rmSync(checkpoints, { recursive: true, force: true })
  const logHistory = []
  const stepsPerEpoch = train.length / BATCH
  let order = []
  for (let step = 1; step <= SAVE_STEPS[SAVE_STEPS.length - 1]; step++) {
    if (order.length === 0) {
      order = train.map((_, i) => i)
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1))
        ;[order[i], order[j]] = [order[j], order[i]]
      }
    }
    const batch = order.splice(0, BATCH).map((i) => train[i])
    const loss = sgdStep(model, batch)
    const epoch = r6(step / stepsPerEpoch)
    if (step % 50 === 0) logHistory.push({ epoch, learning_rate: LEARNING_RATE, loss: r6(loss), step })
    if (!SAVE_STEPS.includes(step)) continue
    const metrics = evaluate(model, validation)
    logHistory.push({ epoch, eval_accuracy: r6(metrics.accuracy), eval_loss: r6(metrics.loss), step })
    const dir = join(checkpoints, `checkpoint-${step}`)
    mkdirSync(dir, { recursive: true })
    const config = {
      architectures: ['TinyMLPClassifier'],
      model_type: 'tiny-mlp',
      input_size: 4,
      hidden_size: HIDDEN,
      hidden_act: 'tanh',
      num_labels: LABELS.length,
      id2label: Object.fromEntries(LABELS.map((l, i) => [String(i), l])),
      label2id: Object.fromEntries(LABELS.map((l, i) => [l, i])),
      torch_dtype: 'float32'
    }
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n')
    const tensors = {
      'fc1.weight': { shape: [HIDDEN, 4], values: model.w1 },
      'fc1.bias': { shape: [HIDDEN], values: model.b1 },
      'fc2.weight': { shape: [LABELS.length, HIDDEN], values: model.w2 },
      'fc2.bias': { shape: [LABELS.length], values: model.b2 }
    }
    writeFileSync(join(dir, 'model.safetensors'), safetensors(tensors, { format: 'pt' }))
    const state = {
      best_metric: null,
      best_model_checkpoint: null,
      epoch,
      eval_steps: null,
      global_step: step,
      is_hyper_param_search: false,
      is_local_process_zero: true,
      is_world_process_zero: true,
      log_history: logHistory.map((entry) => ({ ...entry })),
      logging_steps: 50,
      max_steps: SAVE_STEPS[SAVE_STEPS.length - 1],
      num_train_epochs: Math.ceil(SAVE_STEPS[SAVE_STEPS.length - 1] / stepsPerEpoch),
      save_steps: null,
      train_batch_size: BATCH
    }
    writeFileSync(join(dir, 'trainer_state.json'), JSON.stringify(state, null, 2) + '\n')
    process.stdout.write(`checkpoint-${step}: validation accuracy ${metrics.accuracy.toFixed(4)}, loss ${metrics.loss.toFixed(4)}\n`)
  }
}

main()
