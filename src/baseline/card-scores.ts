// A baseline read back out of a published model card: the numbers in its `model-index` front
// matter, its table rows and `eval_accuracy: 0.712` lines. The markdown structure (front matter,
// code blocks, table cells) is card/grammar.ts, the same one the card was written with.

import { parse as parseYaml } from 'yaml'
import { splitCardLines, splitFrontMatter, splitTableRow } from '../card/grammar.js'
import { normalizeLabel } from '../domain/labels.js'
import { EVAL_ACCURACY, EVAL_ACCURACY_SPEC, isEvalAccuracy } from '../domain/metric.js'
import { modelIndexMetric } from '../domain/metric-semantics.js'
import type { BaselineScores, Benchmark, MetricSpec } from '../domain/types.js'

export interface ParseModelCardOptions {
  /** The ranking metric; its value is looked up the same way as eval_accuracy. Default eval_accuracy. */
  metric?: MetricSpec
  /** Stored as `source` in the result. */
  source?: string
}

/**
 * Reads the scores back out of a published model card. The `model-index` front matter wins when
 * it has a number for something; markdown table rows (a cell naming a benchmark by display name or
 * id, compared ignoring case, spaces, `_`, `-` and emphasis; the first number cell after it) and
 * `eval_accuracy: 0.712` text fill in what it lacks. Returns null when nothing could be read.
 */
export function parseBaselineFromModelCard(
  card: string,
  benchmarks: Benchmark[],
  options: ParseModelCardOptions = {}
): BaselineScores | null {
  const metric = options.metric ?? EVAL_ACCURACY_SPEC
  const frontMatter = splitFrontMatter(card)
  // Lines outside fenced code blocks: numbers shown as code are not results.
  const body = splitCardLines(frontMatter ? card.slice(frontMatter.bodyStart) : card)
    .filter((line) => !line.inCode)
    .map((line) => line.text)
  const sources = [modelIndexNumbers(parseFrontMatter(frontMatter?.yaml)), tableNumbers(body), inlineNumbers(body)]
  const lookup = (...labels: string[]): number | null => {
    const keys = labels.map(normalizeLabel)
    for (const numbers of sources) {
      for (const key of keys) {
        const found = numbers.get(key)
        if (found !== undefined) return found
      }
    }
    return null
  }

  const scores: Record<string, number | null> = {}
  for (const benchmark of benchmarks) scores[benchmark.id] = lookup(benchmark.id, benchmark.name)
  // The card writes a reported eval_accuracy, and any metric, under its model-index type
  // (`accuracy`, `wer`): look for the name the run uses and the type the card uses.
  const evalAccuracy = lookup(EVAL_ACCURACY, modelIndexMetric(EVAL_ACCURACY).type)
  const value = isEvalAccuracy(metric.name) ? evalAccuracy : lookup(metric.name, modelIndexMetric(metric.name).type)
  const anything = evalAccuracy !== null || value !== null || Object.values(scores).some((score) => score !== null)
  if (!anything) return null
  return { source: options.source ?? 'model card', evalAccuracy, value, scores }
}

function parseFrontMatter(yaml: string | undefined): unknown {
  if (yaml === undefined) return null
  try {
    return parseYaml(yaml)
  } catch {
    // A card with broken YAML still has its tables; the Hub itself shows such cards.
    return null
  }
}

/**
 * model-index: [{ results: [{ dataset: {name, type}, metrics: [{type, name, value}] }] }].
 * A metric is filed under its own name and type, and under the dataset's name and type unless
 * its type is a generic one the dataset would then be mistaken for (e.g. `accuracy`).
 */
function modelIndexNumbers(frontMatter: unknown): Map<string, number> {
  const numbers = new Map<string, number>()
  const models = (frontMatter as { 'model-index'?: unknown } | null)?.['model-index']
  if (!Array.isArray(models)) return numbers
  for (const model of models) {
    const results = (model as { results?: unknown })?.results
    if (!Array.isArray(results)) continue
    for (const result of results) {
      const dataset = (result as { dataset?: { name?: unknown; type?: unknown } })?.dataset ?? {}
      const metrics = (result as { metrics?: unknown })?.metrics
      if (!Array.isArray(metrics)) continue
      for (const entry of metrics) {
        const value = parseNumber((entry as { value?: unknown })?.value)
        if (value === null) continue
        const own = [(entry as { type?: unknown }).type, (entry as { name?: unknown }).name]
        const labels = metrics.length === 1 ? [...own, dataset.type, dataset.name] : own
        for (const label of labels) {
          if (typeof label === 'string' && !numbers.has(normalizeLabel(label)))
            numbers.set(normalizeLabel(label), value)
        }
      }
    }
  }
  return numbers
}

/**
 * Every markdown table row, by each text cell that could be its label -> the first number cell
 * after it. Any cell may be the label, not just the first: generated cards lead with a Group
 * column (`| **Core Reasoning Tasks** | Math Reasoning | 0.712 |`). First occurrence wins.
 */
function tableNumbers(lines: string[]): Map<string, number> {
  const numbers = new Map<string, number>()
  for (const line of lines) {
    if (!isTableRow(line)) continue
    const cells = splitTableRow(line).map((cell) => cell.text.trim())
    const values = cells.map(parseCellNumber)
    cells.forEach((cell, index) => {
      const label = normalizeLabel(cell)
      if (label === '' || values[index] !== null || numbers.has(label)) return
      const value = values.slice(index + 1).find((found) => found !== null)
      if (value !== undefined && value !== null) numbers.set(label, value)
    })
  }
  return numbers
}

/** `eval_accuracy: 0.712`, `**eval_accuracy** = 0.712`, `eval_loss 0.41`. */
function inlineNumbers(lines: string[]): Map<string, number> {
  const numbers = new Map<string, number>()
  const pattern = /([A-Za-z][\w-]*)[\s*`:=]+([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)(%?)/g
  for (const line of lines) {
    if (isTableRow(line)) continue
    for (const match of line.matchAll(pattern)) {
      const label = normalizeLabel(match[1])
      const value = Number(match[2]) / (match[3] === '%' ? 100 : 1)
      if (Number.isFinite(value) && !numbers.has(label)) numbers.set(label, value)
    }
  }
  return numbers
}

/** The rows this reader takes for table rows: those written with a leading pipe. */
function isTableRow(line: string): boolean {
  return line.trim().startsWith('|')
}

/** `0.712`, `**0.712**`, `` `0.712` ``, `71.2%`, `0.712 (±0.01)`; not `step_1000` or `—`. */
function parseCellNumber(cell: string): number | null {
  const text = cell.replace(/[*_`]/g, '').trim()
  const match = /^([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)(%?)(?:\s.*)?$/.exec(text)
  if (!match) return null
  const value = Number(match[1]) / (match[2] === '%' ? 100 : 1)
  return Number.isFinite(value) ? value : null
}

function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string') return parseCellNumber(value)
  return null
}
