// What a full run and an aggregate run do once the checkpoints are ranked: compare with the
// baseline, gate, publish, write the summary, and deliver it (artifact, pull request comment).
import path from 'node:path'
import { compareWithBaseline } from '../domain/compare.js'
import { evaluateGate } from '../domain/gate.js'
import type { PublishOutcome } from '../domain/publication.js'
import { renderComparisonMarkdown } from '../report/comparison.js'
import { comparisonSection, gateSection, publishSection } from '../report/sections.js'
import { baselineLabel, baselineShownAs, type RepositoryLink } from '../report/links.js'
import { renderEvaluationSummary, type ResultsLocation } from '../report/summary.js'
import { cacheSection } from '../report/cache.js'
import { runUrl } from '../github/context.js'
import { shownPath } from '../util/paths.js'
import { errorMessage } from '../util/errors.js'
import { writeJobFile } from '../util/job-files.js'
import { redact } from '../util/redact.js'
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
    fetch: options.fetch,
    signal: options.signal
  })
  const gate = evaluateGate({
    metric: ranking.metric,
    winnerValue: winner?.value ?? null,
    winnerScores: winner?.evaluation.scores ?? {},
    minScore: config.gate.minScore,
    // The gate's checks are shown in the summary and the comment: name the baseline as a reader can find it.
    baseline: baseline && { ...baseline, source: baselineShownAs(baseline.source, config.workspace) },
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
          { baselineSource: baselineLabel(baseline.source, config.workspace, repositoryLink(options)) }
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
      blockedBecause: options.signal?.aborted
        ? 'the run was cancelled'
        : gate.status === 'failed'
          ? 'the gate failed'
          : undefined,
      log,
      onSecret: options.onSecret ?? (() => {}),
      fetch: options.fetch,
      signal: options.signal
    })
  } catch (error) {
    failures.push(`Publishing failed: ${errorMessage(error)}`)
    publish = { status: 'skipped', reason: `publishing failed: ${errorMessage(error)}` }
  }

  const baselineState = baseline ? 'found' : baseline === null ? 'none-yet' : 'not-asked'
  const sections = [
    renderEvaluationSummary({
      scores: outcome.scores,
      results: resultsLocation(options, outcome),
      notes: [rankingNote(ranking)]
    }),
    cacheSection(outcome.scores, outcome.cacheUsed ?? false),
    comparisonSection(comparisonMarkdown, baselineState),
    gateSection(gate),
    publishSection(publish)
  ]
  const summary = redact(sections.filter(Boolean).join('\n\n') + '\n')
  const summaryFile = path.join(config.outputDir, 'summary.md')
  try {
    await writeJobFile('the summary copy (output-dir)', summaryFile, summary)
  } catch (error) {
    // After a publish, a report that can't be written must not hide that the model went up.
    const done =
      publish.status === 'published'
        ? ` The model WAS published: ${publish.result.prUrl ?? publish.result.commitUrl}.`
        : ''
    failures.push(`${errorMessage(error)}.${done}`)
  }

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
      baselineMissing: baseline === null,
      artifactUrl: artifact?.status === 'uploaded' ? artifact.url : undefined
    })
  } catch (error) {
    failures.push(errorMessage(error))
  }
  if (options.signal?.aborted) failures.push(errorMessage(options.signal.reason))
  const failure = failures.length > 0 ? failures.join('\n') : undefined
  return { ...outcome, baseline, gate, publish, failure, artifact, comment, summary }
}

/** The checked-out commit on GitHub, for links to files in it (a committed baseline). */
function repositoryLink({ github, run }: PipelineOptions): RepositoryLink | undefined {
  const sha = run.github?.sha
  return github?.repository && sha ? { serverUrl: github.serverUrl, repository: github.repository, sha } : undefined
}

/** In Actions the scores are in the run's artifact (its name is known before the upload); locally, on disk. */
export function resultsLocation(
  { config, github }: Pick<PipelineOptions, 'config' | 'github'>,
  outcome: Pick<EvaluationOutcome, 'files'>,
  artifactName = config.report.artifactName ?? github?.defaultArtifactName
): ResultsLocation {
  return github?.artifactsAvailable && artifactName
    ? { artifactName, runUrl: runUrl(github) }
    : { scoresFile: shownPath(config.workspace, outcome.files.json) }
}
