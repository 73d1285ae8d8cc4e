// Which baseline the gate compares with: an earlier scores.json, or the card published at repo-id.
import { existsSync } from 'node:fs'
import type { Config } from '../config/types.js'
import type { BaselineScores, Benchmark, MetricSpec } from '../domain/types.js'
import { InputError } from '../util/errors.js'
import type { Logger } from '../util/log.js'

export interface LoadBaselineOptions {
  config: Config
  metric: MetricSpec
  benchmarks: Benchmark[]
  log: Logger
  /** A Hub token found on this machine (CLI), when hf-token is empty. */
  localToken?: string
  fetch?: typeof fetch
  /** A cancelled run aborts the Hub requests. */
  signal?: AbortSignal
}

/** The earlier result to compare with: null when there is none yet, undefined when not asked for. */
export async function loadBaseline(options: LoadBaselineOptions): Promise<BaselineScores | null | undefined> {
  const { config, log, metric } = options
  const source = config.gate.baseline
  if (!source) return undefined
  // The baseline readers (and through them the Hub client) load only when a baseline is asked for.
  const { loadBaselineFromFile, loadBaselineFromHub } = await import('../baseline/index.js')
  if (source.kind === 'file') {
    if (!existsSync(source.path)) {
      log.notice(`No baseline yet: ${source.given} does not exist (first run?). The regression check passes.`)
      return null
    }
    return loadBaselineFromFile(source.path, { metric })
  }
  const { repo, hubUrl, revision } = config.publish
  if (!repo) {
    throw new InputError(
      'baseline',
      "'hub' compares with the model card published at repo-id, but repo-id is empty. Set repo-id, or give baseline a scores.json path."
    )
  }
  const token = config.publish.token ?? options.localToken
  const hub = await import('../hub/index.js')
  // hub-timeout bounds every wait here too: a Hub that never answers can't hold the job.
  const fetch = hub.createTimedFetch({
    fetch: options.fetch,
    timeoutMs: config.publish.hubTimeoutMs,
    signal: options.signal,
    onWaiting: (message) => log.info(message)
  })
  let namespace = repo.namespace
  if (!namespace && token) {
    namespace = (await hub.whoami({ hubUrl, accessToken: token, fetch: hub.createHubFetch({ fetch }) })).name
  }
  if (!namespace) {
    log.notice(
      `No baseline: repo-id '${repo.name}' has no namespace and there is no token to find its owner. Write repo-id as namespace/name.`
    )
    return null
  }
  return loadBaselineFromHub({
    hubUrl,
    repoId: `${namespace}/${repo.name}`,
    revision,
    accessToken: token,
    metric,
    benchmarks: options.benchmarks,
    log,
    fetch
  })
}
