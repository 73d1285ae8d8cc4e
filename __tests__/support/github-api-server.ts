// A loopback stand-in for the part of the GitHub REST API the PR comment uses: list (paged, with
// a Link header like api.github.com), create and update issue comments. Records every request.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StoredComment {
  id: number
  body: string
  user: { login: string; type: 'User' | 'Bot' }
  html_url: string
  created_at: string
  updated_at: string
}

export interface RecordedRequest {
  method: string
  /** Path and query, e.g. `/repos/o/r/issues/1/comments?per_page=100&page=2`. */
  url: string
  authorization?: string
  body?: unknown
}

export interface FakeGitHubApi {
  /** Pass as apiUrl / baseUrl. */
  url: string
  requests: RecordedRequest[]
  /** Comments of `owner/repo#number`, oldest first. */
  comments(owner: string, repo: string, number: number): StoredComment[]
  /** Adds comments as if people had written them. */
  seed(owner: string, repo: string, number: number, bodies: string[], user?: StoredComment['user']): void
  /**
   * Makes every request that matches `method` (or all, with '*') answer `status` with GitHub's
   * error JSON; null restores normal answers.
   */
  failWith(failure: { status: number; message: string; method?: string } | null): void
  close(): Promise<void>
}

/** GitHub caps per_page at 100 and defaults it to 30. */
const MAX_PER_PAGE = 100
const DEFAULT_PER_PAGE = 30

export async function startFakeGitHubApi(): Promise<FakeGitHubApi> {
  const threads = new Map<string, StoredComment[]>()
  const requests: RecordedRequest[] = []
  let failure: { status: number; message: string; method?: string } | null = null
  let nextId = 1000
  let base = ''

  const thread = (owner: string, repo: string, number: number | string): StoredComment[] => {
    const key = `${owner}/${repo}#${number}`
    if (!threads.has(key)) threads.set(key, [])
    return threads.get(key)!
  }
  const makeComment = (
    owner: string,
    repo: string,
    number: number | string,
    body: string,
    user: StoredComment['user']
  ) => {
    const id = nextId++
    const now = new Date().toISOString()
    return {
      id,
      body,
      user,
      html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${id}`,
      created_at: now,
      updated_at: now
    }
  }

  const server = createServer(async (req, res) => {
    const body = await readJson(req)
    const url = new URL(req.url ?? '/', base)
    requests.push({
      method: req.method ?? '',
      url: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
      body
    })
    if (failure && (failure.method === undefined || failure.method === '*' || failure.method === req.method)) {
      return send(res, failure.status, {
        message: failure.message,
        documentation_url: 'https://docs.github.com/rest',
        status: String(failure.status)
      })
    }
    if (!req.headers.authorization) return send(res, 401, { message: 'Requires authentication' })

    let match = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname)
    if (match && req.method === 'GET') {
      const all = thread(match[1], match[2], match[3])
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? DEFAULT_PER_PAGE), MAX_PER_PAGE)
      const page = Number(url.searchParams.get('page') ?? 1)
      const last = Math.max(1, Math.ceil(all.length / perPage))
      const links: string[] = []
      const pageUrl = (n: number) => {
        const next = new URL(url)
        next.searchParams.set('page', String(n))
        next.searchParams.set('per_page', String(perPage))
        return next.href
      }
      if (page < last) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`)
      if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(page - 1)}>; rel="prev"`)
      return send(
        res,
        200,
        all.slice((page - 1) * perPage, page * perPage),
        links.length ? { link: links.join(', ') } : {}
      )
    }
    if (match && req.method === 'POST') {
      const text = (body as { body?: unknown } | undefined)?.body
      if (typeof text !== 'string') return send(res, 422, { message: 'Invalid request: body is required' })
      if (text.length > 65_536)
        return send(res, 422, { message: 'Validation Failed: body is too long (maximum is 65536 characters)' })
      const comment = makeComment(match[1], match[2], match[3], text, { login: 'github-actions[bot]', type: 'Bot' })
      thread(match[1], match[2], match[3]).push(comment)
      return send(res, 201, comment)
    }
    match = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)
    if (match && req.method === 'PATCH') {
      const id = Number(match[3])
      const comment = [...threads.values()].flat().find((c) => c.id === id)
      if (!comment) return send(res, 404, { message: 'Not Found' })
      const text = (body as { body?: unknown } | undefined)?.body
      if (typeof text !== 'string') return send(res, 422, { message: 'Invalid request: body is required' })
      if (text.length > 65_536)
        return send(res, 422, { message: 'Validation Failed: body is too long (maximum is 65536 characters)' })
      comment.body = text
      comment.updated_at = new Date().toISOString()
      return send(res, 200, comment)
    }
    return send(res, 404, { message: 'Not Found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: base,
    requests,
    comments: (owner, repo, number) => thread(owner, repo, number),
    seed: (owner, repo, number, bodies, user = { login: 'octocat', type: 'User' }) => {
      for (const text of bodies) thread(owner, repo, number).push(makeComment(owner, repo, number, text, user))
    },
    failWith: (next) => {
      failure = next
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  if (chunks.length === 0) return undefined
  const text = Buffer.concat(chunks).toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}
