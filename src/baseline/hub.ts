// A baseline from the model card published on the Hugging Face Hub. The card is read with the
// one Hub downloader (hub/), through the retrying transport and the injected fetch, so a 429
// while reading it is retried like every other Hub request.

import { errorMessage } from '../util/errors.js'
import type { BaselineScores, Benchmark, MetricSpec } from '../domain/types.js'
import type { RetryOptions } from '../hub/index.js'
import type { Logger } from '../util/log.js'
import { parseBaselineFromModelCard } from './card-scores.js'

export interface HubBaselineOptions {
  /** Without a trailing slash (config strips it). */
  hubUrl: string
  /** `namespace/name` of the model repo the winner is published to. */
  repoId: string
  /** Branch, tag or commit; default `main`. */
  revision?: string
  accessToken?: string
  metric: MetricSpec
  benchmarks: Benchmark[]
  /** The fetch under the retrying transport (the run's, or a test's); default the global one. */
  fetch?: typeof fetch
  /** Retries of the download (tests inject short delays). */
  retry?: RetryOptions
  /** Told why there is no baseline (first publish, unreadable card). */
  log?: Logger
}

/**
 * The published model card as a baseline. Null (not an error) when the repo, revision or its
 * README.md doesn't exist yet, or when the card has no numbers this action can read.
 */
export async function loadBaselineFromHub(options: HubBaselineOptions): Promise<BaselineScores | null> {
  const { repoId, accessToken, fetch, retry } = options
  const { hubUrl } = options
  const revision = options.revision ?? 'main'
  const source = `${hubUrl}/${repoId}/blob/${revision}/README.md`
  let card: string | null
  try {
    // Loaded only when a Hub baseline is asked for (start-up time).
    const { downloadRepoFile } = await import('../hub/index.js')
    card = await downloadRepoFile({ hubUrl, repoId, revision, path: 'README.md', accessToken, fetch, retry })
  } catch (error) {
    throw new Error(
      `baseline: could not read README.md of ${repoId}@${revision} from ${hubUrl} (${errorMessage(error)}). ` +
        'Check `repo-id` and, for a private repo, that `hf-token` can read it; or set `baseline` to a scores.json instead of `hub`.',
      { cause: error }
    )
  }
  if (card === null) {
    options.log?.notice(`No baseline yet: ${repoId}@${revision} has no README.md on ${hubUrl} (first publish).`)
    return null
  }
  const baseline = parseBaselineFromModelCard(card, options.benchmarks, { metric: options.metric, source })
  if (baseline === null) {
    options.log?.notice(
      `No baseline: the model card at ${source} has no scores this action can read ` +
        '(no model-index metrics, no table row naming a benchmark, no eval_accuracy line).'
    )
  }
  return baseline
}
