// The one module that knows what a metric name means: direction, counters, scale, model-index names.
import {
  bareMetricName,
  closestName,
  higherIsBetter,
  higherIsBetterFromName,
  isCounter,
  isLoss,
  modelIndexMetric,
  scaleOf
} from '../src/domain/metric-semantics.js'

describe('metric semantics', () => {
  it('knows the lower-is-better names, with or without prefix and lm-eval filter', () => {
    for (const name of [
      'eval_loss',
      'eval_wer',
      'cer',
      'perplexity,none',
      'ppl',
      'word_perplexity',
      'byte_perplexity',
      'bits_per_byte,none',
      'mae',
      'eval_mse',
      'rmse',
      'likelihood_difference',
      'lambada_openai/perplexity,none'
    ])
      expect([name, higherIsBetterFromName(name)]).toEqual([name, false])
    for (const name of ['accuracy', 'acc_norm,none', 'eval_f1', 'rouge1', 'tracer', 'bleu', 'mean_token_accuracy'])
      expect([name, higherIsBetterFromName(name)]).toEqual([name, undefined])
  })

  it('lets the file overrule the name, and defaults to higher', () => {
    expect(higherIsBetter('perplexity', true)).toBe(true)
    expect(higherIsBetter('acc', false)).toBe(false)
    expect(higherIsBetter('exact_match')).toBe(true)
  })

  it('tells counters from scores', () => {
    for (const name of [
      'eval_runtime',
      'eval_samples_per_second',
      'eval_steps_per_second',
      'epoch',
      'eval_num_tokens',
      'num_tokens',
      'eval_gen_len',
      'total_flos',
      'eval_samples',
      'train_loss',
      'eval_entropy',
      'learning_rate',
      'grad_norm'
    ])
      expect([name, isCounter(name)]).toEqual([name, true])
    for (const name of [
      'eval_accuracy',
      'eval_loss',
      'eval_wer',
      'eval_rouge1',
      'eval_mean_token_accuracy',
      'acc,none'
    ])
      expect([name, isCounter(name)]).toEqual([name, false])
    expect([isLoss('eval_loss'), isLoss('loss'), isLoss('eval_wer')]).toEqual([true, true, false])
  })

  it('recognises 0–1, 0–100 and unbounded scales from the values', () => {
    expect(scaleOf([0.25, 0.31], true)).toBe('fraction')
    expect(scaleOf([41.6324, 19.1949], true)).toBe('percent')
    expect(scaleOf([3473989.1, 37.8], false)).toBe('unbounded')
    expect(scaleOf([NaN, 0.5], true)).toBe('fraction')
  })

  it('names metrics for the model-index (type and display name)', () => {
    expect(modelIndexMetric('eval_wer')).toEqual({ type: 'wer', name: 'WER' })
    expect(modelIndexMetric('eval_accuracy')).toEqual({ type: 'accuracy', name: 'Accuracy' })
    expect(modelIndexMetric('acc,none')).toEqual({ type: 'accuracy', name: 'Accuracy' })
    expect(modelIndexMetric('arc_easy/acc_norm,none')).toEqual({ type: 'acc_norm', name: 'Normalized Accuracy' })
    expect(modelIndexMetric('eval_rouge1')).toEqual({ type: 'rouge1', name: 'ROUGE-1' })
    expect(modelIndexMetric('lambada_openai/ppl')).toEqual({ type: 'perplexity', name: 'Perplexity' })
    expect(modelIndexMetric('eval_my_score')).toEqual({ type: 'my_score', name: 'My Score' })
    expect(bareMetricName('test_exact_match')).toBe('exact_match')
  })

  it('suggests the closest known name, or none when nothing is close', () => {
    expect(closestName('wre', ['wer', 'eval_loss'])).toBe('wer')
    expect(closestName('lambada/acc', ['lambada_openai/acc', 'arc_easy'])).toBe('lambada_openai/acc')
    expect(closestName('mmlu_stem', ['wer', 'eval_loss'])).toBeUndefined()
  })
})
