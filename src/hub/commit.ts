// Publishing the winning checkpoint: the repo and branch made ready, one atomic commit of every
// file (commit-once.ts), the tag, and a read-back of the result (verify.ts).

import { createBranch, createRepo } from '@huggingface/hub'
import { parseRepoId } from '../domain/repo-id.js'
import { hubStep, messageOf, redact, statusOf } from './error-messages.js'
import type { RepoAccess } from './files.js'
import { commitOnce } from './commit-once.js'
import { prepareFiles } from './local-files.js'
import { tagCommit } from './tag.js'
import { createHubFetch, formatDelay } from './transport.js'
import type { RetryEvent } from './transport.js'
import type { PublishOptions, PublishResult } from './types.js'
import { verifyCommit } from './verify.js'

export type { PublishFile, PublishOptions, PublishProgress, PublishResult } from './types.js'

/**
 * Creates the repo (if needed) and the branch (if needed), commits all files at once, tags the
 * commit, and reads the result back. Throws on any step, saying which and how to fix it.
 */
export async function publishToHub(options: PublishOptions): Promise<PublishResult> {
  const { hubUrl, accessToken, log } = options
  const repoId = checkRepoId(options.repoId)
  const branch = options.revision || 'main'
  const onRetry = (e: RetryEvent) =>
    log.info(
      `Hub request ${e.method} ${e.url} failed (${e.reason}); retry ${e.attempt} of ${e.maxAttempts - 1} in ${formatDelay(e.delayMs)}`
    )
  const hubFetch = createHubFetch({ retry: options.retry, fetch: options.fetch, onRetry })
  const access: RepoAccess = { hubUrl, accessToken, repoId, fetch: hubFetch }
  const files = await prepareFiles(options.files)

  try {
    await ensureRepo(access, options)
    if (branch !== 'main') await ensureBranch(access, options, branch)

    const output = await commitOnce({ ...options, ...access, branch, files, onRetry })
    const commitSha = output.commit.oid
    const result: PublishResult = {
      repoId,
      repoUrl: `${hubUrl}/${repoId}`,
      commitSha,
      commitUrl: output.commit.url || `${hubUrl}/${repoId}/commit/${commitSha}`,
      ...(output.pullRequestUrl && { prUrl: output.pullRequestUrl })
    }
    log.info(
      result.prUrl ? `Opened pull request ${result.prUrl}` : `Committed ${commitSha} to ${branch}: ${result.commitUrl}`
    )

    if (options.hubTag) {
      if (options.createPr) {
        log.warning(
          `Not tagging "${options.hubTag}": the commit is in an unmerged pull request (${result.prUrl}). Tag it after merging.`
        )
      } else {
        await tagCommit({ ...access, commitSha, tag: options.hubTag, log })
      }
    }

    await hubStep(`verify the commit ${commitSha} of ${repoId}`, access, () =>
      verifyCommit({ ...access, commitSha, files })
    )
    log.info(`Verified ${files.length} file(s) on the Hub at ${commitSha}`)
    return result
  } catch (error) {
    throw new Error(redact(messageOf(error), accessToken))
  }
}

/** Creates the repo, or goes on with the one that exists (keeping its visibility). */
async function ensureRepo(access: RepoAccess, options: Pick<PublishOptions, 'private' | 'log'>): Promise<void> {
  const { hubUrl, repoId } = access
  await hubStep(`create the repo ${repoId}`, access, async () => {
    try {
      await createRepo({ ...access, repo: { type: 'model', name: repoId }, private: options.private })
      options.log.info(`Created ${options.private ? 'private' : 'public'} repo ${hubUrl}/${repoId}`)
    } catch (error) {
      if (statusOf(error) !== 409) throw error
      options.log.info(`Repo ${hubUrl}/${repoId} exists; publishing to it`)
    }
  })
}

/** Creates the branch from main, or goes on with the one that exists. */
async function ensureBranch(access: RepoAccess, options: Pick<PublishOptions, 'log'>, branch: string): Promise<void> {
  await hubStep(`create the branch ${branch} of ${access.repoId}`, access, async () => {
    try {
      await createBranch({ ...access, repo: { type: 'model', name: access.repoId }, branch })
      options.log.info(`Created branch ${branch} from main`)
    } catch (error) {
      if (statusOf(error) !== 409) throw error
      options.log.debug(`Branch ${branch} exists`)
    }
  })
}

function checkRepoId(repoId: string): string {
  const parts = parseRepoId(repoId)
  if (!parts.namespace) {
    throw new Error(
      `publishToHub needs "namespace/name", got "${repoId}": resolve the namespace (the token's user) first.`
    )
  }
  return `${parts.namespace}/${parts.name}`
}
