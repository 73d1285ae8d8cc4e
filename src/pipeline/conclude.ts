// What a full run and an aggregate run do once the checkpoints are ranked: compare with the
// baseline, gate, publish, write the summary, and deliver it (artifact, pull request comment).
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { compareWithBaseline } from '../domain/compare.js'
import { evaluateGate } from '../domain/gate.js'
import type { PublishOutcome } from '../domain/publication.js'
import { renderComparisonMarkdown } from '../report/comparison.js'
import { comparisonSection, gateSection, publishSection } from '../report/sections.js'
import { renderEvaluationSummary } from '../report/summary.js'
import { errorMessage } from '../util/errors.js'
import { loadBaseline } from './baseline.js'
import { commentOnPullRequest, uploadRunArtifact } from './deliver.js'
import { rankingNote } from './stages.js'
import type { EvaluationOutcome, PipelineOptions, PipelineResult } from './types.js'
import type { UpsertCommentResult } from '../github/pr-comment.js'
import { publishStage } from '../publish/stage.js'

/** Errors before the summary is written throw; later ones come back as `failure`. */
export async function conclude(options: PipelineOptions, outcome: EvaluationOutcome): Promise<PipelineResult> {
  const { config, log } = options
  const { ranking, evaluation } = outcome
  const winner = ranking.winner
  const baseline = await loadBaseline({
    config,
    metric: ranking.metric,
    benchmarks: evaluation.benchmarks,
    log,
    localToken: options.localToken,
    fetch: options.fetch
  })
  const gate = evaluateGate({
    metric: ranking.metric,
    winnerValue: winner?.value ?? null,
    winnerScores: winner?.evaluation.scores ?? {},
    minScore: config.gate.minScore,
    baseline,
    baselineRequested: config.gate.baseline !== undefined,
    maxRegression: config.gate.maxRegression
  })
  const comparisonMarkdown =
    baseline && winner
      ? renderComparisonMarkdown(
          compareWithBaseline({
            benchmarks: evaluation.benchmarks,
            winner: { scores: winner.evaluation.scores, evalAccuracy: winner.evalAccuracy, value: winner.value },
            baseline,
            metric: ranking.metric
          }),
          { baselineSource: baseline.source }
        )
      : undefined

  const failures: string[] = gate.status === 'failed' ? [`Gate failed: ${gate.reasons.join('; ')}`] : []
  let publish: PublishOutcome
  try {
    publish = await publishStage({
      config: config.publish,
      winner,
      benchmarks: evaluation.benchmarks,
      metric: ranking.metric,
      checkpointDir: config.checkpointDir,
      workspaceDir: config.workspace,
      github: options.github,
      localToken: options.localToken,
      blockedBecause: gate.status === 'failed' ? 'the gate failed' : undefined,
      log,
      onSecret: options.onSecret ?? (() => {}),
      fetch: options.fetch
    })
  } catch (error) {
    failures.push(`Publishing failed: ${errorMessage(error)}`)
    publish = { status: 'skipped', reason: `publishing failed: ${errorMessage(error)}` }
  }

  const baselineState = baseline ? 'found' : baseline === null ? 'none-yet' : 'not-asked'
  const sections = [
    renderEvaluationSummary({ scores: outcome.scores, scoresFile: outcome.files.json, note: rankingNote(ranking) }),
    comparisonSection(comparisonMarkdown, baselineState),
    gateSection(gate),
    publishSection(publish)
  ]
  const summary = sections.filter(Boolean).join('\n\n') + '\n'
  const summaryFile = path.join(config.outputDir, 'summary.md')
  await writeFile(summaryFile, summary)

  const artifact = await uploadRunArtifact({
    github: options.github,
    name: config.report.artifactName,
    outputDir: config.outputDir,
    files: [outcome.files.json, outcome.files.csv, summaryFile],
    log
  })
  let comment: UpsertCommentResult | undefined
  try {
    comment = await commentOnPullRequest({
      github: options.github,
      report: config.report,
      log,
      metric: ranking.metric,
      winner,
      gate,
      scores: outcome.scores,
      comparisonMarkdown,
      baselineMissing: baseline === null
    })
  } catch (error) {
    failures.push(errorMessage(error))
  }
  const failure = failures.length > 0 ? failures.join('\n') : undefined
  return { ...outcome, baseline, gate, publish, failure, artifact, comment, summary }
}
