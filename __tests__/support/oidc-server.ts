// A loopback stand-in for GitHub's OIDC token endpoint, reached the way a job reaches the real
// one: GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=..., `Authorization: bearer
// ACTIONS_ID_TOKEN_REQUEST_TOKEN`, answer `{ value: <JWT> }`. The JWT is structured like
// GitHub's (header.payload.signature, base64url) but its signature is random bytes: the Hub
// stand-in checks claims, not signatures.

import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

export interface OidcServerOptions {
  /** The ACTIONS_ID_TOKEN_REQUEST_TOKEN the endpoint accepts. @default random */
  requestToken?: string
  /** Claims of the workflow run (repository, ref, workflow, sub, ...). */
  claims?: Record<string, unknown>
  /** @default GitHub's issuer */
  issuer?: string
  /** Lifetime of issued tokens. @default 300 */
  ttlSeconds?: number
}

export interface OidcRequest {
  audience: string | null
  authorized: boolean
}

export interface OidcServer {
  /** What GitHub puts in ACTIONS_ID_TOKEN_REQUEST_URL (it already has a query string). */
  requestUrl: string
  requestToken: string
  /** Every request, in order. */
  requests: OidcRequest[]
  /** The last JWT issued. */
  lastToken: string | null
  close(): Promise<void>
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

/** The claims of a JWT, without checking its signature. Throws on a malformed token. */
export function decodeJwtClaims(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.')
  if (parts.length !== 3) throw new Error('not a JWT (expected header.payload.signature)')
  return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>
}

export function makeJwt(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'loopback-test' })}.${b64url(claims)}.${randomBytes(32).toString('base64url')}`
}

export async function startOidcServer(options: OidcServerOptions = {}): Promise<OidcServer> {
  const requestToken = options.requestToken ?? `ghs_${randomBytes(16).toString('hex')}`
  const requests: OidcRequest[] = []
  const state = { lastToken: null as string | null }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const authorized = (req.headers.authorization ?? '').replace(/^bearer\s+/i, '') === requestToken
    const audience = url.searchParams.get('audience')
    requests.push({ audience, authorized })
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
    }
    if (req.method !== 'GET' || url.pathname !== '/_apis/token') return send(404, { message: 'Not found' })
    if (!authorized) return send(401, { message: 'Bad credentials' })
    const now = Math.floor(Date.now() / 1000)
    const repository = String(options.claims?.repository ?? 'acme/training')
    const claims = {
      jti: randomBytes(8).toString('hex'),
      sub: `repo:${repository}:ref:refs/heads/main`,
      aud: audience ?? `https://github.com/${repository.split('/')[0]}`,
      ref: 'refs/heads/main',
      repository,
      repository_owner: repository.split('/')[0],
      workflow: 'publish.yml',
      event_name: 'push',
      ...options.claims,
      iss: options.issuer ?? GITHUB_ISSUER,
      nbf: now - 5,
      iat: now,
      exp: now + (options.ttlSeconds ?? 300)
    }
    state.lastToken = makeJwt(claims)
    send(200, { count: 1, value: state.lastToken })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    requestUrl: `http://127.0.0.1:${port}/_apis/token?api-version=2.0`,
    requestToken,
    requests,
    get lastToken() {
      return state.lastToken
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
