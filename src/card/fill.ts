// Placeholders filled in the user's card template. The rule users asked for is that only the
// placeholders change and every other byte stays as they wrote it (README, "Model card"), so
// the card is never parsed and re-rendered: values are spliced into the original text, line
// endings and all. The generated card is in generate.ts, model-index metadata in model-index.ts.

import { normalizeLabel } from '../domain/labels.js'
import { EVAL_ACCURACY, EVAL_ACCURACY_NAME } from '../domain/metric.js'
import type { Benchmark } from '../domain/types.js'
import { formatScore } from '../domain/round.js'
import {
  cardLines,
  codeSpans,
  splitFrontMatter,
  splitTableRow,
  tableHeaderTracker,
  type CardLine,
  type TableCell
} from './grammar.js'
import { closestName, type KnownName } from './near-miss.js'

const DEFAULT_TEMPLATE_NAME = 'model card template'

export interface CardData {
  benchmarks: Benchmark[]
  /** Benchmark id -> score; null or missing when the benchmark has no score. */
  scores: Record<string, number | null>
  evalAccuracy: number | null
  step: number
  /** The winning checkpoint's folder name, e.g. `step_1000`. */
  checkpoint: string
}

export interface FillModelCardOptions extends CardData {
  template: string
  /** Named in errors, e.g. `README.md` or `checkpoints/README.md`. */
  templatePath?: string
  /** More named placeholders (`{repo_id}` -> value). Built-in names win over these. */
  extraValues?: Record<string, string>
  /** False: don't list what was filled (FilledModelCard.filled stays empty); saves memory on huge cards. */
  listFilled?: boolean
}

export interface FilledPlaceholder {
  /** 1-based line of the card. */
  line: number
  /** As written, e.g. `{RESULT}` or `{math_reasoning}`. */
  placeholder: string
  /** Benchmark id (or `eval_accuracy`) when the value is a score. */
  benchmark?: string
  value: string
}

export interface FilledModelCard {
  card: string
  filled: FilledPlaceholder[]
}

export interface CardProblem {
  file: string
  line: number
  message: string
}

/** Every placeholder that could not be filled, reported together so one edit fixes them all. */
export class ModelCardError extends Error {
  readonly problems: CardProblem[]
  constructor(problems: CardProblem[]) {
    const lines = problems.map((p) => `${p.file}:${p.line}: ${p.message}`)
    super(
      `The model card has ${problems.length} placeholder${problems.length === 1 ? '' : 's'} that can't be filled:\n` +
        lines.map((l) => `  - ${l}`).join('\n')
    )
    this.name = 'ModelCardError'
    this.problems = problems
  }
}

// ---------------------------------------------------------------------------------------------
// Placeholders

/** Benchmarks (and eval_accuracy) by every normalized label that names them. */
function labelIndex(benchmarks: Benchmark[]): Map<string, string> {
  const index = new Map<string, string>()
  index.set(normalizeLabel(EVAL_ACCURACY), EVAL_ACCURACY)
  index.set(normalizeLabel(EVAL_ACCURACY_NAME), EVAL_ACCURACY)
  for (const b of benchmarks) {
    for (const label of [b.id, b.name]) {
      const key = normalizeLabel(label)
      if (key && !index.has(key)) index.set(key, b.id)
    }
  }
  return index
}

// Names with `-` are matched too, only to be reported when they are near misses ({eval-accuracy}).
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_-]*)\}/g

/**
 * A brace group that is someone else's syntax, not ours: `{{step}}` (Jinja, f-string escapes) and
 * LaTeX arguments like `\frac{step}{2}` or `\{step\}`.
 */
function isForeignBraces(text: string, start: number, end: number): boolean {
  if (text[start - 1] === '{' && text[end] === '}') return true
  // Only a backslash shortly before can make it LaTeX; most lines have none.
  const from = Math.max(0, start - 40)
  if (text.lastIndexOf('\\', start - 1) < from) return false
  return /\\[A-Za-z]*$/.test(text.slice(from, start))
}

interface PlaceholderMatch {
  name: string
  /** Offsets in the line. */
  start: number
  end: number
}

function placeholdersIn(line: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = []
  for (const m of line.matchAll(PLACEHOLDER)) {
    const start = m.index
    const end = start + m[0].length
    if (!isForeignBraces(line, start, end)) found.push({ name: m[1], start, end })
  }
  return found
}

/**
 * True when the template has at least one placeholder this card data would fill, or a misspelled
 * one (outside code): such a README is the user's template, and filling it reports the typo
 * instead of publishing a generated card in its place.
 */
export function hasPlaceholders(options: {
  template: string
  benchmarks: Benchmark[]
  extraNames?: string[]
}): boolean {
  const names = new Set([
    'RESULT',
    EVAL_ACCURACY,
    'step',
    'checkpoint',
    ...options.benchmarks.map((b) => b.id),
    ...(options.extraNames ?? [])
  ])
  const known = knownNames(options.benchmarks, Object.fromEntries((options.extraNames ?? []).map((n) => [n, ''])))
  for (const line of cardLines(options.template)) {
    if (!line.text.includes('{')) continue
    for (const p of placeholdersIn(line.text)) {
      if (names.has(p.name)) return true
      const spans = codeSpans(line.text)
      const inCode = line.inCode || spans.some(([start, end]) => p.start >= start && p.start < end)
      if (!inCode && closestName(p.name, known)) return true
    }
  }
  return false
}

/** What a misspelled placeholder may have meant: every name we fill, and the benchmarks' labels. */
function knownNames(benchmarks: Benchmark[], extra: Record<string, string> | undefined): KnownName[] {
  const names: KnownName[] = [
    { name: 'RESULT' },
    { name: EVAL_ACCURACY, label: EVAL_ACCURACY_NAME },
    { name: 'step' },
    { name: 'checkpoint' },
    ...Object.keys(extra ?? {}).map((name) => ({ name }))
  ]
  for (const b of benchmarks) {
    names.push({ name: b.id, label: b.name })
    // A label may be written as the name: {Math Reasoning} is no placeholder, {MathReasoning} a near miss.
    if (/^[\p{L}\p{N} _-]+$/u.test(b.name)) names.push({ name: b.id, label: b.name, alias: b.name })
  }
  return names
}

function describe(benchmarks: Benchmark[], id: string): string {
  if (id === EVAL_ACCURACY) return `${EVAL_ACCURACY_NAME} (${EVAL_ACCURACY})`
  const b = benchmarks.find((x) => x.id === id)
  return b ? `${b.name} (${b.id})` : id
}

/** The benchmarks a label that matched nothing might have meant: shared words, else all of them. */
function candidatesFor(labels: string[], benchmarks: Benchmark[]): string[] {
  const words = new Set(labels.flatMap((l) => l.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3))
  const all = [
    ...benchmarks.map((b) => ({ id: b.id, name: b.name, group: b.group })),
    { id: EVAL_ACCURACY, name: EVAL_ACCURACY_NAME, group: '' }
  ]
  const close = all.filter((b) =>
    [b.id, b.name, b.group].some((text) =>
      text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .some((w) => words.has(w))
    )
  )
  return (close.length > 0 ? close : all).map((b) => describe(benchmarks, b.id))
}

function clip(text: string, max = 80): string {
  const t = text.trim()
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}

type Resolution = { benchmark: string } | { problem: string }

/** Which benchmark a `{RESULT}` cell stands for, from the row's label cells (or its column's header). */
function resolveResultCell(options: {
  row: string
  cells: TableCell[]
  header: CardLine | undefined
  offset: number
  labels: Map<string, string>
  benchmarks: Benchmark[]
  /** normalizeLabel, remembered: a long table repeats its labels and its header. */
  normalize: (text: string) => string
  headerCells: (header: CardLine) => TableCell[]
}): Resolution {
  const { row, cells, header, offset, labels, benchmarks, normalize } = options
  if (!row.includes('|')) {
    return {
      problem:
        `{RESULT} is not in a table row, so no row names its benchmark. ` +
        `Put it in a row like "| Math Reasoning | {RESULT} |", or write the benchmark's id instead, e.g. "{math_reasoning}" or "{${EVAL_ACCURACY}}".`
    }
  }
  const column = cells.findIndex((c) => offset >= c.start && offset < c.end)
  const labelCells = cells.filter((c) => !c.text.includes('{RESULT}') && normalize(c.text) !== '')
  const named = [...new Set(labelCells.map((c) => labels.get(normalize(c.text))).filter((x): x is string => !!x))]
  const headerCell = header ? options.headerCells(header)[column] : undefined
  const headerNames = headerCell ? labels.get(normalize(headerCell.text)) : undefined

  if (named.length === 1 && (!headerNames || headerNames === named[0])) return { benchmark: named[0] }
  // A transposed table (benchmarks across the header, one row of results) names it in the column.
  if (named.length === 0 && headerNames) return { benchmark: headerNames }
  if (named.length > 1 && headerNames && named.includes(headerNames)) return { benchmark: headerNames }

  const rowText = `"${clip(row)}"`
  if (named.length === 0) {
    const labelTexts = labelCells.map((c) => clip(c.text, 40))
    const said =
      labelTexts.length > 0
        ? `its labels (${labelTexts.map((t) => `"${t}"`).join(', ')}) name no benchmark`
        : 'it has no label cell'
    return {
      problem:
        `{RESULT} in row ${rowText}: ${said}. It could be: ${candidatesFor(labelTexts, benchmarks).join(', ')}. ` +
        `Label the row with the benchmark's display name or id (case and spacing don't matter), or write "{<benchmark_id>}" instead.`
    }
  }
  const all = headerNames && !named.includes(headerNames) ? [...named, headerNames] : named
  return {
    problem:
      `{RESULT} in row ${rowText} could be any of ${all.map((id) => describe(benchmarks, id)).join(', ')}: ` +
      `the row${headerNames && !named.includes(headerNames) ? ' and its column header' : ''} name more than one. ` +
      `Keep one benchmark per row, or write "{<benchmark_id>}" instead.`
  }
}

/**
 * Fills `{RESULT}` table cells and the named placeholders (`{<benchmark_id>}`, `{eval_accuracy}`,
 * `{step}`, `{checkpoint}`, plus `extraValues`). Any other brace text is left alone. Throws a
 * ModelCardError listing every placeholder that can't be filled, with its line.
 *
 * Inside fenced code blocks named placeholders are filled (usage snippets often carry
 * `{checkpoint}`), but `{RESULT}` is left as written: a table in a code block is not a table.
 * Likewise `{RESULT}` in a code span outside a table row is prose about the placeholder.
 */
export function fillModelCard(options: FillModelCardOptions): FilledModelCard {
  const file = options.templatePath ?? DEFAULT_TEMPLATE_NAME
  const { benchmarks, scores } = options
  const labels = labelIndex(benchmarks)
  const benchmarkIds = new Set([...benchmarks.map((b) => b.id), ...Object.keys(scores)])
  const problems: CardProblem[] = []
  const filled: FilledPlaceholder[] = []

  const scoreOf = (id: string, line: number, placeholder: string): string | undefined => {
    const value = id === EVAL_ACCURACY ? options.evalAccuracy : scores[id]
    if (typeof value === 'number' && Number.isFinite(value)) return formatScore(value)
    problems.push({
      file,
      line,
      message:
        `${placeholder} stands for ${describe(benchmarks, id)}, which has no score for checkpoint ` +
        `${options.checkpoint} (step ${options.step}). Check that the evaluator reports "${id}", or remove the placeholder.`
    })
    return undefined
  }

  const named = (name: string, line: number, placeholder: string): { value?: string; benchmark?: string } | null => {
    if (name === 'step') return { value: String(options.step) }
    if (name === 'checkpoint') return { value: options.checkpoint }
    if (name === EVAL_ACCURACY || benchmarkIds.has(name))
      return { value: scoreOf(name, line, placeholder), benchmark: name }
    const extra = options.extraValues?.[name]
    if (extra !== undefined && Object.hasOwn(options.extraValues ?? {}, name)) return { value: extra }
    return null // not ours: someone's braces
  }

  // One pass over the card, everything per line computed once: filling is linear in the card's
  // size, and holds the card, the filled pieces and little else.
  const headerOf = tableHeaderTracker()
  const known = knownNames(benchmarks, options.extraValues)
  const frontMatter = splitFrontMatter(options.template)
  const normalized = new Map<string, string>()
  const normalize = (text: string): string => {
    let key = normalized.get(text)
    if (key === undefined) {
      // Bounded: a long table repeats a few labels, a huge one holds many different ones.
      if (normalized.size > 10_000) normalized.clear()
      normalized.set(text, (key = normalizeLabel(text)))
    }
    return key
  }
  const headerCellsOf = new Map<CardLine, TableCell[]>()
  const headerCells = (header: CardLine): TableCell[] => {
    let cells = headerCellsOf.get(header)
    if (!cells) headerCellsOf.set(header, (cells = splitTableRow(header.text)))
    return cells
  }
  // The card is the template with each filled placeholder's span replaced: the pieces between
  // placeholders are slices of the template.
  const pieces: string[] = []
  let copied = 0
  for (const line of cardLines(options.template)) {
    const header = headerOf(line)
    if (!line.text.includes('{')) continue
    let cells: TableCell[] | undefined
    let spans: Array<[number, number]> | undefined
    const inCodeSpan = (offset: number): boolean =>
      (spans ??= codeSpans(line.text)).some(([start, end]) => offset >= start && offset < end)
    for (const p of placeholdersIn(line.text)) {
      const placeholder = line.text.slice(p.start, p.end)
      let value: string | undefined
      let benchmark: string | undefined
      if (p.name === 'RESULT') {
        // Code is literal: a table in a code block is not a table, and `{RESULT}` in prose (outside
        // a table row) is the card talking about the placeholder ("fills the `{RESULT}` cells").
        if (line.inCode || (!line.text.includes('|') && inCodeSpan(p.start))) continue
        const r = resolveResultCell({
          row: line.text,
          cells: (cells ??= splitTableRow(line.text)),
          header,
          offset: p.start,
          labels,
          benchmarks,
          normalize,
          headerCells
        })
        if ('problem' in r) {
          problems.push({ file, line: line.number, message: r.problem })
          continue
        }
        benchmark = r.benchmark
        value = scoreOf(r.benchmark, line.number, placeholder)
      } else {
        const hit = named(p.name, line.number, placeholder)
        if (!hit) {
          // Not ours: someone's braces, unless it is a near miss of ours outside code and front matter.
          const inFrontMatter = frontMatter !== null && line.start < frontMatter.bodyStart
          if (line.inCode || inFrontMatter || inCodeSpan(p.start)) continue
          const near = closestName(p.name, known)
          if (near) {
            problems.push({
              file,
              line: line.number,
              message:
                `${placeholder} is not a placeholder this card can fill; did you mean {${near.name}}` +
                `${near.label ? ` (${near.label})` : ''}? Fix the name, or put it in \`code\` if it is meant literally.`
            })
          }
          continue
        }
        value = hit.value
        benchmark = hit.benchmark
      }
      if (value === undefined) continue
      pieces.push(options.template.slice(copied, line.start + p.start), value)
      copied = line.start + p.end
      if (options.listFilled !== false)
        filled.push({ line: line.number, placeholder, ...(benchmark ? { benchmark } : {}), value })
    }
  }
  pieces.push(options.template.slice(copied))

  if (problems.length > 0) throw new ModelCardError(problems)
  return { card: pieces.join(''), filled }
}
