// What a checkpoint folder is called. Discovery evaluates the folders whose name ends in a step
// after a known prefix; publishing also keeps any checkpoint-like folder (epoch_3, iter-200 too)
// out of an upload, since such a folder is never part of the winning model.

/**
 * `step_1000`, `step-1000`, `step1000`, `checkpoint-500`, `checkpoint_500`, `global_step_20`,
 * `global_step20`, `ckpt-3`: a known prefix, an optional separator, the step.
 */
const CHECKPOINT_NAME = /^(?:global[_-]?step|step|checkpoint|ckpt)[_-]?(\d+)$/i

/** The checkpoint names plus training-loop states that are not evaluated (`epoch_3`, `iter-200`). */
const CHECKPOINT_LIKE = /^(?:checkpoint|ckpt|step|global[_-]?step|epoch|iter(?:ation)?)[-_]?\d+$/i

/** The names as the docs and messages list them. */
export const RECOGNISED_NAMES = 'step_1000, step-1000, checkpoint-500, checkpoint_500, global_step_20, global_step20'

/** The step at the end of a checkpoint folder's name, or null when the name isn't one. */
export function parseStep(name: string): number | null {
  const match = CHECKPOINT_NAME.exec(name)
  if (!match) return null
  const step = Number(match[1])
  return Number.isSafeInteger(step) ? step : null
}

/** A folder named like a checkpoint or a training-loop state: never part of an uploaded model. */
export function isCheckpointLikeName(name: string): boolean {
  return CHECKPOINT_LIKE.test(name)
}
