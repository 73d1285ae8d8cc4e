// What a metric's name and values say about it, in one place: which way is better, whether it is a
// score at all (a counter such as eval_runtime or num_tokens never is), its scale (0–1 or 0–100),
// how the Hub's model-index names it, and the closest known name to a misspelt one. Pure: the
// parsers, ranking and the model card all ask here instead of keeping their own lists.

/** 0–1 (accuracy, F1 as the Trainer logs them), 0–100 (ROUGE and BLEU as the example scripts log them, judge scores), or anything else (loss, perplexity). */
export type MetricScale = 'fraction' | 'percent' | 'unbounded'

// Counters and bookkeeping: how long, how many, how fast, where in training. Shown as information,
// never ranked or averaged. Matched on the name without the `eval_`/`train_`/`test_` prefix.
const COUNTER = new RegExp(
  '^(?:epoch|step|global_step|runtime|samples|num_samples|sample_count|sample_len|total_flos|flos|learning_rate|lr|' +
    'grad_norm|num_input_tokens_seen|num_tokens|gen_len|entropy|mean_len|avg_len|n_samples|' +
    '.+_(?:runtime|per_second|flos|samples|time|seconds|num_tokens|gen_len|stderr|count))$',
  'i'
)

// Losses, perplexities, error rates, regression errors and the like: lower wins. The name must end
// in one of these as a word (`eval_loss`, `word_perplexity`), not merely in the letters (`tracer`).
const LOWER_IS_BETTER = new RegExp(
  '(?:^|[^a-z])(?:loss|perplexity|ppl|bits_per_byte|bpb|error|error_rate|wer|cer|ter|mer|wil|der|mse|rmse|mae|mape|' +
    'likelihood_difference|pct_stereotype|brier_score|ece|nll|fid|eer)$',
  'i'
)

const LOSS = /(?:^|_)loss$/i

/** `eval_wer` -> `wer`, `train_loss` -> `loss`, `lambada_openai/acc,none` -> `acc`: the metric itself. */
export function bareMetricName(name: string): string {
  const metric = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name
  return metric.split(',')[0].replace(/^(?:eval|test|predict|validation|val)_/, '')
}

/** Counters (runtime, samples_per_second, epoch, num_tokens, gen_len, total_flos…): information, never a score. */
export function isCounter(name: string): boolean {
  if (/^train_/.test(name)) return true
  return COUNTER.test(bareMetricName(name)) || COUNTER.test(name)
}

/** `loss`, `eval_loss`, `eval_a_loss`: the Trainer's objective, a score of last resort. */
export function isLoss(name: string): boolean {
  return LOSS.test(bareMetricName(name)) || LOSS.test(name)
}

/** False for names that are lower-is-better by convention; undefined when the name doesn't say. */
export function higherIsBetterFromName(name: string): boolean | undefined {
  return LOWER_IS_BETTER.test(bareMetricName(name)) ? false : undefined
}

/**
 * Which way a metric is better: what the results file says when it says (lm-eval's
 * higher_is_better, the Trainer's best_metric), else the convention for its name, else higher.
 */
export function higherIsBetter(name: string, fromFile?: boolean): boolean {
  return fromFile ?? higherIsBetterFromName(name) ?? true
}

/**
 * The scale of a metric's values across checkpoints: all within 0–1 is `fraction`; up to 100 for a
 * higher-is-better score is `percent` (ROUGE 41.6, a judge's 0–100); anything else `unbounded`.
 */
export function scaleOf(values: readonly number[], higher: boolean): MetricScale {
  const finite = values.filter((v) => Number.isFinite(v))
  if (finite.length === 0) return 'fraction'
  const min = Math.min(...finite)
  const max = Math.max(...finite)
  if (min >= 0 && max <= 1) return 'fraction'
  if (higher && min >= 0 && max <= 100) return 'percent'
  return 'unbounded'
}

/** `0–1`, `0–100`, `unbounded`: a scale as messages show it. */
export function describeScale(scale: MetricScale): string {
  return scale === 'fraction' ? '0–1' : scale === 'percent' ? '0–100' : 'unbounded'
}

// The Hub's model-index `type`s and display names for the metrics users publish most (the Hub
// links `type` to the metric's page: wer, accuracy, rouge1…).
const MODEL_INDEX: Record<string, string> = {
  accuracy: 'Accuracy',
  acc: 'Accuracy',
  acc_norm: 'Normalized Accuracy',
  f1: 'F1',
  precision: 'Precision',
  recall: 'Recall',
  exact_match: 'Exact Match',
  em: 'Exact Match',
  wer: 'WER',
  cer: 'CER',
  bleu: 'BLEU',
  sacrebleu: 'SacreBLEU',
  chrf: 'chrF',
  ter: 'TER',
  rouge1: 'ROUGE-1',
  rouge2: 'ROUGE-2',
  rougel: 'ROUGE-L',
  rougelsum: 'ROUGE-Lsum',
  perplexity: 'Perplexity',
  ppl: 'Perplexity',
  word_perplexity: 'Word Perplexity',
  byte_perplexity: 'Byte Perplexity',
  bits_per_byte: 'Bits per Byte',
  loss: 'Loss',
  matthews_correlation: 'Matthews Correlation',
  mcc: 'Matthews Correlation',
  pearson: 'Pearson',
  spearmanr: 'Spearman',
  mse: 'MSE',
  rmse: 'RMSE',
  mae: 'MAE',
  mean_token_accuracy: 'Mean Token Accuracy'
}

/**
 * How a metric is named in a model card's model-index: `type` (lower-case id the Hub links, e.g.
 * `wer`, `accuracy`, `rouge1`) and a display `name` (`WER`, `Accuracy`, `ROUGE-1`). Accepts the
 * names as results files write them: `eval_wer`, `acc,none`, `arc_easy/acc_norm,none`.
 */
export function modelIndexMetric(name: string): { type: string; name: string } {
  const bare = bareMetricName(name)
  const key = bare.toLowerCase()
  const type = key === 'acc' ? 'accuracy' : key === 'ppl' ? 'perplexity' : key
  const display =
    MODEL_INDEX[key] ??
    bare
      .split(/[_\s]+/)
      .filter(Boolean)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' ')
  return { type, name: display }
}

/** Edit distance, for suggesting the closest metric name to a misspelt one. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]
}

/** The known name closest to `input` (case-blind, prefix-blind), when it is reasonably close. */
export function closestName(input: string, names: readonly string[]): string | undefined {
  const want = input.toLowerCase().replace(/^eval_/, '')
  let best: { name: string; d: number } | undefined
  for (const name of names) {
    const have = name.toLowerCase().replace(/^eval_/, '')
    const haveWords = new Set(have.split(/[_/,:|]+/))
    const sameWords = want.split(/[_/,:|]+/).every((w) => haveWords.has(w))
    const d = have.includes(want) || want.includes(have) || sameWords ? 1 : distance(want, have)
    if (!best || d < best.d || (d === best.d && name.length < best.name.length)) best = { name, d }
  }
  return best && best.d <= Math.max(2, Math.floor(want.length / 2)) ? best.name : undefined
}
