export const id = 497;
export const ids = [497];
export const modules = {

/***/ 32497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HubTimeoutError: () => (/* reexport */ HubTimeoutError),
  assertCanWrite: () => (/* reexport */ assertCanWrite),
  createHubFetch: () => (/* reexport */ createHubFetch),
  createTimedFetch: () => (/* reexport */ createTimedFetch),
  downloadRepoFile: () => (/* reexport */ downloadRepoFile),
  exchangeOidcToken: () => (/* reexport */ exchangeOidcToken),
  formatDelay: () => (/* reexport */ formatDelay),
  publishToHub: () => (/* reexport */ publishToHub),
  readLocalToken: () => (/* reexport */ readLocalToken),
  whoami: () => (/* reexport */ whoami)
});

// EXTERNAL MODULE: ./node_modules/@huggingface/hub/dist/index.mjs + 15 modules
var dist = __webpack_require__(75009);
// EXTERNAL MODULE: ./src/domain/repo-id.ts
var repo_id = __webpack_require__(15934);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
;// CONCATENATED MODULE: ./src/hub/error-messages.ts
// The wording and hygiene of the hub modules' errors: secrets redacted, the HTTP status read,
// and each failure told with its fix (usually: which token to create).


/** Every secret, in every encoding, masked: the run's one redaction point (util/redact.ts). */

/** A thrown value's message, with the network code Node hides in `cause`. */
function messageOf(error) {
    const e = error;
    const message = (0,errors/* errorMessage */.g)(error);
    const cause = typeof e?.cause?.code === 'string' ? e.cause.code : typeof e?.cause?.message === 'string' ? e.cause.message : '';
    return cause ? `${message} (${cause})` : message;
}
/** The HTTP status of a HubApiError, if it is one. */
function statusOf(error) {
    const status = error?.statusCode;
    return typeof status === 'number' ? status : undefined;
}
/** How to get a working token. `hubUrl` is without a trailing slash (config strips it). */
function tokenHelp(hubUrl) {
    return (`Create a token with the "write" role at ${hubUrl}/settings/tokens and store it as the HF_TOKEN secret ` +
        '(or use trusted publishing with `permissions: id-token: write`).');
}
/** The start of an error response's body, redacted: enough to say what the Hub objected to. */
async function responseExcerpt(res, accessToken) {
    return (0,redact/* redact */.E$)((await res.text().catch(() => '')).slice(0, 300), accessToken);
}
/** A failed Hub call's message with what its status means and how to fix it. */
function explainHubError(error, { hubUrl, accessToken }) {
    const message = (0,redact/* redact */.E$)(messageOf(error), accessToken);
    switch (statusOf(error)) {
        case 401:
            return `${message}. The token was rejected (wrong, expired or revoked). ${tokenHelp(hubUrl)}`;
        case 403:
            return `${message}. The token can't write there: it is read-only, or the namespace isn't yours or your org's. ${tokenHelp(hubUrl)}`;
        case 429:
            return `${message}. The Hub's rate limit was still hit after retrying; wait a few minutes and re-run.`;
        default:
            return message;
    }
}
/** Runs one Hub step and turns its failure into an error that names the step and the fix. */
async function hubStep(what, context, fn) {
    try {
        return await fn();
    }
    catch (error) {
        throw new Error(`Could not ${what} on ${context.hubUrl}: ${explainHubError(error, context)}`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/util/file-pass.ts
var file_pass = __webpack_require__(78808);
;// CONCATENATED MODULE: ./src/hub/local-files.ts
// The files to publish, on this side: checked and sized before anything is sent, and hashed the
// way the Hub names blobs, once per run (the hash that tells whether the branch already holds a
// file is the one the upload sends).



/** Checks every path and source, and sizes every file. */
async function prepareFiles(files) {
    if (files.length === 0)
        throw new Error('Nothing to publish: the file list is empty.');
    const seen = new Set();
    const prepared = [];
    for (const file of files) {
        const path = file.pathInRepo;
        if (!path ||
            path.startsWith('/') ||
            path.includes('\\') ||
            path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
            throw new Error(`Invalid path in repo "${path}": use a relative posix path without "." or ".." segments, e.g. "eval/results.json".`);
        }
        if (seen.has(path))
            throw new Error(`"${path}" is listed twice among the files to publish; each path in the repo can be written once per commit.`);
        seen.add(path);
        if ((file.localPath === undefined) === (file.content === undefined)) {
            throw new Error(`"${path}": give either localPath or content, not ${file.localPath === undefined ? 'neither' : 'both'}.`);
        }
        prepared.push(file.localPath !== undefined ? await prepareLocalFile(path, file) : prepareContent(path, file));
    }
    return prepared;
}
async function prepareLocalFile(path, file) {
    const localPath = file.localPath;
    const info = await (0,promises_.stat)(localPath).catch(() => null);
    // A folder (or a symlink to one) can't be one file of the repo.
    if (!info || !info.isFile()) {
        throw new Error(`"${path}": ${localPath} is ${info ? 'not a regular file' : 'missing'}; publish files, not folders.`);
    }
    return { path, size: info.size, source: file };
}
function prepareContent(path, file) {
    return { path, size: contentBytes(file).byteLength, source: file };
}
/** The bytes of a file given as content (not on disk), else undefined. */
const inMemoryBytes = (file) => contentBytes(file.source);
function contentBytes(source) {
    if (source.content === undefined)
        return undefined;
    return typeof source.content === 'string' ? Buffer.from(source.content, 'utf8') : source.content;
}
/** The whole file (small files only: they travel inside the commit). */
async function fileBytes(file) {
    const bytes = contentBytes(file.source);
    return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : (0,promises_.readFile)(file.source.localPath);
}
/** The first `length` bytes (the sample the Hub's preupload call looks at). */
async function fileHead(file, length) {
    const bytes = contentBytes(file.source);
    if (bytes)
        return Buffer.from(bytes.subarray(0, length));
    const handle = await (0,promises_.open)(file.source.localPath);
    try {
        const buffer = Buffer.alloc(Math.min(length, file.size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
/** The file's text as sent (to compare with what the Hub gives back). */
async function sentText(source) {
    const bytes = contentBytes(source);
    return bytes ? Buffer.from(bytes).toString('utf8') : (0,promises_.readFile)(source.localPath, 'utf8');
}
/**
 * Hashes a file: bytes in memory here, a file on disk in 1 MiB reads (util/file-pass.ts; the
 * secret check's hash when it read the file already). Fails when the file's size changed since
 * it was prepared: what was checked must be what is sent.
 */
async function hashFile(algorithm, file, prefix = '') {
    const bytes = contentBytes(file.source);
    if (bytes) {
        const hash = (0,external_node_crypto_.createHash)(algorithm);
        if (prefix)
            hash.update(prefix);
        return hash.update(bytes).digest('hex');
    }
    const { digest, bytes: read } = await (0,file_pass/* hashFileOnce */.Iw)(algorithm, file.source.localPath, prefix);
    if (read !== file.size)
        throw changedError(file, read);
    return digest;
}
function changedError(file, bytes) {
    return new Error(`${file.source.localPath} changed while publishing (${bytes} bytes, ${file.size} when the run started): publish from files that are no longer being written.`);
}
// One hash per file and kind, whoever asks first (the re-run check or the upload).
const sha256s = new WeakMap();
const gitOids = new WeakMap();
function memo(cache, file, compute) {
    let hash = cache.get(file);
    if (!hash) {
        hash = compute();
        cache.set(file, hash);
    }
    return hash;
}
/** The sha256 the Hub reports as the `lfs.oid` of an LFS file (and the upload's oid). */
const sha256Of = (file) => memo(sha256s, file, () => hashFile('sha256', file));
/** Git's id of a blob, which the Hub reports as `oid` of a regular file. */
const gitBlobOid = (file) => memo(gitOids, file, () => hashFile('sha1', file, `blob ${file.size}\0`));

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/hub/http-fetch.ts
// The `fetch` every Hub request goes through by default, over node:http(s). Node's own fetch
// (undici) adds ~14 MiB of RSS the moment it, Headers or Response is first touched: a seventh of
// a 1 GiB publish's peak, for features no Hub call uses. The Hub client and our calls need a
// subset: string or byte bodies (a Blob or stream too), headers, status, a body read once,
// an abort signal, and redirects followed as fetch follows them. Connections are kept alive.
// (The bundle requires node:http rather than importing it: an ESM import of node:http reads
// every export, WebSocket among them, which loads undici after all.)



const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
const NO_BODY = new Set([101, 204, 205, 304]);
/** The Headers subset the Hub client and our calls use: case-insensitive, values joined by ", ". */
class HttpHeaders {
    values = new Map();
    constructor(init) {
        if (!init)
            return;
        if (Array.isArray(init))
            for (const [name, value] of init)
                this.append(name, value);
        else if (typeof init.forEach === 'function')
            init.forEach((value, name) => this.append(name, value));
        else
            for (const [name, value] of Object.entries(init))
                if (value !== undefined)
                    this.append(name, String(value));
    }
    /** The headers of a node:http message (a repeated header's values joined by ", "). */
    static fromIncoming(incoming) {
        const headers = new HttpHeaders();
        for (const [name, value] of Object.entries(incoming)) {
            if (value === undefined)
                continue;
            for (const one of Array.isArray(value) ? value : [value])
                headers.append(name, one);
        }
        return headers;
    }
    append(name, value) {
        const key = name.toLowerCase();
        const had = this.values.get(key);
        this.values.set(key, had === undefined ? value : `${had}, ${value}`);
    }
    set(name, value) {
        this.values.set(name.toLowerCase(), value);
    }
    get(name) {
        return this.values.get(name.toLowerCase()) ?? null;
    }
    has(name) {
        return this.values.has(name.toLowerCase());
    }
    delete(name) {
        this.values.delete(name.toLowerCase());
    }
    forEach(callback) {
        for (const [name, value] of this.values)
            callback(value, name);
    }
    entries() {
        return this.values.entries();
    }
    keys() {
        return this.values.keys();
    }
    [Symbol.iterator]() {
        return this.values.entries();
    }
}
/** The Response subset: status, headers, and a body read once (as a stream, bytes, text or JSON). */
class HttpResponse {
    body;
    ok;
    status;
    statusText;
    headers;
    url;
    redirected;
    type = 'basic';
    bodyUsed = false;
    constructor(body, init) {
        this.body = body;
        this.status = init.status;
        this.ok = init.status >= 200 && init.status < 300;
        this.statusText = init.statusText ?? '';
        this.headers = init.headers;
        this.url = init.url;
        this.redirected = init.redirected ?? false;
    }
    async bytes() {
        if (this.bodyUsed)
            throw new TypeError('Body is unusable: Body has already been read');
        this.bodyUsed = true;
        if (!this.body)
            return new Uint8Array(0);
        const chunks = [];
        const reader = this.body.getReader();
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            chunks.push(value);
        }
        return Buffer.concat(chunks);
    }
    async arrayBuffer() {
        const bytes = await this.bytes();
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }
    async text() {
        return Buffer.from(await this.bytes()).toString('utf8');
    }
    async json() {
        return JSON.parse(await this.text());
    }
    async blob() {
        return new Blob([await this.bytes()], { type: this.headers.get('content-type') ?? '' });
    }
}
const agents = {
    'http:': new (external_node_http_default()).Agent({ keepAlive: true }),
    'https:': new (external_node_https_default()).Agent({ keepAlive: true })
};
function isBlob(body) {
    return !!body && typeof body === 'object' && typeof body.stream === 'function' && 'size' in body;
}
function isWebStream(body) {
    return !!body && typeof body === 'object' && typeof body.getReader === 'function';
}
/** The body as bytes to send at once, or a stream to pipe; and the Content-Type it implies. */
function outgoingBody(body) {
    if (body === undefined || body === null)
        return {};
    if (typeof body === 'string')
        return { bytes: Buffer.from(body, 'utf8'), type: 'text/plain;charset=UTF-8' };
    if (body instanceof URLSearchParams)
        return { bytes: Buffer.from(body.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
    if (ArrayBuffer.isView(body))
        return { bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
    if (body instanceof ArrayBuffer)
        return { bytes: Buffer.from(body) };
    if (isBlob(body)) {
        const stream = external_node_stream_.Readable.fromWeb(body.stream());
        return { stream, size: body.size, type: body.type || undefined };
    }
    if (isWebStream(body))
        return { stream: external_node_stream_.Readable.fromWeb(body) };
    throw new TypeError(`httpFetch: unsupported request body (${Object.prototype.toString.call(body)})`);
}
function send(url, method, headers, body, signal) {
    return new Promise((resolve, reject) => {
        const { bytes, stream, size, type } = outgoingBody(body);
        const outgoing = { accept: '*/*', ...Object.fromEntries(headers.entries()) };
        if (type && !headers.has('content-type'))
            outgoing['content-type'] = type;
        const length = bytes?.length ?? size;
        if (length !== undefined)
            outgoing['content-length'] = String(length);
        else if (!stream && method !== 'GET' && method !== 'HEAD')
            outgoing['content-length'] = '0';
        const options = {
            method,
            headers: outgoing,
            agent: agents[url.protocol],
            signal: signal ?? undefined
        };
        const request = (url.protocol === 'https:' ? (external_node_https_default()).request : (external_node_http_default()).request)(url, options);
        request.once('response', resolve);
        // As fetch rejects: the signal's reason when aborted, else "fetch failed" with the socket's
        // error (its code: ECONNRESET, ECONNREFUSED…) as the cause, which the retry rules read.
        request.once('error', (error) => reject(signal?.aborted ? (signal.reason ?? error) : new TypeError('fetch failed', { cause: error })));
        if (stream)
            stream.once('error', (error) => request.destroy(error)).pipe(request);
        else
            request.end(bytes);
    });
}
/**
 * `fetch(input, init)` over node:http(s): redirects followed for up to 20 hops (a 303, or a
 * 301/302 answering a POST, becomes a GET; Authorization is dropped when the origin changes),
 * `redirect: 'error' | 'manual'` honoured, the signal aborting the request and its body.
 */
async function httpFetch(input, init = {}) {
    let url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new TypeError(`httpFetch: unsupported URL ${url.protocol}`);
    let method = (init.method ?? 'GET').toUpperCase();
    const headers = new HttpHeaders(init.headers);
    let body = init.body;
    init.signal?.throwIfAborted();
    for (let hop = 0;; hop++) {
        const res = await send(url, method, headers, body, init.signal);
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (REDIRECTS.has(status) && location && init.redirect !== 'manual') {
            res.resume();
            if (init.redirect === 'error')
                throw new TypeError(`fetch failed: ${method} ${url.origin}${url.pathname} redirected`);
            if (hop >= MAX_REDIRECTS)
                throw new TypeError(`fetch failed: more than ${MAX_REDIRECTS} redirects`);
            const next = new URL(location, url);
            if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
                if (method !== 'HEAD')
                    method = 'GET';
                body = undefined;
                headers.delete('content-type');
            }
            else if (body !== undefined && body !== null && (isBlob(body) || isWebStream(body))) {
                throw new TypeError('fetch failed: a streamed request body cannot follow a redirect');
            }
            if (next.origin !== url.origin)
                headers.delete('authorization');
            url = next;
            continue;
        }
        const responseHeaders = HttpHeaders.fromIncoming(res.headers);
        const empty = method === 'HEAD' || NO_BODY.has(status);
        if (empty)
            res.resume();
        const stream = empty ? null : external_node_stream_.Readable.toWeb(res);
        const response = new HttpResponse(stream, {
            status,
            statusText: res.statusMessage ?? '',
            headers: responseHeaders,
            url: url.href,
            redirected: hop > 0
        });
        return response;
    }
}

;// CONCATENATED MODULE: ./src/hub/transport.ts
// The `fetch` handed to @huggingface/hub. The client itself never retries and, with Node's
// built-in fetch, a Blob PUT body is copied in memory (so that it could be replayed on a
// redirect): a 1 GiB weights file cost >1 GiB of RSS. This wrapper fixes both. Underneath is
// httpFetch (node:http), not Node's fetch, unless a caller hands another in.

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** What a commit POST is retried on: the Hub answers 429 before doing anything. */
const RATE_LIMITED = new Set([429]);
// Node's fetch reports a broken connection as `TypeError: fetch failed` with one of these in
// `cause.code` (undici's own codes for a socket closed by the peer, or the OS's).
const RETRYABLE_NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENOTFOUND',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT'
]);
const COMMIT_PATH = /^\/api\/(models|datasets|spaces)\/[^/]+\/[^/]+\/commit\//;
/** True for the Hub's commit endpoint, which must not be sent twice blindly. */
function isCommitRequest(request) {
    return request.method === 'POST' && COMMIT_PATH.test(request.url.pathname);
}
/** The network error code behind a failed fetch, or null when it isn't a network error. */
function networkErrorCode(error) {
    // Duck-typed: under jest's ESM VM, Node's errors are not `instanceof Error` of this realm.
    const err = error;
    if (!err || typeof err !== 'object' || err.name === 'AbortError')
        return null;
    for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
        const code = e.code;
        if (typeof code === 'string' && RETRYABLE_NETWORK_CODES.has(code))
            return code;
        e = e.cause;
    }
    if (err.message === 'fetch failed')
        return 'fetch failed';
    return null;
}
/**
 * How long the server asked to wait, in ms, from `Retry-After` (seconds or HTTP date) or, failing
 * that, the `t=` (seconds to reset) of the IETF `RateLimit` header the Hub sends, or
 * `RateLimit-Reset`. Null when neither says.
 */
function serverRequestedDelayMs(headers, now = Date.now()) {
    const retryAfter = headers.get('retry-after')?.trim();
    if (retryAfter) {
        if (/^\d+(\.\d+)?$/.test(retryAfter))
            return Math.round(Number(retryAfter) * 1000);
        const date = Date.parse(retryAfter);
        if (!Number.isNaN(date))
            return Math.max(0, date - now);
    }
    const t = /(?:^|[;,\s])t=(\d+)/.exec(headers.get('ratelimit') ?? '');
    if (t)
        return Number(t[1]) * 1000;
    const reset = headers.get('ratelimit-reset')?.trim();
    if (reset && /^\d+$/.test(reset))
        return Number(reset) * 1000;
    return null;
}
/**
 * How long to wait before asking again after an answer with this status, or null when the
 * answer is final: a status not in `statuses`, or a server asking to wait longer than
 * `maxRetryAfterMs`. The one rule for API calls (createHubFetch) and storage PUTs (put.ts).
 */
function answerRetryDelayMs(answer, attempt, retry = {}, statuses = RETRYABLE_STATUS) {
    if (!statuses.has(answer.status))
        return null;
    const requested = serverRequestedDelayMs(answer.headers);
    if (requested !== null && requested > (retry.maxRetryAfterMs ?? 300_000))
        return null;
    return requested ?? backoffDelayMs(attempt, retry);
}
/** Exponential backoff with full jitter: uniform in [base*2^(n-1)/2, base*2^(n-1)], capped. */
function backoffDelayMs(attempt, retry = {}) {
    const base = retry.baseDelayMs ?? 1000;
    const max = retry.maxDelayMs ?? 30_000;
    const ceiling = Math.min(max, base * 2 ** (attempt - 1));
    const random = retry.random ?? Math.random;
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A delay as a log line shows it: `250ms`, `1.5s`. */
function formatDelay(ms) {
    return ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${ms}ms`;
}
/** Frees the connection of a response whose body won't be read (it would otherwise hold it). */
async function discardBody(response) {
    await response.body?.cancel().catch(() => { });
}
/** A string that names a request without the query (upload URLs carry signatures there). */
function describeUrl(url) {
    return `${url.origin}${url.pathname}`;
}
function isBlobBody(body) {
    return (!!body &&
        typeof body === 'object' &&
        typeof body.stream === 'function' &&
        typeof body.size === 'number');
}
function isStreamBody(body) {
    return !!body && typeof body === 'object' && typeof body.getReader === 'function';
}
function toUrl(input) {
    if (input instanceof URL)
        return input;
    if (typeof input === 'string')
        return new URL(input);
    return new URL(input.url);
}
// Duck-typed: touching the global Request (even for instanceof) loads Node's fetch.
function requestInput(input) {
    return typeof input === 'object' && !(input instanceof URL) && 'method' in input ? input : undefined;
}
/**
 * A `fetch` for @huggingface/hub: bounded memory for large uploads, and retries of 429, 5xx and
 * connection resets with backoff (honouring `Retry-After` / `RateLimit`). A commit POST is
 * retried on 429 only (see `isIdempotent`).
 */
function createHubFetch(options = {}) {
    const baseFetch = options.fetch ?? httpFetch;
    const retry = options.retry ?? {};
    const maxAttempts = Math.max(1, retry.maxAttempts ?? 5);
    const sleep = retry.sleep ?? defaultSleep;
    const isIdempotent = options.isIdempotent ?? ((request) => !isCommitRequest(request));
    const hubFetch = async (input, init) => {
        const url = toUrl(input);
        const method = (init?.method ?? requestInput(input)?.method ?? 'GET').toUpperCase();
        let requestInit = init;
        const body = init?.body;
        // A stream can be read once: such a request is never replayed.
        const replayable = !isStreamBody(body) && !requestInput(input)?.body;
        if (isBlobBody(body) || isStreamBody(body)) {
            // Without `redirect: "error"` Node's fetch tees the body to replay it on a 307/308,
            // holding the whole file in memory. Upload URLs never redirect.
            requestInit = { ...init, redirect: 'error', ...(isStreamBody(body) && { duplex: 'half' }) };
        }
        const idempotent = isIdempotent({ method, url });
        for (let attempt = 1;; attempt++) {
            let response;
            let reason;
            let delayMs;
            try {
                response = await baseFetch(input, requestInit);
            }
            catch (error) {
                const code = networkErrorCode(error);
                if (!code || !replayable || !idempotent || attempt >= maxAttempts || init?.signal?.aborted)
                    throw error;
                reason = code;
                delayMs = backoffDelayMs(attempt, retry);
            }
            if (response) {
                if (!replayable || attempt >= maxAttempts)
                    return response;
                const delay = answerRetryDelayMs(response, attempt, retry, idempotent ? RETRYABLE_STATUS : RATE_LIMITED);
                if (delay === null)
                    return response;
                reason = `HTTP ${response.status}`;
                delayMs = delay;
                await discardBody(response);
            }
            options.onRetry?.({ method, url: describeUrl(url), attempt, maxAttempts, delayMs: delayMs, reason: reason });
            await sleep(delayMs);
            if (init?.signal?.aborted)
                throw init.signal.reason ?? new Error('aborted');
        }
    };
    return hubFetch;
}

;// CONCATENATED MODULE: ./src/hub/files.ts
// Reading a model repo on the Hub: the one file downloader, the tree listing, the commit a
// revision names, and whether a commit already holds the files to publish.




// The Hub spells this code both ways, depending on the endpoint and its version.
const REPO_NOT_FOUND = /^Repo(sitory)?NotFound$/;
/** A text file of a model repo, or null when the repo, revision or file doesn't exist. */
async function downloadRepoFile(options) {
    const { fetch: baseFetch, retry, ...file } = options;
    return readRepoFile({ ...file, fetch: createHubFetch({ fetch: baseFetch, retry }) });
}
/** The request behind downloadRepoFile; `fetch` must already be the retrying transport. */
async function readRepoFile(options) {
    const { hubUrl, accessToken } = options;
    const path = options.path.split('/').map(encodeURIComponent).join('/');
    const url = `${hubUrl}/${options.repoId}/resolve/${encodeURIComponent(options.revision ?? 'main')}/${path}`;
    let res;
    try {
        res = await options.fetch(url, { headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {} });
    }
    catch (error) {
        throw new Error(`Could not download ${options.path} from ${options.repoId} (${url}): ${(0,redact/* redact */.E$)(messageOf(error), accessToken)}`);
    }
    const errorCode = res.headers.get('x-error-code');
    // The Hub answers 401 rather than 404 for a repo the caller can't see, so as not to reveal it.
    if (res.status === 404 || (res.status === 401 && REPO_NOT_FOUND.test(errorCode ?? ''))) {
        await discardBody(res);
        return null;
    }
    if (!res.ok) {
        throw new Error(`Could not download ${options.path} from ${options.repoId} (${url}): HTTP ${res.status}${errorCode ? ` ${errorCode}` : ''} ${await responseExcerpt(res, accessToken)}` +
            (res.status === 401 || res.status === 403 ? `. ${tokenHelp(hubUrl)}` : ''));
    }
    return res.text();
}
/** The commit a branch, tag or sha names (its newest), or undefined when there is none. */
async function latestCommit(access, revision) {
    const { hubUrl, accessToken, fetch } = access;
    const commits = (0,dist/* listCommits */.VE)({
        repo: { type: 'model', name: access.repoId },
        revision,
        batchSize: 1,
        hubUrl,
        accessToken,
        fetch
    });
    return (await commits.next()).value ?? undefined;
}
/** Every file of the repo at `revision`, by path (LFS files with their real size). */
async function listTree(access, revision) {
    const { hubUrl, accessToken, fetch } = access;
    const tree = new Map();
    for await (const entry of (0,dist/* listFiles */.CS)({
        repo: { type: 'model', name: access.repoId },
        revision,
        recursive: true,
        hubUrl,
        accessToken,
        fetch
    })) {
        if (entry.type === 'file')
            tree.set(entry.path, { size: entry.lfs?.size ?? entry.size, oid: entry.oid, lfs: entry.lfs });
    }
    return tree;
}
/**
 * Whether the tree at `sha` already has every file with the same bytes. Sizes are compared
 * first, so files are hashed only when everything else already matches (a re-run).
 */
async function holdsFiles(access, sha, files) {
    const tree = await listTree(access, sha);
    if (files.some((file) => tree.get(file.path)?.size !== file.size))
        return false;
    for (const file of files) {
        const entry = tree.get(file.path);
        const same = entry.lfs ? entry.lfs.oid === (await sha256Of(file)) : entry.oid === (await gitBlobOid(file));
        if (!same)
            return false;
    }
    return true;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/hub/put.ts
// The PUT of LFS bytes to storage, through node:http(s) rather than fetch: a write's callback
// says when the socket is done with a chunk, so a few read buffers are reused for the whole
// file. Through fetch every chunk is a fresh buffer (1 GiB of allocations per GiB sent), which
// cost more CPU in allocation and GC than the hashing, and grew RSS by the GC's slack.







/** Read (and write) unit of a PUT: few syscalls, and the buffers of all PUTs in flight stay small. */
const CHUNK = 512 * 1024;
/** Buffers per PUT: the next chunk is read while the last one is written. */
const RING = 2;
/** A PUT that sends or hears nothing for this long is abandoned (and retried). */
const IDLE_TIMEOUT_MS = 120_000;
/** PUTs with the transport's retry rules (5xx, 408, 429 with its delay, connection resets). */
function createPutter(options) {
    const agents = {
        http: new external_node_http_.Agent({ keepAlive: true, maxSockets: options.maxSockets }),
        https: new external_node_https_.Agent({ keepAlive: true, maxSockets: options.maxSockets })
    };
    // Rings of buffers, taken by a PUT and given back when it ends: one per PUT in flight at most.
    const rings = [];
    const ring = {
        take: () => rings.pop() ?? Array.from({ length: RING }, () => Buffer.allocUnsafeSlow(CHUNK)),
        give: (buffers) => void rings.push(buffers)
    };
    const retry = options.retry ?? {};
    const maxAttempts = Math.max(1, retry.maxAttempts ?? 5);
    const sleep = retry.sleep ?? defaultSleep;
    return {
        async put(range) {
            for (let attempt = 1;; attempt++) {
                let reason;
                let delayMs;
                try {
                    const res = await putOnce(range, agents, ring, options.idleTimeoutMs ?? IDLE_TIMEOUT_MS);
                    const delay = attempt < maxAttempts ? answerRetryDelayMs(res, attempt, retry) : null;
                    if (delay === null)
                        return res;
                    reason = `HTTP ${res.status}`;
                    delayMs = delay;
                }
                catch (error) {
                    const code = networkErrorCode(error);
                    if (!code || attempt >= maxAttempts || range.signal?.aborted)
                        throw error;
                    reason = code;
                    delayMs = backoffDelayMs(attempt, retry);
                }
                const where = new URL(range.url);
                options.onRetry?.({
                    method: 'PUT',
                    url: `${where.origin}${where.pathname}`,
                    attempt,
                    maxAttempts,
                    delayMs,
                    reason
                });
                await sleep(delayMs);
                range.signal?.throwIfAborted();
            }
        },
        close() {
            agents.http.destroy();
            agents.https.destroy();
        }
    };
}
async function putOnce(range, agents, pool, idleTimeoutMs) {
    const url = new URL(range.url);
    const https = url.protocol === 'https:';
    const bytes = inMemoryBytes(range.file);
    const handle = bytes ? undefined : await (0,promises_.open)(range.file.source.localPath);
    const req = (https ? external_node_https_.request : external_node_http_.request)(url, {
        method: 'PUT',
        agent: https ? agents.https : agents.http,
        headers: { ...range.headers, 'Content-Length': String(range.end - range.start) },
        signal: range.signal
    });
    req.setTimeout(idleTimeoutMs, () => req.destroy(Object.assign(new Error(`no progress for ${idleTimeoutMs / 1000}s`), { code: 'ETIMEDOUT' })));
    const response = new Promise((resolve, reject) => {
        req.once('response', resolve);
        req.once('error', reject);
    });
    // The server may answer (an error) before taking the whole body: stop sending then.
    let answered = false;
    response.then(() => (answered = true), () => (answered = true));
    try {
        let complete = true;
        if (handle) {
            const ring = pool.take();
            complete = await sendRange(req, handle, ring, range, () => answered);
            // sendRange returns once every write is done: no one reads these buffers any more. (After
            // a failure a write may still be queued: that ring is left to the GC.)
            pool.give(ring);
        }
        else {
            req.end(bytes.subarray(range.start, range.end), () => range.onSent?.(range.end - range.start));
        }
        const res = await response;
        let text = '';
        for await (const chunk of res)
            if (text.length < 2000)
                text += String(chunk);
        const headers = HttpHeaders.fromIncoming(res.headers);
        // A connection whose request body was cut short can't carry another request.
        if (!complete)
            req.destroy();
        return { status: res.statusCode ?? 0, etag: headers.get('etag') ?? undefined, text, url: range.url, headers };
    }
    catch (error) {
        req.destroy();
        throw error;
    }
    finally {
        await handle?.close();
    }
}
/**
 * Writes the range through a ring of buffers, a buffer reused once the socket has written it
 * (writes finish in order, so the next buffer to fill is always the oldest one written). Plain
 * callbacks, no promise per chunk: a 10 GiB upload is 20,000 chunks, and every object a chunk
 * leaves behind is garbage the heap grows for. False when the server answered before the whole
 * range was sent.
 */
function sendRange(req, handle, ring, range, answered) {
    return new Promise((resolve, reject) => {
        let position = range.start;
        let slot = 0;
        let writing = 0;
        let reading = false;
        let failed = false;
        const fail = (error) => {
            if (failed)
                return;
            failed = true;
            reject(error);
        };
        req.once('error', fail);
        const written = (error, sent) => {
            writing--;
            if (error)
                return fail(error);
            range.onSent?.(sent);
            pump();
        };
        const read = (error, bytesRead, length) => {
            reading = false;
            if (failed)
                return;
            if (error)
                return fail(error);
            if (bytesRead !== length) {
                return fail(new Error(`${range.file.source.localPath} changed while publishing (short read at byte ${position}): publish from files that are no longer being written.`));
            }
            const buffer = ring[slot];
            slot = (slot + 1) % ring.length;
            position += bytesRead;
            const sent = position - range.start;
            writing++;
            req.write(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead), (e) => written(e, sent));
            pump();
        };
        const pump = () => {
            if (failed || reading)
                return;
            if (position >= range.end || answered()) {
                if (writing > 0)
                    return;
                req.end();
                return resolve(position === range.end);
            }
            if (writing >= ring.length)
                return;
            const length = Math.min(CHUNK, range.end - position);
            reading = true;
            (0,external_node_fs_.read)(handle.fd, ring[slot], 0, length, position, (error, bytesRead) => read(error, bytesRead, length));
        };
        pump();
    });
}

;// CONCATENATED MODULE: ./src/hub/put-queue.ts
// The order and number of storage PUTs in flight. A file's PUTs (its parts, or the whole file)
// all start before the next file's, so each file is complete, and the Hub can assemble it, as
// early as possible instead of every file finishing together at the end. Jobs are made only
// when a slot takes them: what waits is a counter per file, so memory doesn't grow with the
// number of parts (a 10 GiB file has 640).
/** At most `limit` jobs at once, in the order the files were added. */
function createPutQueue(limit, signal) {
    const files = [];
    let running = 0;
    const nextJob = () => {
        while (files.length > 0) {
            const job = files[0].take();
            if (job)
                return job;
            files.shift();
        }
        return undefined;
    };
    const pump = () => {
        while (running < limit && !signal.aborted) {
            const job = nextJob();
            if (!job)
                return;
            running++;
            void job().finally(() => {
                running--;
                pump();
            });
        }
    };
    return {
        add(count, job) {
            return new Promise((resolve, reject) => {
                let next = 0;
                let finished = 0;
                let settled = false;
                const settle = (error) => {
                    if (settled)
                        return;
                    settled = true;
                    signal.removeEventListener('abort', aborted);
                    if (error === undefined)
                        resolve();
                    else
                        reject(error);
                };
                const aborted = () => settle(signal.reason ?? new Error('aborted'));
                if (signal.aborted)
                    return aborted();
                signal.addEventListener('abort', aborted, { once: true });
                if (count === 0)
                    return settle();
                files.push({
                    take() {
                        if (settled || next >= count)
                            return undefined;
                        const index = next++;
                        return async () => {
                            try {
                                await job(index);
                                if (++finished === count)
                                    settle();
                            }
                            catch (error) {
                                settle(error);
                            }
                        };
                    }
                });
                pump();
            });
        }
    };
}

;// CONCATENATED MODULE: ./src/hub/upload.ts
// Sending one commit's files the way the Hub's clients do: preupload (which files go to LFS),
// the LFS transfer (lfs.ts), then one NDJSON commit. We do it ourselves because @huggingface/hub's
// commit can't be handed the hash the secret check already computed, and hashes every file again.


/**
 * Requests in flight at once: the Hub's storage takes each PUT at the speed of one stream, so a
 * few streams fill the link; each holds two 512 KiB buffers (see put.ts).
 */
const UPLOAD_CONCURRENCY = 4;
const PREUPLOAD_BATCH = 100;
const LFS_JSON = 'application/vnd.git-lfs+json';
const repoApi = (r) => `${r.hubUrl}/api/models/${r.repoId}`;
const prQuery = (r) => (r.createPr ? '?create_pr=1' : '');
const bearer = (r) => ({ Authorization: `Bearer ${r.accessToken}` });
/** A failed response as the client's errors are (statusCode, requestId, the Hub's own message). */
async function apiError(res, what) {
    const requestId = res.headers.get('x-request-id') ?? undefined;
    let message = `Api error with status ${res.status}${what ? `. ${what}` : ''}`;
    const body = await res.text().catch(() => '');
    try {
        const json = JSON.parse(body);
        message = json.error || json.message || message;
    }
    catch {
        // Not JSON: the status says enough.
    }
    const trailer = [`URL: ${res.url.split('?')[0]}`, requestId && `Request ID: ${requestId}`].filter(Boolean).join('. ');
    return new dist/* HubApiError */.yL(res.url, res.status, requestId, `${message}. ${trailer}`);
}
async function postJson(request, url, body) {
    const res = await request.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...bearer(request) },
        body: JSON.stringify(body)
    });
    if (!res.ok)
        throw await apiError(res);
    return (await res.json());
}
/** The paths the Hub wants through LFS (by size, extension, content sample and .gitattributes). */
async function lfsPaths(request) {
    const { files } = request;
    const attributes = files.find((f) => f.path === '.gitattributes');
    const gitAttributes = attributes && (await fileBytes(attributes)).toString('utf8');
    const lfs = new Set();
    for (let i = 0; i < files.length; i += PREUPLOAD_BATCH) {
        const batch = files.slice(i, i + PREUPLOAD_BATCH);
        const payload = {
            ...(gitAttributes !== undefined && { gitAttributes }),
            files: await Promise.all(batch.map(async (f) => ({ path: f.path, size: f.size, sample: (await fileHead(f, 512)).toString('base64') })))
        };
        const url = `${repoApi(request)}/preupload/${encodeURIComponent(request.branch)}${prQuery(request)}`;
        const json = await postJson(request, url, payload);
        for (const f of json.files)
            if (f.uploadMode === 'lfs')
                lfs.add(f.path);
    }
    return lfs;
}
/**
 * The commit itself: every file in one NDJSON request (small ones inline, LFS ones by oid), so
 * the Hub applies all of them or none.
 */
async function postCommit(request, message, lfsOids) {
    const lines = [
        {
            key: 'header',
            value: { summary: message.title, description: message.description, parentCommit: message.parentCommit }
        }
    ];
    for (const file of request.files) {
        const oid = lfsOids.get(file.path);
        lines.push(oid
            ? { key: 'lfsFile', value: { path: file.path, algo: 'sha256', size: file.size, oid } }
            : {
                key: 'file',
                value: { path: file.path, content: (await fileBytes(file)).toString('base64'), encoding: 'base64' }
            });
    }
    const url = `${repoApi(request)}/commit/${encodeURIComponent(request.branch)}${prQuery(request)}`;
    const res = await request.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-ndjson', ...bearer(request) },
        body: lines.map((line) => JSON.stringify(line)).join('\n')
    });
    if (!res.ok)
        throw await apiError(res);
    const json = (await res.json());
    return {
        commit: { oid: json.commitOid ?? '', url: json.commitUrl ?? '' },
        hookOutput: json.hookOutput ?? '',
        ...(json.pullRequestUrl && { pullRequestUrl: json.pullRequestUrl })
    };
}

;// CONCATENATED MODULE: ./src/hub/lfs.ts
// The LFS transfer of one commit's large files: each file's git-lfs batch call, then its bytes
// (one PUT, or the Hub's multipart parts) through the PUT queue, then its verify or completion
// call. Each file is hashed once (the hash the secret check and the re-run check made is the one
// sent; a file nobody hashed yet is hashed while the one before uploads), several files and
// parts are in flight at once, and each is read from disk lazily so memory stays flat whatever
// the sizes.





/**
 * Hashes the LFS files one after the other and uploads each as soon as its hash is known, while
 * the next is hashed. Returns each file's oid. The first failure stops the rest.
 */
async function uploadLfsFiles(request, files) {
    const concurrency = Math.max(1, request.concurrency ?? UPLOAD_CONCURRENCY);
    const putter = createPutter({
        retry: request.retry,
        onRetry: request.onRetry,
        maxSockets: concurrency,
        idleTimeoutMs: request.idleTimeoutMs
    });
    const abort = new AbortController();
    if (request.signal) {
        request.signal.throwIfAborted();
        request.signal.addEventListener('abort', () => abort.abort(request.signal?.reason), { once: true });
    }
    const queue = createPutQueue(concurrency, abort.signal);
    const oids = new Map();
    const uploads = [];
    const sending = new Map();
    let failure;
    const fail = (error) => {
        failure ??= { error };
        abort.abort();
    };
    for (const file of files) {
        if (failure)
            break;
        try {
            const oid = await sha256Of(file);
            oids.set(file.path, oid);
            // The same bytes under two paths are one LFS object: sent once.
            const same = sending.get(oid);
            if (same) {
                uploads.push(same.then(() => request.onUploaded?.(file.path, file.size), fail));
                continue;
            }
            const upload = uploadLfsFile({ ...request, putter, queue, signal: abort.signal }, file, oid);
            sending.set(oid, upload);
            uploads.push(upload.catch(fail));
        }
        catch (error) {
            fail(error);
        }
    }
    await Promise.all(uploads);
    putter.close();
    if (failure)
        throw failure.error;
    return oids;
}
/** A storage PUT that must succeed: the range's bytes sent, or an error naming the file. */
async function put(request, range, what) {
    const res = await request.putter.put({ ...range, signal: request.signal });
    if (res.status < 200 || res.status >= 300) {
        let message = res.text.slice(0, 300);
        try {
            const json = JSON.parse(res.text);
            message = json.error || json.message || message;
        }
        catch {
            // Storage errors are often XML: the excerpt is the message.
        }
        throw new dist/* HubApiError */.yL(res.url, res.status, undefined, `${what}: HTTP ${res.status} ${message}`.trim());
    }
    return res;
}
async function uploadLfsFile(request, file, oid) {
    const { signal } = request;
    const batchUrl = `${request.hubUrl}/${request.repoId}.git/info/lfs/objects/batch`;
    const res = await request.fetch(batchUrl, {
        method: 'POST',
        headers: { Accept: LFS_JSON, 'Content-Type': LFS_JSON, ...bearer(request) },
        body: JSON.stringify({
            operation: 'upload',
            // multipart is the Hub's own transfer: the object is sent as parts to pre-signed URLs.
            transfers: ['basic', 'multipart'],
            hash_algo: 'sha_256',
            ...(!request.createPr && { ref: { name: request.branch } }),
            objects: [{ oid, size: file.size }]
        }),
        signal
    });
    if (!res.ok)
        throw await apiError(res, `LFS batch call for ${file.path}`);
    const requestId = res.headers.get('x-request-id') ?? undefined;
    const object = (await res.json()).objects?.find((o) => o.oid === oid);
    if (!object)
        throw new Error(`The Hub's LFS batch answer for ${file.path} does not mention its oid ${oid}`);
    if (object.error) {
        throw new dist/* HubApiError */.yL(batchUrl, object.error.code, requestId, `LFS batch call for ${file.path}: ${object.error.message}`);
    }
    const upload = object.actions?.upload;
    if (!upload) {
        // Already stored (an earlier run, or another repo of the Hub): nothing to send.
        request.onUploaded?.(file.path, file.size);
        return;
    }
    // Bytes sent of each part in its latest attempt (a retried part counts once), and their sum.
    const partBytes = [];
    let sent = 0;
    const progress = (part) => (bytes) => {
        sent += bytes - (partBytes[part] ?? 0);
        partBytes[part] = bytes;
        request.onUploaded?.(file.path, sent);
    };
    const chunkSize = Number(upload.header?.chunk_size);
    if (chunkSize > 0) {
        await uploadParts(request, file, oid, upload, chunkSize, progress);
    }
    else {
        const range = { url: upload.href, file, start: 0, end: file.size, onSent: progress(0) };
        await request.queue.add(1, async () => {
            await put(request, requestId ? { ...range, headers: { 'X-Request-Id': requestId } } : range, `Uploading ${file.path} to LFS storage`);
        });
    }
    const verify = object.actions?.verify;
    if (verify) {
        const res = await request.fetch(verify.href, {
            method: 'POST',
            headers: { Accept: LFS_JSON, 'Content-Type': LFS_JSON, ...verify.header },
            body: JSON.stringify({ oid, size: file.size }),
            signal
        });
        if (!res.ok)
            throw await apiError(res, `Verifying the upload of ${file.path}`);
        await res.body?.cancel();
    }
}
/** The Hub's multipart transfer: parts `00001`… in the action's header, then a completion POST. */
async function uploadParts(request, file, oid, upload, chunkSize, progress) {
    const { signal } = request;
    const header = upload.header;
    const parts = Object.keys(header)
        .filter((key) => /^\d+$/.test(key))
        .map(Number)
        .sort((a, b) => a - b);
    if (parts.length !== Math.ceil(file.size / chunkSize) || parts.some((n, i) => n !== i + 1)) {
        throw new Error(`The Hub asked for ${parts.length} parts of ${chunkSize} bytes for ${file.path} (${file.size} bytes): not a split of this file`);
    }
    const etags = new Array(parts.length);
    await request.queue.add(parts.length, async (index) => {
        const part = parts[index];
        const start = (part - 1) * chunkSize;
        const url = header[String(part).padStart(5, '0')] ?? header[String(part)];
        const end = Math.min(file.size, start + chunkSize);
        const res = await put(request, { url, file, start, end, onSent: progress(part - 1) }, `Uploading part ${part} of ${file.path} to LFS storage`);
        if (!res.etag)
            throw new Error(`LFS storage answered part ${part} of ${file.path} without an ETag`);
        etags[index] = { partNumber: part, etag: res.etag };
    });
    const res = await request.fetch(upload.href, {
        method: 'POST',
        headers: { Accept: LFS_JSON, 'Content-Type': LFS_JSON },
        body: JSON.stringify({ oid, parts: etags }),
        signal
    });
    if (!res.ok)
        throw await apiError(res, `Completing the multipart upload of ${file.path}`);
    await res.body?.cancel();
}

;// CONCATENATED MODULE: ./src/hub/commit-once.ts
// The commit itself, made at most once: a commit whose answer was lost may have been applied,
// so a failed one is retried only once the branch shows it did not land.





const RETRYABLE_COMMIT_STATUS = new Set([408, 412, 429, 500, 502, 503, 504]);
/**
 * Commits, retrying a failed commit only once the branch shows it did not land: sending again a
 * commit that was applied would commit twice. Skips the commit when the branch already holds the files.
 */
async function commitOnce(request) {
    const { hubUrl, repoId, branch, log } = request;
    const maxAttempts = Math.max(1, request.retry?.maxAttempts ?? 5);
    const sleep = request.retry?.sleep ?? defaultSleep;
    const where = `${repoId}@${branch}`;
    const readHead = () => hubStep(`read the head of ${where}`, request, async () => (await latestCommit(request, branch))?.oid);
    const landed = (oid) => ({
        commit: { oid, url: `${hubUrl}/${repoId}/commit/${oid}` },
        hookOutput: ''
    });
    const parent = await readHead();
    // A re-run of a publish that succeeded must not add an identical commit (the Hub limits
    // commits per hour, and history should show real changes), as huggingface_hub skips them too.
    if (parent &&
        !request.createPr &&
        (await hubStep(`read the files of ${where}`, request, () => holdsFiles(request, parent, request.files)))) {
        log.info(`${where} already holds exactly these files at ${parent}: nothing to commit`);
        return landed(parent);
    }
    for (let attempt = 1;; attempt++) {
        let committing = false;
        try {
            return await runCommit(request, parent, () => (committing = true));
        }
        catch (error) {
            const status = statusOf(error);
            const retryable = committing &&
                (networkErrorCode(error) !== null || (status !== undefined && RETRYABLE_COMMIT_STATUS.has(status)));
            if (!retryable || attempt >= maxAttempts) {
                throw new Error(`Could not commit to ${where} on ${hubUrl}: ${explainHubError(error, request)}`);
            }
            if (request.createPr) {
                // A pull request doesn't move the branch: there is nothing cheap to look at to know whether
                // it was opened, so don't risk opening two.
                throw new Error(`Opening a pull request on ${where} failed without a clear answer (${explainHubError(error, request)}). ` +
                    `It may have been opened: look at ${hubUrl}/${repoId}/discussions before re-running.`);
            }
            const head = await readHead();
            if (head !== parent) {
                if (head && (await commitMatches(request, head))) {
                    log.info(`The commit landed although its answer was lost (${messageOf(error)}); not committing again`);
                    return landed(head);
                }
                throw new Error(`${where} moved to ${head} (another commit) while publishing, after a failed commit (${messageOf(error)}). ` +
                    'Nothing was committed by this run; re-run it once the other writer is done.');
            }
            const delayMs = backoffDelayMs(attempt, request.retry);
            log.info(`The commit to ${where} failed (${messageOf(error)}) and did not land; retry ${attempt} of ${maxAttempts - 1} in ${formatDelay(delayMs)}`);
            await sleep(delayMs);
        }
    }
}
/** Whether `sha` is this run's commit: same title, and every file there with the same bytes. */
async function commitMatches(request, sha) {
    const head = await latestCommit(request, sha);
    if (!head || head.title !== request.commitTitle)
        return false;
    return holdsFiles(request, sha, request.files);
}
/**
 * One pass: which files go to LFS, their upload (hashing file k+1 while file k is sent), and the
 * commit; `onCommitting` is called once the uploads are done. A pass after a failed one sends no
 * LFS byte the Hub already holds, and hashes nothing again.
 */
async function runCommit(request, parentCommit, onCommitting) {
    const throttle = progressThrottle(request);
    const sizes = new Map(request.files.map((f) => [f.path, f.size]));
    const upload = {
        ...request,
        onUploaded: (path, bytes) => throttle(path, bytes / (sizes.get(path) || 1))
    };
    const lfs = await lfsPaths(upload);
    const oids = await uploadLfsFiles(upload, request.files.filter((f) => lfs.has(f.path)));
    onCommitting();
    const output = await postCommit(upload, { title: request.commitTitle, description: request.commitDescription, parentCommit }, oids);
    if (!output.commit.oid)
        throw new Error('the Hub answered the commit without a commit id');
    for (const file of request.files)
        throttle(file.path, 1);
    return output;
}
/** onProgress at most once per interval and file, and always once when a file is done. */
function progressThrottle(request) {
    const interval = request.progressIntervalMs ?? 1000;
    const sizes = new Map(request.files.map((f) => [f.path, f.size]));
    const last = new Map();
    const done = new Set();
    return (path, progress) => {
        if (!request.onProgress || done.has(path))
            return;
        const now = Date.now();
        if (progress < 1 && now - (last.get(path) ?? -Infinity) < interval)
            return;
        last.set(path, now);
        if (progress >= 1)
            done.add(path);
        const totalBytes = sizes.get(path) ?? 0;
        request.onProgress({ path, totalBytes, uploadedBytes: Math.min(totalBytes, Math.round(progress * totalBytes)) });
    };
}

;// CONCATENATED MODULE: ./src/hub/tag.ts
// Tagging the published commit (the release tag of the run). The client has no tag function, so
// this calls the Hub's endpoint, the one huggingface_hub's create_tag calls.



/**
 * Puts `tag` on the commit. A tag that already points elsewhere is left alone with a warning
 * (the commit is published either way); any other failure throws.
 */
async function tagCommit(options) {
    const { hubUrl, accessToken, repoId, commitSha, tag, log } = options;
    const url = `${hubUrl}/api/models/${repoId}/tag/${encodeURIComponent(commitSha)}`;
    const failure = `Could not tag ${commitSha} as "${tag}" on ${repoId} (${url})`;
    let res;
    try {
        res = await options.fetch(url, {
            method: 'POST',
            headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ tag, message: `Tagged by checkpoint-eval-action` })
        });
    }
    catch (error) {
        throw new Error(`${failure}: ${(0,redact/* redact */.E$)(messageOf(error), accessToken)}`);
    }
    if (res.status === 409) {
        await discardBody(res);
        // A retried tag request whose first answer was lost lands here too: look where the tag points.
        const target = await latestCommit(options, tag)
            .then((c) => c?.oid)
            .catch(() => undefined);
        if (target === commitSha) {
            log.info(`Tagged ${commitSha} as "${tag}"`);
            return;
        }
        log.warning(`The tag "${tag}" already exists on ${repoId}${target ? ` (at ${target})` : ''} and was not moved to ${commitSha}. ` +
            'Delete it on the Hub, or use another hub-tag, to tag this commit.');
        return;
    }
    if (!res.ok) {
        throw new Error(`${failure}: HTTP ${res.status} ${await responseExcerpt(res, accessToken)}. ` +
            (res.status === 401 || res.status === 403
                ? tokenHelp(hubUrl)
                : 'The commit itself was published; tag it by hand or re-run.'));
    }
    log.info(`Tagged ${commitSha} as "${tag}"`);
}

;// CONCATENATED MODULE: ./src/hub/verify.ts
// Checking a commit after upload by reading the repo back: a commit the Hub accepted can still
// miss a file or hold a truncated one, and a run must not report that as published.


/** Every file is at the commit with its size, and README.md reads back byte for byte. */
async function verifyCommit(options) {
    const { commitSha, files } = options;
    const tree = await listTree(options, commitSha);
    const problems = [];
    for (const file of files) {
        const entry = tree.get(file.path);
        if (!entry)
            problems.push(`${file.path} is missing`);
        else if (entry.size !== file.size)
            problems.push(`${file.path} has ${entry.size} bytes, ${file.size} were sent`);
    }
    const readme = files.find((f) => f.path === 'README.md');
    if (readme && problems.length === 0) {
        const remote = await readRepoFile({ ...options, path: 'README.md', revision: commitSha });
        if (remote === null)
            problems.push('README.md could not be downloaded back');
        else if (remote !== (await sentText(readme.source)))
            problems.push('README.md downloaded back differs from the one sent');
    }
    if (problems.length > 0) {
        throw new Error(`the Hub's copy doesn't match what was sent: ${problems.join('; ')}. Look at ${options.hubUrl}/${options.repoId}/tree/${commitSha}`);
    }
}

;// CONCATENATED MODULE: ./src/hub/commit.ts
// Publishing the winning checkpoint: the repo and branch made ready, one atomic commit of every
// file (commit-once.ts), the tag, and a read-back of the result (verify.ts).








/**
 * Creates the repo (if needed) and the branch (if needed), commits all files at once, tags the
 * commit, and reads the result back. Throws on any step, saying which and how to fix it.
 */
async function publishToHub(options) {
    const { hubUrl, accessToken, log } = options;
    const repoId = checkRepoId(options.repoId);
    const branch = options.revision || 'main';
    const onRetry = (e) => log.info(`Hub request ${e.method} ${e.url} failed (${e.reason}); retry ${e.attempt} of ${e.maxAttempts - 1} in ${formatDelay(e.delayMs)}`);
    const hubFetch = createHubFetch({ retry: options.retry, fetch: options.fetch, onRetry });
    const access = { hubUrl, accessToken, repoId, fetch: hubFetch };
    const files = await prepareFiles(options.files);
    try {
        await ensureRepo(access, options);
        if (branch !== 'main')
            await ensureBranch(access, options, branch);
        const output = await commitOnce({ ...options, ...access, branch, files, onRetry });
        const commitSha = output.commit.oid;
        const result = {
            repoId,
            repoUrl: `${hubUrl}/${repoId}`,
            commitSha,
            commitUrl: output.commit.url || `${hubUrl}/${repoId}/commit/${commitSha}`,
            ...(output.pullRequestUrl && { prUrl: output.pullRequestUrl })
        };
        log.info(result.prUrl ? `Opened pull request ${result.prUrl}` : `Committed ${commitSha} to ${branch}: ${result.commitUrl}`);
        if (options.hubTag) {
            if (options.createPr) {
                log.warning(`Not tagging "${options.hubTag}": the commit is in an unmerged pull request (${result.prUrl}). Tag it after merging.`);
            }
            else {
                await tagCommit({ ...access, commitSha, tag: options.hubTag, log });
            }
        }
        await hubStep(`verify the commit ${commitSha} of ${repoId}`, access, () => verifyCommit({ ...access, commitSha, files }));
        log.info(`Verified ${files.length} file(s) on the Hub at ${commitSha}`);
        return result;
    }
    catch (error) {
        throw new Error((0,redact/* redact */.E$)(messageOf(error), accessToken));
    }
}
/** Creates the repo, or goes on with the one that exists (keeping its visibility). */
async function ensureRepo(access, options) {
    const { hubUrl, repoId } = access;
    await hubStep(`create the repo ${repoId}`, access, async () => {
        try {
            await (0,dist/* createRepo */.Td)({ ...access, repo: { type: 'model', name: repoId }, private: options.private });
            options.log.info(`Created ${options.private ? 'private' : 'public'} repo ${hubUrl}/${repoId}`);
        }
        catch (error) {
            if (statusOf(error) !== 409)
                throw error;
            options.log.info(`Repo ${hubUrl}/${repoId} exists; publishing to it`);
        }
    });
}
/** Creates the branch from main, or goes on with the one that exists. */
async function ensureBranch(access, options, branch) {
    await hubStep(`create the branch ${branch} of ${access.repoId}`, access, async () => {
        try {
            await (0,dist/* createBranch */.lY)({ ...access, repo: { type: 'model', name: access.repoId }, branch });
            options.log.info(`Created branch ${branch} from main`);
        }
        catch (error) {
            if (statusOf(error) !== 409)
                throw error;
            options.log.debug(`Branch ${branch} exists`);
        }
    });
}
function checkRepoId(repoId) {
    const parts = (0,repo_id/* parseRepoId */.N)(repoId);
    if (!parts.namespace) {
        throw new Error(`publishToHub needs "namespace/name", got "${repoId}": resolve the namespace (the token's user) first.`);
    }
    return `${parts.namespace}/${parts.name}`;
}

;// CONCATENATED MODULE: ./src/hub/timed-fetch.ts
// The bottom of every Hub request: a `fetch` that bounds each wait. No answer, or no byte moved,
// for hub-timeout fails the request with an error naming it and saying what to do; the publish
// deadline and a cancelled run abort whatever is in flight; the log says every 30 s what it is
// waiting for. createHubFetch (transport.ts) retries on top of it.


/** A Hub request that went unanswered (or moved no data) for too long; never retried. */
class HubTimeoutError extends Error {
    code = 'HUB_TIMEOUT';
    constructor(message) {
        super(message);
        this.name = 'HubTimeoutError';
    }
}
/** A Blob whose bytes are counted as the fetch underneath reads them (the client's FileBlob works the same way). */
class WatchedBlob extends Blob {
    inner;
    onBytes;
    onDone;
    constructor(inner, onBytes, onDone) {
        super([]);
        this.inner = inner;
        this.onBytes = onBytes;
        this.onDone = onDone;
        // Blob's size and type are accessors of its internal data: shadow them on the instance.
        Object.defineProperties(this, { size: { value: inner.size }, type: { value: inner.type } });
    }
    slice(start, end, contentType) {
        return this.inner.slice(start, end, contentType);
    }
    arrayBuffer() {
        return this.inner.arrayBuffer();
    }
    text() {
        return this.inner.text();
    }
    stream() {
        return this.inner.stream().pipeThrough(watch(this.onBytes, this.onDone));
    }
}
function watch(onBytes, onDone) {
    return new TransformStream({
        transform(chunk, controller) {
            onBytes();
            controller.enqueue(chunk);
        },
        flush: onDone
    });
}
/**
 * A `fetch` under the retrying one (createHubFetch) that bounds every wait: no answer, or no
 * byte moved, for `timeoutMs` fails the request with an error naming it; `signal` (the publish
 * deadline, a cancelled run) aborts whatever is in flight. While a request waits, `onWaiting`
 * keeps the log from going silent.
 */
function createTimedFetch(options) {
    const baseFetch = options.fetch ?? httpFetch;
    const every = options.waitingEveryMs ?? 30_000;
    const input = options.inputName ?? 'hub-timeout';
    // How often a request's progress is looked at: fine enough for the shortest limit.
    const tick = Math.max(10, Math.min(1000, options.timeoutMs, every));
    const timedFetch = async (resource, init = {}) => {
        const url = toUrl(resource);
        const method = (init.method ?? requestInput(resource)?.method ?? 'GET').toUpperCase();
        const what = `${method} ${describeUrl(url)}`;
        options.signal?.throwIfAborted();
        const controller = new AbortController();
        const signals = [controller.signal, options.signal, init.signal].filter((s) => !!s);
        let phase = 'waiting';
        let lastProgress = Date.now();
        let lastSaid = lastProgress;
        const progress = () => {
            lastProgress = Date.now();
        };
        const check = () => {
            if (phase === 'done')
                return;
            const now = Date.now();
            const idle = now - lastProgress;
            if (idle >= options.timeoutMs) {
                const doing = phase === 'sending'
                    ? 'took no more bytes of the upload'
                    : phase === 'reading'
                        ? 'sent no more bytes'
                        : 'did not answer';
                controller.abort(new HubTimeoutError(`the Hub ${doing} for ${formatDelay(options.timeoutMs)} (${input}) on ${what}; the request was abandoned. ` +
                    `Check that the Hub (${url.origin}) is reachable from this runner and up, or raise ${input} if it is just slow.`));
                return;
            }
            if (phase !== 'reading' && now - Math.max(lastSaid, lastProgress) >= every) {
                lastSaid = now;
                options.onWaiting?.(`Still waiting for the Hub: ${what} (${Math.round(idle / 1000)}s without an answer)`);
            }
            timer = setTimeout(check, tick).unref();
        };
        let timer = setTimeout(check, tick).unref();
        let body = init.body;
        if (isBlobBody(body)) {
            phase = 'sending';
            body = new WatchedBlob(body, progress, () => {
                phase = 'waiting';
                progress();
            });
        }
        else if (isStreamBody(body)) {
            phase = 'sending';
            body = body.pipeThrough(watch(progress, () => {
                phase = 'waiting';
                progress();
            }));
        }
        const stop = () => {
            phase = 'done';
            clearTimeout(timer);
        };
        let response;
        try {
            response = await baseFetch(resource, { ...init, body, signal: AbortSignal.any(signals) });
        }
        catch (error) {
            stop();
            const aborted = signals.find((s) => s.aborted);
            if (aborted && aborted === options.signal) {
                // The publish deadline or a cancelled run: say which request it cut short.
                const reason = aborted.reason;
                const cut = new Error(`${reason?.message ?? 'aborted'} while waiting for ${what}`);
                cut.name = reason?.name ?? 'AbortError';
                throw cut;
            }
            throw aborted?.reason ?? error;
        }
        if (!response.body) {
            stop();
            return response;
        }
        phase = 'reading';
        progress();
        const watched = response.body.pipeThrough(watch(progress, stop));
        const wrapped = new HttpResponse(watched, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
            url: response.url,
            redirected: response.redirected
        });
        return wrapped;
    };
    return timedFetch;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/hub/auth.ts
// Who the token is, trusted publishing (GitHub OIDC -> short-lived Hub token), and the CLI's
// token lookup. No function here logs or returns a message that contains a token: the entry
// point masks tokens, and these errors may end up in a job log anyway.





/** Checks a token against the Hub's `/api/whoami-v2`. */
async function whoami(options) {
    const { hubUrl, accessToken } = options;
    if (!accessToken.startsWith('hf_')) {
        throw new Error(`The Hugging Face token is malformed: Hub tokens start with "hf_". ${tokenHelp(hubUrl)}`);
    }
    try {
        const info = await (0,dist/* whoAmI */.Wc)({ hubUrl, accessToken, fetch: options.fetch ?? createHubFetch() });
        const tokenRole = info.auth?.accessToken?.role ?? 'unknown';
        return { name: info.name, canWrite: tokenRole !== 'read', tokenRole };
    }
    catch (error) {
        if (statusOf(error) === 401) {
            throw new Error(`The Hugging Face token was rejected by ${hubUrl}/api/whoami-v2 (401): it is wrong, expired or revoked. ${tokenHelp(hubUrl)}`);
        }
        throw new Error(`Could not check the Hugging Face token at ${hubUrl}/api/whoami-v2: ${(0,redact/* redact */.E$)(messageOf(error), accessToken)}`);
    }
}
/**
 * Throws the read-only-token error when the token can't write; says which repo needed it.
 * `hubUrl` is without a trailing slash (config strips it).
 */
function assertCanWrite(info, options) {
    if (info.canWrite)
        return;
    throw new Error(`The Hugging Face token of "${info.name}" is read-only (role "${info.tokenRole}"), so it can't publish to ${options.repoId}. ` +
        `Create a token with the "write" role (or a fine-grained token with write access to ${options.repoId}) at ` +
        `${options.hubUrl}/settings/tokens and store it as the HF_TOKEN secret, or use trusted publishing (OIDC).`);
}
const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
const OIDC_SETUP_DOCS = 'https://huggingface.co/docs/hub/trusted-publishers';
/**
 * Trusted publishing: asks GitHub for an OIDC ID token (audience = the Hub) and exchanges it at
 * the Hub's `/oauth/token` (RFC 8693) for a short-lived `hf_` token scoped to `repoId`.
 * The caller must mask the returned token before anything else is logged.
 */
async function exchangeOidcToken(options) {
    const { hubUrl, repoId, idTokenRequestUrl, idTokenRequestToken } = options;
    const doFetch = options.fetch ?? createHubFetch();
    if (!idTokenRequestUrl || !idTokenRequestToken) {
        throw new Error('Trusted publishing needs a GitHub OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. ' +
            'Add `permissions: id-token: write` to the job (or the workflow) that runs this action, or pass an hf-token instead.');
    }
    const audience = options.audience ?? hubUrl;
    const secrets = [idTokenRequestToken];
    const requestUrl = new URL(idTokenRequestUrl);
    requestUrl.searchParams.set('audience', audience);
    let idToken;
    try {
        const res = await doFetch(requestUrl, {
            headers: { Authorization: `bearer ${idTokenRequestToken}`, Accept: 'application/json' }
        });
        if (!res.ok) {
            throw new Error(`HTTP ${res.status} ${(0,redact/* redact */.E$)(await safeText(res), ...secrets)}`);
        }
        const body = (await res.json());
        if (typeof body.value !== 'string' || body.value === '')
            throw new Error('the answer has no "value"');
        idToken = body.value;
    }
    catch (error) {
        throw new Error(`Could not get an OIDC ID token from GitHub (${requestUrl.origin}${requestUrl.pathname}): ${(0,redact/* redact */.E$)(messageOf(error), ...secrets)}. ` +
            'Check that the job has `permissions: id-token: write`.');
    }
    secrets.push(idToken);
    const tokenUrl = `${hubUrl}/oauth/token`;
    let res;
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
        });
    }
    catch (error) {
        throw new Error(`Could not reach ${tokenUrl} to exchange the GitHub OIDC token: ${(0,redact/* redact */.E$)(messageOf(error), ...secrets)}`);
    }
    const text = await safeText(res);
    let body = {};
    try {
        body = JSON.parse(text);
    }
    catch {
        // not JSON: reported below with the status
    }
    if (!res.ok || typeof body.access_token !== 'string') {
        const detail = [body.error, body.error_description].filter((x) => typeof x === 'string').join(': ') || text.slice(0, 300);
        const claims = describeClaims(idToken);
        throw new Error(`The Hub refused to exchange the GitHub OIDC token for a token on ${repoId} (${tokenUrl}, HTTP ${res.status}): ${(0,redact/* redact */.E$)(detail, ...secrets)}. ` +
            `This run's token has ${claims}. Add (or fix) a Trusted Publisher in ${hubUrl}/${repoId}/settings ` +
            `whose claims match these exactly, and request the audience the Hub expects (${audience} was used). See ${OIDC_SETUP_DOCS}.`);
    }
    if (!body.access_token.startsWith('hf_')) {
        throw new Error(`The Hub's token exchange at ${tokenUrl} answered a token that doesn't start with "hf_"; it can't be used.`);
    }
    return body.access_token;
}
/** A JWT's identifying claims (never the token), to say what a Trusted Publisher must match. */
function describeClaims(jwt) {
    try {
        const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
        const keys = ['aud', 'repository', 'ref', 'workflow', 'environment', 'sub'];
        const parts = keys.filter((k) => payload[k] !== undefined).map((k) => `${k}=${JSON.stringify(payload[k])}`);
        return parts.length ? parts.join(', ') : 'no readable claims';
    }
    catch {
        return 'no readable claims';
    }
}
/**
 * The CLI's token: `HF_TOKEN`, then an explicit token file, then the file `huggingface-cli login`
 * writes, `$HF_TOKEN_PATH` or `${HF_HOME:-~/.cache/huggingface}/token`. Null when there is none.
 */
async function readLocalToken(options) {
    const { env } = options;
    const fromEnv = env.HF_TOKEN?.trim();
    if (fromEnv)
        return { token: fromEnv, source: 'the HF_TOKEN environment variable' };
    if (options.tokenFile) {
        const token = await readTokenFile(options.tokenFile);
        if (token === undefined) {
            throw new Error(`The token file ${options.tokenFile} does not exist or can't be read. Fix the path, or set HF_TOKEN instead.`);
        }
        if (token === '')
            throw new Error(`The token file ${options.tokenFile} is empty. Write a Hugging Face token (hf_...) into it.`);
        return { token, source: `the token file ${options.tokenFile}` };
    }
    const defaultFile = env.HF_TOKEN_PATH || (0,external_node_path_.join)(env.HF_HOME || (0,external_node_path_.join)(options.homeDir, '.cache', 'huggingface'), 'token');
    const token = await readTokenFile(defaultFile);
    return token ? { token, source: `the token file ${defaultFile}` } : null;
}
/** The trimmed contents, or undefined when the file can't be read. */
async function readTokenFile(path) {
    try {
        return (await (0,promises_.readFile)(path, 'utf8')).trim();
    }
    catch {
        return undefined;
    }
}
async function safeText(res) {
    try {
        return await res.text();
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./src/hub/index.ts
// The one entry of the hub room, and a lazy one: other rooms load it with
// `await import('../hub/index.js')` (types with `import type`), so the @huggingface/hub client
// is loaded only by runs that talk to the Hub, and ncc bundles the room as one separate chunk.







/***/ })

};
