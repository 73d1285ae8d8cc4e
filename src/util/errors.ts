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
