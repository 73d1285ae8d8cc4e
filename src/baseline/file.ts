// A baseline from an earlier run's scores.json (e.g. fetched with actions/download-artifact).

import { EVAL_ACCURACY_SPEC, isEvalAccuracy } from '../domain/metric.js'
import type { BaselineScores, MetricSpec } from '../domain/types.js'
import { readScoresDocument, type ScoresDocument } from '../scores/document.js'

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
export async function loadBaselineFromFile(
  path: string,
  options: LoadBaselineFileOptions = {}
): Promise<BaselineScores> {
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

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}
