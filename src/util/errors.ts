/**
 * The message of anything thrown. Errors from Node built-ins can fail `instanceof Error` (another
 * realm under jest's VM), so `.message` is read directly.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message
  }
  return String(error)
}

/**
 * A setting the user must change: the message names the input (`Input 'weights': …`) and says
 * how to fix it. Raised before any side effect.
 */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`Input '${input}': ${message}`)
    this.name = 'InputError'
  }
}
