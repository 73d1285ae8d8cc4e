import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { createBuiltinEvaluator } from '../src/evaluate/builtin/evaluator.js'
import { silentLogger } from '../src/util/log.js'
import { rank } from '../src/domain/rank.js'
import {
  buildScoresDocument,
  readScoresDocument,
  renderScoresCsv,
  writeScoresFiles,
  type ScoresDocument
} from '../src/scores/document.js'
import { renderEvaluationSummary } from '../src/report/summary.js'
import { GRID_POINTS, evenGrid, renderChart, yRange } from '../src/report/chart.js'
import { PAGE_WIDTH_PX, columnWidthsPx } from '../src/report/markdown.js'
import { renderTerminalFiles, renderTerminalTable, terminalWinnerLine } from '../src/report/terminal.js'
import type { Checkpoint } from '../src/domain/types.js'
import { tempDir } from './support/workspace.js'

const checkpoint = (name: string, step: number): Checkpoint => ({
  name,
  path: `checkpoints/${name}`,
  step,
  weightsFormat: 'safetensors',
  weightsFiles: ['model.safetensors'],
  files: [],
  sizeBytes: 2048
})

async function scoresFor(steps: number[], skipped = 0): Promise<ScoresDocument> {
  const evaluation = await createBuiltinEvaluator().evaluate(
    steps.map((s) => checkpoint(`step_${s}`, s)),
    { log: silentLogger }
  )
  const ranking = rank(evaluation)
  return buildScoresDocument({
    run: { createdAt: '2026-11-25T00:00:00.000Z', tool: { name: 't', version: '0' } },
    discovery: {
      skipped: Array.from({ length: skipped }, (_, i) => ({
        name: `step_${9000 + i}`,
        path: `checkpoints/step_${9000 + i}`,
        step: 9000 + i,
        reason: 'missing config.json'
      }))
    },
    evaluation,
    ranking,
    weights: {}
  })
}

describe('scores files', () => {
  it('writes a versioned scores.json that reads back, and a CSV in canonical column order', async () => {
    const doc = await scoresFor([100, 1000], 1)
    expect(doc.winner).toMatchObject({ name: 'step_1000', step: 1000, evalAccuracy: 0.712 })
    expect(doc.checkpoints.map((c) => c.rank)).toEqual([1, 2])
    const { dir, cleanup } = await tempDir()
    try {
      const files = await writeScoresFiles(doc, path.join(dir, 'out'))
      expect(await readScoresDocument(files.json, 'baseline')).toEqual(doc)
      const csv = (await readFile(files.csv, 'utf8')).split('\n')
      expect(csv[0]).toBe(
        'rank,checkpoint,step,status,eval_accuracy,math_reasoning,logical_reasoning,common_sense,reading_comprehension,question_answering,text_classification,sentiment_analysis,code_generation,creative_writing,dialogue_generation,summarization,translation,knowledge_retrieval,instruction_following,safety_evaluation,size_bytes,path,error'
      )
      expect(csv[1]).toBe(
        '1,step_1000,1000,ok,0.712,0.550,0.819,0.736,0.700,0.607,0.828,0.792,0.650,0.610,0.644,0.767,0.804,0.676,0.758,0.739,2048,checkpoints/step_1000,'
      )
      await expect(readScoresDocument(path.join(dir, 'none.json'), 'baseline')).rejects.toThrow(
        /^baseline: .*none\.json file not found\. Give the path of a scores\.json/
      )
      await expect(readScoresDocument(files.csv, 'baseline')).rejects.toThrow(/is not valid JSON/)
    } finally {
      await cleanup()
    }
  })

  it('quotes CSV fields that need it', async () => {
    const doc = await scoresFor([100])
    doc.checkpoints[0].error = 'exit 1: "boom", then\nmore'
    expect(renderScoresCsv(doc)).toContain(',checkpoints/step_100,"exit 1: ""boom"", then\nmore"\n')
  })
})

describe('job summary', () => {
  it('names the winner, charts the metric, and lists every score and skip', async () => {
    const doc = await scoresFor([100, 200, 300, 1000], 1)
    const md = renderEvaluationSummary({
      scores: doc,
      results: { scoresFile: 'eval-results/scores.json' },
      notes: ['Ranked by eval_accuracy: the default.']
    })
    expect(md).toContain('🏆 **Winner:** `step_1000` (step 1000) · eval_accuracy **0.712**\n\n')
    expect(md).toContain(
      '4 evaluated · 1 skipped · built-in suite, 15 benchmarks · ranked by eval_accuracy, higher is better'
    )
    expect(md).toContain('\n\nRanked by eval_accuracy: the default.\n\n')
    expect(md).toContain(
      '```mermaid\n%%{init: {"themeVariables":{"xyChart":{"plotColorPalette":"#ea580c"}}}}%%\nxychart-beta'
    )
    // A numeric x-axis: 100, 200, 300 and 1000 at their distances, not evenly spaced.
    expect(md).toContain('x-axis "step" 100 --> 1000')
    // The steps' common divisor is 100: ten points, the last seven on the line from step 300 to 1000.
    expect(md).toContain('line [0.484, 0.539, 0.58, 0.59886, 0.61771, 0.63657, 0.65543, 0.67429, 0.69314, 0.712]')
    // The ranking metric's column is the bold one.
    expect(md).toContain('| # | Checkpoint | Step | Size | **eval_accuracy** |')
    expect(md).toContain('| 1 | 🏆 `step_1000` | 1000 | 2.00 KiB | **0.712** |')
    // The benchmarks down the side under their groups, the best checkpoints across.
    expect(md).toContain(
      '### Benchmarks of the best 4\n\n| Benchmark | 🏆 `step_1000` | `step_300` | `step_200` | `step_100` |'
    )
    expect(md).toContain('| **eval_accuracy** | **0.712** | 0.580 | 0.539 | 0.484 |')
    expect(md).toContain('| **Core Reasoning Tasks** |  |  |  |  |\n| Math Reasoning | 0.550 | 0.415 | 0.383 | 0.345 |')
    // Every benchmark: one table per group, folded.
    expect(md).toContain('<details><summary>Every benchmark of every checkpoint</summary>')
    expect(md).toContain(
      '**Core Reasoning Tasks**\n\n| # | Checkpoint | Math Reasoning | Logical Reasoning | Common Sense |'
    )
    expect(md).toContain('### ⚠️ Skipped (1)\n\n- `step_9000`: missing config.json')
    expect(md).toContain('Full results: `eval-results/scores.json` and scores.csv beside it.')
    expect(md).not.toContain('/tmp/')
  })

  it('links the artifact on the run page instead of a path on the runner', async () => {
    const doc = await scoresFor([100, 200])
    const md = renderEvaluationSummary({
      scores: doc,
      results: { artifactName: 'checkpoint-eval-eval-1a2b', runUrl: 'https://github.com/acme/m/actions/runs/9' }
    })
    expect(md).toContain(
      'Full results (scores.json, scores.csv): artifact [`checkpoint-eval-eval-1a2b`](https://github.com/acme/m/actions/runs/9#artifacts) of this run.'
    )
  })

  it('bolds the ranking metric and shows every value by one rounding rule', async () => {
    const doc = await scoresFor([100, 200, 300])
    doc.metric = { name: 'accuracy', greaterIsBetter: true }
    doc.checkpoints.forEach((c, i) => (c.value = [0.9875, 0.95, 0.9][i]))
    doc.winner = { ...doc.winner!, value: 0.9875 }
    const md = renderEvaluationSummary({ scores: doc })
    expect(md).toContain('🏆 **Winner:** `step_300` (step 300) · accuracy **0.988** · eval_accuracy 0.580')
    expect(md).toContain('| # | Checkpoint | Step | Size | **accuracy** | eval_accuracy |')
    expect(md).toContain('| 1 | 🏆 `step_300` | 300 | 2.00 KiB | **0.988** | 0.580 |')
    expect(md.replace(/```mermaid[\s\S]*?```/, '')).not.toContain('0.9875')
  })

  it('takes extra ranking columns from other parts of the run', async () => {
    const doc = await scoresFor([100, 200])
    const md = renderEvaluationSummary({
      scores: doc,
      columns: [{ header: 'Scores', cell: (c) => (c.step === 100 ? 'cached' : 'evaluated') }]
    })
    expect(md).toContain('| # | Checkpoint | Step | Size | **eval_accuracy** | Scores |')
    expect(md).toContain('| 2 | `step_100` | 100 | 2.00 KiB | 0.484 | cached |')
  })

  it('splits the every-benchmark table so none is wider than the page', async () => {
    const doc = await scoresFor([100, 200])
    for (const c of doc.checkpoints) c.name = `run-2026-11-25-lr3e-4-warmup-cosine-${c.name}`
    const md = renderEvaluationSummary({ scores: doc })
    const tables = md.split(/\n\n+/).filter((block) => block.startsWith('| '))
    for (const t of tables) {
      const rows = t.split('\n').map((line) => line.slice(2, -2).split(' | '))
      const width = columnWidthsPx([rows[0], ...rows.slice(2)]).reduce((a, b) => a + b, 0)
      expect(width).toBeLessThanOrEqual(PAGE_WIDTH_PX)
    }
    // The best two don't fit side by side with such names: the winner alone.
    expect(md).toContain('### Benchmarks of the winner')
  })

  it('folds hundreds of checkpoints and stays far under 1 MiB with 10,000', async () => {
    const doc = await scoresFor(Array.from({ length: 10_000 }, (_, i) => (i + 1) * 10))
    const md = renderEvaluationSummary({ scores: doc })
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    expect(md).toContain('### Ranking (best 20 of 10000)')
    expect(md).toContain('<details><summary>The other 9980 checkpoints</summary>')
    const smallBudget = renderEvaluationSummary({ scores: doc, budget: 50_000 })
    expect(Buffer.byteLength(smallBudget)).toBeLessThan(60_000)
    expect(smallBudget).toMatch(/\d+ more checkpoints are not shown here .* they are in scores\.csv/)
  })

  it('escapes names that would break a table', async () => {
    const doc = await scoresFor([100])
    doc.checkpoints[0].name = 'step|<b>_100'
    expect(renderEvaluationSummary({ scores: doc })).toContain('`step\\|&lt;b>_100`')
  })
})

describe('chart', () => {
  const lineOf = (chart: string) =>
    chart
      .match(/line \[([^\]]*)\]/)![1]
      .split(', ')
      .map(Number)

  it('places uneven steps at their distances on an even grid of steps', async () => {
    const steps = [5, 20, 50, 100, 200, 400, 700, 1000]
    const doc = await scoresFor(steps)
    const chart = renderChart(doc)
    expect(chart).toContain('x-axis "step" 5 --> 1000')
    const line = lineOf(chart)
    // The steps' common divisor is 5: 200 points, each checkpoint exactly on one.
    expect(line).toHaveLength(200)
    for (const c of doc.checkpoints) expect(line[(c.step - 5) / 5]).toBeCloseTo(c.value!, 4)
  })

  it('snaps to a grid of at most GRID_POINTS when the steps share no useful divisor', async () => {
    const steps = Array.from({ length: 200 }, (_, i) => 7 + i * 37 + (i % 3))
    const doc = await scoresFor(steps)
    const line = lineOf(renderChart(doc))
    expect(line).toHaveLength(GRID_POINTS)
    const best = doc.checkpoints[0]
    expect(Math.max(...line)).toBeCloseTo(best.value!, 4)
  })

  it('keeps an accuracy axis within 0..1 and pads to round numbers', () => {
    expect(yRange([0.92, 0.995])).toEqual([0.9, 1])
    expect(yRange([0.484, 0.712])).toEqual([0.45, 0.75])
    expect(yRange([0.01, 0.2])).toEqual([0, 0.25])
    expect(yRange([2.31, 3.9])).toEqual([2, 4])
    expect(yRange([-1.5, 0.5])).toEqual([-2, 1])
  })

  it('has no chart with fewer than two steps', async () => {
    expect(renderChart(await scoresFor([100]))).toBe('')
  })

  it('interpolates between neighbours only', () => {
    const points = [
      { step: 0, value: 0 },
      { step: 1, value: 0.5 },
      { step: 4, value: 2 }
    ]
    expect(evenGrid(points)).toEqual([0, 0.5, 1, 1.5, 2])
  })
})

describe('terminal report', () => {
  it('prints one table and one winner line', async () => {
    const doc = await scoresFor([100, 1000], 1)
    const table = renderTerminalTable(doc)
    expect(table).toMatch(/^# {2}checkpoint\s+step\s+size\s+eval_accuracy\s+status$/m)
    expect(table).toMatch(/^1 {2}step_1000\s+1000\s+2\.00 KiB\s+0\.712\s+ok$/m)
    expect(table.split('\n')).toHaveLength(3)
    expect(terminalWinnerLine(doc)).toBe('Best checkpoint: step_1000 (step 1000), eval_accuracy 0.712')
    expect(renderTerminalFiles('eval-results/scores.json')).toBe('Scores: eval-results/scores.json (and scores.csv)\n')
  })
})
