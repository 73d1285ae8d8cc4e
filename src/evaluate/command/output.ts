// Where a command's metrics are: {output} when it wrote it (a file, or a folder holding an
// lm-eval / lighteval `results_*.json`), else the JSON object at the end of its stdout.
import { readFile, stat } from 'node:fs/promises'
import type { Checkpoint } from '../../domain/types.js'
import { formatBytes } from '../../util/bytes.js'
import { findResultsFiles } from '../results/files.js'
import {
  jsonAtEndOfOutput,
  MetricsFormatError,
  parseMetricsText,
  type ParsedMetrics
} from '../results/formats/index.js'

// lm-eval writes <output>/<model>/results_<ts>.json, lighteval <output>/results/<org>/<model>/.
const RESULTS_DEPTH = 5

/** The metrics a command produced; throws MetricsFormatError saying what it found instead. */
export async function readCommandMetrics(input: {
  checkpoint: Checkpoint
  /** The last part of stdout (shell.ts keeps a bounded tail). */
  stdout: string
  /** Bytes printed before `stdout` and dropped: a JSON object cut by the bound gets its own error. */
  stdoutDroppedBytes?: number
  outputPath: string
}): Promise<ParsedMetrics> {
  const { checkpoint, stdout, outputPath, stdoutDroppedBytes = 0 } = input
  const written = await stat(outputPath).catch(() => null)
  if (written?.isFile() && written.size > 0) {
    return parseMetricsText(await readFile(outputPath, 'utf8'), outputPath, { step: checkpoint.step })
  }
  if (written?.isDirectory()) {
    const found = await newestResultsFile(outputPath)
    if (found) return parseMetricsText(await readFile(found, 'utf8'), found, { step: checkpoint.step })
    if (!stdout.trim()) {
      throw new MetricsFormatError(
        `the command created the folder {output} (${outputPath}) but no results_*.json in it, and printed nothing on stdout`
      )
    }
  }
  const json = jsonAtEndOfOutput(stdout)
  if (json === null && stdoutDroppedBytes > 0 && looksCutOff(stdout)) {
    const kept = Buffer.byteLength(stdout)
    throw new MetricsFormatError(
      `the JSON at the end of its stdout is larger than the ${formatBytes(kept)} of stdout that is kept ` +
        `(it printed ${formatBytes(kept + stdoutDroppedBytes)}; only the last ${formatBytes(kept)} are read, so the ` +
        `object's start was dropped). Write the metrics to {output} (${outputPath}) as a results file instead ` +
        '(a file there is read whole), or print only the scores, e.g. {"accuracy": 0.81}, as the last line'
    )
  }
  if (json === null) {
    const last = stdout.trim().split(/\r?\n/).pop()?.trim() ?? ''
    const what = last
      ? `its last stdout line is not a JSON object: ${truncate(last, 200)}`
      : 'it printed nothing on stdout'
    throw new MetricsFormatError(
      `the command printed no metrics: ${what}. Print a JSON object such as {"accuracy": 0.81} as the last line, or write it to {output}`
    )
  }
  return parseMetricsText(json, `stdout of ${checkpoint.name}`, { step: checkpoint.step })
}

/**
 * Whether the kept tail of stdout ends inside a JSON document whose start was dropped: its last
 * line began before the kept part (no line break in it), or the text ends like a JSON object.
 */
function looksCutOff(stdout: string): boolean {
  const text = stdout.trimEnd()
  return !/\r?\n/.test(text) || text.endsWith('}')
}

/** The newest `results_*.json` under `dir` (lm-eval and lighteval name them by timestamp). */
export async function newestResultsFile(dir: string): Promise<string | null> {
  return (await findResultsFiles(dir, '**/results_*.json', { maxDepth: RESULTS_DEPTH }))[0] ?? null
}

/** `text`, cut to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
