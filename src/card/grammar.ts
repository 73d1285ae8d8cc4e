// Just enough markdown structure for the model card: lines with their exact endings, fenced code
// blocks, table rows and cells, and the local files a card links. A full markdown parser would
// re-render the card; we must not, because every byte outside a placeholder stays as written.

/** One line of the card, with the offsets needed to splice text back in place. */
export interface CardLine {
  /** 1-based, as editors and error messages count. */
  number: number
  /** Offset of the first character of the line in the whole text. */
  start: number
  /** The line without its ending. */
  text: string
  /** '\r\n', '\n', '\r' or '' (the last line of a file without a final newline). */
  eol: string
  /** True for the fence lines and everything between them. */
  inCode: boolean
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/

/**
 * The card's lines one at a time, each with its own ending, so that joining them gives the text
 * back. A generator: a 100 MB card is walked without holding a million line objects at once.
 */
export function* cardLines(text: string): Generator<CardLine> {
  const ending = /\r\n|\n|\r/g
  let start = 0
  let number = 0
  let fence: { char: string; length: number } | null = null
  const make = (end: number, eol: string): CardLine => {
    const lineText = text.slice(start, end)
    let inCode = fence !== null
    if (fence) {
      const close = FENCE_CLOSE.exec(lineText)
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null
    } else if (lineText.includes('```') || lineText.includes('~~~')) {
      const open = FENCE_OPEN.exec(lineText)
      // A backtick fence's info string may not contain backticks (CommonMark); such a line is inline code.
      if (open && !(open[1][0] === '`' && lineText.slice(open[0].length).includes('`'))) {
        fence = { char: open[1][0], length: open[1].length }
        inCode = true
      }
    }
    const line = { number: ++number, start, text: lineText, eol, inCode }
    start = end + eol.length
    return line
  }
  for (let m = ending.exec(text); m; m = ending.exec(text)) yield make(m.index, m[0])
  if (start < text.length || number === 0) yield make(text.length, '')
}

/** All of cardLines at once, for short texts. */
export function splitCardLines(text: string): CardLine[] {
  return [...cardLines(text)]
}

/** Where a card's YAML front matter sits, as offsets into the card. */
export interface FrontMatter {
  /** The YAML between the fence lines, as written ('' for an empty block). */
  yaml: string
  /** Offset of the first YAML line (after the opening `---` line). */
  yamlStart: number
  /** Offset of the closing `---` or `...` line. */
  yamlEnd: number
  /** Offset of the body: after the closing line and its ending. */
  bodyStart: number
}

const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*(?:\r\n|\n|\r)/
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/

/**
 * The YAML front matter: a first line `---` (after an optional BOM) up to the next `---` or `...`
 * line, with any line endings. Null when there is none; a lone `---` first line without a
 * closing one is a horizontal rule, not front matter.
 */
export function splitFrontMatter(card: string): FrontMatter | null {
  if (!FRONT_MATTER_OPEN.test(card)) return null
  let yamlStart = -1
  let close: CardLine | undefined
  for (const line of cardLines(card)) {
    if (line.number === 1) continue
    if (yamlStart < 0) yamlStart = line.start
    if (FRONT_MATTER_CLOSE.test(line.text)) {
      close = line
      break
    }
  }
  if (!close) return null
  return {
    yaml: card.slice(yamlStart, close.start),
    yamlStart,
    yamlEnd: close.start,
    bodyStart: close.start + close.text.length + close.eol.length
  }
}

/** A table cell: its raw text and where it sits in the line. */
export interface TableCell {
  text: string
  start: number
  end: number
}

/**
 * The cells of a table row. GFM splits on every `|` that is not escaped (even inside code spans),
 * and the leading/trailing pipes are optional; spacing around pipes does not matter.
 */
export function splitTableRow(line: string): TableCell[] {
  const cells: TableCell[] = []
  let cellStart = 0
  for (let i = 0; i <= line.length; i++) {
    const ch = line[i]
    if (ch === '\\') {
      i++
      continue
    }
    if (ch === '|' || i === line.length) {
      cells.push({ text: line.slice(cellStart, i), start: cellStart, end: i })
      cellStart = i + 1
    }
  }
  // Drop the empty "cells" outside a leading or trailing pipe.
  if (cells.length > 1 && cells[0].text.trim() === '') cells.shift()
  if (cells.length > 1 && cells[cells.length - 1].text.trim() === '') cells.pop()
  return cells
}

const DELIMITER_CELL = /^\s*:?-+:?\s*$/

/** `|---|:--:|` */
export function isDelimiterRow(line: string): boolean {
  if (!line.includes('-')) return false
  const cells = splitTableRow(line)
  return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c.text))
}

/**
 * Follows the tables of a card read line by line: called with each line in order, returns the
 * header row of the table the line belongs to (the row above the nearest delimiter row, up through
 * the contiguous pipe rows), or undefined. One pass, where walking up from every row would be
 * quadratic in a long table.
 */
export function tableHeaderTracker(): (line: CardLine) => CardLine | undefined {
  let header: CardLine | undefined
  let previous: CardLine | undefined
  return (line) => {
    let current: CardLine | undefined
    if (line.inCode || !line.text.includes('|')) header = undefined
    else {
      current = header
      if (isDelimiterRow(line.text)) {
        header = previous && !previous.inCode && previous.text.includes('|') ? previous : undefined
      }
    }
    previous = line
    return current
  }
}

/** The code spans of a line as [start, end) offsets, for many lookups in one line. */
export function codeSpans(line: string): Array<[number, number]> {
  return [...line.matchAll(CODE_SPAN)].map((m) => [m.index, m.index + m[0].length])
}

/** A link target found in the card, as written. */
export interface CardLink {
  /** 1-based line of the card. */
  line: number
  /** The destination as written (may carry a query, fragment or %-escapes). */
  target: string
  /** What wrote it, for messages. */
  syntax: 'markdown' | 'reference' | 'html'
}

// `](dest` after a link's text: also catches links whose text holds another link or an image
// (`[![badge](a.svg)](b.md)`), which a "[text](dest)" regex would miss.
const INLINE_LINK = /\]\(\s*(<[^>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))*)/g
// `[^1]: text` is a footnote, not a link definition.
const REFERENCE_DEFINITION = /^ {0,3}\[(?!\^)(?:[^\]\\\r\n]|\\.)+\]:[ \t]*(<[^>\r\n]*>|\S+)/gm
const HTML_TAG = /<[A-Za-z][A-Za-z0-9-]*(\s[^<>]*?)?\/?>/g
const HTML_LINK_ATTRIBUTE = /\s(?:src|href|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi

const CODE_SPAN = /(`+)([^`]|(?!\1)`)*?\1/g

/** Replaces code spans with spaces so links shown as code are not taken for links (offsets kept). */
function blankCodeSpans(text: string): string {
  return text.replace(CODE_SPAN, (span) => ' '.repeat(span.length))
}

function unwrapAngle(target: string): string {
  return target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target
}

/** Every link and image target in the card, outside code blocks and code spans. */
export function findCardLinks(text: string): CardLink[] {
  // Mask code with spaces, keeping offsets, then search the whole text so that an HTML tag
  // spread over several lines (`<img\n  src="a.png">`) is still found. Only code is rewritten:
  // the rest are slices of the card, so the mask costs one copy of it at most.
  const starts: number[] = []
  const pieces: string[] = []
  let copied = 0
  for (const l of cardLines(text)) {
    starts.push(l.start)
    if (!l.inCode && !l.text.includes('`')) continue
    pieces.push(text.slice(copied, l.start), l.inCode ? ' '.repeat(l.text.length) : blankCodeSpans(l.text))
    copied = l.start + l.text.length
  }
  const masked = pieces.length === 0 ? text : pieces.join('') + text.slice(copied)
  const lineAt = (offset: number): number => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
  const links: CardLink[] = []
  for (const m of masked.matchAll(REFERENCE_DEFINITION)) {
    links.push({ line: lineAt(m.index), target: unwrapAngle(m[1]), syntax: 'reference' })
  }
  for (const m of masked.matchAll(INLINE_LINK)) {
    links.push({ line: lineAt(m.index), target: unwrapAngle(m[1]), syntax: 'markdown' })
  }
  for (const tag of masked.matchAll(HTML_TAG)) {
    for (const attr of (tag[1] ?? '').matchAll(HTML_LINK_ATTRIBUTE)) {
      const value = attr[1] ?? attr[2] ?? attr[3] ?? ''
      // +1: the match starts at the whitespace before the attribute, which may be a line break.
      const offset = tag.index + tag[0].indexOf(tag[1] ?? '') + (attr.index ?? 0) + 1
      links.push({ line: lineAt(offset), target: value.replace(/&amp;/g, '&'), syntax: 'html' })
    }
  }
  return links.filter((l) => l.target.trim() !== '').sort((a, b) => a.line - b.line)
}
