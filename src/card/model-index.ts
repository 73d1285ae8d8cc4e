// The opt-in `model-index` metadata. A card that already has model-index keeps its entries: the
// measured metrics are merged into the entry for their task and dataset, and only the lines of the
// values that change are rewritten (the yaml package's Document API would re-indent every list and
// requote strings, so the card's YAML is parsed for its node offsets and patched as text). A card
// without model-index gets one built from what is known: the task from the card-task input or
// the card's pipeline_tag, the dataset from the evaluator (lm-eval) or the card-dataset input;
// nothing is invented.

import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml'
import type { DatasetRef } from '../domain/types.js'
import { ModelCardError, type CardProblem } from './fill.js'
import { splitFrontMatter } from './grammar.js'
import type { MeasuredMetric } from './metrics.js'
import {
  afterNode,
  applyEdits,
  blockYaml,
  column,
  dashOf,
  lineStart,
  nextLineStart,
  yamlNumber,
  yamlString
} from './yaml-text.js'
import type { Edit } from './yaml-text.js'

export interface ModelIndexOptions {
  /** `name` of a new model-index entry; usually the repo's model name. */
  modelName: string
  metrics: MeasuredMetric[]
  /** Hub task type (the card-task input); the card's `pipeline_tag` when unset. */
  task?: string
  /** The card-dataset input: the dataset of the metrics whose evaluator doesn't name one. */
  dataset?: DatasetRef
  /** Named in errors about the front matter. */
  cardPath?: string
}

export interface MergedModelIndex {
  card: string
  /** What changed, one line each, for the log. */
  changes: string[]
}

interface ResultEntry {
  /** The model-index item holding it (its `name` is the model's). */
  modelName: string
  result: YAMLMap
  task: Record<string, unknown>
  dataset: Record<string, unknown>
}

/** Metrics that go to one dataset (or to an unknown one, when `dataset` is undefined). */
interface MetricGroup {
  dataset?: DatasetRef
  metrics: MeasuredMetric[]
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

function titleCase(text: string): string {
  return text.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())
}

function metricValue(m: MeasuredMetric): Record<string, unknown> {
  return { type: m.type, value: m.value, name: m.name, verified: false }
}

function newResult(task: string, group: MetricGroup & { dataset: DatasetRef }): Record<string, unknown> {
  const { type, name, config, split } = group.dataset
  return {
    task: { type: task, name: titleCase(task) },
    dataset: { name, type, ...(config ? { config } : {}), ...(split ? { split } : {}) },
    metrics: group.metrics.map(metricValue)
  }
}

function datasetKey(d: DatasetRef | undefined): string {
  return d ? [d.type.toLowerCase(), d.config ?? '', d.split ?? ''].join('\u0000') : ''
}

function groupMetrics(metrics: MeasuredMetric[], input: DatasetRef | undefined): MetricGroup[] {
  const groups = new Map<string, MetricGroup>()
  for (const m of metrics) {
    const dataset = m.dataset ?? input
    const key = datasetKey(dataset)
    const group = groups.get(key) ?? { ...(dataset ? { dataset } : {}), metrics: [] }
    group.metrics.push(m)
    groups.set(key, group)
  }
  return [...groups.values()]
}

/** An entry's config: `config`, or `args` when the card puts the config there (`args: mrpc`). */
function entryConfig(dataset: Record<string, unknown>): string | undefined {
  const args = str(dataset.args)
  return str(dataset.config) ?? (args && !/[:\s,]/.test(args) ? args : undefined)
}

function datasetMatches(entry: Record<string, unknown>, wanted: DatasetRef | undefined): boolean {
  if (!wanted) return true
  if (str(entry.type)?.toLowerCase() !== wanted.type.toLowerCase()) return false
  const config = entryConfig(entry)
  if (wanted.config && config && config !== wanted.config) return false
  const split = str(entry.split)
  return !(wanted.split && split && split !== wanted.split)
}

function describeEntry(e: ResultEntry): string {
  const parts = [str(e.task.type) ?? '(no task)', str(e.dataset.type) ?? '(no dataset)', entryConfig(e.dataset)]
  const split = str(e.dataset.split)
  return `"${parts.filter(Boolean).join(' / ')}${split ? ` (${split})` : ''}"`
}

/** `wer, cer` or `a, b, c, d, e and 11 more`: metric ids as messages list them. */
function listTypes(metrics: MeasuredMetric[]): string {
  const types = metrics.map((m) => m.type)
  return types.length <= 6 ? types.join(', ') : `${types.slice(0, 5).join(', ')} and ${types.length - 5} more`
}

function describeDataset(d: DatasetRef): string {
  return [d.type, d.config].filter(Boolean).join(' / ') + (d.split ? ` (${d.split})` : '')
}

function frontMatterError(file: string, line: number, message: string): ModelCardError {
  return new ModelCardError([{ file, line, message }])
}

/**
 * Merges the measured metrics into the card's model-index (or adds one), changing nothing else:
 * every byte outside the changed values and the added lines stays as written. Throws a
 * ModelCardError (with the card's line) when the front matter can't be read, or when it can't
 * be told where the metrics belong, before anything is uploaded.
 */
export function mergeModelIndex(card: string, options: ModelIndexOptions): MergedModelIndex {
  const file = options.cardPath ?? 'model card'
  const eol = /\r\n|\n|\r/.exec(card)?.[0] ?? '\n'
  const frontMatter = splitFrontMatter(card)
  const problems: CardProblem[] = []
  const changes: string[] = []
  const groups = groupMetrics(options.metrics, options.dataset)
  if (groups.length === 0) return { card, changes: ['model-index: no measured metric to add'] }

  const yamlText = frontMatter?.yaml ?? ''
  const lineOf = (offset: number): number => {
    let line = frontMatter ? 2 : 1
    for (let i = 0; i < offset && i < yamlText.length; i++) if (yamlText[i] === '\n') line++
    return line
  }

  const doc = parseDocument(yamlText)
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    throw frontMatterError(
      file,
      (e.linePos?.[0].line ?? 1) + 1, // +1: the opening `---`
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
  const pipelineTag = str(doc.get('pipeline_tag'))
  const task = options.task ?? pipelineTag
  const index = doc.get('model-index', true) as YamlNode | undefined

  // No model-index yet: one entry per dataset, each needing a task and a dataset.
  if (index === undefined || (isScalar(index) && index.value === null)) {
    const results: Record<string, unknown>[] = []
    for (const group of groups) {
      const groupTask = task ?? (group.metrics.every((m) => m.dataset) ? 'text-generation' : undefined)
      if (!group.dataset || !groupTask) {
        const what = [!groupTask ? 'which task' : '', !group.dataset ? 'which dataset' : '']
          .filter(Boolean)
          .join(' or ')
        const fix = [
          !groupTask ? 'card-task (e.g. text-classification; or add pipeline_tag to the card)' : '',
          !group.dataset ? 'card-dataset (e.g. nyu-mll/glue:mrpc:validation)' : ''
        ].filter(Boolean)
        problems.push({
          file,
          line: 1,
          message:
            `card-metadata is model-index and the card has no model-index yet, but nothing says ${what} ` +
            `${listTypes(group.metrics)} ${group.metrics.length === 1 ? 'was' : 'were'} measured on, and a made-up one would mislead readers of the Hub. ` +
            `Set ${fix.join(' and ')}.`
        })
        continue
      }
      results.push(newResult(groupTask, { ...group, dataset: group.dataset }))
      changes.push(
        `model-index: added ${listTypes(group.metrics)} for ${groupTask} on ${describeDataset(group.dataset)}`
      )
    }
    if (problems.length > 0) throw new ModelCardError(problems)
    const block = blockYaml({ 'model-index': [{ name: options.modelName, results }] }, '', eol)
    if (!frontMatter) {
      const bom = card.startsWith('\uFEFF') ? '\uFEFF' : ''
      return { card: `${bom}---${eol}${block}---${eol}${card.slice(bom.length)}`, changes }
    }
    let newYaml: string
    if (index !== undefined) {
      // `model-index:` with no value: the key's line is replaced by the block.
      const pair = (doc.contents as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'model-index')!
      const keyStart = lineStart(yamlText, (pair.key as YamlNode).range![0])
      newYaml = yamlText.slice(0, keyStart) + block + yamlText.slice(nextLineStart(yamlText, keyStart))
    } else {
      const needsEol = yamlText !== '' && !/[\r\n]$/.test(yamlText)
      newYaml = yamlText + (needsEol ? eol : '') + block
    }
    return { card: card.slice(0, frontMatter.yamlStart) + newYaml + card.slice(frontMatter.yamlEnd), changes }
  }

  // An existing model-index: merge into its entries.
  const flowError = (node: YamlNode, what: string): void => {
    problems.push({
      file,
      line: lineOf(node.range?.[0] ?? 0),
      message: `${what} is written in flow style ([...] or {...}), which can't be updated without rewriting it. Write it as block YAML ("- " items), or turn card-metadata off.`
    })
  }
  if (!isSeq(index) || index.flow) {
    flowError(index, 'model-index')
    throw new ModelCardError(problems)
  }
  const entries: ResultEntry[] = []
  let firstResults: YAMLSeq | undefined
  for (const model of index.items) {
    if (!isMap(model)) continue
    const results = model.get('results', true) as YamlNode | undefined
    if (!isSeq(results)) continue
    if (results.flow) {
      flowError(results, 'model-index results')
      continue
    }
    firstResults ??= results
    for (const result of results.items) {
      if (!isMap(result)) continue
      if (result.flow) {
        flowError(result, 'a model-index result')
        continue
      }
      const js = record(result.toJSON())
      entries.push({
        modelName: str(model.get('name')) ?? '',
        result,
        task: record(js.task),
        dataset: record(js.dataset)
      })
    }
  }

  const edits: Edit[] = []
  for (const group of groups) {
    const candidates = entries.filter(
      (e) => datasetMatches(e.dataset, group.dataset) && (!task || str(e.task.type) === task)
    )
    const names = listTypes(group.metrics)
    if (candidates.length === 1) {
      mergeInto(yamlText, candidates[0], group.metrics, eol, edits, changes, problems, file, lineOf)
      continue
    }
    if (candidates.length > 1) {
      problems.push({
        file,
        line: lineOf(candidates[0].result.range?.[0] ?? 0),
        message:
          `model-index has ${candidates.length} entries that ${names} could go to: ${candidates.map(describeEntry).join(', ')}. ` +
          `Set card-task${group.dataset ? '' : ' or card-dataset'} to pick one (e.g. card-task: ${str(candidates[0].task.type) ?? 'text-classification'}).`
      })
      continue
    }
    const groupTask = task ?? (group.metrics.every((m) => m.dataset) ? 'text-generation' : undefined)
    if (!group.dataset || !groupTask || !firstResults) {
      const line = lineOf(index.range?.[0] ?? 0)
      problems.push({
        file,
        line,
        message:
          `none of model-index's entries (${entries.map(describeEntry).join(', ') || 'none'}) matches ` +
          `${group.dataset ? `the dataset ${describeDataset(group.dataset)}` : 'the measured metrics'}${task ? ` and task ${task}` : ''}, ` +
          `and nothing says ${!group.dataset ? 'which dataset' : 'which task'} ${names} ${group.metrics.length === 1 ? 'was' : 'were'} measured on. ` +
          `Set ${!group.dataset ? 'card-dataset (e.g. nyu-mll/glue:mrpc:validation)' : 'card-task (e.g. text-classification)'}.`
      })
      continue
    }
    const last = firstResults.items[firstResults.items.length - 1] as YamlNode
    const { indent } = dashOf(yamlText, last)
    edits.push({
      start: afterNode(yamlText, last),
      end: afterNode(yamlText, last),
      text: blockYaml([newResult(groupTask, { ...group, dataset: group.dataset })], indent, eol)
    })
    changes.push(`model-index: added an entry for ${groupTask} on ${describeDataset(group.dataset)} with ${names}`)
  }
  if (problems.length > 0) throw new ModelCardError(problems)

  const newYaml = applyEdits(yamlText, edits, eol)
  return { card: card.slice(0, frontMatter!.yamlStart) + newYaml + card.slice(frontMatter!.yamlEnd), changes }
}

/** Updates the entry's metrics of the same type (value, `verified: false`), appends the others. */
function mergeInto(
  text: string,
  entry: ResultEntry,
  metrics: MeasuredMetric[],
  eol: string,
  edits: Edit[],
  changes: string[],
  problems: CardProblem[],
  file: string,
  lineOf: (offset: number) => number
): void {
  const where = `"${entry.modelName}" ${describeEntry(entry)}`
  const seq = entry.result.get('metrics', true) as YamlNode | undefined
  const items = isSeq(seq) ? seq.items.filter((i): i is YAMLMap => isMap(i)) : []
  if (isSeq(seq) && seq.flow && seq.items.length > 0) {
    problems.push({
      file,
      line: lineOf(seq.range?.[0] ?? 0),
      message: `the metrics of model-index entry ${where} are written in flow style ([...]), which can't be updated without rewriting them. Write them as block YAML ("- " items), or turn card-metadata off.`
    })
    return
  }
  const toAdd: MeasuredMetric[] = []
  for (const m of metrics) {
    const same = items.filter((i) => str(i.get('type'))?.toLowerCase() === m.type.toLowerCase())
    const target = same.find((i) => str(i.get('name'))?.toLowerCase() === m.name.toLowerCase()) ?? same[0]
    if (!target) {
      toAdd.push(m)
      continue
    }
    const valueNode = target.get('value', true) as YamlNode | undefined
    if (isScalar(valueNode) && valueNode.value === m.value) {
      changes.push(`model-index: ${m.type} in ${where} is already ${yamlNumber(m.value)}`)
      continue
    }
    if (isScalar(valueNode) && valueNode.range) {
      edits.push({ start: valueNode.range[0], end: valueNode.range[1], text: yamlNumber(m.value) })
    } else {
      toAdd.push(m)
      continue
    }
    // The number is ours now, not the Hub evaluation service's: it is not verified.
    const verified = target.get('verified', true) as YamlNode | undefined
    if (isScalar(verified) && verified.range) {
      if (verified.value !== false) edits.push({ start: verified.range[0], end: verified.range[1], text: 'false' })
    } else {
      const at = afterNode(text, target)
      edits.push({ start: at, end: at, text: `${' '.repeat(column(text, target.range![0]))}verified: false${eol}` })
    }
    const token = target.items.find((p) => isScalar(p.key) && p.key.value === 'verifyToken')
    const tokenKey = token?.key as YamlNode | undefined
    if (token && tokenKey?.range && token.value && (token.value as YamlNode).range) {
      const start = lineStart(text, tokenKey.range[0])
      if (text.slice(start, tokenKey.range[0]).trim() === '') {
        edits.push({ start, end: nextLineStart(text, (token.value as YamlNode).range![1] - 1), text: '' })
      }
    }
    changes.push(`model-index: updated ${m.type} in ${where} to ${yamlNumber(m.value)}`)
  }
  if (toAdd.length === 0) return

  const block = toAdd.map(metricValue)
  if (items.length > 0) {
    const last = items[items.length - 1]
    const { indent, gap } = dashOf(text, items[0])
    // New metrics list their keys in the order the card's first metric does.
    const order = items[0].items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k in block[0])
    const keys = [...order, ...Object.keys(block[0]).filter((k) => !order.includes(k))]
    const rendered = block
      .map((m) =>
        keys
          .map((k, i) => {
            const v = (m as Record<string, unknown>)[k]
            const value = typeof v === 'number' ? yamlNumber(v) : typeof v === 'string' ? yamlString(v) : String(v)
            const lead = i === 0 ? `${indent}-${gap}` : ' '.repeat(indent.length + 1 + gap.length)
            return `${lead}${k}: ${value}${eol}`
          })
          .join('')
      )
      .join('')
    const at = afterNode(text, last)
    edits.push({ start: at, end: at, text: rendered })
  } else {
    // No metrics yet (`metrics:` empty, `metrics: []`, or no key): a block under the entry.
    const keyColumn = ' '.repeat(column(text, entry.result.range![0]))
    const pair = entry.result.items.find((p) => isScalar(p.key) && p.key.value === 'metrics')
    const items = blockYaml(block, keyColumn, eol)
    if (pair && isScalar(pair.key) && pair.key.range) {
      const start = lineStart(text, pair.key.range[0])
      const end = nextLineStart(text, ((pair.value as YamlNode | null)?.range?.[1] ?? pair.key.range[1]) - 1)
      edits.push({ start, end, text: `${keyColumn}metrics:${eol}${items}` })
    } else {
      const at = afterNode(text, entry.result)
      edits.push({ start: at, end: at, text: `${keyColumn}metrics:${eol}${items}` })
    }
  }
  changes.push(`model-index: added ${listTypes(toAdd)} to ${where}`)
}
