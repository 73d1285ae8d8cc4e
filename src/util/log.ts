/**
 * Where stages write what a person reads. The action backs it with @actions/core (log groups,
 * ::warning:: annotations), the CLI with the terminal. Stages never print directly.
 */
export interface Logger {
  info(message: string): void
  /** A problem the user should see; `file` names where it is when known. */
  warning(message: string, file?: string): void
  notice(message: string): void
  debug(message: string): void
  /** Output between startGroup and endGroup folds into one collapsible log group. */
  startGroup(title: string): void
  endGroup(): void
}

/** A logger that records nothing; for stages called where nobody reads the log (tests, bench). */
export const silentLogger: Logger = {
  info: () => {},
  warning: () => {},
  notice: () => {},
  debug: () => {},
  startGroup: () => {},
  endGroup: () => {}
}
