// Trainer `trainer_state.json`: the log_history entries with eval_* keys at the checkpoint's
// step, merged, then read as a flat map.
import { Collector, MetricsFormatError, type ParsedMetrics } from './collector.js'
import { parseFlat } from './flat.js'
import { isRecord } from './json.js'

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
  return parseFlat(merged, new Collector('trainer-state', source))
}
