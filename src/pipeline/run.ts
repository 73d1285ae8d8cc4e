// The stages, in order, on plain data:
//   discover -> evaluate (or read the shards) -> rank -> report -> gate -> publish
// The entry points (main.ts for the action, cli.ts for the terminal) supply the config, the
// logger and what they know of GitHub, and turn the result into outputs or a terminal report.
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { BaselineScores } from '../domain/types.js'
import { discover, requireCheckpoints } from '../discover/checkpoints.js'
import { findBenchmark } from '../domain/benchmarks.js'
import { type Config } from '../config/types.js'
import { Inputs } from '../config/inputs.js'
import { errorMessage } from '../util/errors.js'
import { createEvaluator } from '../evaluate/index.js'
import { evaluateGate, type GateResult } from '../domain/gate.js'
import type { GitHubEnvironment } from '../github/context.js'
import type { PublishOutcome } from '../publish/stage.js'
import { rank } from '../domain/rank.js'
import { formatRankingValue, isEvalAccuracy } from '../domain/metric.js'
import type { UploadArtifactResult } from '../github/artifact.js'
import type { UpsertCommentResult } from '../github/pr-comment.js'
import { commentOnPullRequest, uploadRunArtifact } from './deliver.js'
import { compareWithBaseline } from '../domain/compare.js'
import { renderComparisonMarkdown } from '../report/comparison.js'
import { buildScoresDocument, writeScoresFiles, type RunMetadata, type ScoresDocument, type ScoresFiles } from '../scores/document.js'
import { gateSection, publishSection, shardSummary } from '../report/sections.js'
import { FULL_ROWS, renderEvaluationSummary } from '../report/summary.js'
import { aggregateShards, findShardFiles, shardFileBase, shardSlice, type AggregatedShards } from '../scores/shard.js'
import { AGGREGATE_FROM_ARTIFACTS, fetchShardArtifacts } from '../github/shard-artifacts.js'
import { describeWeights } from '../weights-info.js'
import type { Benchmark, Checkpoint, Discovery, EvaluationRun, Ranking, SkippedCheckpoint } from '../domain/types.js'
import type { ProgressListener } from '../util/progress.js'
import type { Logger } from '../util/log.js'

export interface PipelineOptions {
  config: Config
  log: Logger
  run: RunMetadata
  /** Working folder: evaluation commands run here, relative inputs resolve here. */
  cwd: string
  /** Present in GitHub Actions. */
  github?: GitHubEnvironment
  /** A Hub token found on this machine (CLI). */
  localToken?: string
  onProgress?: ProgressListener
  /** Called with every secret the moment it exists, so the action can mask it. */
  onSecret?: (secret: string) => void
  /** The fetch the Hub client uses (tests may wrap it; the default retries and streams). */
  fetch?: typeof fetch
}

export interface EvaluationOutcome {
  discovery: Pick<Discovery, 'root' | 'skipped'>
  evaluation: EvaluationRun
  ranking: Ranking
  scores: ScoresDocument
  files: ScoresFiles
}

export interface PipelineResult extends EvaluationOutcome {
  baseline: BaselineScores | null | undefined
  gate: GateResult
  publish: PublishOutcome
  artifact?: UploadArtifactResult
  comment?: UpsertCommentResult
  /** The job summary (also written to summary.md beside the scores). */
  summary: string
  /** Why the run failed after its report was written (failed gate, failed publish). */
  failure?: string
}

function logDiscovery(skipped: SkippedCheckpoint[], ignored: string[], log: Logger): void {
  for (const s of skipped) log.warning(`Skipped checkpoint ${s.name}: ${s.reason}`, s.path)
  if (ignored.length) log.debug(`Not checkpoints (ignored): ${ignored.join(', ')}`)
}

function logRanking(ranking: Ranking, log: Logger): void {
  log.startGroup(`Scores of ${ranking.entries.length} checkpoints`)
  for (const e of [...ranking.entries].sort((a, b) => a.evaluation.checkpoint.step - b.evaluation.checkpoint.step)) {
    const c = e.evaluation.checkpoint
    const shown = formatRankingValue(ranking.metric.name, e)
    const status = e.evaluation.status === 'failed' ? `failed: ${e.evaluation.error}` : `${ranking.metric.name}=${shown || 'n/a'}`
    log.info(`${c.name} (step ${c.step}): ${status}${e.rank === 1 ? '  <- best' : ''}`)
  }
  log.endGroup()
  const w = ranking.winner
  if (w) {
    const value = formatRankingValue(ranking.metric.name, w)
    log.info(`Best checkpoint: ${w.evaluation.checkpoint.name} (step ${w.evaluation.checkpoint.step}), ${ranking.metric.name} ${value}`)
  } else {
    log.warning(`No checkpoint could be ranked by ${ranking.metric.name}.`)
  }
}

/** Weights keyed by benchmark id; a name no benchmark answers to is an input error. */
function resolveWeights(weights: Record<string, number>, benchmarks: Benchmark[]): Record<string, number> {
  return Object.fromEntries(Object.entries(weights).map(([name, w]) => [findBenchmark('weights', name, benchmarks).id, w]))
}

/** The aggregate job's own copy of the checkpoints, when it has one (it publishes from there). */
async function localCheckpoints(root: string, log: Logger): Promise<Map<string, Checkpoint> | undefined> {
  try {
    return new Map((await discover({ root })).checkpoints.map((c) => [c.name, c]))
  } catch {
    log.notice(`checkpoint-dir '${root}' is not on this runner: the shards' records are ranked, but nothing can be published from here.`)
    return undefined
  }
}

/**
 * The aggregate ranks as the shards did: their metric and weights, unless this job's inputs set
 * others (metric other than the default eval_accuracy, weights, greater-is-better), which then
 * re-rank the shards' scores. Without this an aggregate job that does not repeat the shard
 * jobs' inputs would silently rank differently from an unsharded run.
 */
function aggregateRankingSettings(config: Config, shards: AggregatedShards, log: Logger): { ranking: Config['ranking']; weights: Record<string, number> } {
  const ownMetric = !isEvalAccuracy(config.ranking.metric)
  const ownWeights = Object.keys(config.evaluation.weights).length > 0
  const metric = ownMetric ? config.ranking.metric : shards.metric.name
  const sameMetric = metric === shards.metric.name
  const ranking = {
    metric,
    greaterIsBetter: config.ranking.greaterIsBetter ?? (sameMetric ? shards.metric.greaterIsBetter : undefined)
  }
  if (ownMetric && !sameMetric) log.info(`Ranking by ${metric} (this job's metric input); the shards ranked by ${shards.metric.name}.`)
  if (!ownWeights && Object.keys(shards.weights).length > 0) log.info(`Using the shards' weights: ${Object.entries(shards.weights).map(([b, w]) => `${b}=${w}`).join(', ')}.`)
  return { ranking, weights: ownWeights ? config.evaluation.weights : shards.weights }
}

/**
 * discover -> evaluate (a shard's slice, or the shards' files when aggregating) -> rank ->
 * scores files. Throws with a fix when nothing can be evaluated; nothing is written then.
 */
export async function evaluateCheckpoints(options: PipelineOptions): Promise<EvaluationOutcome> {
  const { config, log, run, cwd, onProgress } = options
  let evaluation: EvaluationRun
  let skipped: SkippedCheckpoint[]
  let shardListing: string[] | undefined
  let rankingConfig = config.ranking
  let weightsInput = config.evaluation.weights
  if (config.aggregate) {
    // `artifacts`: fetch the shard jobs' artifacts of this run into <output-dir>/shards first.
    const source =
      config.aggregate === AGGREGATE_FROM_ARTIFACTS
        ? await fetchShardArtifacts({ base: config.report.artifactName, destination: path.join(config.outputDir, 'shards'), log })
        : config.aggregate
    const files = findShardFiles(source, cwd)
    const shards = await aggregateShards({ files, checkpointDir: config.checkpointDir, local: await localCheckpoints(config.checkpointDir, log) })
    log.info(`Aggregating ${shards.documents.length} shards: ${files.map((f) => path.relative(cwd, f) || f).join(', ')}`)
    evaluation = shards.evaluation
    skipped = shards.skipped
    ;({ ranking: rankingConfig, weights: weightsInput } = aggregateRankingSettings(config, shards, log))
  } else {
    const discovery = await discover({ root: config.checkpointDir })
    logDiscovery(discovery.skipped, discovery.ignored, log)
    requireCheckpoints(discovery)
    skipped = discovery.skipped
    let checkpoints = discovery.checkpoints
    if (config.shard) {
      shardListing = checkpoints.map((c) => c.name)
      checkpoints = shardSlice(checkpoints, config.shard)
      log.info(`Shard ${config.shard.index}/${config.shard.count}: ${checkpoints.length} of ${shardListing.length} checkpoints (${checkpoints.map((c) => c.name).join(', ') || 'none'})`)
    } else {
      log.info(`Found ${checkpoints.length} checkpoints in ${config.checkpointDir}` + (skipped.length ? ` (${skipped.length} skipped)` : ''))
    }
    const evaluator = createEvaluator(config.evaluation, { cwd, outputDir: config.outputDir })
    // A shard whose checkpoints all fail still reports them: the aggregate job decides.
    evaluation = await evaluator.evaluate(checkpoints, { log, onProgress, allowAllFailed: Boolean(config.shard) })
    if (config.shard && evaluation.results.length > 0 && evaluation.results.every((r) => r.status === 'failed')) {
      log.warning(`All ${evaluation.results.length} checkpoints of shard ${config.shard.index}/${config.shard.count} failed; the aggregate job fails too unless other shards have checkpoints that could be evaluated.`)
    }
  }

  const weights = resolveWeights(weightsInput, evaluation.benchmarks)
  const ranking = rank(evaluation, { ...rankingConfig, weights })
  logRanking(ranking, log)
  // Parameter counts for the rows the summary shows in full: reading every header of a 10,000-
  // checkpoint run would cost more than discovering it.
  await describeWeights(ranking.entries.slice(0, FULL_ROWS).map((e) => e.evaluation.checkpoint), log)
  const scores = buildScoresDocument({ run, discovery: { skipped }, evaluation, ranking, weights })
  if (config.shard && shardListing) scores.shard = { index: config.shard.index, count: config.shard.count, listing: shardListing }
  const files = await writeScoresFiles(scores, config.outputDir, config.shard ? shardFileBase(config.shard) : 'scores')
  return { discovery: { root: config.checkpointDir, skipped }, evaluation, ranking, scores, files }
}

/** The earlier result to compare with, null when there is none yet, undefined when not asked. */
async function loadBaseline(options: PipelineOptions, outcome: EvaluationOutcome): Promise<BaselineScores | null | undefined> {
  const { config, log, cwd } = options
  const source = config.gate.baseline
  if (!source) return undefined
  const metric = outcome.ranking.metric
  // The Hub client and card parser load only when a baseline is asked for (start-up time).
  const { loadBaselineFromFile, loadBaselineFromHub } = await import('../baseline/load.js')
  if (source.kind === 'file') {
    const file = path.resolve(cwd, source.path)
    if (!existsSync(file)) {
      log.notice(`No baseline yet: ${source.path} does not exist (first run?). The regression check passes.`)
      return null
    }
    return loadBaselineFromFile(file, { metric })
  }
  const { repo, hubUrl, revision } = config.publish
  if (!repo) throw new Error("Input 'baseline': 'hub' compares with the model card published at repo-id, but repo-id is empty. Set repo-id, or give baseline a scores.json path.")
  const token = config.publish.token ?? options.localToken
  let namespace = repo.namespace
  if (!namespace && token) namespace = (await (await import('../publish/stage.js')).whoami({ hubUrl, accessToken: token, fetch: options.fetch })).name
  if (!namespace) {
    log.notice(`No baseline: repo-id '${repo.name}' has no namespace and there is no token to find its owner. Write repo-id as namespace/name.`)
    return null
  }
  return loadBaselineFromHub({
    hubUrl,
    repoId: `${namespace}/${repo.name}`,
    revision,
    accessToken: token,
    metric,
    benchmarks: outcome.evaluation.benchmarks,
    log
  })
}

/** What the GitHub-side deliveries need from the run's options. */
const deliverTo = ({ github, config, log }: PipelineOptions) => ({ github, report: config.report, shard: config.shard, outputDir: config.outputDir, log })

/** The whole run. Errors before the report is written throw; later ones come back as `failure`. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { config, log } = options
  const outcome = await evaluateCheckpoints(options)

  if (config.shard) {
    const summary = shardSummary(outcome.scores, outcome.files.json, config.shard)
    const summaryFile = path.join(config.outputDir, `${shardFileBase(config.shard)}.summary.md`)
    await writeFile(summaryFile, summary)
    const artifact = await uploadRunArtifact({ ...deliverTo(options), files: [outcome.files.json, outcome.files.csv, summaryFile] })
    return {
      ...outcome,
      baseline: undefined,
      gate: { status: 'skipped', reasons: ['a shard job does not gate: the aggregate job does'], checks: [] },
      publish: { status: 'skipped', reason: 'a shard job never publishes: the aggregate job does' },
      artifact,
      summary
    }
  }

  const winner = outcome.ranking.winner
  const baseline = await loadBaseline(options, outcome)
  const gate = evaluateGate({
    metric: outcome.ranking.metric,
    winnerValue: winner?.value ?? null,
    winnerScores: winner?.evaluation.scores ?? {},
    minScore: config.gate.minScore,
    baseline,
    baselineRequested: config.gate.baseline !== undefined,
    maxRegression: config.gate.maxRegression
  })

  const comparisonRows = baseline && winner
    ? compareWithBaseline({
        benchmarks: outcome.evaluation.benchmarks,
        winner: { scores: winner.evaluation.scores, evalAccuracy: winner.evalAccuracy, value: winner.value },
        baseline,
        metric: outcome.ranking.metric
      })
    : undefined
  const comparisonMarkdown = comparisonRows && renderComparisonMarkdown(comparisonRows, { baselineSource: baseline?.source })

  let publish: PublishOutcome
  let failure: string | undefined = gate.status === 'failed' ? `Gate failed: ${gate.reasons.join('; ')}` : undefined
  try {
    // Loaded only for runs that may publish: most runs (pull requests, training jobs) never do.
    const { publishStage } = await import('../publish/stage.js')
    publish = await publishStage({
      config: config.publish,
      winner,
      benchmarks: outcome.evaluation.benchmarks,
      metric: outcome.ranking.metric,
      checkpointDir: config.checkpointDir,
      workspaceDir: options.cwd,
      github: options.github,
      localToken: options.localToken,
      blockedBecause: gate.status === 'failed' ? 'the gate failed' : undefined,
      log,
      onSecret: options.onSecret ?? (() => {}),
      fetch: options.fetch
    })
  } catch (error) {
    failure = [failure, `Publishing failed: ${errorMessage(error)}`].filter(Boolean).join('\n')
    publish = { status: 'skipped', reason: `publishing failed: ${errorMessage(error)}` }
  }

  const sections = [
    renderEvaluationSummary({ scores: outcome.scores, scoresFile: outcome.files.json }),
    comparisonMarkdown ? `### Change against the baseline\n\n${comparisonMarkdown}` : baseline === null ? '### Change against the baseline\n\nNo baseline yet: nothing to compare with.' : '',
    gateSection(gate),
    publishSection(publish)
  ]
  const summary = sections.filter(Boolean).join('\n\n') + '\n'
  const summaryFile = path.join(config.outputDir, 'summary.md')
  await writeFile(summaryFile, summary)

  const artifact = await uploadRunArtifact({ ...deliverTo(options), files: [outcome.files.json, outcome.files.csv, summaryFile] })
  let comment: UpsertCommentResult | undefined
  try {
    comment = await commentOnPullRequest({
      ...deliverTo(options),
      metric: outcome.ranking.metric,
      winner,
      gate,
      scores: outcome.scores,
      comparisonMarkdown,
      baselineMissing: baseline === null
    })
  } catch (error) {
    failure = [failure, errorMessage(error)].filter(Boolean).join('\n')
  }
  return { ...outcome, baseline, gate, publish, failure, artifact, comment, summary }
}
