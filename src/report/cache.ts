// The summary's results-cache section: per checkpoint, cached or evaluated, and the time saved.
// Collapsed, and capped like the other long tables, so a 10,000-checkpoint run stays readable.
import type { ScoresDocument } from '../scores/document.js'
import { formatDuration } from '../util/duration.js'
import { cell, details, table } from './markdown.js'

const MAX_ROWS = 200

/** Undefined when the run used no cache. */
export function cacheSection(doc: ScoresDocument, cacheUsed: boolean): string | undefined {
  if (!cacheUsed) return undefined
  const rows = [...doc.checkpoints].sort((a, b) => a.step - b.step || (a.name < b.name ? -1 : 1))
  const cached = rows.filter((c) => c.cached)
  const saved = cached.reduce((sum, c) => sum + (c.cached?.savedMs ?? 0), 0)
  const title =
    `Results cache: ${cached.length} of ${rows.length} checkpoint(s) cached, ${rows.length - cached.length} evaluated` +
    (cached.length ? `, ${formatDuration(saved)} of evaluation saved` : '')
  const body = table(
    ['Checkpoint', 'Result', 'Time'],
    rows
      .slice(0, MAX_ROWS)
      .map((c) => [
        cell(c.name),
        c.cached ? `cached (evaluated ${c.cached.evaluatedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')})` : 'evaluated',
        c.cached ? `${formatDuration(c.cached.savedMs)} saved` : formatDuration(c.durationMs)
      ]),
    ['l', 'l', 'r']
  )
  const more = rows.length > MAX_ROWS ? `\n\n… and ${rows.length - MAX_ROWS} more (scores.json marks each one).` : ''
  return details(title, body + more)
}
