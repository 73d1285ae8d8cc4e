// A loopback Hugging Face Hub (node:http on 127.0.0.1, random port) that speaks the HTTP API the
// way @huggingface/hub 2.17 uses it, so tests run the real client against it. LFS bodies are
// streamed to disk and hashed as they arrive (a 1 GiB upload costs no memory here). Faults can be
// queued per route; state and a request log are exposed for assertions.

import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { decodeJwtClaims } from './oidc-server.js'

export type TokenRole = 'read' | 'write' | 'fineGrained'

export interface TokenInfo {
  user: string
  role: TokenRole
  orgs?: string[]
  /** Only this repo (`ns/name`) may be written: tokens from the OIDC exchange. */
  scopeRepo?: string
}

export interface TrustedPublisher {
  /** The Hub repo (`ns/name`) the publisher may write. */
  repoId: string
  /** Claims that must all equal the ID token's, e.g. `{ repository: 'acme/training' }`. */
  claims: Record<string, string>
}

export interface HubServerOptions {
  tokens?: Record<string, TokenInfo>
  oidc?: {
    /** The `aud` the ID token must carry (the real Hub: https://huggingface.co). */
    audience: string
    /** The `iss` it must carry. @default GitHub's issuer */
    issuer?: string
    publishers: TrustedPublisher[]
  }
  /** Files at least this big go to LFS. @default 10 MiB (the Hub's limit for regular files) */
  lfsThreshold?: number
  /** LFS objects at least this big are uploaded in parts. @default 64 MiB */
  multipartThreshold?: number
  /** Size of each part. @default 16 MiB */
  partSize?: number
  /** Entries per page of the tree listing. @default 100 */
  treePageSize?: number
}

export type Route =
  | 'whoami'
  | 'repo-create'
  | 'preupload'
  | 'lfs-batch'
  | 'lfs-upload'
  | 'lfs-part'
  | 'lfs-complete'
  | 'commit'
  | 'commits'
  | 'tree'
  | 'resolve'
  | 'branch'
  | 'tag'
  | 'oauth-token'
  | 'unknown'

export type Fault =
  /** Answer this status without doing anything (429 with Retry-After, 503, ...). */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Destroy the connection before doing anything. */
  | { kind: 'reset' }
  /** Do the work (e.g. apply the commit), then destroy the connection instead of answering. */
  | { kind: 'lose-response' }
  /** Accept the request (its body read) and never answer: the connection stays open until close(). */
  | { kind: 'never-answer' }
  /**
   * Answer this status with a body that echoes the request's headers, the Authorization one
   * included, raw, JSON-escaped and URL-encoded (some proxies and gateways do).
   */
  | { kind: 'echo'; status: number }

export interface StoredFile {
  path: string
  size: number
  /** Git blob id (of the content, or of the LFS pointer). */
  oid: string
  lfs?: { oid: string; size: number; pointerSize: number }
  /** Content of a regular file. */
  content?: Buffer
}

export interface CommitRecord {
  oid: string
  parent: string | null
  title: string
  description: string
  /** The whole tree at this commit. */
  files: Map<string, StoredFile>
  /** Paths this commit added or changed. */
  changed: string[]
  date: string
  /** The branch or `refs/pr/N` it was made on. */
  ref: string
}

export interface RepoState {
  id: string
  private: boolean
  branches: Map<string, string>
  tags: Map<string, { oid: string; message?: string }>
  commits: Map<string, CommitRecord>
  pullRequests: Array<{ num: number; ref: string; title: string }>
  /** sha256 oids of the LFS objects stored for this repo. */
  lfs: Set<string>
}

export interface LoggedRequest {
  route: Route
  method: string
  /** Path and query. */
  path: string
  /** All headers except Authorization. */
  headers: Record<string, string | string[] | undefined>
  /** Whether an Authorization header was sent (never its value). */
  authorized: boolean
  status: number | 'reset'
}

export interface HubServer {
  url: string
  repos: Map<string, RepoState>
  requests: LoggedRequest[]
  /** Bytes of LFS content received by upload PUTs (parts included). */
  readonly lfsBytesReceived: number
  /** Where LFS objects are stored (removed on close). */
  storageDir: string
  /** Queue a fault for the next `times` requests of a route. */
  fault(route: Route, fault: Fault, times?: number): void
  /** Requests of a route (optionally of one method). */
  count(route: Route, method?: string): number
  /** Add a token (e.g. one made mid-test). */
  addToken(token: string, info: TokenInfo): void
  /** Replace the trusted-publishing setup (e.g. once the server's own URL, the audience, is known). */
  configureOidc(oidc: HubServerOptions['oidc']): void
  /** Every token the OIDC exchange has issued, in order. */
  readonly issuedTokens: string[]
  /** Head commit of a branch, or undefined. */
  head(repoId: string, branch?: string): CommitRecord | undefined
  /** Content of a file at a revision (reads LFS objects from disk). */
  fileContent(repoId: string, path: string, revision?: string): Promise<Buffer | null>
  /** Commit history of a branch, newest first. */
  history(repoId: string, branch?: string): CommitRecord[]
  close(): Promise<void>
}

const LFS_EXTENSIONS = /\.(safetensors|bin|pt|pth|ckpt|h5|onnx|msgpack|gguf|npy|npz|pkl|zip|tar|gz|tflite|ot|model)$/i
const DEFAULT_GITATTRIBUTES =
  '*.safetensors filter=lfs diff=lfs merge=lfs -text\n*.bin filter=lfs diff=lfs merge=lfs -text\n'

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode?: string
  ) {
    super(message)
  }
}

const sha1 = (data: string | Buffer): string => createHash('sha1').update(data).digest('hex')
const gitBlobOid = (content: Buffer): string => sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]))
const lfsPointer = (oid: string, size: number): string =>
  `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`

export async function startHubServer(options: HubServerOptions = {}): Promise<HubServer> {
  const tokens = new Map(Object.entries(options.tokens ?? {}))
  const lfsThreshold = options.lfsThreshold ?? 10 * 1024 * 1024
  const multipartThreshold = options.multipartThreshold ?? 64 * 1024 * 1024
  const partSize = options.partSize ?? 16 * 1024 * 1024
  const treePageSize = options.treePageSize ?? 100
  const storageDir = await mkdtemp(join(tmpdir(), 'hub-server-'))
  await mkdir(join(storageDir, 'lfs'))
  await mkdir(join(storageDir, 'tmp'))
  const signature = randomBytes(12).toString('hex')
  const repos = new Map<string, RepoState>()
  const requests: LoggedRequest[] = []
  const faults = new Map<Route, Fault[]>()
  const uploads = new Map<
    string,
    { repoId: string; oid: string; size: number; parts: number; etags: Map<number, string> }
  >()
  const counters = { lfsBytesReceived: 0, tmp: 0 }
  let oidc = options.oidc
  const issuedTokens: string[] = []
  let baseUrl = ''

  // ---- auth ---------------------------------------------------------------------------------

  function authOf(req: IncomingMessage): TokenInfo | null {
    const header = req.headers.authorization
    if (!header) return null
    const token = header.replace(/^Bearer\s+/i, '')
    const info = tokens.get(token)
    if (!info) throw new HttpError(401, 'Invalid credentials in Authorization header')
    return info
  }

  function canRead(repo: RepoState, auth: TokenInfo | null): boolean {
    if (!repo.private) return true
    return !!auth && ownsNamespace(auth, repo.id.split('/')[0]) && (!auth.scopeRepo || auth.scopeRepo === repo.id)
  }

  function ownsNamespace(auth: TokenInfo, namespace: string): boolean {
    return auth.user === namespace || (auth.orgs ?? []).includes(namespace)
  }

  function requireWrite(auth: TokenInfo | null, repoId: string): void {
    if (!auth) throw new HttpError(401, 'Invalid credentials in Authorization header')
    if (auth.role === 'read')
      throw new HttpError(403, `You don't have the rights to write to ${repoId}: your token is read-only`)
    if (!ownsNamespace(auth, repoId.split('/')[0]) || (auth.scopeRepo && auth.scopeRepo !== repoId)) {
      throw new HttpError(403, `You don't have the rights to write to ${repoId}`)
    }
  }

  /** The repo, or the Hub's answer for a repo you can't see (401 anonymous, 404 otherwise). */
  function repoFor(repoId: string, auth: TokenInfo | null): RepoState {
    const repo = repos.get(repoId)
    if (!repo || !canRead(repo, auth)) {
      throw new HttpError(auth ? 404 : 401, 'Repository not found', 'RepositoryNotFound')
    }
    return repo
  }

  // ---- revisions ----------------------------------------------------------------------------

  function resolveRev(repo: RepoState, rev: string): string | undefined {
    if (repo.branches.has(rev)) return repo.branches.get(rev)
    if (repo.tags.has(rev)) return repo.tags.get(rev)!.oid
    if (repo.commits.has(rev)) return rev
    return undefined
  }

  /** Splits `rev/some/path` where rev may itself contain `/` (or be percent-encoded). */
  function splitRevPath(repo: RepoState, rest: string): { rev: string; oid: string; path: string } {
    const segments = rest.split('/')
    for (let i = segments.length; i >= 1; i--) {
      const rev = decodeURIComponent(segments.slice(0, i).join('/'))
      const oid = resolveRev(repo, rev)
      if (oid) return { rev, oid, path: segments.slice(i).map(decodeURIComponent).join('/') }
    }
    throw new HttpError(404, `Invalid rev id: ${decodeURIComponent(segments[0])}`, 'RevisionNotFound')
  }

  function newCommit(
    repo: RepoState,
    parent: string | null,
    fields: Omit<CommitRecord, 'oid' | 'parent' | 'date'>
  ): CommitRecord {
    const oid = sha1(`${repo.id}\n${parent}\n${fields.title}\n${randomBytes(8).toString('hex')}`)
    const record: CommitRecord = { oid, parent, date: new Date().toISOString(), ...fields }
    repo.commits.set(oid, record)
    return record
  }

  // ---- helpers ------------------------------------------------------------------------------

  async function readBody(req: IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > limit) throw new HttpError(413, 'Payload too large')
      chunks.push(chunk as Buffer)
    }
    return Buffer.concat(chunks)
  }

  async function readJson<T>(req: IncomingMessage): Promise<T> {
    const body = await readBody(req)
    const type = req.headers['content-type'] ?? ''
    if (type.startsWith('application/x-www-form-urlencoded'))
      return Object.fromEntries(new URLSearchParams(body.toString())) as T
    try {
      return JSON.parse(body.toString('utf8')) as T
    } catch {
      throw new HttpError(400, 'Invalid JSON body')
    }
  }

  /** Streams the request body to a temp file, hashing it; returns the file, sha256 and size. */
  async function receiveToDisk(
    req: IncomingMessage,
    algorithm: string | null = 'sha256'
  ): Promise<{ file: string; hash: string; size: number }> {
    const file = join(storageDir, 'tmp', `${process.pid}-${counters.tmp++}`)
    const hash = algorithm ? createHash(algorithm) : null
    let size = 0
    req.on('data', (chunk: Buffer) => {
      hash?.update(chunk)
      size += chunk.length
      counters.lfsBytesReceived += chunk.length
    })
    await pipeline(req, createWriteStream(file))
    return { file, hash: hash?.digest('hex') ?? '', size }
  }

  function checkSignature(url: URL): void {
    if (url.searchParams.get('sig') !== signature) throw new HttpError(403, 'Invalid or expired upload signature')
  }

  // ---- handlers -----------------------------------------------------------------------------

  interface Ctx {
    req: IncomingMessage
    url: URL
    match: RegExpMatchArray
    send(status: number, body?: unknown, headers?: Record<string, string>): void
    sendStream(status: number, headers: Record<string, string>, start: () => NodeJS.ReadableStream | Buffer): void
  }

  type Handler = (ctx: Ctx) => Promise<void>

  const whoami: Handler = async ({ req, send }) => {
    const auth = authOf(req)
    if (!auth) throw new HttpError(401, 'Invalid credentials in Authorization header')
    send(200, {
      type: 'user',
      id: sha1(auth.user).slice(0, 24),
      name: auth.user,
      fullname: auth.user,
      email: `${auth.user}@example.com`,
      emailVerified: true,
      isPro: false,
      canPay: false,
      orgs: (auth.orgs ?? []).map((name) => ({ type: 'org', name, fullname: name, id: sha1(name).slice(0, 24) })),
      auth: {
        type: 'access_token',
        accessToken: {
          displayName: auth.scopeRepo ? 'trusted-publisher' : 'test',
          role: auth.role,
          createdAt: new Date().toISOString()
        }
      }
    })
  }

  const createRepo: Handler = async ({ req, send }) => {
    const auth = authOf(req)
    const body = await readJson<{
      name?: string
      organization?: string
      type?: string
      private?: boolean
      visibility?: string
    }>(req)
    if (!auth) throw new HttpError(401, 'Invalid credentials in Authorization header')
    if (!body.name) throw new HttpError(400, 'name is required')
    if ((body.type ?? 'model') !== 'model') throw new HttpError(400, 'Only model repos are supported here')
    const namespace = body.organization ?? auth.user
    const repoId = `${namespace}/${body.name}`
    requireWrite(auth, repoId)
    if (repos.has(repoId)) {
      return send(409, { error: 'You already created this model repo', url: `${baseUrl}/${repoId}` })
    }
    const repo: RepoState = {
      id: repoId,
      private: body.visibility ? body.visibility !== 'public' : !!body.private,
      branches: new Map(),
      tags: new Map(),
      commits: new Map(),
      pullRequests: [],
      lfs: new Set()
    }
    const content = Buffer.from(DEFAULT_GITATTRIBUTES)
    const gitattributes: StoredFile = {
      path: '.gitattributes',
      size: content.length,
      oid: gitBlobOid(content),
      content
    }
    const initial = newCommit(repo, null, {
      title: 'initial commit',
      description: '',
      files: new Map([['.gitattributes', gitattributes]]),
      changed: ['.gitattributes'],
      ref: 'main'
    })
    repo.branches.set('main', initial.oid)
    repos.set(repoId, repo)
    send(200, { url: `${baseUrl}/${repoId}`, name: repoId, id: sha1(repoId).slice(0, 24) })
  }

  const preupload: Handler = async ({ req, match, send }) => {
    const repoId = `${match[1]}/${match[2]}`
    const auth = authOf(req)
    const repo = repoFor(repoId, auth)
    requireWrite(auth, repoId)
    const branch = decodeURIComponent(match[3])
    if (!repo.branches.has(branch)) throw new HttpError(404, `Invalid rev id: ${branch}`, 'RevisionNotFound')
    const body = await readJson<{ files?: Array<{ path: string; size: number; sample: string }> }>(req)
    if (!Array.isArray(body.files)) throw new HttpError(400, 'files is required')
    if (body.files.length > 100) throw new HttpError(400, 'At most 100 files per preupload call')
    send(200, {
      files: body.files.map((f) => {
        const binary = Buffer.from(f.sample ?? '', 'base64').includes(0)
        const lfs = f.size >= lfsThreshold || LFS_EXTENSIONS.test(f.path) || binary
        return { path: f.path, uploadMode: lfs ? 'lfs' : 'regular', shouldIgnore: false }
      }),
      commitOid: repo.branches.get(branch)
    })
  }

  const lfsBatch: Handler = async ({ req, match, send }) => {
    const repoId = `${match[1]}/${match[2]}`
    const auth = authOf(req)
    const repo = repoFor(repoId, auth)
    requireWrite(auth, repoId)
    const body = await readJson<{
      operation?: string
      transfers?: string[]
      objects?: Array<{ oid: string; size: number }>
    }>(req)
    if (body.operation !== 'upload') throw new HttpError(400, 'Only uploads are supported')
    if (!Array.isArray(body.objects)) throw new HttpError(400, 'objects is required')
    const transfers = body.transfers ?? ['basic']
    if (!transfers.includes('basic'))
      throw new HttpError(422, 'This server speaks the basic and multipart transfers only')
    const objects = body.objects.map(({ oid, size }) => {
      if (!/^[0-9a-f]{64}$/.test(oid)) return { oid, size, error: { code: 422, message: 'Invalid oid' } }
      if (repo.lfs.has(oid)) return { oid, size }
      const sig = `sig=${signature}`
      if (size >= multipartThreshold && transfers.includes('multipart')) {
        const uploadId = randomBytes(8).toString('hex')
        const parts = Math.ceil(size / partSize)
        uploads.set(uploadId, { repoId, oid, size, parts, etags: new Map() })
        const header: Record<string, string> = { chunk_size: String(partSize) }
        for (let i = 1; i <= parts; i++)
          header[String(i).padStart(5, '0')] = `${baseUrl}/__lfs/part/${uploadId}/${i}?${sig}`
        return {
          oid,
          size,
          authenticated: true,
          actions: { upload: { href: `${baseUrl}/__lfs/complete/${uploadId}?${sig}`, header } }
        }
      }
      return {
        oid,
        size,
        authenticated: true,
        actions: { upload: { href: `${baseUrl}/__lfs/upload/${repoId}/${oid}?size=${size}&${sig}` } }
      }
    })
    send(200, { transfer: 'basic', objects }, { 'Content-Type': 'application/vnd.git-lfs+json' })
  }

  async function storeLfsObject(repoId: string, oid: string, file: string): Promise<void> {
    await rename(file, join(storageDir, 'lfs', oid))
    repos.get(repoId)?.lfs.add(oid)
  }

  const lfsUpload: Handler = async ({ req, url, match, send }) => {
    checkSignature(url)
    const repoId = `${match[1]}/${match[2]}`
    const oid = match[3]
    const expectedSize = Number(url.searchParams.get('size'))
    const { file, hash, size } = await receiveToDisk(req)
    if (hash !== oid || size !== expectedSize) {
      await rm(file, { force: true })
      throw new HttpError(
        400,
        `Uploaded content does not match: got sha256 ${hash} (${size} bytes), expected ${oid} (${expectedSize} bytes)`
      )
    }
    await storeLfsObject(repoId, oid, file)
    send(200)
  }

  const lfsPart: Handler = async ({ req, url, match, send }) => {
    checkSignature(url)
    const upload = uploads.get(match[1])
    const part = Number(match[2])
    if (!upload || part < 1 || part > upload.parts) throw new HttpError(404, 'Unknown upload or part')
    // The ETag is opaque to clients (S3's is an md5, which would cost this shared CPU more than
    // the client being measured); the sha256 of the assembled object checks every byte anyway.
    const { file, size } = await receiveToDisk(req, null)
    const hash = randomBytes(16).toString('hex')
    const expected = part < upload.parts ? partSize : upload.size - partSize * (upload.parts - 1)
    if (size !== expected) {
      await rm(file, { force: true })
      throw new HttpError(400, `Part ${part} has ${size} bytes, expected ${expected}`)
    }
    await rename(file, join(storageDir, 'tmp', `${match[1]}.${part}`))
    upload.etags.set(part, `"${hash}"`)
    send(200, undefined, { ETag: `"${hash}"` })
  }

  const lfsComplete: Handler = async ({ req, url, match, send }) => {
    checkSignature(url)
    const uploadId = match[1]
    const upload = uploads.get(uploadId)
    if (!upload) throw new HttpError(404, 'Unknown upload')
    const body = await readJson<{ oid?: string; parts?: Array<{ partNumber: number; etag: string }> }>(req)
    if (body.oid !== upload.oid) throw new HttpError(400, 'oid does not match the upload')
    const parts = body.parts ?? []
    if (parts.length !== upload.parts || parts.some((p) => upload.etags.get(p.partNumber) !== p.etag)) {
      throw new HttpError(400, 'Parts or ETags do not match the uploaded parts')
    }
    const file = join(storageDir, 'tmp', `${uploadId}.all`)
    const hash = createHash('sha256')
    const out = createWriteStream(file)
    for (let i = 1; i <= upload.parts; i++) {
      // Large reads: hashing in 64 KiB pieces would make this server, not the client, the bottleneck.
      const partFile = join(storageDir, 'tmp', `${uploadId}.${i}`)
      for await (const chunk of createReadStream(partFile, { highWaterMark: 4 * 1024 * 1024 })) {
        hash.update(chunk as Buffer)
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()))
      }
      await rm(join(storageDir, 'tmp', `${uploadId}.${i}`))
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())))
    const digest = hash.digest('hex')
    if (digest !== upload.oid) {
      await rm(file, { force: true })
      throw new HttpError(400, `Assembled content has sha256 ${digest}, expected ${upload.oid}`)
    }
    await storeLfsObject(upload.repoId, upload.oid, file)
    uploads.delete(uploadId)
    send(200, { success: true })
  }

  const commit: Handler = async ({ req, url, match, send }) => {
    const repoId = `${match[1]}/${match[2]}`
    const auth = authOf(req)
    const repo = repoFor(repoId, auth)
    requireWrite(auth, repoId)
    const branch = decodeURIComponent(match[3])
    const createPr = ['1', 'true'].includes(url.searchParams.get('create_pr') ?? '')
    const lines = (await readBody(req))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
    let header: { summary?: string; description?: string; parentCommit?: string } | undefined
    const changes: Array<{ key: string; value: Record<string, unknown> }> = []
    for (const line of lines) {
      let entry: { key: string; value: Record<string, unknown> }
      try {
        entry = JSON.parse(line)
      } catch {
        throw new HttpError(400, 'Invalid NDJSON line in commit body')
      }
      if (entry.key === 'header') header = entry.value
      else changes.push(entry)
    }
    if (!header?.summary) throw new HttpError(400, 'The commit header needs a summary')
    const head = repo.branches.get(branch)
    if (!head) throw new HttpError(404, `Invalid rev id: ${branch}`, 'RevisionNotFound')
    if (header.parentCommit && !createPr && header.parentCommit !== head) {
      throw new HttpError(412, 'A commit has happened since. Please refresh and try again.')
    }
    const base = createPr && header.parentCommit ? header.parentCommit : head
    const baseCommit = repo.commits.get(base)
    if (!baseCommit) throw new HttpError(404, `Invalid rev id: ${base}`, 'RevisionNotFound')

    // Everything is checked before anything changes: a rejected commit leaves no trace.
    const files = new Map(baseCommit.files)
    const changed: string[] = []
    for (const { key, value } of changes) {
      const path = String(value.path ?? '')
      if (!path || path.startsWith('/') || path.split('/').includes('..'))
        throw new HttpError(400, `Invalid path: ${path}`)
      if (key === 'file') {
        const content = Buffer.from(String(value.content ?? ''), value.encoding === 'base64' ? 'base64' : 'utf8')
        if (content.length >= lfsThreshold) {
          throw new HttpError(
            400,
            `${path} is ${content.length} bytes: files of ${lfsThreshold} bytes or more must be uploaded with LFS`
          )
        }
        files.set(path, { path, size: content.length, oid: gitBlobOid(content), content })
      } else if (key === 'lfsFile') {
        const oid = String(value.oid ?? '')
        const size = Number(value.size)
        const stored = repo.lfs.has(oid) ? await stat(join(storageDir, 'lfs', oid)).catch(() => null) : null
        if (!stored || stored.size !== size) {
          throw new HttpError(
            422,
            `Your push was rejected because an LFS pointer pointed to a file that does not exist (${path}, ${oid})`
          )
        }
        const pointer = lfsPointer(oid, size)
        files.set(path, {
          path,
          size,
          oid: sha1(`blob ${pointer.length}\0${pointer}`),
          lfs: { oid, size, pointerSize: pointer.length }
        })
      } else if (key === 'deletedFile') {
        if (!files.delete(path)) throw new HttpError(404, `${path} does not exist`, 'EntryNotFound')
      } else {
        throw new HttpError(400, `Unknown commit operation: ${key}`)
      }
      changed.push(path)
    }

    let ref = branch
    let pullRequestUrl: string | undefined
    if (createPr) {
      const num = repo.pullRequests.length + 1
      ref = `refs/pr/${num}`
      repo.pullRequests.push({ num, ref, title: header.summary })
      pullRequestUrl = `${baseUrl}/${repoId}/discussions/${num}`
    }
    const record = newCommit(repo, base, {
      title: header.summary,
      description: header.description ?? '',
      files,
      changed,
      ref
    })
    repo.branches.set(ref, record.oid)
    send(200, {
      success: true,
      commitOid: record.oid,
      commitUrl: `${baseUrl}/${repoId}/commit/${record.oid}`,
      commitMessage: header.description ? `${header.summary}\n\n${header.description}` : header.summary,
      hookOutput: '',
      ...(pullRequestUrl && { pullRequestUrl })
    })
  }

  const commits: Handler = async ({ req, url, match, send }) => {
    const repoId = `${match[1]}/${match[2]}`
    const repo = repoFor(repoId, authOf(req))
    const rev = decodeURIComponent(match[3])
    const oid = resolveRev(repo, rev)
    if (!oid) throw new HttpError(404, `Invalid rev id: ${rev}`, 'RevisionNotFound')
    const limit = Math.max(1, Math.min(1000, Number(url.searchParams.get('limit') ?? 100)))
    const page = Number(url.searchParams.get('p') ?? 0)
    const all: CommitRecord[] = []
    for (let c = repo.commits.get(oid); c; c = c.parent ? repo.commits.get(c.parent) : undefined) all.push(c)
    const slice = all.slice(page * limit, (page + 1) * limit)
    const headers: Record<string, string> = {}
    if (all.length > (page + 1) * limit) {
      const next = new URL(url.href, baseUrl)
      next.searchParams.set('p', String(page + 1))
      headers.Link = `<${baseUrl}${next.pathname}${next.search}>; rel="next"`
    }
    send(
      200,
      slice.map((c) => ({
        id: c.oid,
        title: c.title,
        message: c.description,
        authors: [{ user: 'test', avatar: '' }],
        date: c.date
      })),
      headers
    )
  }

  const tree: Handler = async ({ req, url, match, send }) => {
    const repoId = `${match[1]}/${match[2]}`
    const repo = repoFor(repoId, authOf(req))
    const { oid, path } = splitRevPath(repo, match[3])
    const recursive = ['1', 'true'].includes(url.searchParams.get('recursive') ?? '')
    const prefix = path ? `${path.replace(/\/+$/, '')}/` : ''
    const files = [...repo.commits.get(oid)!.files.values()].filter((f) => f.path.startsWith(prefix))
    if (path && files.length === 0) throw new HttpError(404, `${path} does not exist at ${oid}`, 'EntryNotFound')
    const entries = new Map<string, Record<string, unknown>>()
    for (const file of files) {
      const rest = file.path.slice(prefix.length).split('/')
      const depth = recursive ? rest.length - 1 : Math.min(rest.length - 1, 1)
      for (let i = 1; i <= depth; i++) {
        const dir = prefix + rest.slice(0, i).join('/')
        if (!entries.has(dir)) entries.set(dir, { type: 'directory', oid: sha1(dir), size: 0, path: dir })
      }
      if (recursive || rest.length === 1) {
        entries.set(file.path, {
          type: 'file',
          oid: file.oid,
          size: file.lfs ? file.lfs.pointerSize : file.size,
          path: file.path,
          ...(file.lfs && { lfs: file.lfs })
        })
      }
    }
    const sorted = [...entries.values()].sort((a, b) => String(a.path).localeCompare(String(b.path)))
    const cursor = Number(url.searchParams.get('cursor') ?? 0)
    const page = sorted.slice(cursor, cursor + treePageSize)
    const headers: Record<string, string> = {}
    if (cursor + treePageSize < sorted.length) {
      const next = new URL(url.href, baseUrl)
      next.searchParams.set('cursor', String(cursor + treePageSize))
      headers.Link = `<${baseUrl}${next.pathname}${next.search}>; rel="next"`
    }
    send(200, page, headers)
  }

  const resolve: Handler = async ({ req, match, sendStream }) => {
    const repoId = `${match[1]}/${match[2]}`
    const repo = repoFor(repoId, authOf(req))
    const { oid, path } = splitRevPath(repo, match[3])
    const file = repo.commits.get(oid)!.files.get(path)
    if (!file) throw new HttpError(404, 'Entry not found', 'EntryNotFound')
    const headers: Record<string, string> = {
      'Content-Type': 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      ETag: `"${file.lfs ? file.lfs.oid : file.oid}"`,
      'X-Repo-Commit': oid,
      ...(file.lfs && { 'X-Linked-Size': String(file.size), 'X-Linked-ETag': `"${file.lfs.oid}"` })
    }
    const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''))
    let start = 0
    let end = file.size - 1
    let status = 200
    if (range && file.size > 0) {
      start = range[1] ? Number(range[1]) : Math.max(0, file.size - Number(range[2]))
      end = range[1] && range[2] ? Math.min(Number(range[2]), file.size - 1) : file.size - 1
      if (start > end || start >= file.size) {
        return sendStream(416, { 'Content-Range': `bytes */${file.size}` }, () => Buffer.alloc(0))
      }
      status = 206
      headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`
    }
    headers['Content-Length'] = String(file.size === 0 ? 0 : end - start + 1)
    sendStream(status, headers, () =>
      file.lfs
        ? file.size === 0
          ? Buffer.alloc(0)
          : createReadStream(join(storageDir, 'lfs', file.lfs.oid), { start, end })
        : file.content!.subarray(start, end + 1)
    )
  }

  const branch: Handler = async ({ req, match, send }) => {
    const repoId = `${match[1]}/${match[2]}`
    const auth = authOf(req)
    const repo = repoFor(repoId, auth)
    requireWrite(auth, repoId)
    const name = decodeURIComponent(match[3])
    const body = await readJson<{ startingPoint?: string; emptyBranch?: boolean; overwrite?: boolean }>(req)
    if (repo.branches.has(name) && !body.overwrite) throw new HttpError(409, 'Reference already exists')
    if (repo.branches.has(name) && !body.startingPoint && !body.emptyBranch) return send(200, {})
    const start = body.startingPoint ?? 'main'
    const oid = resolveRev(repo, start)
    if (!oid) throw new HttpError(404, `Invalid rev id: ${start}`, 'RevisionNotFound')
    if (body.emptyBranch) throw new HttpError(400, 'Empty branches are not supported by this test server')
    repo.branches.set(name, oid)
    send(200, {})
  }

  const tag: Handler = async ({ req, match, send }) => {
    const repoId = `${match[1]}/${match[2]}`
    const auth = authOf(req)
    const repo = repoFor(repoId, auth)
    requireWrite(auth, repoId)
    const rev = decodeURIComponent(match[3])
    const body = await readJson<{ tag?: string; message?: string }>(req)
    if (!body.tag) throw new HttpError(400, 'tag is required')
    const oid = resolveRev(repo, rev)
    if (!oid) throw new HttpError(404, `Invalid rev id: ${rev}`, 'RevisionNotFound')
    if (repo.tags.has(body.tag)) throw new HttpError(409, `Tag ${body.tag} already exists`)
    repo.tags.set(body.tag, { oid, message: body.message })
    send(200, {})
  }

  const oauthToken: Handler = async ({ req, send }) => {
    const body = await readJson<Record<string, string>>(req)
    const invalid = (description: string): void => send(400, { error: 'invalid_grant', error_description: description })
    if (body.grant_type !== 'urn:ietf:params:oauth:grant-type:token-exchange') {
      return send(400, {
        error: 'unsupported_grant_type',
        error_description: `grant_type ${body.grant_type} is not supported`
      })
    }
    if (body.subject_token_type !== 'urn:ietf:params:oauth:token-type:id_token') {
      return send(400, {
        error: 'invalid_request',
        error_description: 'subject_token_type must be urn:ietf:params:oauth:token-type:id_token'
      })
    }
    if (!oidc) return invalid('No trusted publisher is configured')
    let claims: Record<string, unknown>
    try {
      claims = decodeJwtClaims(String(body.subject_token ?? ''))
    } catch {
      return invalid('The subject token is not a valid JWT')
    }
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    if (!aud.includes(oidc.audience)) return invalid(`The token audience does not match: expected ${oidc.audience}`)
    const issuer = oidc.issuer ?? 'https://token.actions.githubusercontent.com'
    if (claims.iss !== issuer) return invalid(`The token issuer does not match: expected ${issuer}`)
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return invalid('The token has expired')
    const resource = String(body.resource ?? '')
    const publisher = oidc.publishers.find(
      (p) => p.repoId === resource && Object.entries(p.claims).every(([k, v]) => claims[k] === v)
    )
    if (!publisher) return invalid(`No trusted publisher of ${resource} matches the token claims`)
    const accessToken = `hf_jwt_${randomBytes(24).toString('base64url')}`
    tokens.set(accessToken, { user: resource.split('/')[0], role: 'fineGrained', scopeRepo: resource })
    issuedTokens.push(accessToken)
    send(200, {
      access_token: accessToken,
      token_type: 'bearer',
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      expires_in: 3600
    })
  }

  const routes: Array<{ route: Route; method: string; pattern: RegExp; handler: Handler }> = [
    { route: 'whoami', method: 'GET', pattern: /^\/api\/whoami-v2$/, handler: whoami },
    { route: 'repo-create', method: 'POST', pattern: /^\/api\/repos\/create$/, handler: createRepo },
    {
      route: 'preupload',
      method: 'POST',
      pattern: /^\/api\/models\/([^/]+)\/([^/]+)\/preupload\/(.+)$/,
      handler: preupload
    },
    { route: 'commit', method: 'POST', pattern: /^\/api\/models\/([^/]+)\/([^/]+)\/commit\/(.+)$/, handler: commit },
    { route: 'commits', method: 'GET', pattern: /^\/api\/models\/([^/]+)\/([^/]+)\/commits\/(.+)$/, handler: commits },
    { route: 'tree', method: 'GET', pattern: /^\/api\/models\/([^/]+)\/([^/]+)\/tree\/(.+)$/, handler: tree },
    { route: 'branch', method: 'POST', pattern: /^\/api\/models\/([^/]+)\/([^/]+)\/branch\/(.+)$/, handler: branch },
    { route: 'tag', method: 'POST', pattern: /^\/api\/models\/([^/]+)\/([^/]+)\/tag\/(.+)$/, handler: tag },
    {
      route: 'lfs-batch',
      method: 'POST',
      pattern: /^\/([^/]+)\/([^/]+)\.git\/info\/lfs\/objects\/batch$/,
      handler: lfsBatch
    },
    {
      route: 'lfs-upload',
      method: 'PUT',
      pattern: /^\/__lfs\/upload\/([^/]+)\/([^/]+)\/([0-9a-f]{64})$/,
      handler: lfsUpload
    },
    { route: 'lfs-part', method: 'PUT', pattern: /^\/__lfs\/part\/([0-9a-f]+)\/(\d+)$/, handler: lfsPart },
    { route: 'lfs-complete', method: 'POST', pattern: /^\/__lfs\/complete\/([0-9a-f]+)$/, handler: lfsComplete },
    { route: 'oauth-token', method: 'POST', pattern: /^\/oauth\/token$/, handler: oauthToken },
    { route: 'resolve', method: 'GET', pattern: /^\/(?!api\/)([^/]+)\/([^/]+)\/resolve\/(.+)$/, handler: resolve }
  ]

  // ---- server -------------------------------------------------------------------------------

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl)
    const method = req.method ?? 'GET'
    const found = routes.find((r) => r.method === method && r.pattern.test(url.pathname))
    const { authorization, ...headers } = req.headers
    const entry: LoggedRequest = {
      route: found?.route ?? 'unknown',
      method,
      path: url.pathname + url.search,
      headers,
      authorized: authorization !== undefined,
      status: 'reset'
    }
    requests.push(entry)
    res.on('finish', () => (entry.status = res.statusCode))

    const fault = found ? faults.get(found.route)?.shift() : undefined
    if (fault?.kind === 'reset') {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'never-answer') {
      req.resume()
      return
    }
    if (fault?.kind === 'echo') {
      req.resume()
      req.on('end', () => {
        const auth = authorization ?? ''
        const body =
          `{"error":"bad gateway","request":${JSON.stringify({ method, path: url.pathname, headers: req.headers })},` +
          `"raw":"${auth}","encoded":"${encodeURIComponent(auth)}"}`
        res
          .writeHead(fault.status, {
            'Content-Type': 'application/json',
            'X-Echo-Authorization': encodeURIComponent(auth)
          })
          .end(body)
      })
      return
    }
    if (fault?.kind === 'status') {
      // Read the body first: answering mid-upload makes the client see a reset, not the status.
      req.resume()
      req.on('end', () => {
        const body = JSON.stringify(fault.body ?? { error: `Injected ${fault.status}` })
        res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers }).end(body)
      })
      return
    }
    const loseResponse = fault?.kind === 'lose-response'
    const drop = (): boolean => {
      if (!loseResponse) return false
      req.socket.destroy()
      return true
    }
    const ctx: Ctx = {
      req,
      url,
      match: found ? (url.pathname.match(found.pattern) as RegExpMatchArray) : ([] as unknown as RegExpMatchArray),
      send(status, body, extra = {}) {
        if (drop()) return
        const json = body === undefined ? '' : JSON.stringify(body)
        res.writeHead(status, {
          ...(body !== undefined && { 'Content-Type': 'application/json' }),
          'X-Request-Id': randomBytes(6).toString('hex'),
          ...extra
        })
        res.end(json)
      },
      sendStream(status, extra, start) {
        if (drop()) return
        res.writeHead(status, extra)
        if (req.method === 'HEAD') return void res.end()
        const source = start()
        if (Buffer.isBuffer(source)) return void res.end(source)
        pipeline(source, res).catch(() => res.destroy())
      }
    }
    const run = found
      ? found.handler(ctx)
      : Promise.reject(new HttpError(404, `No route for ${method} ${url.pathname}`))
    run.catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return void res.destroy()
      const status = error instanceof HttpError ? error.status : 500
      const message = error instanceof Error ? error.message : String(error)
      const code = error instanceof HttpError ? error.errorCode : undefined
      // Drain what the client still sends, so that it reads the answer rather than a reset.
      req.resume()
      res
        .writeHead(status, { 'Content-Type': 'application/json', ...(code && { 'X-Error-Code': code }) })
        .end(JSON.stringify({ error: message }))
    })
  })

  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const head = (repoId: string, name = 'main'): CommitRecord | undefined => {
    const repo = repos.get(repoId)
    const oid = repo?.branches.get(name)
    return oid ? repo!.commits.get(oid) : undefined
  }

  return {
    url: baseUrl,
    repos,
    requests,
    storageDir,
    get lfsBytesReceived() {
      return counters.lfsBytesReceived
    },
    fault(route, fault, times = 1) {
      const queue = faults.get(route) ?? []
      for (let i = 0; i < times; i++) queue.push(fault)
      faults.set(route, queue)
    },
    count: (route, method) => requests.filter((r) => r.route === route && (!method || r.method === method)).length,
    addToken: (token, info) => void tokens.set(token, info),
    configureOidc: (value) => void (oidc = value),
    issuedTokens,
    head,
    async fileContent(repoId, path, revision = 'main') {
      const repo = repos.get(repoId)
      const oid = repo && resolveRev(repo, revision)
      const file = oid ? repo!.commits.get(oid)!.files.get(path) : undefined
      if (!file) return null
      if (!file.lfs) return file.content!
      const chunks: Buffer[] = []
      for await (const chunk of createReadStream(join(storageDir, 'lfs', file.lfs.oid))) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    },
    history(repoId, name = 'main') {
      const out: CommitRecord[] = []
      const repo = repos.get(repoId)
      for (let c = head(repoId, name); c; c = c.parent ? repo!.commits.get(c.parent) : undefined) out.push(c)
      return out
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
      await rm(storageDir, { recursive: true, force: true })
    }
  }
}

/** Same as startHubServer. */
export const start = startHubServer
