// Who the token is, trusted publishing (GitHub OIDC -> short-lived Hub token), and the CLI's
// token lookup. No function here logs or returns a message that contains a token: the entry
// point masks tokens, and these errors may end up in a job log anyway.

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { whoAmI } from '@huggingface/hub'
import { createHubFetch } from './transport.js'
import { messageOf, redact, statusOf, tokenHelp } from './error-messages.js'

export interface WhoamiOptions {
  /** Without a trailing slash (config strips it). */
  hubUrl: string
  accessToken: string
  fetch?: typeof fetch
}

export interface WhoamiResult {
  /** The user (or org/app) the token belongs to: the default namespace of repos. */
  name: string
  /** False only for a classic read token; fine-grained tokens are checked by the Hub per repo. */
  canWrite: boolean
  /** `read`, `write`, `fineGrained`, or `unknown` for tokens that aren't user access tokens. */
  tokenRole: string
}

/** Checks a token against the Hub's `/api/whoami-v2`. */
export async function whoami(options: WhoamiOptions): Promise<WhoamiResult> {
  const { hubUrl, accessToken } = options
  if (!accessToken.startsWith('hf_')) {
    throw new Error(`The Hugging Face token is malformed: Hub tokens start with "hf_". ${tokenHelp(hubUrl)}`)
  }
  try {
    const info = await whoAmI({ hubUrl, accessToken, fetch: options.fetch ?? createHubFetch() })
    const tokenRole = info.auth?.accessToken?.role ?? 'unknown'
    return { name: info.name, canWrite: tokenRole !== 'read', tokenRole }
  } catch (error) {
    if (statusOf(error) === 401) {
      throw new Error(
        `The Hugging Face token was rejected by ${hubUrl}/api/whoami-v2 (401): it is wrong, expired or revoked. ${tokenHelp(hubUrl)}`
      )
    }
    throw new Error(
      `Could not check the Hugging Face token at ${hubUrl}/api/whoami-v2: ${redact(messageOf(error), accessToken)}`
    )
  }
}

/**
 * Throws the read-only-token error when the token can't write; says which repo needed it.
 * `hubUrl` is without a trailing slash (config strips it).
 */
export function assertCanWrite(info: WhoamiResult, options: { hubUrl: string; repoId: string }): void {
  if (info.canWrite) return
  throw new Error(
    `The Hugging Face token of "${info.name}" is read-only (role "${info.tokenRole}"), so it can't publish to ${options.repoId}. ` +
      `Create a token with the "write" role (or a fine-grained token with write access to ${options.repoId}) at ` +
      `${options.hubUrl}/settings/tokens and store it as the HF_TOKEN secret, or use trusted publishing (OIDC).`
  )
}

export interface ExchangeOidcTokenOptions {
  /** Without a trailing slash (config strips it). */
  hubUrl: string
  /** `namespace/name` the short-lived token is scoped to (the Trusted Publisher's repo). */
  repoId: string
  /** ACTIONS_ID_TOKEN_REQUEST_URL; set by GitHub only with `permissions: id-token: write`. */
  idTokenRequestUrl: string | undefined
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  idTokenRequestToken: string | undefined
  /** The `aud` the Hub expects in the GitHub token. @default hubUrl (https://huggingface.co) */
  audience?: string
  fetch?: typeof fetch
}

const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange'
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token'
const OIDC_SETUP_DOCS = 'https://huggingface.co/docs/hub/trusted-publishers'

/**
 * Trusted publishing: asks GitHub for an OIDC ID token (audience = the Hub) and exchanges it at
 * the Hub's `/oauth/token` (RFC 8693) for a short-lived `hf_` token scoped to `repoId`.
 * The caller must mask the returned token before anything else is logged.
 */
export async function exchangeOidcToken(options: ExchangeOidcTokenOptions): Promise<string> {
  const { hubUrl, repoId, idTokenRequestUrl, idTokenRequestToken } = options
  const doFetch = options.fetch ?? createHubFetch()
  if (!idTokenRequestUrl || !idTokenRequestToken) {
    throw new Error(
      'Trusted publishing needs a GitHub OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. ' +
        'Add `permissions: id-token: write` to the job (or the workflow) that runs this action, or pass an hf-token instead.'
    )
  }
  const audience = options.audience ?? hubUrl
  const secrets = [idTokenRequestToken]

  const requestUrl = new URL(idTokenRequestUrl)
  requestUrl.searchParams.set('audience', audience)
  let idToken: string
  try {
    const res = await doFetch(requestUrl, {
      headers: { Authorization: `bearer ${idTokenRequestToken}`, Accept: 'application/json' }
    })
    if (!res.ok) {
      throw new Error(`HTTP ${res.status} ${redact(await safeText(res), ...secrets)}`)
    }
    const body = (await res.json()) as { value?: unknown }
    if (typeof body.value !== 'string' || body.value === '') throw new Error('the answer has no "value"')
    idToken = body.value
  } catch (error) {
    throw new Error(
      `Could not get an OIDC ID token from GitHub (${requestUrl.origin}${requestUrl.pathname}): ${redact(messageOf(error), ...secrets)}. ` +
        'Check that the job has `permissions: id-token: write`.'
    )
  }
  secrets.push(idToken)

  const tokenUrl = `${hubUrl}/oauth/token`
  let res: Response
  try {
    res = await doFetch(tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        grant_type: TOKEN_EXCHANGE_GRANT,
        subject_token_type: ID_TOKEN_TYPE,
        subject_token: idToken,
        resource: repoId
      })
    })
  } catch (error) {
    throw new Error(
      `Could not reach ${tokenUrl} to exchange the GitHub OIDC token: ${redact(messageOf(error), ...secrets)}`
    )
  }
  const text = await safeText(res)
  let body: { access_token?: unknown; error?: unknown; error_description?: unknown } = {}
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: reported below with the status
  }
  if (!res.ok || typeof body.access_token !== 'string') {
    const detail =
      [body.error, body.error_description].filter((x) => typeof x === 'string').join(': ') || text.slice(0, 300)
    const claims = describeClaims(idToken)
    throw new Error(
      `The Hub refused to exchange the GitHub OIDC token for a token on ${repoId} (${tokenUrl}, HTTP ${res.status}): ${redact(detail, ...secrets)}. ` +
        `This run's token has ${claims}. Add (or fix) a Trusted Publisher in ${hubUrl}/${repoId}/settings ` +
        `whose claims match these exactly, and request the audience the Hub expects (${audience} was used). See ${OIDC_SETUP_DOCS}.`
    )
  }
  if (!body.access_token.startsWith('hf_')) {
    throw new Error(
      `The Hub's token exchange at ${tokenUrl} answered a token that doesn't start with "hf_"; it can't be used.`
    )
  }
  return body.access_token
}

/** A JWT's identifying claims (never the token), to say what a Trusted Publisher must match. */
function describeClaims(jwt: string): string {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >
    const keys = ['aud', 'repository', 'ref', 'workflow', 'environment', 'sub']
    const parts = keys.filter((k) => payload[k] !== undefined).map((k) => `${k}=${JSON.stringify(payload[k])}`)
    return parts.length ? parts.join(', ') : 'no readable claims'
  } catch {
    return 'no readable claims'
  }
}

export interface ReadLocalTokenOptions {
  env: Record<string, string | undefined>
  /** A file the user named explicitly (CLI flag); it must exist. */
  tokenFile?: string
  homeDir: string
}

export interface LocalToken {
  token: string
  /** Where it came from, for a log line (never the token itself). */
  source: string
}

/**
 * The CLI's token: `HF_TOKEN`, then an explicit token file, then the file `huggingface-cli login`
 * writes, `$HF_TOKEN_PATH` or `${HF_HOME:-~/.cache/huggingface}/token`. Null when there is none.
 */
export async function readLocalToken(options: ReadLocalTokenOptions): Promise<LocalToken | null> {
  const { env } = options
  const fromEnv = env.HF_TOKEN?.trim()
  if (fromEnv) return { token: fromEnv, source: 'the HF_TOKEN environment variable' }

  if (options.tokenFile) {
    const token = await readTokenFile(options.tokenFile)
    if (token === undefined) {
      throw new Error(
        `The token file ${options.tokenFile} does not exist or can't be read. Fix the path, or set HF_TOKEN instead.`
      )
    }
    if (token === '')
      throw new Error(`The token file ${options.tokenFile} is empty. Write a Hugging Face token (hf_...) into it.`)
    return { token, source: `the token file ${options.tokenFile}` }
  }

  const defaultFile = env.HF_TOKEN_PATH || join(env.HF_HOME || join(options.homeDir, '.cache', 'huggingface'), 'token')
  const token = await readTokenFile(defaultFile)
  return token ? { token, source: `the token file ${defaultFile}` } : null
}

/** The trimmed contents, or undefined when the file can't be read. */
async function readTokenFile(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim()
  } catch {
    return undefined
  }
}

async function safeText(res: Response): Promise<string> {
  try {
    return await res.text()
  } catch {
    return ''
  }
}
