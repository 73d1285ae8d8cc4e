// JSON text as evaluation tools write it: Python's bare NaN / Infinity literals are accepted (and
// kept recognisable), and the JSON object a command printed at the end of its stdout is found.
import { MetricsFormatError } from './collector.js'

// Python's json module writes NaN/Infinity as bare literals, which JSON.parse rejects. They are
// rewritten to this marker string so the document still parses and the parsers can tell
// "NaN score" (a real evaluation failure, reported by name) from "not JSON".
const NON_FINITE = '\u0000non-finite:'

/** JSON.parse that also accepts Python's bare NaN / Infinity / -Infinity literals. */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    if (/NaN|Infinity/.test(text)) {
      try {
        return JSON.parse(markNonFiniteLiterals(text))
      } catch {
        // fall through to the original, more accurate message
      }
    }
    throw new MetricsFormatError(`${source}: not valid JSON (${reason})`)
  }
}

function markNonFiniteLiterals(text: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      out += ch
      if (ch === '\\') out += text[++i] ?? ''
      else if (ch === '"') inString = false
      continue
    }
    if (ch === '"') {
      inString = true
      out += ch
      continue
    }
    const literal = /^-?(?:NaN|Infinity)/.exec(text.slice(i, i + 9))?.[0]
    if (literal) {
      out += JSON.stringify(NON_FINITE + literal)
      i += literal.length - 1
      continue
    }
    out += ch
  }
  return out
}

/** A number, NaN/±Infinity for a marked literal, or undefined for anything else. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.startsWith(NON_FINITE)) return Number(value.slice(NON_FINITE.length))
  return undefined
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `an array`, `null`, `a string`: what a value is, for messages. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/**
 * The JSON object a command printed at the end of its stdout: the last non-empty line, or, for
 * pretty-printed output, the text from the last line that starts with `{` to the end.
 * Returns null when there is none (the caller explains what it saw instead).
 */
export function jsonAtEndOfOutput(stdout: string): string | null {
  const lines = stdout.split(/\r?\n/)
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop()
  if (lines.length === 0) return null
  const last = lines[lines.length - 1].trim()
  if (last.startsWith('{') && isJsonObjectText(last)) return last
  let attempts = 0
  for (let i = lines.length - 1; i >= 0 && attempts < 50; i--) {
    if (!lines[i].startsWith('{')) continue
    attempts++
    const text = lines.slice(i).join('\n')
    if (isJsonObjectText(text)) return text
  }
  return null
}

function isJsonObjectText(text: string): boolean {
  try {
    return isRecord(parseJsonText(text, ''))
  } catch {
    return false
  }
}
