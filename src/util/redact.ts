// The one redaction point. Every secret the run holds (tokens from inputs, the CLI's token file,
// the OIDC exchange) is registered here the moment it exists; every text that leaves the
// process (log lines, annotations, the summary, the PR comment, outputs, scores files, commit
// messages, Hub error bodies) passes through `redact`. A secret is replaced in the forms it
// travels in: raw, JSON-escaped (once and twice), URL-encoded (path and form style, either hex
// case) and base64.

const MASK = '***'
/** Shorter strings are not secrets worth masking (masking `a` would garble every line). */
const MIN_SECRET_LENGTH = 4

/**
 * A Hub token nobody registered: `hf_` and 30+ random letters and digits, mixed case with a
 * digit (so names like `hf_tokenizer_config` or `hf_checkpoint_1000` are left alone).
 */
const HUB_TOKEN_SHAPE = /\bhf_(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{30,}\b/g

const secrets = new Set<string>()
/** Every encoded form of every secret, longest first (a form containing another goes first). */
let forms: string[] = []

/** The forms `secret` can appear in, in text a server or a tool wrote. */
export function encodedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1)
  const jsonTwice = JSON.stringify(json).slice(1, -1)
  // Python's json.dumps (ensure_ascii) writes non-ASCII as \uXXXX; Go's encoder and HTML-safe
  // writers write <, > and & that way.
  const u = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  const jsonAscii = json.replace(/[\u0080-\uffff]/g, u)
  const jsonHtml = json.replace(/[<>&\u2028\u2029]/g, u)
  const jsonBoth = jsonAscii.replace(/[<>&]/g, u)
  const upperHex = (t: string) => t.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`)
  const uri = encodeURIComponent(secret)
  const form = new URLSearchParams({ s: secret }).toString().slice(2)
  const lower = (s: string) => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())
  const uriAll = secret.replace(/[^A-Za-z0-9]/g, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')
  )
  const base64 = Buffer.from(secret, 'utf8').toString('base64')
  const base64Url = Buffer.from(secret, 'utf8').toString('base64url')
  return [
    secret,
    json,
    jsonTwice,
    jsonAscii,
    jsonHtml,
    jsonBoth,
    upperHex(jsonAscii),
    upperHex(jsonBoth),
    // PHP and some gateways escape slashes.
    json.replace(/\//g, '\\/'),
    uri,
    lower(uri),
    encodeURI(secret),
    form,
    lower(form),
    uriAll,
    lower(uriAll),
    base64,
    base64.replace(/=+$/, ''),
    base64Url
  ]
}

/** Registers a secret: from now on `redact` masks it in every form. */
export function addSecret(secret: string | undefined): void {
  const value = secret?.trim()
  if (!value || value.length < MIN_SECRET_LENGTH || secrets.has(value)) return
  secrets.add(value)
  const all = new Set(forms)
  for (const form of encodedForms(value)) if (form.length >= MIN_SECRET_LENGTH) all.add(form)
  forms = [...all].sort((a, b) => b.length - a.length)
}

/** The secrets registered so far (raw), e.g. for the content check of files to upload. */
export function heldSecrets(): string[] {
  return [...secrets]
}

/**
 * `text` with every registered secret (and `extra` ones) masked in every form, and anything
 * shaped like a Hub token masked too (defence in depth: a token we were never told about).
 */
export function redact(text: string, ...extra: Array<string | undefined>): string {
  for (const secret of extra) addSecret(secret)
  let out = text
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(MASK)
  return out.replace(HUB_TOKEN_SHAPE, 'hf_***')
}

/** Only for tests: forget every secret. */
export function forgetSecrets(): void {
  secrets.clear()
  forms = []
}
