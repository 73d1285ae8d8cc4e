// Small helpers for GitHub-flavoured markdown that the summary and PR comment share.

/** Text safe inside a table cell: pipes escaped, line breaks flattened, HTML neutralised. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;')
}

export function table(header: string[], rows: string[][], align?: Array<'l' | 'r' | 'c'>): string {
  const rule = header.map((_, i) => ({ l: ':---', r: '---:', c: ':---:' })[align?.[i] ?? 'l'])
  return [header, rule, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')
}

export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/** 1536 -> "1.50 KiB", 300 MiB -> "300 MiB": binary units, three significant digits. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${units[unit]}`
}

export const byteLength = (text: string) => Buffer.byteLength(text, 'utf8')
