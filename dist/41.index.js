export const id = 41;
export const ids = [41];
export const modules = {

/***/ 92041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   assertCanWrite: () => (/* binding */ assertCanWrite),
/* harmony export */   exchangeOidcToken: () => (/* binding */ exchangeOidcToken),
/* harmony export */   readLocalToken: () => (/* binding */ readLocalToken),
/* harmony export */   whoami: () => (/* binding */ whoami)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _huggingface_hub__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1429);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2382);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24668);
// Who the token is, trusted publishing (GitHub OIDC -> short-lived Hub token), and the CLI's
// token lookup. No function here logs or returns a message that contains a token: the entry
// point masks tokens, and these errors may end up in a job log anyway.





/** Checks a token against the Hub's `/api/whoami-v2`. */
async function whoami(options) {
    const { hubUrl, accessToken } = options;
    if (!accessToken.startsWith('hf_')) {
        throw new Error(`The Hugging Face token is malformed: Hub tokens start with "hf_". ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .tokenHelp */ .hK)(hubUrl)}`);
    }
    try {
        const info = await (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_2__/* .whoAmI */ .Wc)({ hubUrl, accessToken, fetch: options.fetch ?? (0,_transport_js__WEBPACK_IMPORTED_MODULE_3__/* .createHubFetch */ ._i)() });
        const tokenRole = info.auth?.accessToken?.role ?? 'unknown';
        return { name: info.name, canWrite: tokenRole !== 'read', tokenRole };
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .statusOf */ .c2)(error) === 401) {
            throw new Error(`The Hugging Face token was rejected by ${hubUrl}/api/whoami-v2 (401): it is wrong, expired or revoked. ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .tokenHelp */ .hK)(hubUrl)}`);
        }
        throw new Error(`Could not check the Hugging Face token at ${hubUrl}/api/whoami-v2: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error), accessToken)}`);
    }
}
/** Throws the read-only-token error when the token can't write; says which repo needed it. */
function assertCanWrite(info, options) {
    if (info.canWrite)
        return;
    throw new Error(`The Hugging Face token of "${info.name}" is read-only (role "${info.tokenRole}"), so it can't publish to ${options.repoId}. ` +
        `Create a token with the "write" role (or a fine-grained token with write access to ${options.repoId}) at ` +
        `${settingsUrl(options.hubUrl)}/settings/tokens and store it as the HF_TOKEN secret, or use trusted publishing (OIDC).`);
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
    const doFetch = options.fetch ?? (0,_transport_js__WEBPACK_IMPORTED_MODULE_3__/* .createHubFetch */ ._i)();
    if (!idTokenRequestUrl || !idTokenRequestToken) {
        throw new Error('Trusted publishing needs a GitHub OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. ' +
            'Add `permissions: id-token: write` to the job (or the workflow) that runs this action, or pass an hf-token instead.');
    }
    const audience = options.audience ?? hubUrl.replace(/\/+$/, '');
    const secrets = [idTokenRequestToken];
    const requestUrl = new URL(idTokenRequestUrl);
    requestUrl.searchParams.set('audience', audience);
    let idToken;
    try {
        const res = await doFetch(requestUrl, {
            headers: { Authorization: `bearer ${idTokenRequestToken}`, Accept: 'application/json' }
        });
        if (!res.ok) {
            throw new Error(`HTTP ${res.status} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(await safeText(res), ...secrets)}`);
        }
        const body = (await res.json());
        if (typeof body.value !== 'string' || body.value === '')
            throw new Error('the answer has no "value"');
        idToken = body.value;
    }
    catch (error) {
        throw new Error(`Could not get an OIDC ID token from GitHub (${requestUrl.origin}${requestUrl.pathname}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error), ...secrets)}. ` +
            'Check that the job has `permissions: id-token: write`.');
    }
    secrets.push(idToken);
    const tokenUrl = `${hubUrl.replace(/\/+$/, '')}/oauth/token`;
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
        throw new Error(`Could not reach ${tokenUrl} to exchange the GitHub OIDC token: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error), ...secrets)}`);
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
        throw new Error(`The Hub refused to exchange the GitHub OIDC token for a token on ${repoId} (${tokenUrl}, HTTP ${res.status}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(detail, ...secrets)}. ` +
            `This run's token has ${claims}. Add (or fix) a Trusted Publisher in ${settingsUrl(hubUrl)}/${repoId}/settings ` +
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
    const defaultFile = env.HF_TOKEN_PATH || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.HF_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.homeDir, '.cache', 'huggingface'), 'token');
    const token = await readTokenFile(defaultFile);
    return token ? { token, source: `the token file ${defaultFile}` } : null;
}
/** The trimmed contents, or undefined when the file can't be read. */
async function readTokenFile(path) {
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8')).trim();
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
/** The web UI of the Hub whose API is at hubUrl. */
function settingsUrl(hubUrl) {
    return hubUrl.replace(/\/+$/, '');
}


/***/ }),

/***/ 24668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   hK: () => (/* binding */ tokenHelp)
/* harmony export */ });
// Shared wording and hygiene for the errors of the hub modules.
/** Replaces every occurrence of each secret (tokens) with `***`. */
function redact(text, ...secrets) {
    let out = text;
    for (const secret of secrets) {
        if (secret && secret.length >= 4)
            out = out.split(secret).join('***');
    }
    // Defence in depth: anything shaped like a Hub token that slipped through.
    return out.replace(/\bhf_[A-Za-z0-9_]{8,}\b/g, 'hf_***');
}
/** A thrown value's message, with the network code Node hides in `cause`. */
function messageOf(error) {
    const e = error;
    const message = typeof e?.message === 'string' ? e.message : String(error);
    const cause = typeof e?.cause?.code === 'string' ? e.cause.code : typeof e?.cause?.message === 'string' ? e.cause.message : '';
    return cause ? `${message} (${cause})` : message;
}
/** The HTTP status of a HubApiError, if it is one. */
function statusOf(error) {
    const status = error?.statusCode;
    return typeof status === 'number' ? status : undefined;
}
/** How to get a working token. */
function tokenHelp(hubUrl) {
    return (`Create a token with the "write" role at ${hubUrl.replace(/\/+$/, '')}/settings/tokens and store it as the HF_TOKEN secret ` +
        '(or use trusted publishing with `permissions: id-token: write`).');
}


/***/ }),

/***/ 2382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q4: () => (/* binding */ backoffDelayMs),
/* harmony export */   _i: () => (/* binding */ createHubFetch),
/* harmony export */   a0: () => (/* binding */ networkErrorCode)
/* harmony export */ });
/* unused harmony exports isCommitRequest, serverRequestedDelayMs */
// The `fetch` handed to @huggingface/hub. The client itself never retries and, with Node's
// built-in fetch, a Blob PUT body is copied in memory (so that it could be replayed on a
// redirect): a 1 GiB weights file cost >1 GiB of RSS. This wrapper fixes both.
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
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
/** Exponential backoff with full jitter: uniform in [base*2^(n-1)/2, base*2^(n-1)], capped. */
function backoffDelayMs(attempt, retry = {}) {
    const base = retry.baseDelayMs ?? 1000;
    const max = retry.maxDelayMs ?? 30_000;
    const ceiling = Math.min(max, base * 2 ** (attempt - 1));
    const random = retry.random ?? Math.random;
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
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
/**
 * A `fetch` for @huggingface/hub: bounded memory for large uploads, and retries of 429, 5xx and
 * connection resets with backoff (honouring `Retry-After` / `RateLimit`). A commit POST is
 * retried on 429 only (see `isIdempotent`).
 */
function createHubFetch(options = {}) {
    const baseFetch = options.fetch ?? globalThis.fetch;
    const retry = options.retry ?? {};
    const maxAttempts = Math.max(1, retry.maxAttempts ?? 5);
    const maxRetryAfterMs = retry.maxRetryAfterMs ?? 300_000;
    const sleep = retry.sleep ?? defaultSleep;
    const isIdempotent = options.isIdempotent ?? ((request) => !isCommitRequest(request));
    const hubFetch = async (input, init) => {
        const url = toUrl(input);
        const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
        let requestInit = init;
        const body = init?.body;
        // A stream can be read once: such a request is never replayed.
        const replayable = !isStreamBody(body) && !(input instanceof Request && input.body);
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
                const retryable = idempotent ? RETRYABLE_STATUS.has(response.status) : response.status === 429;
                if (!retryable || !replayable || attempt >= maxAttempts)
                    return response;
                reason = `HTTP ${response.status}`;
                const requested = serverRequestedDelayMs(response.headers);
                if (requested !== null && requested > maxRetryAfterMs)
                    return response;
                delayMs = requested ?? backoffDelayMs(attempt, retry);
                // Free the connection: the body of a response we drop would otherwise hold it.
                await response.body?.cancel().catch(() => { });
            }
            options.onRetry?.({ method, url: describeUrl(url), attempt, maxAttempts, delayMs: delayMs, reason: reason });
            await sleep(delayMs);
            if (init?.signal?.aborted)
                throw init.signal.reason ?? new Error('aborted');
        }
    };
    return hubFetch;
}


/***/ })

};
