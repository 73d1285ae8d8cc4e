// Where "what we had before" comes from: a scores.json written by an earlier run, or the model
// card of the model published on the Hugging Face Hub. Both end up as the same plain numbers.

import { errorMessage } from '../util/errors.js'
import { parse as parseYaml } from 'yaml'
import { downloadFile } from '@huggingface/hub'
import { normalizeLabel } from '../domain/labels.js'
import { EVAL_ACCURACY, EVAL_ACCURACY_SPEC, isEvalAccuracy } from '../domain/metric.js'
import { readScoresDocument, type ScoresDocument } from '../scores/document.js'
import type { BaselineScores, Benchmark, MetricSpec } from '../domain/types.js'
import type { Logger } from '../util/log.js'

export interface LoadBaselineFileOptions {
  /**
   * This run's metric. When the earlier run ranked by something else, the winner's value for
   * this metric is looked up in its metrics instead of taking its `value`.
   */
  metric?: MetricSpec
}

/**
 * Reads an earlier run's scores.json. A file whose run had no winner gives all-null numbers
 * (the gate then reports there was nothing to compare with).
 */
export async function loadBaselineFromFile(path: string, options: LoadBaselineFileOptions = {}): Promise<BaselineScores> {
  const metric = options.metric ?? EVAL_ACCURACY_SPEC
  const scores = await readScoresDocument(
    path,
    'baseline',
    'The `baseline` input must name a scores.json written by an earlier run (e.g. fetched with actions/download-artifact), ' +
      'or be `hub` to compare with the published model card.'
  )
  const winner = scores.winner
  if (winner === null) {
    return { source: path, evalAccuracy: null, value: null, scores: {} }
  }
  return {
    source: path,
    evalAccuracy: finiteOrNull(winner.evalAccuracy),
    value: winnerValueFor(scores, metric),
    scores: Object.fromEntries(Object.entries(winner.scores ?? {}).map(([id, score]) => [id, finiteOrNull(score)]))
  }
}

function winnerValueFor(document: ScoresDocument, metric: MetricSpec): number | null {
  const winner = document.winner
  if (winner === null) return null
  if (document.metric?.name === metric.name) return finiteOrNull(winner.value)
  if (isEvalAccuracy(metric.name)) return finiteOrNull(winner.evalAccuracy)
  const entry = (document.checkpoints ?? []).find((checkpoint) => checkpoint.name === winner.name)
  return finiteOrNull(entry?.metrics?.[metric.name])
}

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
  const { frontMatter, body } = splitFrontMatter(card)
  const sources = [modelIndexNumbers(frontMatter), tableNumbers(body), inlineNumbers(body)]
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
  const evalAccuracy = lookup(EVAL_ACCURACY)
  const value = isEvalAccuracy(metric.name) ? evalAccuracy : lookup(metric.name)
  const anything = evalAccuracy !== null || value !== null || Object.values(scores).some((score) => score !== null)
  if (!anything) return null
  return { source: options.source ?? 'model card', evalAccuracy, value, scores }
}

function splitFrontMatter(card: string): { frontMatter: unknown; body: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(card)
  if (!match) return { frontMatter: null, body: card }
  let frontMatter: unknown = null
  try {
    frontMatter = parseYaml(match[1])
  } catch {
    // A card with broken YAML still has its tables; the Hub itself shows such cards.
    frontMatter = null
  }
  return { frontMatter, body: card.slice(match[0].length) }
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
          if (typeof label === 'string' && !numbers.has(normalizeLabel(label))) numbers.set(normalizeLabel(label), value)
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
function tableNumbers(body: string): Map<string, number> {
  const numbers = new Map<string, number>()
  for (const line of withoutCodeBlocks(body).split(/\r?\n/)) {
    const trimmed = line.trim()
    if (!trimmed.startsWith('|')) continue
    const cells = splitRow(trimmed)
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
function inlineNumbers(body: string): Map<string, number> {
  const numbers = new Map<string, number>()
  const pattern = /([A-Za-z][\w-]*)[\s*`:=]+([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)(%?)/g
  for (const line of withoutCodeBlocks(body).split(/\r?\n/)) {
    if (line.trim().startsWith('|')) continue
    for (const match of line.matchAll(pattern)) {
      const label = normalizeLabel(match[1])
      const value = Number(match[2]) / (match[3] === '%' ? 100 : 1)
      if (Number.isFinite(value) && !numbers.has(label)) numbers.set(label, value)
    }
  }
  return numbers
}

function splitRow(row: string): string[] {
  const inner = row.replace(/^\|/, '').replace(/\|\s*$/, '')
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim())
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

function withoutCodeBlocks(body: string): string {
  return body.replace(/^(```|~~~)[\s\S]*?^\1[ \t]*$/gm, '')
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** Reads one file of a Hub repo; null when the repo or the file doesn't exist (yet). */
export type FetchRepoFile = (path: string) => Promise<string | null>

export interface HubBaselineOptions {
  /** Default https://huggingface.co. */
  hubUrl?: string
  /** `namespace/name` of the model repo the winner is published to. */
  repoId: string
  /** Branch, tag or commit; default `main`. */
  revision?: string
  accessToken?: string
  metric: MetricSpec
  benchmarks: Benchmark[]
  /** Injected so the publish code's downloader can be shared; default uses @huggingface/hub. */
  fetchFile?: FetchRepoFile
  /** Told why there is no baseline (first publish, unreadable card). */
  log?: Logger
}

/**
 * The published model card as a baseline. Null (not an error) when the repo or its README.md
 * doesn't exist yet, or when the card has no numbers this action can read.
 */
export async function loadBaselineFromHub(options: HubBaselineOptions): Promise<BaselineScores | null> {
  const hubUrl = (options.hubUrl ?? 'https://huggingface.co').replace(/\/+$/, '')
  const revision = options.revision ?? 'main'
  const fetchFile =
    options.fetchFile ?? hubFileFetcher({ hubUrl, repoId: options.repoId, revision, accessToken: options.accessToken })
  const source = `${hubUrl}/${options.repoId}/blob/${revision}/README.md`
  let card: string | null
  try {
    card = await fetchFile('README.md')
  } catch (error) {
    throw new Error(
      `baseline: could not read README.md of ${options.repoId}@${revision} from ${hubUrl} (${errorMessage(error)}). ` +
        'Check `repo-id` and, for a private repo, that `hf-token` can read it; or set `baseline` to a scores.json instead of `hub`.'
    )
  }
  if (card === null) {
    options.log?.notice(`No baseline yet: ${options.repoId}@${revision} has no README.md on ${hubUrl} (first publish).`)
    return null
  }
  const baseline = parseBaselineFromModelCard(card, options.benchmarks, { metric: options.metric, source })
  if (baseline === null) {
    options.log?.notice(
      `No baseline: the model card at ${source} has no scores this action can read ` +
        '(no model-index metrics, no table row naming a benchmark, no eval_accuracy line).'
    )
  }
  return baseline
}

/**
 * The default fetchFile: @huggingface/hub's downloadFile, which returns null for a missing file.
 * A missing repo or revision also means "nothing published yet": 404, or the 401 the Hub gives
 * (X-Error-Code RepoNotFound) so as not to reveal whether a private repo exists.
 */
export function hubFileFetcher(options: { hubUrl: string; repoId: string; revision: string; accessToken?: string }): FetchRepoFile {
  return async (path) => {
    let errorCode: string | null = null
    // downloadFile's errors keep the status but not X-Error-Code; note it on the way past.
    const noteErrorCode: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      errorCode = response.headers.get('x-error-code')
      return response
    }
    try {
      const blob = await downloadFile({
        repo: { type: 'model', name: options.repoId },
        path,
        revision: options.revision,
        hubUrl: options.hubUrl,
        accessToken: options.accessToken,
        fetch: noteErrorCode
      })
      return blob === null ? null : await blob.text()
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode
      if (status === 404) return null
      if (status === 401 && /^Repo(sitory)?NotFound$/.test(errorCode ?? '')) return null
      throw error
    }
  }
}
