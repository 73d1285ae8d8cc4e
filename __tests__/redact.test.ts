// The one redaction point: every registered secret masked in every form it travels in.
import { addSecret, encodedForms, forgetSecrets, heldSecrets, redact } from '../src/util/redact.js'
import { redactingLogger } from '../src/util/log.js'
import { recordingLogger } from './support/logger.js'

const TOKEN = 'hf_a.b*c+d?e^f$g{1}[x]|(y)\\z"q/w %é'

afterEach(() => forgetSecrets())

describe('redact', () => {
  it.each([
    ['raw', TOKEN],
    ['JSON-escaped', JSON.stringify(TOKEN).slice(1, -1)],
    ['JSON-escaped twice', JSON.stringify(JSON.stringify(TOKEN).slice(1, -1)).slice(1, -1)],
    // What Python's json.dumps writes by default (ensure_ascii).
    ['JSON with \\u escapes (Python)', JSON.stringify(TOKEN).slice(1, -1).replace('é', '\\u00e9')],
    ['JSON with escaped slashes (PHP)', JSON.stringify(TOKEN).slice(1, -1).replace(/\//g, '\\/')],
    ['URL-encoded', encodeURIComponent(TOKEN)],
    ['URL-encoded, lower-case hex', encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    ['form-encoded', new URLSearchParams({ t: TOKEN }).toString().slice(2)],
    ['base64', Buffer.from(TOKEN).toString('base64')]
  ])('masks the %s form', (_name, form) => {
    addSecret(TOKEN)
    const text = `before ${form} after`
    expect(redact(text)).toBe('before *** after')
  })

  it('masks every registered secret, leaves other text alone, and ignores blanks and tiny strings', () => {
    addSecret(TOKEN)
    addSecret('ghs_githubToken123')
    addSecret('')
    addSecret('ab')
    addSecret(undefined)
    expect(heldSecrets()).toEqual([TOKEN, 'ghs_githubToken123'])
    expect(redact(`a ${TOKEN} b ghs_githubToken123 c ab`)).toBe('a *** b *** c ab')
  })

  it('masks anything shaped like a Hub token even when nobody registered it', () => {
    expect(redact('Authorization: Bearer hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789')).toBe('Authorization: Bearer hf_***')
    expect(redact('hf_tokenizer_config_v2.json, hf_checkpoint_1000, hf_abcdefghijklmnopqrstuvwxyzabcdef')).toBe(
      'hf_tokenizer_config_v2.json, hf_checkpoint_1000, hf_abcdefghijklmnopqrstuvwxyzabcdef'
    )
  })

  it('gives each secret all of its forms', () => {
    expect(encodedForms('abc/d e')).toEqual(expect.arrayContaining(['abc/d e', 'abc%2Fd%20e', 'abc%2Fd+e']))
  })
})

describe('redactingLogger', () => {
  it('passes every line, group title and command output through the redaction', () => {
    addSecret(TOKEN)
    const inner = recordingLogger()
    const outputs: string[] = []
    const log = redactingLogger({ ...inner, output: (t) => outputs.push(t) })
    log.info(`token ${TOKEN}`)
    log.warning(`url ${encodeURIComponent(TOKEN)}`, 'file.txt')
    log.startGroup(JSON.stringify({ TOKEN }))
    log.output!(`printed ${TOKEN}`)
    expect(inner.lines).toEqual(['token ***', 'warning: url *** (file.txt)', 'group: {"TOKEN":"***"}'])
    expect(outputs).toEqual(['printed ***'])
  })
})
