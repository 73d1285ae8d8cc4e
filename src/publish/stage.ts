// The publish stage: decide whether to publish, plan the upload locally (every card and link
// problem is found here, before any request), get credentials, then one atomic Hub commit.
import type { PublishConfig } from '../config/types.js'
import { releaseTag, runUrl, type GitHubEnvironment } from '../github/context.js'
import type { PublishOutcome } from '../domain/publication.js'
import { resolveRepoId } from '../domain/repo-id.js'
import { planUpload } from './plan.js'
import type { Benchmark, MetricSpec, RankedCheckpoint } from '../domain/types.js'
import type { Logger } from '../util/log.js'
import { formatRankingValue } from '../domain/metric.js'
import { progressReporter } from '../util/progress.js'
import type { ProgressListener } from '../util/progress.js'
import { formatBytes } from '../util/bytes.js'
import { shownPath } from '../util/paths.js'
import { errorMessage } from '../util/errors.js'
import { heldSecrets, redact } from '../util/redact.js'
import type { UploadPlan } from '../domain/publication.js'
import type * as Hub from '../hub/index.js'
import { assertNoHeldSecrets, bytesToCheck } from './secret-scan.js'

/** `2h`, `90m`, `45s`: how a duration input reads. */
function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`
  if (ms % 60_000 === 0) return `${ms / 60_000}m`
  return `${Math.round(ms / 1000)}s`
}

/** The whole publish's deadline (publish-timeout), which a cancelled run also ends. */
function publishDeadline(ms: number, cancel: AbortSignal | undefined) {
  const controller = new AbortController()
  let expired = false
  const timer = setTimeout(
    () => {
      expired = true
      controller.abort(new Error(`publish-timeout (${formatDuration(ms)}) ran out`))
    },
    Math.min(ms, 2 ** 31 - 1)
  )
  timer.unref()
  const onCancel = () => controller.abort(cancel?.reason)
  cancel?.addEventListener('abort', onCancel, { once: true })
  return {
    signal: controller.signal,
    get expired() {
      return expired
    },
    dispose() {
      clearTimeout(timer)
      cancel?.removeEventListener('abort', onCancel)
    }
  }
}

export interface PublishStageOptions {
  config: PublishConfig
  winner: RankedCheckpoint | null
  benchmarks: Benchmark[]
  metric: MetricSpec
  /** The folder holding the checkpoint folders: absolute (config.checkpointDir). */
  checkpointDir: string
  /** The workspace: absolute (config.workspace); relative paths in messages and the repo are taken from it. */
  workspaceDir: string
  github?: GitHubEnvironment
  /** A token found on this machine (CLI: HF_TOKEN or the Hub's token file). */
  localToken?: string
  /** Why publishing must not happen even if everything else says so (failed gate, shard). */
  blockedBecause?: string
  log: Logger
  /** Called with every secret the moment it exists (the action masks it in the log). */
  onSecret: (secret: string) => void
  fetch?: typeof fetch
  /** A cancelled run: no publish starts, and requests in flight are aborted. */
  signal?: AbortSignal
}

export class PublishError extends Error {}

/** Files below this size get no progress lines. */
const PROGRESS_MIN_BYTES = 1024 * 1024
/** Below this the check of the files takes well under a second: no progress lines. */
const CHECK_PROGRESS_MIN_BYTES = 256 * 1024 * 1024

/** Why this run does not publish, or null when it should. */
function skipReason(options: PublishStageOptions): string | null {
  const { config, winner, github, blockedBecause } = options
  if (config.mode === 'never') return "publish is 'never'"
  if (!config.repo) return 'no repo-id is set'
  if (blockedBecause) return blockedBecause
  if (!winner) return 'no checkpoint could be ranked'
  if (config.mode === 'auto' && !config.dryRun && !releaseTag(github)) {
    return "publish is 'auto' and this run is not for a release tag (set publish: always to publish from any run)"
  }
  return null
}

export function defaultCommitTitle(winner: RankedCheckpoint, metric: MetricSpec): string {
  const c = winner.evaluation.checkpoint
  const value = `${metric.name} ${formatRankingValue(metric.name, winner)}`
  return `Publish ${c.name} (step ${c.step}, ${value})`
}

/** Token from the input or this machine, else trusted publishing (OIDC), else null. */
async function credentials(
  options: PublishStageOptions,
  repoId: string | null,
  fetch: typeof globalThis.fetch
): Promise<{ token: string; source: string } | null> {
  const { config, github, localToken } = options
  if (config.token) return { token: config.token, source: 'hf-token' }
  if (localToken) return { token: localToken, source: 'local token' }
  if (github?.oidc) {
    if (!repoId) {
      throw new PublishError(
        `Trusted publishing needs the full repo id: set repo-id to 'namespace/${config.repo?.name}' (the token is scoped to that repo).`
      )
    }
    const { exchangeOidcToken } = await import('../hub/index.js')
    const token = await exchangeOidcToken({
      hubUrl: config.hubUrl,
      repoId,
      idTokenRequestUrl: github.oidc.requestUrl,
      idTokenRequestToken: github.oidc.requestToken,
      fetch
    })
    options.onSecret(token)
    return { token, source: 'trusted publishing (OIDC)' }
  }
  return null
}

export async function publishStage(options: PublishStageOptions): Promise<PublishOutcome> {
  const { config, winner, log } = options
  const reason = skipReason(options)
  if (reason) return { status: 'skipped', reason }
  const repo = config.repo!
  const best = winner!
  const checkpoint = best.evaluation.checkpoint
  const fullRepoId = repo.namespace ? `${repo.namespace}/${repo.name}` : null

  // Local and complete before any request: a bad card or link stops here with nothing sent.
  const plan = await planUpload({
    checkpointPath: checkpoint.path,
    checkpointDir: options.checkpointDir,
    modelCardInput: config.modelCard,
    benchmarks: options.benchmarks,
    scores: best.evaluation.scores,
    evalAccuracy: best.evalAccuracy,
    reported: best.evaluation.metrics,
    cardTask: config.cardTask,
    cardDataset: config.cardDataset,
    step: checkpoint.step,
    checkpointName: checkpoint.name,
    exclude: config.exclude,
    assets: config.assets,
    workspaceDir: options.workspaceDir,
    cardMetadata: config.cardMetadata,
    metricName: options.metric.name,
    repoId: fullRepoId ?? repo.name,
    runUrl: runUrl(options.github)
  })
  for (const note of plan.card.notes ?? []) log.info(note)
  // Before anything is sent (a dry run too): no file that holds a token this run knows goes up,
  // whatever its name (a config the training wrote, a copied credentials file).
  const checkBytes = bytesToCheck(plan.files)
  let checkProgress: ProgressListener | undefined
  if (checkBytes >= CHECK_PROGRESS_MIN_BYTES && heldSecrets().length > 0) {
    log.info(
      `Checking ${plan.files.length} files (${formatBytes(checkBytes)}) for the tokens this run holds, hashing them for the upload…`
    )
    checkProgress = progressReporter({ write: (line) => log.info(line), verb: 'checked for tokens', unit: 'bytes' })
  }
  await assertNoHeldSecrets(plan.files, options.workspaceDir, undefined, checkProgress)
  if (config.dryRun) {
    log.info(
      `Dry run: ${plan.files.length} files would be published to ${fullRepoId ?? `<token owner>/${repo.name}`}; nothing was sent.`
    )
    return { status: 'dry-run', plan, repoId: fullRepoId ?? `<token owner>/${repo.name}` }
  }

  options.signal?.throwIfAborted()

  // The Hub client is loaded only when something is sent: the one lazy entry, one bundle chunk.
  const hub = await import('../hub/index.js')
  const deadline = publishDeadline(config.publishTimeoutMs, options.signal)
  try {
    const fetch = hub.createTimedFetch({
      fetch: options.fetch,
      timeoutMs: config.hubTimeoutMs,
      signal: deadline.signal,
      onWaiting: (message) => log.info(message)
    })
    // Single calls (whoami, the OIDC exchange) get the retries publishToHub adds for itself.
    const retrying = hub.createHubFetch({
      fetch,
      onRetry: (e) =>
        log.info(
          `Hub request ${e.method} ${e.url} failed (${e.reason}); retry ${e.attempt} of ${e.maxAttempts - 1} in ${hub.formatDelay(e.delayMs)}`
        )
    })
    return await publishWith(options, { plan, fullRepoId, fetch, retrying, hub, signal: deadline.signal })
  } catch (error) {
    if (deadline.expired) {
      throw new PublishError(
        `the publish did not finish within ${formatDuration(config.publishTimeoutMs)} (publish-timeout): ${errorMessage(error)}. ` +
          'Raise publish-timeout for very large uploads, or check the Hub status.'
      )
    }
    throw error
  } finally {
    deadline.dispose()
  }
}

interface PublishContext {
  plan: UploadPlan
  fullRepoId: string | null
  /** Every wait bounded (hub-timeout, publish-timeout); for publishToHub, which retries itself. */
  fetch: typeof globalThis.fetch
  /** The same with retries, for single calls. */
  retrying: typeof globalThis.fetch
  hub: typeof Hub
  /** The publish deadline and cancellation, for the storage PUTs that don't go through fetch. */
  signal: AbortSignal
}

async function publishWith(options: PublishStageOptions, context: PublishContext): Promise<PublishOutcome> {
  const { config, log } = options
  const { plan, fullRepoId, fetch, retrying } = context
  const repo = config.repo!
  const best = options.winner!
  const checkpoint = best.evaluation.checkpoint
  const auth = await credentials(options, fullRepoId, retrying)
  if (!auth) {
    const why =
      'no Hugging Face credentials: hf-token is empty and trusted publishing is not available (the job lacks `permissions: id-token: write`, or this is a pull request from a fork)'
    if (config.mode === 'always') {
      throw new PublishError(
        `publish is 'always' but there are ${why}. Pass hf-token: \${{ secrets.HF_TOKEN }}, or grant id-token: write for trusted publishing.`
      )
    }
    log.notice(`Not publishing: ${why}.`)
    return { status: 'skipped', reason: why }
  }
  log.info(`Publishing with ${auth.source}.`)
  const { assertCanWrite, publishToHub, whoami } = context.hub
  const me = await whoami({ hubUrl: config.hubUrl, accessToken: auth.token, fetch: retrying })
  const repoId = resolveRepoId(repo, me.name)
  assertCanWrite(me, { hubUrl: config.hubUrl, repoId })

  const tag = config.hubTag ? releaseTag(options.github) : null
  if (config.hubTag && !tag) log.notice('hub-tag is set but this run is not for a tag: the Hub commit is not tagged.')
  const link = runUrl(options.github)
  // The Hub client throttles per file (a line a second at most), so every call it makes is shown.
  const uploadProgress = progressReporter({
    write: (line) => log.info(line),
    verb: 'uploaded',
    unit: 'bytes',
    intervalMs: 0
  })
  const result = await publishToHub({
    hubUrl: config.hubUrl,
    accessToken: auth.token,
    repoId,
    private: config.private,
    revision: config.revision,
    createPr: config.createPr,
    commitTitle: redact(config.commitMessage || defaultCommitTitle(best, options.metric)),
    commitDescription: redact(
      `Selected by checkpoint-eval-action from ${shownPath(options.workspaceDir, checkpoint.path)}${link ? ` in ${link}` : ''}.`
    ),
    files: plan.files.map((f) => ({ pathInRepo: f.pathInRepo, localPath: f.localPath, content: f.content })),
    hubTag: tag ?? undefined,
    log,
    fetch,
    signal: context.signal,
    idleTimeoutMs: config.hubTimeoutMs,
    // Large files only: small ones go inside the commit itself and finish at once.
    onProgress: ({ path, uploadedBytes, totalBytes }) => {
      if (totalBytes >= PROGRESS_MIN_BYTES) uploadProgress(uploadedBytes, totalBytes, path)
    }
  })
  log.info(`Published ${checkpoint.name} to ${result.repoUrl}: ${result.prUrl ?? result.commitUrl}`)
  return { status: 'published', plan, result }
}
