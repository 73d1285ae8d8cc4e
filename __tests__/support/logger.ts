import type { Logger } from '../../src/util/log.js'

/** A logger that keeps every line, for tests that assert on what a stage reported. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(m),
    warning: (m, file) => lines.push(`warning: ${m}${file ? ` (${file})` : ''}`),
    notice: (m) => lines.push(`notice: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
    startGroup: (t) => lines.push(`group: ${t}`),
    endGroup: () => lines.push('endgroup')
  }
}
