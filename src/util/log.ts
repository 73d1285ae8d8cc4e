import type { Logger } from '../domain/types.js'

/** A logger that records nothing; for stages called where nobody reads the log (tests, bench). */
export const silentLogger: Logger = {
  info: () => {},
  warning: () => {},
  notice: () => {},
  debug: () => {},
  startGroup: () => {},
  endGroup: () => {}
}
