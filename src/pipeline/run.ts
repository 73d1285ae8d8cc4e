// The pipeline, chosen once per run by its mode:
//   full:      discover -> evaluate -> rank -> scores -> baseline/gate -> publish -> report
//   shard:     discover -> evaluate my slice -> rank -> partial scores -> artifact
//   aggregate: shards' partial scores -> rank -> scores -> baseline/gate -> publish -> report
// The entry points (action.ts, cli.ts) supply the config, the logger and what they know of
// GitHub, and turn the result into outputs or a terminal report.
import { runAggregate } from './aggregate.js'
import { runFull } from './full.js'
import { runShard } from './shard.js'
import type { PipelineOptions, PipelineResult } from './types.js'

export type { EvaluationOutcome, PipelineOptions, PipelineResult } from './types.js'

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { shard, aggregate } = options.config
  if (shard) return runShard(options, shard)
  if (aggregate) return runAggregate(options, aggregate)
  return runFull(options)
}
