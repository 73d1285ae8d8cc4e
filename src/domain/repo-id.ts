// The Hub's naming rules for a model repo id, as huggingface_hub's validate_repo_id states them:
// letters, digits, `-`, `_`, `.`; no `--` or `..`; no `-`/`.` at either end; name ≤ 96 chars.

export interface RepoIdParts {
  /** The user or organisation; null when the input named the repo only. */
  namespace: string | null
  name: string
}

export interface ParseRepoIdOptions {
  /** What the user calls this value (the action input or CLI flag), used in errors. */
  inputName?: string
}

const SEGMENT = /^[A-Za-z0-9_.-]+$/
const MAX_NAME_LENGTH = 96

function segmentProblem(segment: string, what: string): string | null {
  if (segment.length === 0) return `its ${what} is empty`
  if (!SEGMENT.test(segment))
    return `its ${what} "${segment}" has characters other than letters, digits, "-", "_" and "."`
  if (segment.includes('--') || segment.includes('..')) return `its ${what} "${segment}" contains "--" or ".."`
  if (/^[-.]|[-.]$/.test(segment)) return `its ${what} "${segment}" starts or ends with "-" or "."`
  if (segment.length > MAX_NAME_LENGTH) return `its ${what} is longer than ${MAX_NAME_LENGTH} characters`
  return null
}

/**
 * Parses `name` or `namespace/name`. Throws an error naming the input and the fix when the value
 * can't be a model repo id on the Hub.
 */
export function parseRepoId(input: string, options: ParseRepoIdOptions = {}): RepoIdParts {
  const inputName = options.inputName ?? 'repo-id'
  const value = input.trim()
  const fail = (problem: string, fix = 'Use "name" or "namespace/name", e.g. "my-org/my-model".'): never => {
    throw new Error(`Invalid ${inputName} "${value}": ${problem}. ${fix}`)
  }
  if (value === '') fail('it is empty')
  if (/^[a-z]+:\/\//i.test(value)) {
    const path = value.replace(/^[a-z]+:\/\/[^/]+\/?/i, '').replace(/\/+$/, '')
    fail('it is a URL, not a repo id', `Use the part after the host${path ? `, e.g. "${path}"` : ''}.`)
  }
  const segments = value.split('/')
  if (segments.length === 3 && ['datasets', 'spaces'].includes(segments[0])) {
    fail(
      `it names a ${segments[0].slice(0, -1)} repo; only model repos are published`,
      `Use "${segments[1]}/${segments[2]}" for a model repo.`
    )
  }
  if (segments.length > 2) fail('it has more than one "/"')
  const [namespace, name] = segments.length === 2 ? segments : [null, segments[0]]
  if (namespace !== null) {
    const problem = segmentProblem(namespace, 'namespace')
    if (problem) fail(problem)
  }
  const problem = segmentProblem(name, 'name')
  if (problem) fail(problem)
  if (name.toLowerCase().endsWith('.git')) fail('its name ends in ".git"', `Drop the ".git".`)
  return { namespace, name }
}

/** `namespace/name`, with `defaultNamespace` (the token's user) when the input had none. */
export function resolveRepoId(parts: RepoIdParts, defaultNamespace: string): string {
  return `${parts.namespace ?? defaultNamespace}/${parts.name}`
}
