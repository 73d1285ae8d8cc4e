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
import { renderChart, renderEvaluationSummary } from '../src/report/summary.js'
import { renderTerminalReport } from '../src/report/terminal.js'
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
    const md = renderEvaluationSummary({ scores: doc, scoresFile: '/tmp/scores.json' })
    expect(md).toContain('🏆 **Best checkpoint: `step_1000`** (step 1000) — eval_accuracy **0.712**')
    expect(md).toContain('4 evaluated · 1 skipped')
    expect(md).toContain('```mermaid\nxychart-beta')
    expect(md).toContain('x-axis "step" ["100", "200", "300", "1000"]')
    expect(md).toContain('line [0.484, 0.539, 0.58, 0.712]')
    expect(md).toMatch(/\| 1 \| 🏆 `step_1000` \| 1000 \| 2\.00 KiB \| – \| \*\*0\.712\*\* \| 0\.550 \| 0\.819 \|/)
    // The benchmarks down the side, grouped, the best checkpoints across.
    expect(md).toContain(
      '### Benchmarks of the best 4\n\n| Group | Benchmark | 🏆 `step_1000` | `step_300` | `step_200` | `step_100` |'
    )
    expect(md).toContain('|  | **eval_accuracy** | **0.712** | 0.580 | 0.539 | 0.484 |')
    expect(md).toContain('| **Core Reasoning Tasks** | Math Reasoning | 0.550 | 0.415 | 0.383 | 0.345 |')
    expect(md).toContain('<details><summary>Every benchmark of every checkpoint</summary>')
    expect(md).toContain('### ⚠️ Skipped (1)')
    expect(md).toContain('| `step_9000` | missing config.json |')
  })

  it('folds hundreds of checkpoints and stays far under 1 MiB with 10,000', async () => {
    const doc = await scoresFor(Array.from({ length: 10_000 }, (_, i) => (i + 1) * 10))
    const md = renderEvaluationSummary({ scores: doc })
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    expect(md).toContain('### Ranking (best 20 of 10000)')
    expect(md).toContain('<details><summary>The other 9980 checkpoints</summary>')
    const chart = renderChart(doc)
    expect(chart).toMatch(/title "eval_accuracy by step \(\d+ of 10000 checkpoints\)"/)
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

describe('terminal report', () => {
  it('prints a table with the winner and its benchmarks', async () => {
    const text = renderTerminalReport(await scoresFor([100, 1000], 1), 'eval-results/scores.json')
    expect(text).toMatch(/^# {2}checkpoint\s+step\s+size\s+eval_accuracy\s+status$/m)
    expect(text).toMatch(/^1 {2}step_1000 \*\s+1000\s+2\.00 KiB\s+0\.712\s+ok$/m)
    expect(text).toContain('Best checkpoint: step_1000 (step 1000), eval_accuracy 0.712')
    expect(text).toMatch(/^ {2}Math Reasoning\s+0\.550$/m)
    expect(text).toContain('skipped step_9000: missing config.json')
  })
})
