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
