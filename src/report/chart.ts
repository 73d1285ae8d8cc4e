// The job summary's chart: the ranking metric against the training step, as a mermaid xychart
// (GitHub renders mermaid in summaries and comments).
//
// Three things mermaid doesn't do on its own, done here:
// - Colour: its default line colour (#ECECFF in the light theme) is nearly invisible on white.
//   LINE_COLOUR has at least 3:1 contrast (WCAG, graphics) on GitHub's light and dark backgrounds.
// - An honest x-axis: category labels are spaced evenly, so steps 5, 20, 50, 1000 would bend the
//   curve, and 200 labels overlap. A numeric x-axis has nice, thinned ticks, but mermaid spreads a
//   line's values evenly over it; so the values are laid on an even grid of steps. Each checkpoint
//   sits on its own grid point (exactly when the steps share a divisor that gives at most
//   GRID_POINTS points, else within half a grid cell), and the points between two checkpoints lie
//   on the straight segment between them: the drawn line is the one an x-y plot draws.
// - A y-range that fits the metric: padded to round numbers, never past the range of a score in
//   [0, 1] (an accuracy can't exceed 1.0) nor below 0 for a metric that is never negative.
import type { ScoresDocument } from '../scores/document.js'

/** Orange: 3.6:1 on white, 5.3:1 on GitHub's dark background (#0d1117), 3.5:1 on mermaid's dark (#333). */
export const LINE_COLOUR = '#ea580c'
/** Most points a line gets; past that, checkpoints snap to the nearest grid point. */
export const GRID_POINTS = 241

interface Point {
  step: number
  value: number
}

/** One point per step (the better value when two checkpoints share a step), by step. */
function pointsOf(doc: ScoresDocument): Point[] {
  const better = (a: number, b: number) => (doc.metric.greaterIsBetter ? a > b : a < b)
  const byStep = new Map<number, number>()
  for (const c of doc.checkpoints) {
    if (c.value === null || !Number.isFinite(c.value)) continue
    const seen = byStep.get(c.step)
    if (seen === undefined || better(c.value, seen)) byStep.set(c.step, c.value)
  }
  return [...byStep].map(([step, value]) => ({ step, value })).sort((a, b) => a.step - b.step)
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/** The values on an even grid from the first step to the last (see the file comment). */
export function evenGrid(points: Point[], maxPoints = GRID_POINTS): number[] {
  const first = points[0].step
  const span = points[points.length - 1].step - first
  const divisor = points.reduce((g, p) => gcd(g, p.step - first), 0)
  const size = divisor > 0 && span / divisor + 1 <= maxPoints ? span / divisor + 1 : maxPoints
  const at = (step: number) => Math.round(((step - first) / span) * (size - 1))
  const grid: Array<number | undefined> = new Array(size)
  for (const p of points) grid[at(p.step)] ??= p.value
  // Between two checkpoints: the straight line joining them.
  let left = 0
  for (let i = 1; i < size; i++) {
    if (grid[i] === undefined) continue
    for (let j = left + 1; j < i; j++) {
      const t = (j - left) / (i - left)
      grid[j] = (grid[left] as number) + t * ((grid[i] as number) - (grid[left] as number))
    }
    left = i
  }
  return grid as number[]
}

/** 1, 2 or 5 times a power of ten: the tick unit for a range. */
function niceUnit(range: number): number {
  const raw = range / 5
  const power = 10 ** Math.floor(Math.log10(raw))
  const unit = [1, 2, 5, 10].find((m) => m * power >= raw) as number
  return unit * power
}

/** Removes float noise (0.30000000000000004) from computed axis bounds. */
const tidy = (v: number) => Number(v.toPrecision(6))

export function yRange(values: number[]): [number, number] {
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  const range = hi - lo || Math.abs(hi) || 1
  const unit = niceUnit(range)
  let min = Math.floor((lo - range * 0.05) / unit) * unit
  let max = Math.ceil((hi + range * 0.05) / unit) * unit
  if (lo >= 0) min = Math.max(min, 0)
  if (lo >= 0 && hi <= 1) max = Math.min(max, 1)
  return [tidy(min), tidy(max)]
}

const quote = (text: string) => `"${text.replace(/"/g, "'")}"`

/** The mermaid block, or '' when fewer than two steps have a value. */
export function renderChart(doc: ScoresDocument): string {
  const points = pointsOf(doc)
  if (points.length < 2) return ''
  const label = doc.metric.name
  const values = evenGrid(points)
  const [min, max] = yRange(points.map((p) => p.value))
  const first = points[0]
  const last = points[points.length - 1]
  const init = { themeVariables: { xyChart: { plotColorPalette: LINE_COLOUR } } }
  return [
    '```mermaid',
    `%%{init: ${JSON.stringify(init)}}%%`,
    'xychart-beta',
    `  title ${quote(`${label} by step`)}`,
    `  accTitle: ${label} by training step`,
    `  accDescr: ${points.length} checkpoints from step ${first.step} to step ${last.step}`,
    `  x-axis "step" ${first.step} --> ${last.step}`,
    `  y-axis ${quote(label)} ${min} --> ${max}`,
    `  line [${values.map((v) => Number(v.toPrecision(5))).join(', ')}]`,
    '```'
  ].join('\n')
}
