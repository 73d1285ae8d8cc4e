// The card's YAML as text: offsets of lines and nodes in it, scalars and new blocks written in
// the Hub's own style, and edits applied to ranges of it. model-index.ts patches a card's front
// matter through these, so every byte it doesn't change stays as the card's author wrote it.

import { Document, visit, type Node as YamlNode } from 'yaml'

/** A replacement of text[start, end). */
export interface Edit {
  start: number
  end: number
  text: string
}

/** A metric value as YAML: the number as measured, with at least three decimals (`0.700`). */
export function yamlNumber(value: number): string {
  const text = String(value)
  if (/e/i.test(text)) return text
  const decimals = text.split('.')[1]?.length ?? 0
  return decimals >= 3 ? text : value.toFixed(3)
}

/** A string as a YAML scalar, quoted only when it must be. */
export function yamlString(value: string): string {
  return new Document(value).toString({ lineWidth: 0 }).trimEnd()
}

/** Block YAML for new entries, in the Hub's own style (lists not indented under their key). */
export function blockYaml(value: unknown, indent: string, eol: string): string {
  const doc = new Document(value)
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'number') node.minFractionDigits = Math.max(3, node.minFractionDigits ?? 0)
    }
  })
  const text = doc.toString({ lineWidth: 0, indentSeq: false })
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => indent + line + eol)
    .join('')
}

export function lineStart(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1
}

/** The offset just after the line ending of the line holding `offset` (text.length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    if (text[i] === '\n') return i + 1
    if (text[i] === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1
  }
  return text.length
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset)
}

/** Where a new item goes: after the line where `node`'s value ends. */
export function afterNode(text: string, node: YamlNode): number {
  const end = node.range?.[1] ?? 0
  return nextLineStart(text, Math.max(end - 1, 0))
}

/** `- ` before a block sequence's item: its indentation and the spaces after the dash. */
export function dashOf(text: string, item: YamlNode): { indent: string; gap: string } {
  const start = item.range?.[0] ?? 0
  const m = /^([ \t]*)-([ \t]+)$/.exec(text.slice(lineStart(text, start), start))
  return m ? { indent: m[1], gap: m[2] } : { indent: ' '.repeat(Math.max(column(text, start) - 2, 0)), gap: ' ' }
}

/** The text with each edit (a replaced range; an empty range inserts) applied, last first. */
export function applyEdits(text: string, edits: Edit[], eol: string): string {
  // An insertion after the last line of a text without a final newline needs one first.
  const needsEol = edits.some((e) => e.start === text.length && e.text !== '') && !/[\r\n]$/.test(text) && text !== ''
  let out = needsEol ? text + eol : text
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i)
  for (const e of ordered) {
    const start = needsEol && e.start === text.length ? out.length : e.start
    const end = needsEol && e.end === text.length ? out.length : e.end
    out = out.slice(0, start) + e.text + out.slice(end)
  }
  return out
}
