// The results evaluator on real results files (fixtures/results-real), through the bundle as
// GitHub runs it and as the CLI runs it: the default metric is the one a practitioner would pick,
// or the run stops before anything is written, listing the choices and the `metric:` line to add.
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { ROOT, runAction, runProcess } from './support/action-runner.js'
import { REAL_LAYOUTS, realRun, type RealLayout } from './support/real-results.js'

const cli = path.join(ROOT, 'dist/index.js')
const env = { PATH: process.env.PATH, HOME: process.env.HOME }

/** The CLI over a run laid out from real files; returns its output and the scores.json it wrote (if any). */
async function cliRun(layout: RealLayout, flags: string[] = []) {
  const run = await realRun(layout)
  try {
    const out = path.join(run.dir, 'out')
    const r = await runProcess({
      script: cli,
      args: ['--evaluator', 'results', '--checkpoint-dir', run.checkpointDir, `--output-dir=${out}`, ...flags],
      env
    })
    const scoresFile = path.join(out, 'scores.json')
    const scores = (await stat(scoresFile).catch(() => null))
      ? JSON.parse(await readFile(scoresFile, 'utf8'))
      : undefined
    return { ...r, scores }
  } finally {
    await run.cleanup()
  }
}

describe('real results files through the bundle', () => {
  it('action: Whisper ranks by the WER the Trainer optimised, and the summary says why', async () => {
    const run = await realRun(REAL_LAYOUTS.whisper)
    try {
      const r = await runAction({
        cwd: run.dir,
        inputs: { evaluator: 'results', 'checkpoint-dir': 'checkpoints', 'output-dir': 'out' }
      })
      expect(r.code).toBe(0)
      expect(r.outputs['best-checkpoint']).toBe('checkpoints/checkpoint-3000')
      expect(r.outputs['metric-value']).toBe('0.7431560204762965')
      const note =
        /^Ranked by eval_wer \(lower is better\): the metric the Trainer optimised \(best_metric 0\.7431560204762965 at checkpoint-3000 in checkpoint-\d+\/trainer_state\.json\)\.$/m
      expect(r.summary).toMatch(note)
      expect(r.stdout).toMatch(/^Ranked by eval_wer \(lower is better\): the metric the Trainer optimised/m)
    } finally {
      await run.cleanup()
    }
  })

  it('CLI: Pythia lm-eval v0.3 files named by step stop with the list of metrics and the line to add', async () => {
    const r = await cliRun(REAL_LAYOUTS.pythia)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^error: Input 'metric': no default ranking metric is safe for these results: they mix higher- and lower-is-better metrics/m
    )
    expect(r.stderr).toContain('  - lambada_openai (ppl): lower is better, unbounded')
    expect(r.stderr).toContain('add `metric: logiqa` to the step')
    expect(r.scores).toBeUndefined() // nothing written: no wrong winner on disk either
  })

  it('CLI: naming the task ranks the trained Pythia step first', async () => {
    const r = await cliRun(REAL_LAYOUTS.pythia, ['--metric', 'lambada_openai/acc'])
    expect(r.code).toBe(0)
    expect(r.scores.metric).toEqual({ name: 'lambada_openai/acc', greaterIsBetter: true })
    expect(r.scores.winner).toMatchObject({ name: 'step123000', value: 0.33106928003104985 })
  })

  it('CLI: t5 all_results averages the four ROUGE scores (0–100), never gen_len', async () => {
    const r = await cliRun(REAL_LAYOUTS.t5)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(
      'Ranked by eval_accuracy (higher is better): eval_accuracy is the mean of the 4 scores (all higher is better, 0–100).'
    )
    expect(r.scores.winner.evalAccuracy).toBe(32.272)
  })

  it('CLI: an SFT run with only eval_loss ranks by it, lowest first', async () => {
    const r = await cliRun(REAL_LAYOUTS.sft)
    expect(r.code).toBe(0)
    expect(r.scores.metric).toEqual({ name: 'eval_loss', greaterIsBetter: false })
    expect(r.scores.winner.name).toBe('checkpoint-100')
  })

  it('CLI: --metric accuracy --min-score 0.5 on WER-only files fails before any gate verdict', async () => {
    const r = await cliRun(REAL_LAYOUTS.whisper, ['--metric', 'accuracy', '--min-score', '0.5'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("error: Input 'metric': 'accuracy' is not in the results")
    expect(r.stdout + r.stderr).not.toMatch(/Gate passed/)
    expect(r.scores).toBeUndefined()
  })

  it('CLI: an lm-eval v0.4 subgroup name is found; a misspelt one fails with the closest match', async () => {
    const ok = await cliRun(REAL_LAYOUTS.lmEvalGroup, ['--metric', 'arc_easy'])
    expect(ok.code).toBe(0)
    expect(ok.scores.winner.value).toBe(0.3)
    const bad = await cliRun(REAL_LAYOUTS.lmEval, ['--metric', 'lambada_opnai/perplexity'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain(
      "error: Input 'metric': 'lambada_opnai/perplexity' is not in the results. Closest match: 'lambada_openai/perplexity'"
    )
  })

  it('action: NaN in the ranking metric leaves that checkpoint unranked, with the reason in the summary', async () => {
    // The real classifier file, with step 200's eval_accuracy and step 100's eval_loss as a diverged evaluation writes them.
    const run = await realRun(REAL_LAYOUTS.classifier, (_c, _f, text) =>
      text
        .replace('"eval_accuracy": 0.30584850907325745', '"eval_accuracy": NaN')
        .replace('"eval_loss": 1.3862756490707397', '"eval_loss": NaN')
    )
    try {
      const r = await runAction({
        cwd: run.dir,
        inputs: { evaluator: 'results', 'checkpoint-dir': 'checkpoints', 'output-dir': 'out' }
      })
      expect(r.code).toBe(0)
      expect(r.outputs['best-checkpoint']).toBe('checkpoints/checkpoint-300')
      expect(r.summary).toContain(
        'Ranked by eval_accuracy (higher is better): the results report eval_accuracy. Not ranked: checkpoint-200 (eval_accuracy is NaN).'
      )
      // Once per metric (each checkpoint reads its own step's entry: only step 100's loss is NaN).
      const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning::eval_loss is not a number'))
      expect(warnings).toEqual([
        '::warning::eval_loss is not a number in checkpoint-100 (NaN): it does not rank, so this only leaves a gap in the table.'
      ])
    } finally {
      await run.cleanup()
    }
  })
})
