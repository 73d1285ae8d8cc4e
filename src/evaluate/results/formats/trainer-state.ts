// Trainer `trainer_state.json`: the log_history entries with eval_* keys at the checkpoint's
// step, merged, then read as a flat map. best_metric and best_model_checkpoint / best_global_step
// name the metric the run optimised (metric_for_best_model itself is not saved): it is the eval_*
// key whose value at the best step equals best_metric.
import { higherIsBetter as conventionalDirection, isCounter } from '../../../domain/metric-semantics.js'
import type { OptimisedMetric } from '../../../domain/types.js'
import { Collector, MetricsFormatError, type ParsedMetrics } from './collector.js'
import { parseFlat } from './flat.js'
import { isRecord, numberOf } from './json.js'

export function parseTrainerState(
  json: Record<string, unknown>,
  source: string,
  step: number | undefined
): ParsedMetrics {
  const history = (json.log_history as unknown[]).filter(isRecord)
  const evals = history.filter((entry) => Object.keys(entry).some((key) => key.startsWith('eval_')))
  if (evals.length === 0) {
    throw new MetricsFormatError(
      `${source}: log_history has no evaluation entries (no eval_* keys): the Trainer did not evaluate ` +
        `during training. Set eval_strategy="steps" with eval_steps equal to save_steps, or point the ` +
        `results evaluator at another results file`
    )
  }
  const wanted =
    step ?? (typeof json.global_step === 'number' ? json.global_step : (evals[evals.length - 1].step as number))
  const atStep = evals.filter((entry) => entry.step === wanted)
  if (atStep.length === 0) {
    const steps = [...new Set(evals.map((entry) => entry.step))].slice(-10).join(', ')
    throw new MetricsFormatError(
      `${source}: no evaluation logged at step ${wanted} (evaluations at steps ${steps}). ` +
        `Make eval_steps divide save_steps so every saved checkpoint has been evaluated`
    )
  }
  // Several eval datasets log separate entries at one step (eval_a_loss, eval_b_loss): merge them.
  const merged: Record<string, unknown> = Object.assign({}, ...atStep)
  const out = new Collector('trainer-state', source)
  out.optimised = optimisedMetric(json, evals, source)
  return parseFlat(merged, out)
}

/** The step of best_model_checkpoint (`…/checkpoint-3000`) or best_global_step. */
function bestStep(json: Record<string, unknown>): number | undefined {
  if (typeof json.best_global_step === 'number') return json.best_global_step
  const match = typeof json.best_model_checkpoint === 'string' ? /(\d+)\/?$/.exec(json.best_model_checkpoint) : null
  return match ? Number(match[1]) : undefined
}

/**
 * The metric behind best_metric: the eval_* key equal to it at the best step. Which way it is
 * better follows from the history: best_metric is that key's minimum or its maximum.
 */
export function optimisedMetric(
  json: Record<string, unknown>,
  evals: Record<string, unknown>[],
  source: string
): OptimisedMetric | undefined {
  const best = numberOf(json.best_metric)
  const step = bestStep(json)
  if (best === undefined || !Number.isFinite(best) || step === undefined) return undefined
  const atBest: Record<string, unknown> = Object.assign({}, ...evals.filter((e) => e.step === step))
  const name = Object.keys(atBest).find(
    (key) => key.startsWith('eval_') && !isCounter(key) && numberOf(atBest[key]) === best
  )
  if (!name) return undefined
  const history = evals.map((e) => numberOf(e[name])).filter((v): v is number => v !== undefined && Number.isFinite(v))
  const min = Math.min(...history)
  const max = Math.max(...history)
  // With one evaluation (or a flat history) the values can't tell: lower for loss-like names.
  const higherIsBetter = min === max ? conventionalDirection(name) : best === max
  const checkpoint =
    typeof json.best_model_checkpoint === 'string' ? json.best_model_checkpoint.split('/').pop() : undefined
  return {
    name,
    higherIsBetter,
    source: `best_metric ${best} at ${checkpoint ?? `step ${step}`} in ${source.split(/[\\/]/).slice(-2).join('/')}`
  }
}
