// Every ranking rule on real results files (fixtures/results-real, sources in each SOURCE.md):
// the results evaluator reads them as a user's run would, then rank() picks the metric or refuses.
import { discover } from '../src/discover/checkpoints.js'
import { rank } from '../src/domain/rank.js'
import type { EvaluationRun } from '../src/domain/types.js'
import { createResultsEvaluator } from '../src/evaluate/results/evaluator.js'
import { InputError } from '../src/util/errors.js'
import { recordingLogger } from './support/logger.js'
import { REAL_LAYOUTS, realRun, type RealLayout } from './support/real-results.js'

async function evaluate(layout: RealLayout, edit?: Parameters<typeof realRun>[1]): Promise<EvaluationRun> {
  const run = await realRun(layout, edit)
  try {
    const { checkpoints } = await discover({ root: run.checkpointDir })
    return await createResultsEvaluator().evaluate(checkpoints, { log: recordingLogger() })
  } finally {
    await run.cleanup()
  }
}

const winnerOf = (run: EvaluationRun, metric?: string) => rank(run, { metric }).winner?.evaluation.checkpoint.name

function rankError(run: EvaluationRun, metric?: string): InputError {
  try {
    rank(run, { metric })
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('rank() did not refuse')
}

describe('ranking real results files', () => {
  it('Whisper trainer_state: ranks by the WER the Trainer optimised, lowest wins (checkpoint-3000)', async () => {
    const run = await evaluate(REAL_LAYOUTS.whisper)
    const ranking = rank(run)
    expect(ranking.metric).toEqual({ name: 'eval_wer', greaterIsBetter: false })
    expect(ranking.reason).toMatch(
      /^the metric the Trainer optimised \(best_metric 0\.7431560204762965 at checkpoint-3000 in checkpoint-\d+\/trainer_state\.json\)$/
    )
    expect(ranking.entries.map((e) => [e.evaluation.checkpoint.name, e.value])).toEqual([
      ['checkpoint-3000', 0.7431560204762965],
      ['checkpoint-4000', 0.7442688626752726],
      ['checkpoint-5000', 0.7449365679946583],
      ['checkpoint-2000', 0.7478299577119965],
      ['checkpoint-1000', 0.78878255063432]
    ])
    // No nonsense eval_accuracy: WER is not an accuracy.
    expect(ranking.entries.every((e) => e.evalAccuracy === null)).toBe(true)
  })

  it('Whisper trainer_state without best_metric: WER is still the only score, lower is better', async () => {
    const run = await evaluate(REAL_LAYOUTS.whisper, (_c, _f, text) =>
      text.replace(/"best_metric": [\d.]+/, '"best_metric": null')
    )
    const ranking = rank(run)
    expect(ranking.metric).toEqual({ name: 'wer', greaterIsBetter: false })
    expect(ranking.reason).toBe('the only score in the results (lower is better, 0–1)')
    expect(ranking.winner?.evaluation.checkpoint.name).toBe('checkpoint-3000')
  })

  it('a classifier trainer_state: eval_accuracy as reported (checkpoint-200)', async () => {
    const run = await evaluate(REAL_LAYOUTS.classifier)
    const ranking = rank(run)
    expect(ranking.metric).toEqual({ name: 'eval_accuracy', greaterIsBetter: true })
    expect(ranking.reason).toBe('the results report eval_accuracy')
    expect(ranking.winner?.evaluation.checkpoint.name).toBe('checkpoint-200')
    expect(ranking.winner?.value).toBe(0.30584850907325745)
  })

  it('an SFT trainer_state with only eval_loss: ranks by the loss, lowest wins', async () => {
    const run = await evaluate(REAL_LAYOUTS.sft)
    expect(run.benchmarks).toEqual([])
    const ranking = rank(run)
    expect(ranking.metric).toEqual({ name: 'eval_loss', greaterIsBetter: false })
    expect(ranking.reason).toBe('the only score in the results is the loss (eval_loss, lower is better)')
    expect(ranking.entries.map((e) => [e.evaluation.checkpoint.name, e.value])).toEqual([
      ['checkpoint-100', 0.8682619333267212],
      ['checkpoint-50', 0.9322603940963745]
    ])
  })

  it('t5 all_results: ROUGE on 0–100 averaged alone; gen_len, samples and runtime are counters', async () => {
    const run = await evaluate(REAL_LAYOUTS.t5)
    expect(run.benchmarks.map((b) => b.id)).toEqual(['rouge1', 'rouge2', 'rougeL', 'rougeLsum'])
    expect(run.results[0].metrics).toMatchObject({ eval_gen_len: 73.5213195691203, eval_samples: 13368 })
    const ranking = rank(run)
    expect(ranking.metric).toEqual({ name: 'eval_accuracy', greaterIsBetter: true })
    expect(ranking.reason).toBe('eval_accuracy is the mean of the 4 scores (all higher is better, 0–100)')
    expect(ranking.winner?.value).toBe(32.272)
  })

  it('Pythia lm-eval v0.3 (step in the file name): mixed directions refuse, listing each with the line to add', async () => {
    const run = await evaluate(REAL_LAYOUTS.pythia)
    expect(run.results.map((r) => r.status)).toEqual(['ok', 'ok'])
    const error = rankError(run)
    expect(error.message).toContain("Input 'metric': no default ranking metric is safe for these results")
    expect(error.message).toContain('they mix higher- and lower-is-better metrics')
    expect(error.message).toContain('  - lambada_openai (ppl): lower is better, unbounded')
    expect(error.message).toContain('  - crows_pairs_english (likelihood_difference): lower is better, unbounded')
    expect(error.message).toContain('  - arc_easy (acc): higher is better, 0–1')
    expect(error.message).toContain('add `metric: logiqa` to the step')
    expect(error.message).toContain('task/metric, e.g. lambada_openai/acc')
  })

  it('Pythia: a named task, a task/metric pair and a bare metric rank the trained step first', async () => {
    const run = await evaluate(REAL_LAYOUTS.pythia)
    expect(winnerOf(run, 'arc_easy')).toBe('step123000')
    expect(winnerOf(run, 'lambada_openai/acc')).toBe('step123000')
    const ppl = rank(run, { metric: 'lambada_openai' })
    expect(ppl.metric).toEqual({ name: 'lambada_openai', greaterIsBetter: false })
    expect(ppl.winner?.evaluation.checkpoint.name).toBe('step123000')
    expect(rank(run, { metric: 'lambada_openai/ppl' }).winner?.value).toBe(37.80438715980361)
    expect(rankError(run, 'acc_norm').message).toMatch(
      /'acc_norm' matches 4 task metrics: logiqa\/acc_norm, sciq\/acc_norm/
    )
  })

  it('lm-eval v0.4: higher_is_better from the file; perplexity never averaged in', async () => {
    const run = await evaluate(REAL_LAYOUTS.lmEval)
    expect(run.facts?.directions).toMatchObject({
      arc_easy: true,
      lambada_openai: true,
      wikitext: false,
      'lambada_openai/perplexity,none': false
    })
    const error = rankError(run)
    expect(error.message).toContain('  - wikitext (bits_per_byte): lower is better, unbounded')
    expect(error.message).toContain('add `metric: arc_easy`')
    expect(rank(run, { metric: 'arc_easy' }).metric).toEqual({ name: 'arc_easy', greaterIsBetter: true })
    const perplexity = rank(run, { metric: 'lambada_openai/perplexity' })
    expect(perplexity.metric).toEqual({ name: 'lambada_openai/perplexity', greaterIsBetter: false })
    expect(perplexity.winner?.value).toBe(605.5452047779999)
    expect(rank(run, { metric: 'word_perplexity' }).metric.greaterIsBetter).toBe(false)
    // The mean lm-eval's numbers can't support is refused when asked for by name, too.
    expect(rankError(run, 'eval_accuracy').message).toContain(
      "'eval_accuracy' is not in the results, and it can't be computed as the mean"
    )
  })

  it('lm-eval v0.4 group: a subtask inside the group is named directly', async () => {
    const run = await evaluate(REAL_LAYOUTS.lmEvalGroup)
    expect(run.benchmarks.map((b) => b.id)).toEqual(['regression_arc'])
    const ranking = rank(run, { metric: 'arc_easy' })
    expect(ranking.winner?.value).toBe(0.3)
    expect(rank(run, { metric: 'arc_challenge/acc_norm' }).winner?.value).toBe(0)
    const byDefault = rank(run)
    expect(byDefault.metric).toEqual({ name: 'eval_accuracy', greaterIsBetter: true })
    expect(byDefault.reason).toBe(
      'eval_accuracy is the only score in the results, regression_arc (acc) (higher is better, 0–1)'
    )
    expect(byDefault.winner?.value).toBe(0.15)
  })

  it("lighteval: a task's first metric ranks by default; the file's higher_is_better decides the others", async () => {
    const run = await evaluate(REAL_LAYOUTS.lighteval)
    // The `all` block repeats the one task: detail, not a second benchmark.
    expect(run.benchmarks).toEqual([
      {
        id: 'lexam-en-idk',
        name: 'lexam-en-idk (trad_score, 0-shot)',
        group: 'community',
        higherIsBetter: true,
        metric: 'trad_score'
      }
    ])
    expect(run.facts?.directions).toMatchObject({
      'lexam-en-idk': true,
      'lexam-en-idk/idk_score': true,
      'lexam-en-idk/idk_freq': false,
      'lexam-en-idk/extract_fail': false
    })
    const byDefault = rank(run)
    expect(byDefault.metric).toEqual({ name: 'eval_accuracy', greaterIsBetter: true })
    expect(byDefault.reason).toBe(
      'eval_accuracy is the only score in the results, lexam-en-idk (trad_score) (higher is better, 0–1)'
    )
    expect(byDefault.winner?.evaluation.checkpoint.name).toBe('checkpoint-100')
    expect(byDefault.winner?.value).toBe(0.701) // the mean, rounded as the summary shows it
    // idk_freq and extract_fail: `higher_is_better: false` in config_tasks, so the lowest wins.
    const idkFreq = rank(run, { metric: 'lexam-en-idk/idk_freq' })
    expect(idkFreq.metric).toEqual({ name: 'lexam-en-idk/idk_freq', greaterIsBetter: false })
    expect(idkFreq.winner?.evaluation.checkpoint.name).toBe('checkpoint-200')
    expect(idkFreq.winner?.value).toBe(0.07592891760904685)
    expect(rank(run, { metric: 'lexam-en-idk/idk_score' }).winner?.value).toBe(0.48465266558966075)
    // lighteval's `all` block repeats the metric: a bare name is refused with both to choose from.
    expect(rankError(run, 'idk_score').message).toBe(
      "Input 'metric': 'idk_score' matches 2 task metrics: lexam-en-idk/idk_score, all/idk_score. " +
        'Name one of them, e.g. metric: lexam-en-idk/idk_score'
    )
  })

  it('an unknown metric fails with the names found and the closest match', async () => {
    const run = await evaluate(REAL_LAYOUTS.whisper)
    expect(rankError(run, 'wre').message).toBe(
      "Input 'metric': 'wre' is not in the results. Closest match: 'wer' (metric: wer). Available: wer, eval_loss."
    )
    expect(rankError(run, 'eval_runtime').message).toMatch(/'eval_runtime' is a counter \(eval_runtime\), not a score/)
  })

  it('metric: accuracy on WER-only files is refused, not ranked by WER as if it were an accuracy', async () => {
    const run = await evaluate(REAL_LAYOUTS.whisper)
    expect(rankError(run, 'accuracy').message).toContain(
      "'accuracy' is not in the results, and it can't be computed as the mean of the scores: wer is lower-is-better, and eval_accuracy is a mean of higher-is-better scores"
    )
  })

  describe('NaN and infinite values (Python writes bare NaN)', () => {
    // The real classifier file with one value replaced, as a diverged evaluation would write it.
    const nanAt = (key: string, step: number) => (_c: string, _f: string, text: string) =>
      text.replace(new RegExp(`("${key}": )[-\\d.e]+(,\\s+(?:"[a-z_]+": [\\d.]+,\\s+)*"step": ${step}\\b)`), '$1NaN$2')

    it('NaN in the ranking metric: that checkpoint is not ranked, with the reason; never replaced by a mean', async () => {
      const run = await evaluate(REAL_LAYOUTS.classifier, nanAt('eval_accuracy', 200))
      const ranking = rank(run)
      const nan = ranking.entries.find((e) => e.evaluation.checkpoint.name === 'checkpoint-200')
      expect(nan).toMatchObject({ rank: null, value: null, evalAccuracy: null, unrankedReason: 'eval_accuracy is NaN' })
      expect(nan?.evaluation.status).toBe('ok')
      expect(ranking.winner?.evaluation.checkpoint.name).toBe('checkpoint-300')
    })

    it('NaN in a metric that does not rank: kept as invalid, not fatal, the ranking unchanged', async () => {
      const run = await evaluate(REAL_LAYOUTS.classifier, nanAt('eval_loss', 100))
      const r100 = run.results.find((r) => r.checkpoint.name === 'checkpoint-100')
      expect(r100?.invalid).toEqual({ eval_loss: 'NaN' })
      expect(r100?.metrics.eval_loss).toBeUndefined()
      expect(rank(run).winner?.evaluation.checkpoint.name).toBe('checkpoint-200')
    })

    it('Infinity in the metric the Trainer optimised: not ranked; the others still are', async () => {
      const run = await evaluate(REAL_LAYOUTS.whisper, (_c, _f, text) =>
        text.replace('"eval_wer": 0.7442688626752726', '"eval_wer": Infinity')
      )
      const ranking = rank(run)
      expect(ranking.metric.name).toBe('eval_wer')
      expect(ranking.winner?.evaluation.checkpoint.name).toBe('checkpoint-3000')
      expect(ranking.entries.find((e) => e.evaluation.checkpoint.name === 'checkpoint-4000')).toMatchObject({
        rank: null,
        unrankedReason: 'eval_wer is Infinity'
      })
    })
  })
})
