// Tagging the published commit (the release tag of the run). The client has no tag function, so
// this calls the Hub's endpoint, the one huggingface_hub's create_tag calls.

import type { Logger } from '../util/log.js'
import { messageOf, redact, responseExcerpt, tokenHelp } from './error-messages.js'
import { latestCommit } from './files.js'
import type { RepoAccess } from './files.js'
import { discardBody } from './transport.js'

export interface TagCommitOptions extends RepoAccess {
  commitSha: string
  tag: string
  log: Logger
}

/**
 * Puts `tag` on the commit. A tag that already points elsewhere is left alone with a warning
 * (the commit is published either way); any other failure throws.
 */
export async function tagCommit(options: TagCommitOptions): Promise<void> {
  const { hubUrl, accessToken, repoId, commitSha, tag, log } = options
  const url = `${hubUrl}/api/models/${repoId}/tag/${encodeURIComponent(commitSha)}`
  const failure = `Could not tag ${commitSha} as "${tag}" on ${repoId} (${url})`
  let res: Response
  try {
    res = await options.fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ tag, message: `Tagged by checkpoint-eval-action` })
    })
  } catch (error) {
    throw new Error(`${failure}: ${redact(messageOf(error), accessToken)}`)
  }
  if (res.status === 409) {
    await discardBody(res)
    // A retried tag request whose first answer was lost lands here too: look where the tag points.
    const target = await latestCommit(options, tag)
      .then((c) => c?.oid)
      .catch(() => undefined)
    if (target === commitSha) {
      log.info(`Tagged ${commitSha} as "${tag}"`)
      return
    }
    log.warning(
      `The tag "${tag}" already exists on ${repoId}${target ? ` (at ${target})` : ''} and was not moved to ${commitSha}. ` +
        'Delete it on the Hub, or use another hub-tag, to tag this commit.'
    )
    return
  }
  if (!res.ok) {
    throw new Error(
      `${failure}: HTTP ${res.status} ${await responseExcerpt(res, accessToken)}. ` +
        (res.status === 401 || res.status === 403
          ? tokenHelp(hubUrl)
          : 'The commit itself was published; tag it by hand or re-run.')
    )
  }
  log.info(`Tagged ${commitSha} as "${tag}"`)
}
