// What the pipeline takes from an entry point and gives back to it.
import type { Config } from '../config/types.js'
import type { CheckpointListener } from '../domain/ledger.js'
import type { GateResult } from '../domain/gate.js'
import type { PublishOutcome } from '../domain/publication.js'
import type { BaselineScores, Discovery, EvaluationRun, Ranking } from '../domain/types.js'
import type { UploadArtifactResult } from '../github/artifact.js'
import type { GitHubEnvironment } from '../github/context.js'
import type { UpsertCommentResult } from '../github/pr-comment.js'
import type { RunMetadata, ScoresDocument, ScoresFiles } from '../scores/document.js'
import type { Logger } from '../util/log.js'
import type { ProgressListener } from '../util/progress.js'

export interface PipelineOptions {
  /** Paths in it are absolute (resolved against the workspace); commands run in config.workspace. */
  config: Config
  log: Logger
  run: RunMetadata
  /** Present in GitHub Actions. */
  github?: GitHubEnvironment
  /** A Hub token found on this machine (CLI). */
  localToken?: string
  /** Evaluation progress; upload progress goes to the log. */
  onProgress?: ProgressListener
  /** Each checkpoint's state as it changes (a cancelled run reports what it knew). */
  onCheckpoint?: CheckpointListener
  /** Called with every secret the moment it exists, so the action can mask it. */
  onSecret?: (secret: string) => void
  /**
   * Aborted when the run is cancelled (SIGTERM/SIGINT): no new evaluation starts, running ones
   * are killed with their processes, Hub requests are aborted, nothing is published.
   */
  signal?: AbortSignal
  /** The plain fetch under the Hub client's retrying transport (tests wrap it to watch or break requests). */
  fetch?: typeof fetch
}

/** discover/evaluate -> rank -> scores files: what every run mode produces first. */
export interface EvaluationOutcome {
  discovery: Pick<Discovery, 'root' | 'skipped'>
  evaluation: EvaluationRun
  ranking: Ranking
  scores: ScoresDocument
  files: ScoresFiles
  /** The results cache was consulted (the summary then says which results it gave). */
  cacheUsed?: boolean
}

export interface PipelineResult extends EvaluationOutcome {
  /** Undefined: no baseline asked for; null: asked for, none exists yet. */
  baseline: BaselineScores | null | undefined
  gate: GateResult
  publish: PublishOutcome
  artifact?: UploadArtifactResult
  comment?: UpsertCommentResult
  /** The job summary (also written beside the scores). */
  summary: string
  /** Why the run failed after its report was written (failed gate, failed publish). */
  failure?: string
}
