// Putting the results where people look, in GitHub Actions: the scores artifact and the
// pull-request comment. Both are skipped outside Actions; neither decides the job's result
// unless the user asked for the comment with `comment: always`.
import type { ReportConfig } from '../config/types.js'
import { errorMessage } from '../util/errors.js'
import { redact } from '../util/redact.js'
import type { GateResult } from '../domain/gate.js'
import { runUrl, type GitHubEnvironment } from '../github/context.js'
import type { MetricSpec, RankedCheckpoint } from '../domain/types.js'
import type { Logger } from '../util/log.js'
import { uploadScoresArtifact, type UploadArtifactResult } from '../github/artifact.js'
import { pullRequestFromEvent, upsertPullRequestComment, type UpsertCommentResult } from '../github/pr-comment.js'
import { renderPullRequestComment } from '../report/comment-body.js'
import type { ScoresDocument } from '../scores/document.js'
import { rankingTable } from '../report/summary.js'

export interface ArtifactOptions {
  github?: GitHubEnvironment
  /** The artifact's name, unique within the workflow run; default: the job's (GitHubEnvironment). */
  name?: string
  /** The folder the files are in (their paths inside the artifact are relative to it). */
  outputDir: string
  files: string[]
  log: Logger
}

export async function uploadRunArtifact({
  github,
  name,
  outputDir,
  files,
  log
}: ArtifactOptions): Promise<UploadArtifactResult | undefined> {
  if (!github) {
    log.debug('Scores artifact: not uploaded outside GitHub Actions (the files are in the output folder).')
    return undefined
  }
  const artifactName = name ?? github.defaultArtifactName
  try {
    return await uploadScoresArtifact({ name: artifactName, files, rootDirectory: outputDir, log })
  } catch (error) {
    // The scores are in the summary and on disk; a failed upload is worth a warning, not a red job.
    log.warning(`Could not upload the scores artifact '${artifactName}': ${errorMessage(error)}`)
    return { status: 'skipped', reason: errorMessage(error) }
  }
}

export interface CommentOptions {
  github?: GitHubEnvironment
  report: ReportConfig
  log: Logger
  metric: MetricSpec
  winner: RankedCheckpoint | null
  gate: GateResult
  scores: ScoresDocument
  comparisonMarkdown?: string
  /** A baseline was asked for and none exists yet. */
  baselineMissing: boolean
  /** The uploaded scores artifact's page. */
  artifactUrl?: string
}

export async function commentOnPullRequest(options: CommentOptions): Promise<UpsertCommentResult | undefined> {
  const { github, report, log, winner: w } = options
  if (!github || report.comment === 'never') return undefined
  const pr = await pullRequestFromEvent({ eventName: github.eventName, eventPath: github.eventPath })
  if (!pr) {
    if (report.comment === 'always')
      log.notice('comment is always, but this run is not for a pull request: no comment.')
    return undefined
  }
  const body = renderPullRequestComment({
    metric: options.metric,
    winner: w && {
      name: w.evaluation.checkpoint.name,
      step: w.evaluation.checkpoint.step,
      evalAccuracy: w.evalAccuracy,
      value: w.value
    },
    gate: options.gate,
    comparisonMarkdown: options.comparisonMarkdown,
    baselineNote: options.baselineMissing ? 'No baseline yet: nothing to compare with.' : undefined,
    runUrl: runUrl(github),
    artifactUrl: options.artifactUrl,
    rankingMarkdown: rankingTable(options.scores, options.scores.checkpoints),
    rankingTitle: `Ranking of ${options.scores.checkpoints.length === 1 ? 'the checkpoint' : `all ${options.scores.checkpoints.length} checkpoints`}`
  })
  const outcome = await upsertPullRequestComment({
    token: report.githubToken ?? '',
    owner: pr.owner,
    repo: pr.repo,
    issueNumber: pr.number,
    body: redact(body),
    log,
    apiUrl: github.apiUrl
  })
  if (outcome.action === 'skipped' && report.comment === 'always') {
    throw new Error(`comment is 'always' but the pull request comment could not be written: ${outcome.reason}`)
  }
  return outcome
}
