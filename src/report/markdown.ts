// Small helpers for GitHub-flavoured markdown that the summary and PR comment share.

/** Text safe inside a table cell: pipes escaped, line breaks flattened, HTML neutralised. */
export function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/</g, '&lt;')
}

export function table(header: string[], rows: string[][], align?: Array<'l' | 'r' | 'c'>): string {
  const rule = header.map((_, i) => ({ l: ':---', r: '---:', c: ':---:' })[align?.[i] ?? 'l'])
  return [header, rule, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')
}

export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

export const byteLength = (text: string) => Buffer.byteLength(text, 'utf8')

/** GitHub's widest content column for a job summary or comment; no table may need more. */
export const PAGE_WIDTH_PX = 960

/**
 * A cautious guess of a table cell's rendered width in px (GitHub: 16 px text, 13 px padding on
 * each side). GitHub lays tables out at their content's width without wrapping, so a table is as
 * wide as the sum of its columns' widest cells; `npm run render` measures the real thing.
 */
export function cellWidthPx(markdown: string): number {
  const text = markdown
    .replace(/\*\*|`/g, '')
    .replace(/\\\|/g, '|')
    .replace(/&lt;/g, '<')
  let px = 0
  for (const ch of text) px += ch.codePointAt(0)! > 0x2000 ? 22 : /[A-Z0-9_#@%&mwMW]/.test(ch) ? 11 : 8.5
  return Math.ceil(px) + 27
}

/** The width of the widest cell of each column. */
export function columnWidthsPx(rows: string[][]): number[] {
  return rows[0].map((_, i) => Math.max(...rows.map((r) => cellWidthPx(r[i] ?? ''))))
}
