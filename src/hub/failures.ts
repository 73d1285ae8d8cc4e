// Shared wording and hygiene for the errors of the hub modules.

import { errorMessage } from '../util/errors.js'

/** Replaces every occurrence of each secret (tokens) with `***`. */
export function redact(text: string, ...secrets: Array<string | undefined>): string {
  let out = text
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***')
  }
  // Defence in depth: anything shaped like a Hub token that slipped through.
  return out.replace(/\bhf_[A-Za-z0-9_]{8,}\b/g, 'hf_***')
}

/** A thrown value's message, with the network code Node hides in `cause`. */
export function messageOf(error: unknown): string {
  const e = error as { cause?: { code?: unknown; message?: unknown } } | null
  const message = errorMessage(error)
  const cause = typeof e?.cause?.code === 'string' ? e.cause.code : typeof e?.cause?.message === 'string' ? e.cause.message : ''
  return cause ? `${message} (${cause})` : message
}

/** The HTTP status of a HubApiError, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode
  return typeof status === 'number' ? status : undefined
}

/** How to get a working token. */
export function tokenHelp(hubUrl: string): string {
  return (
    `Create a token with the "write" role at ${hubUrl.replace(/\/+$/, '')}/settings/tokens and store it as the HF_TOKEN secret ` +
    '(or use trusted publishing with `permissions: id-token: write`).'
  )
}
