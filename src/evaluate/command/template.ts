// The eval-command template: placeholders, POSIX quoting, and the checks that catch templates
// which would run but evaluate the wrong thing.
//
// Commands always run in a POSIX shell (/bin/sh; on Windows, the Git Bash that GitHub's Windows
// runners put on PATH), so there is exactly one quoting scheme to get right.

import { existsSync } from 'node:fs'

export const PLACEHOLDERS = ['checkpoint', 'step', 'name', 'output', 'device'] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]
/** {device} is empty without eval-devices. */
export type PlaceholderValues = Record<Exclude<Placeholder, 'device'>, string> & { device?: string }

const PLACEHOLDER = /\{(checkpoint|step|name|output|device)\}/g
// Characters that mean nothing to sh: values made only of these stay unquoted so the command
// shown in the log reads like the one a person would type.
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/

/** One sh word that expands to exactly `value`: single quotes, with `'` written as `'\''`. */
export function quotePosix(value: string): string {
  if (value === '') return "''"
  if (SHELL_SAFE.test(value)) return value
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/**
 * Replaces every placeholder with its quoted value in one pass, so a value that itself contains
 * `{name}` is never substituted again.
 */
export function renderCommand(template: string, values: PlaceholderValues): string {
  return template.replace(PLACEHOLDER, (_match, key: Placeholder) => quotePosix(values[key] ?? ''))
}

/** Throws with a fix when the template can't do what the user meant. */
export function checkCommandTemplate(template: string): void {
  if (template.trim() === '') {
    throw new Error(
      'eval-command is empty: give the command that evaluates one checkpoint, e.g. `python eval.py {checkpoint}`'
    )
  }
  const quoted = placeholderInsideQuotes(template)
  if (quoted) {
    throw new Error(
      `eval-command has {${quoted.placeholder}} inside ${quoted.quote === '"' ? 'double' : 'single'} quotes: placeholders ` +
        `are quoted for the shell already (paths with spaces or quotes are safe), and quoting them again passes the ` +
        `quote characters to your program. Take {${quoted.placeholder}} out of the quotes, e.g. ` +
        `--model_args pretrained={checkpoint},dtype=bfloat16`
    )
  }
  const dollar = /\$\{(checkpoint|step|name|output|device)\}/.exec(template)
  if (dollar) {
    throw new Error(
      `eval-command has ${dollar[0]}, which mixes a shell variable with a placeholder. Write {${dollar[1]}}, ` +
        'or use the environment variables CHECKPOINT_PATH, CHECKPOINT_STEP, CHECKPOINT_NAME, EVAL_OUTPUT'
    )
  }
  if (!/\{checkpoint\}|\{name\}|\{step\}|CHECKPOINT_(?:PATH|NAME|STEP)/.test(template)) {
    throw new Error(
      `eval-command never refers to the checkpoint, so every checkpoint would get the same result: ` +
        `put {checkpoint} where the command takes the model path (or read $CHECKPOINT_PATH in your script). ` +
        `Command: ${template}`
    )
  }
}

/** The first placeholder written inside '...' or "..." in the template, if any. */
function placeholderInsideQuotes(template: string): { placeholder: Placeholder; quote: string } | null {
  let quote: string | null = null
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]
    if (quote === null) {
      if (ch === '\\')
        i++ // an escaped quote opens nothing
      else if (ch === "'" || ch === '"') quote = ch
      continue
    }
    if (ch === quote) quote = null
    else if (quote === '"' && ch === '\\') i++
    else if (ch === '{') {
      const match = /^\{(checkpoint|step|name|output|device)\}/.exec(template.slice(i))
      if (match) return { placeholder: match[1] as Placeholder, quote }
    }
  }
  return null
}

/** Refuses shells that don't take POSIX quoting: the placeholders would be mis-quoted. */
export function checkPosixShell(shell: string): void {
  const base =
    shell
      .split(/[\\/]/)
      .pop()
      ?.toLowerCase()
      .replace(/\.exe$/, '') ?? ''
  if (['cmd', 'powershell', 'pwsh'].includes(base)) {
    throw new Error(
      `eval-command needs a POSIX shell, got '${shell}': placeholders are quoted for sh. On Windows runners ` +
        `leave the shell unset (Git Bash, which GitHub's Windows images have on PATH, is used), or call ` +
        `pwsh from the command: pwsh -File eval.ps1 {checkpoint}`
    )
  }
}

/**
 * sh on POSIX. On Windows, Git Bash by its install path when present: a bare `bash` may resolve
 * to WSL's C:\Windows\System32\bash.exe, which sees another file system.
 */
export function defaultShell(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env
): string {
  if (platform !== 'win32') return '/bin/sh'
  const gitBash = `${env.ProgramFiles ?? 'C:\\Program Files'}\\Git\\bin\\bash.exe`
  return existsSync(gitBash) ? gitBash : 'bash'
}
