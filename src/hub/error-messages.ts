// The wording and hygiene of the hub modules' errors: secrets redacted, the HTTP status read,
// and each failure told with its fix (usually: which token to create).

import { errorMessage } from '../util/errors.js'
import { redact } from '../util/redact.js'

/** Every secret, in every encoding, masked: the run's one redaction point (util/redact.ts). */
export { redact }

/** A thrown value's message, with the network code Node hides in `cause`. */
export function messageOf(error: unknown): string {
  const e = error as { cause?: { code?: unknown; message?: unknown } } | null
  const message = errorMessage(error)
  const cause =
    typeof e?.cause?.code === 'string' ? e.cause.code : typeof e?.cause?.message === 'string' ? e.cause.message : ''
  return cause ? `${message} (${cause})` : message
}

/** The HTTP status of a HubApiError, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode
  return typeof status === 'number' ? status : undefined
}

/** How to get a working token. `hubUrl` is without a trailing slash (config strips it). */
export function tokenHelp(hubUrl: string): string {
  return (
    `Create a token with the "write" role at ${hubUrl}/settings/tokens and store it as the HF_TOKEN secret ` +
    '(or use trusted publishing with `permissions: id-token: write`).'
  )
}

/** The start of an error response's body, redacted: enough to say what the Hub objected to. */
export async function responseExcerpt(res: Response, accessToken: string | undefined): Promise<string> {
  return redact((await res.text().catch(() => '')).slice(0, 300), accessToken)
}

export interface HubStepContext {
  /** Without a trailing slash (config strips it). */
  hubUrl: string
  accessToken: string
}

/** A failed Hub call's message with what its status means and how to fix it. */
export function explainHubError(error: unknown, { hubUrl, accessToken }: HubStepContext): string {
  const message = redact(messageOf(error), accessToken)
  switch (statusOf(error)) {
    case 401:
      return `${message}. The token was rejected (wrong, expired or revoked). ${tokenHelp(hubUrl)}`
    case 403:
      return `${message}. The token can't write there: it is read-only, or the namespace isn't yours or your org's. ${tokenHelp(hubUrl)}`
    case 429:
      return `${message}. The Hub's rate limit was still hit after retrying; wait a few minutes and re-run.`
    default:
      return message
  }
}

/** Runs one Hub step and turns its failure into an error that names the step and the fix. */
export async function hubStep<T>(what: string, context: HubStepContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw new Error(`Could not ${what} on ${context.hubUrl}: ${explainHubError(error, context)}`)
  }
}
