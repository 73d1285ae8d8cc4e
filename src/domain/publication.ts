// What publishing decided and did, as plain data: the upload plan (made locally before any
// request) and the outcome of the publish stage. The report renders these; publish produces them.

export type UploadKind = 'weights' | 'checkpoint' | 'card' | 'asset'

export interface PlannedFile {
  /** Posix path in the Hub repo. */
  pathInRepo: string
  /** Absolute local path (files on disk). */
  localPath?: string
  /** Text to upload (the card). */
  content?: string
  size: number
  kind: UploadKind
}

/** Where the model card came from: the model-card input, the checkpoint's README, the workspace's, or none. */
export type CardSource = 'input' | 'checkpoint' | 'workspace' | 'generated'

export interface PlannedCard {
  source: CardSource
  /** Absolute path of the template (not for `generated`). */
  templatePath?: string
  content: string
  /** For the log: which template was used (or why the card was generated), and model-index changes. */
  notes?: string[]
}

/** A local path left out of the upload, and why. */
export interface ExcludedPath {
  /** Relative to the workspace when inside it; folders end in `/`. */
  path: string
  reason: string
}

export interface UploadPlan {
  /** The card first, then by path in the repo. */
  files: PlannedFile[]
  card: PlannedCard
  excluded: ExcludedPath[]
  totalBytes: number
}

/** The Hub commit that published a plan; the Hub client returns this shape (hub can re-export it). */
export interface PublishResult {
  repoId: string
  repoUrl: string
  commitSha: string
  commitUrl: string
  /** Set when the commit was opened as a pull request (create-pr). */
  prUrl?: string
}

export type PublishOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'dry-run'; plan: UploadPlan; repoId: string }
  | { status: 'published'; plan: UploadPlan; result: PublishResult }
