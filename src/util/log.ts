import { redact } from './redact.js'

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
  /**
   * Text another program printed (an evaluation command's output), shown as it is: the action
   * makes sure workflow commands in it (`::error::`, `::add-mask::`) are not obeyed. Loggers
   * without it print such text with `info`.
   */
  output?(text: string): void
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

/** `log` with every line passed through the one redaction point (util/redact.ts) first. */
export function redactingLogger(log: Logger): Logger {
  return {
    info: (m) => log.info(redact(m)),
    warning: (m, file) => log.warning(redact(m), file),
    notice: (m) => log.notice(redact(m)),
    debug: (m) => log.debug(redact(m)),
    startGroup: (t) => log.startGroup(redact(t)),
    endGroup: () => log.endGroup(),
    ...(log.output && { output: (text: string) => log.output!(redact(text)) })
  }
}
