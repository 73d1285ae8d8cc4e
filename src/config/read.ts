// Reading one input's text by its kind (config/inputs.ts): one vocabulary for yes/no, one list
// syntax, one duration syntax. Every error names the input and says how to fix it.
import path from 'node:path'
import { InputError } from '../util/errors.js'
import { INPUTS, inputDefault, type InputName, type InputReader, type InputSpec } from './inputs.js'

/** The words every yes/no input accepts, in any case. */
export const YES_NO = { yes: ['true', 'yes', '1'], no: ['false', 'no', '0'] } as const

/** Comma- or newline-separated values, blanks and `#` comments dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}

/** Plain decimal notation: `0.7`, `-1`, `.5`, `1e-3`; not `0x1`, `0b1`, `Infinity` or `1_000`. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** Checkpoints evaluated at once: more than this is a typo, not a machine. */
export const MAX_CONCURRENCY = 256

/** `90`, `90s`, `30m`, `2h` -> milliseconds. */
export function parseDuration(input: InputName, value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim())
  const amount = match ? Number(match[1]) : NaN
  if (!match || !(amount > 0)) {
    throw new InputError(input, `'${value}' is not a duration. Write e.g. 90s, 30m or 2h (a bare number is seconds).`)
  }
  const unit = (match[2] ?? 's').toLowerCase()
  return amount * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h']
}

/** `name=weight` entries; weights are positive finite numbers. */
export function parseWeights(value: string): Record<string, number> {
  const weights: Record<string, number> = {}
  for (const entry of splitList(value)) {
    const match = /^([^=:]+?)\s*[=:]\s*(\S+)$/.exec(entry)
    const weight = match ? Number(match[2]) : NaN
    if (!match || !Number.isFinite(weight) || weight <= 0) {
      throw new InputError(
        'weights',
        `'${entry}' is not a weight. Write one 'benchmark=weight' per line (or comma separated), ` +
          'with a positive number, e.g. math_reasoning=1.2.'
      )
    }
    const name = match[1].trim()
    if (name in weights) throw new InputError('weights', `'${name}' is weighted twice; keep one entry.`)
    weights[name] = weight
  }
  return weights
}

/** true / false for one of the YES_NO words (any case), undefined for anything else. */
export function yesNoWord(value: string): boolean | undefined {
  const v = value.trim().toLowerCase()
  if ((YES_NO.yes as readonly string[]).includes(v)) return true
  if ((YES_NO.no as readonly string[]).includes(v)) return false
  return undefined
}

/** Typed access to the inputs: each getter applies the table's default, then reads by kind. */
export interface InputValues {
  /** The text, or undefined when unset and without a default. */
  text(name: InputName): string | undefined
  /** The text of an input the table gives a default, so never empty. */
  withDefault(name: InputName): string
  list(name: InputName): string[]
  yesNo(name: InputName): boolean
  /** undefined for `auto`. */
  yesNoAuto(name: InputName): boolean | undefined
  choice<T extends string>(name: InputName): T
  number(name: InputName, example: string): number | undefined
  count(name: InputName): number | undefined
  duration(name: InputName): number
  /** Resolved against the workspace; undefined when unset and without a default. */
  path(name: InputName): string | undefined
}

export function inputValues(read: InputReader, workspace: string): InputValues {
  const raw = (name: InputName): string => read(name).trim() || inputDefault(name) || ''
  /** undefined for an unset input, else what `parse` makes of its text. */
  const ifSet = <T>(name: InputName, parse: (value: string) => T): T | undefined =>
    raw(name) === '' ? undefined : parse(raw(name))
  return {
    text: (name) => raw(name) || undefined,
    withDefault(name) {
      const value = raw(name)
      // Only reachable when the input table lost the default this input is read with.
      if (value === '') throw new Error(`input '${name}' has no default in config/inputs.ts`)
      return value
    },
    list: (name) => splitList(raw(name)),
    yesNo(name) {
      const value = raw(name)
      if (value === '') return false
      const answer = yesNoWord(value)
      if (answer === undefined)
        throw new InputError(name, `'${value}' must be true or false (yes/no and 1/0 work too).`)
      return answer
    },
    yesNoAuto(name) {
      const value = raw(name)
      if (value === '' || value.toLowerCase() === 'auto') return undefined
      const answer = yesNoWord(value)
      if (answer === undefined) throw new InputError(name, `'${value}' must be true, false or auto.`)
      return answer
    },
    choice<T extends string>(name: InputName): T {
      const spec: InputSpec = INPUTS[name]
      const choices = spec.choices ?? []
      const value = raw(name).toLowerCase()
      if (choices.includes(value)) return value as T
      throw new InputError(name, `'${read(name).trim()}' must be one of ${choices.join(', ')}.`)
    },
    number: (name, example) =>
      ifSet(name, (value) => {
        const n = DECIMAL.test(value) ? Number(value) : NaN
        if (!Number.isFinite(n))
          throw new InputError(name, `'${value}' is not a decimal number; write e.g. ${example}.`)
        return n
      }),
    count: (name) =>
      ifSet(name, (value) => {
        const n = /^\d+$/.test(value) ? Number(value) : NaN
        if (!Number.isSafeInteger(n) || n < 1 || n > MAX_CONCURRENCY)
          throw new InputError(name, `'${value}' must be a whole number from 1 to ${MAX_CONCURRENCY}.`)
        return n
      }),
    duration: (name) => parseDuration(name, raw(name)),
    path: (name) => (raw(name) ? path.resolve(workspace, raw(name)) : undefined)
  }
}
