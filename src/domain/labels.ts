/**
 * How a benchmark is recognised from text a person wrote (an input, a card's table row):
 * case, spacing, underscores, hyphens, punctuation, emphasis, links and HTML tags don't tell
 * benchmarks apart, so `Math Reasoning`, `math_reasoning` and `**math-reasoning**` are one.
 */
export function normalizeLabel(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ') // HTML tags (<b>, <sup>)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url) -> text
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase()
}
