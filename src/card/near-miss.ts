// Telling a misspelled placeholder ({math_reasonin}, {Math_Reasoning}, {eval-accuracy}) from
// someone else's braces ({x}, {"lr": 1}): a near miss differs from a known name only in case,
// `-`/`_`/spaces, or by an edit or two (one for short names, none for very short ones).

export interface KnownName {
  /** The placeholder's name, e.g. `math_reasoning`. */
  name: string
  /** What it stands for, shown in the message, e.g. `Math Reasoning`. */
  label?: string
  /** Another spelling that names it (a benchmark's display name). */
  alias?: string
}

/** Lower case, `-` and spaces as `_`: the differences that never tell two names apart. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[\s-]+/g, '_')
}

/** Edits allowed for a name of this length: short names are too easily one edit from anything. */
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

/** Optimal string alignment distance (a swap of two neighbours is one edit), stopping past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1)
      row.push(d)
      best = Math.min(best, d)
    }
    if (best > max) return max + 1
    prev2 = prev
    prev = row
  }
  return prev[b.length]
}

/** The known name `written` most likely meant, or undefined when it is not a near miss of any. */
export function closestName(written: string, known: readonly KnownName[]): KnownName | undefined {
  const folded = fold(written)
  let best: { known: KnownName; edits: number } | undefined
  for (const k of known) {
    for (const spelling of [k.name, k.alias]) {
      if (spelling === undefined || spelling === written) continue
      const target = fold(spelling)
      const max = allowedEdits(Math.min(target.length, folded.length))
      const edits = target === folded ? 0 : distance(folded, target, max)
      if (edits <= max && (!best || edits < best.edits)) best = { known: k, edits }
    }
  }
  return best?.known
}
