// The opt-in `model-index` metadata: the value the Hub validates, and adding it to a card's YAML
// front matter while keeping the user's other keys, comments and body byte for byte.

import { Document, isMap, isScalar, parseDocument, visit, type Node as YamlNode } from 'yaml'
import { EVAL_ACCURACY } from '../domain/metric.js'
import type { Benchmark } from '../domain/types.js'
import { ModelCardError } from './fill.js'
import { EVAL_ACCURACY_NAME } from '../domain/metric.js'
import { splitFrontMatter } from './grammar.js'

export interface AddModelIndexOptions {
  /** `name` of the model-index entry; usually the repo's model name. */
  modelName: string
  benchmarks: Benchmark[]
  scores: Record<string, number | null>
  evalAccuracy: number | null
  /** What the scores were measured on. Default "Checkpoint evaluation". */
  datasetName?: string
  /** Hub task type. Default `text-generation`. */
  taskType?: string
  /** Named in errors about the front matter. */
  cardPath?: string
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'evaluation'
  )
}

function titleCase(text: string): string {
  return text.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())
}

/** The `model-index` value the Hub validates: one result, one metric per scored benchmark. */
export function buildModelIndex(options: AddModelIndexOptions): unknown[] {
  const datasetName = options.datasetName ?? 'Checkpoint evaluation'
  const taskType = options.taskType ?? 'text-generation'
  const metrics: Array<{ type: string; value: number; name: string }> = []
  for (const b of options.benchmarks) {
    const score = options.scores[b.id]
    // The Hub rejects a metric without a numeric value, so unscored benchmarks are left out.
    if (typeof score === 'number' && Number.isFinite(score)) metrics.push({ type: b.id, value: score, name: b.name })
  }
  if (options.evalAccuracy !== null && Number.isFinite(options.evalAccuracy)) {
    metrics.push({ type: EVAL_ACCURACY, value: options.evalAccuracy, name: EVAL_ACCURACY_NAME })
  }
  return [
    {
      name: options.modelName,
      results: [
        {
          task: { type: taskType, name: titleCase(taskType) },
          dataset: { type: slug(datasetName), name: datasetName },
          metrics
        }
      ]
    }
  ]
}

/** Scores as `0.700` in YAML too, as everywhere else. */
function threeDecimals(node: YamlNode | Document): void {
  visit(node, {
    Pair(_, pair) {
      if (
        isScalar(pair.key) &&
        pair.key.value === 'value' &&
        isScalar(pair.value) &&
        typeof pair.value.value === 'number'
      ) {
        pair.value.minFractionDigits = 3
      }
    }
  })
}

function frontMatterError(file: string, line: number, message: string): ModelCardError {
  return new ModelCardError([{ file, line, message }])
}

/**
 * Adds (or replaces) `model-index` in the card's YAML front matter, creating the front matter when
 * the card has none. The user's other keys, comments and the body are kept byte for byte: when
 * there is no `model-index` yet the new key is appended as text after their keys; an existing one
 * is replaced through yaml's Document API, which keeps comments and key order.
 */
export function addModelIndex(card: string, options: AddModelIndexOptions): string {
  const file = options.cardPath ?? 'model card'
  const value = buildModelIndex(options)
  const frontMatter = splitFrontMatter(card)
  // The card's own line ending (the opening `---` line's, when there is front matter).
  const eol = /\r\n|\n|\r/.exec(card)?.[0] ?? '\n'
  const block = (): string => {
    const doc = new Document({ 'model-index': value })
    threeDecimals(doc)
    return doc.toString({ lineWidth: 0 }).replace(/\n/g, eol)
  }

  if (!frontMatter) {
    const bom = card.startsWith('\uFEFF') ? '\uFEFF' : ''
    return `${bom}---${eol}${block()}---${eol}${card.slice(bom.length)}`
  }

  const { yaml: yamlText, yamlStart, yamlEnd } = frontMatter
  const doc = parseDocument(yamlText, { keepSourceTokens: false })
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    const line = (e.linePos?.[0].line ?? 1) + 1 // +1: the opening `---`
    throw frontMatterError(
      file,
      line,
      `the YAML front matter does not parse (${e.message.split('\n')[0]}). Fix the YAML, or turn card-metadata off.`
    )
  }
  if (doc.contents !== null && !(isMap(doc.contents) && !doc.contents.flow)) {
    throw frontMatterError(
      file,
      2,
      'the YAML front matter is not a block of "key: value" lines, so model-index can\'t be added to it. Rewrite it as keys, or turn card-metadata off.'
    )
  }

  let newYaml: string
  if (doc.has('model-index')) {
    doc.set('model-index', doc.createNode(value))
    threeDecimals(doc)
    newYaml = doc.toString({ lineWidth: 0 }).replace(/\r?\n/g, eol)
  } else {
    const needsEol = yamlText !== '' && !/[\r\n]$/.test(yamlText)
    newYaml = yamlText + (needsEol ? eol : '') + block()
  }
  return card.slice(0, yamlStart) + newYaml + card.slice(yamlEnd)
}
