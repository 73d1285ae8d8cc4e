// A line diff (longest common subsequence) for asserting exactly which lines of a card changed.

/** `-old` / `+new` lines, in order; equal lines are left out. */
export function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n')
  const b = after.split('\n')
  // lcs[i][j]: length of the LCS of a[i..] and b[j..]
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++
      j++
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) out.push(`-${a[i++]}`)
    else out.push(`+${b[j++]}`)
  }
  return out
}

/** The YAML between the first two `---` lines of a card. */
export function frontMatterOf(card: string): string {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)^---\r?$/m.exec(card)
  if (!m) throw new Error('card has no front matter')
  return m[1]
}
