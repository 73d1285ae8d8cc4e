import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  classifyFlatKey,
  detectMetricsFormat,
  jsonAtEndOfOutput,
  MetricsFormatError,
  parseJsonText,
  parseMetricsDocument,
  parseMetricsText
} from '../src/evaluate/results/formats/index.js'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'results')
const fixture = (relative: string) => readFileSync(path.join(fixtures, relative), 'utf8')
const LM_EVAL = 'lm-eval/checkpoint-100/lm_eval/__work__ckpt__checkpoint-100/results_2025-03-04T09-15-30.123456.json'
const LIGHTEVAL = 'lighteval/checkpoint-200/results/org/tiny-model/results_2025-02-10T14-22-05.918273.json'

describe('flat maps', () => {
  it('makes benchmarks of plain scores and keeps bookkeeping numbers as metrics', () => {
    const parsed = parseMetricsDocument(
      {
        accuracy: 0.8125,
        macro_f1: 0.8,
        perplexity: 12.5,
        loss: 0.41,
        samples: 160,
        runtime: 2.5,
        note: 'text',
        nested: { a: 1 }
      },
      'stdout'
    )
    expect(parsed.format).toBe('flat')
    expect(parsed.benchmarks).toEqual([
      { id: 'accuracy', name: 'Accuracy', group: 'Metrics' },
      { id: 'macro_f1', name: 'Macro F1', group: 'Metrics' },
      { id: 'perplexity', name: 'Perplexity', group: 'Metrics', higherIsBetter: false }
    ])
    expect(parsed.scores).toEqual({ accuracy: 0.8125, macro_f1: 0.8, perplexity: 12.5 })
    expect(parsed.metrics).toEqual({ loss: 0.41, samples: 160, runtime: 2.5 })
    expect(parsed.notes).toEqual([
      "'note' is a string, not a number; ignored",
      "'nested' is an object, not a number; ignored"
    ])
  })

  it('strips eval_ for benchmark ids, keeps eval_accuracy and eval_loss as reported metrics', () => {
    const parsed = parseMetricsText(fixture('all-results/checkpoint-300/all_results.json'), 'all_results.json')
    expect(parsed.benchmarks.map((b) => b.id)).toEqual(['f1'])
    expect(parsed.scores).toEqual({ f1: 0.8377 })
    expect(parsed.metrics).toEqual({
      epoch: 3,
      eval_accuracy: 0.8431,
      eval_loss: 0.3921,
      eval_runtime: 4.02,
      eval_samples: 408,
      eval_samples_per_second: 101.5,
      eval_steps_per_second: 12.7,
      total_flos: 2.5e15,
      train_loss: 0.4412,
      train_runtime: 812.3,
      train_samples: 3668,
      train_samples_per_second: 13.5,
      train_steps_per_second: 1.7
    })
  })

  it('keeps the eval_ prefix when stripping it would collide with another key', () => {
    expect(classifyFlatKey('eval_f1', new Set(['f1', 'eval_f1']))).toEqual({ kind: 'benchmark', id: 'eval_f1' })
    expect(classifyFlatKey('eval_f1')).toEqual({ kind: 'benchmark', id: 'f1' })
    expect(classifyFlatKey('eval_ood_loss')).toEqual({ kind: 'metric' })
    expect(classifyFlatKey('acc_stderr')).toEqual({ kind: 'metric' })
  })

  it('reads a {"results": {name: number}} wrapper as a flat map', () => {
    expect(parseMetricsDocument({ results: { bleu: 31.2 } }, 's').scores).toEqual({ bleu: 31.2 })
  })

  it('rejects documents without a single number, naming the source and the accepted shapes', () => {
    expect(() => parseMetricsDocument({ status: 'done' }, 'stdout of step_1')).toThrow(
      /stdout of step_1: found no numeric scores \(expected a JSON object: a flat \{"benchmark": score\} map, an lm-evaluation-harness/
    )
    expect(() => parseMetricsDocument([0.5], 'x.json')).toThrow(/x\.json: got an array; expected a JSON object/)
    expect(() => parseMetricsDocument(0.5, 'x.json')).toThrow(MetricsFormatError)
  })

  it('keeps a NaN score (Python writes bare NaN) as invalid: the checkpoint is read, ranking says why it has no rank', () => {
    const nan = parseMetricsText('{"accuracy": NaN}', 'stdout')
    expect(nan.benchmarks.map((b) => b.id)).toEqual(['accuracy'])
    expect(nan.scores).toEqual({})
    expect(nan.invalid).toEqual({ accuracy: 'NaN' })
    expect(nan.notes).toContain("'accuracy' is NaN: the evaluation produced no usable result for 'accuracy'")
    const parsed = parseMetricsText('{"accuracy": 0.5, "loss": Infinity, "text": "NaN inside a string"}', 'stdout')
    expect(parsed.scores).toEqual({ accuracy: 0.5 })
    expect(parsed.metrics).toEqual({})
    expect(parsed.invalid).toEqual({ loss: 'Infinity' })
  })

  it('counters are never scores: runtime, samples, num_tokens, gen_len, entropy stay metrics', () => {
    // The keys a TRL SFTTrainer and run_summarization.py log at evaluation.
    const parsed = parseMetricsDocument(
      {
        eval_loss: 0.2168,
        eval_runtime: 9.6415,
        eval_samples_per_second: 16.595,
        eval_steps_per_second: 16.595,
        eval_entropy: 0.192,
        eval_mean_token_accuracy: 0.9298,
        eval_num_tokens: 1253968.0,
        eval_gen_len: 73.52,
        eval_samples: 13368,
        epoch: 2.0
      },
      'eval_results.json'
    )
    expect(parsed.benchmarks.map((b) => b.id)).toEqual(['mean_token_accuracy'])
    expect(Object.keys(parsed.metrics)).toEqual([
      'eval_loss',
      'eval_runtime',
      'eval_samples_per_second',
      'eval_steps_per_second',
      'eval_entropy',
      'eval_num_tokens',
      'eval_gen_len',
      'eval_samples',
      'epoch'
    ])
  })

  it('explains invalid JSON with the parser message', () => {
    expect(() => parseMetricsText('{"accuracy": 0.9,', 'out.json')).toThrow(/^out\.json: not valid JSON \(/)
    expect(parseJsonText('{"a": -Infinity, "b": "x\\"NaN"}', 's')).toEqual({
      a: '\u0000non-finite:-Infinity',
      b: 'x"NaN'
    })
  })
})

describe('lm-evaluation-harness results', () => {
  const parsed = parseMetricsText(fixture(LM_EVAL), 'results.json')

  it('is recognised', () => {
    expect(parsed.format).toBe('lm-eval')
  })

  it('scores each top-level task or group by its first metric, with higher_is_better', () => {
    // Each carries its metric and dataset for the card's model-index: the task config's
    // dataset_path when the results file has one (arc_easy here), else the task's name.
    const lm = { group: 'lm-evaluation-harness' }
    expect(parsed.benchmarks).toEqual([
      {
        ...lm,
        id: 'arc_easy',
        name: 'arc_easy (acc)',
        higherIsBetter: true,
        metric: 'acc,none',
        dataset: { type: 'allenai/ai2_arc', name: 'arc_easy' }
      },
      {
        ...lm,
        id: 'gsm8k',
        name: 'gsm8k (exact_match, strict-match)',
        higherIsBetter: true,
        metric: 'exact_match,strict-match',
        dataset: { type: 'gsm8k', name: 'gsm8k' }
      },
      {
        ...lm,
        id: 'mmlu',
        name: 'mmlu (acc)',
        higherIsBetter: true,
        metric: 'acc,none',
        dataset: { type: 'mmlu', name: 'mmlu' }
      },
      {
        ...lm,
        id: 'wikitext',
        name: 'wikitext (word_perplexity)',
        higherIsBetter: false,
        metric: 'word_perplexity,none',
        dataset: { type: 'wikitext', name: 'wikitext' }
      }
    ])
    expect(parsed.scores).toEqual({ arc_easy: 0.7412, gsm8k: 0.3124, mmlu: 0.5521, wikitext: 18.2371 })
  })

  it('keeps other metrics and the subtasks of a scored group as metrics, without stderr', () => {
    expect(parsed.metrics).toEqual({
      'arc_easy/acc_norm,none': 0.7003,
      'gsm8k/exact_match,flexible-extract': 0.3291,
      'mmlu_humanities/acc,none': 0.5012,
      'mmlu_formal_logic/acc,none': 0.3413,
      'mmlu_world_religions/acc,none': 0.7602,
      'mmlu_stem/acc,none': 0.4533,
      'mmlu_abstract_algebra/acc,none': 0.29,
      'wikitext/byte_perplexity,none': 1.7215,
      'wikitext/bits_per_byte,none': 0.7837
    })
  })

  it('looks through a group that has no score of its own', () => {
    const doc = {
      results: {
        leaderboard: { alias: 'leaderboard' },
        leaderboard_ifeval: { alias: ' - leaderboard_ifeval', 'prompt_level_strict_acc,none': 0.41 },
        leaderboard_bbh: { alias: ' - leaderboard_bbh', 'acc_norm,none': 0.38 }
      },
      group_subtasks: { leaderboard: ['leaderboard_ifeval', 'leaderboard_bbh'] },
      versions: {}
    }
    const out = parseMetricsDocument(doc, 'r.json')
    expect(out.benchmarks.map((b) => [b.id, b.group, b.name])).toEqual([
      ['leaderboard_ifeval', 'leaderboard', 'leaderboard_ifeval (prompt_level_strict_acc)'],
      ['leaderboard_bbh', 'leaderboard', 'leaderboard_bbh (acc_norm)']
    ])
  })

  it('reads the lm-eval 0.3 layout (metrics without filters)', () => {
    const out = parseMetricsDocument(
      { results: { hellaswag: { acc: 0.5, acc_stderr: 0.01, acc_norm: 0.6 } }, versions: { hellaswag: 0 } },
      'r'
    )
    expect(out.scores).toEqual({ hellaswag: 0.5 })
    expect(out.metrics).toEqual({ 'hellaswag/acc_norm': 0.6 })
  })

  it('keeps a task whose score is NaN as invalid, naming the task and metric in a note', () => {
    const out = parseMetricsText('{"results": {"arc_easy": {"acc,none": NaN}}, "versions": {}}', 'r.json')
    expect(out.invalid).toEqual({ arc_easy: 'NaN' })
    expect(out.notes).toContain(
      "task 'arc_easy' metric 'acc,none' is NaN: the evaluation produced no usable result for 'arc_easy'"
    )
  })
})

describe('lighteval results', () => {
  const parsed = parseMetricsText(fixture(LIGHTEVAL), 'results.json')

  it('scores each task by its first metric, grouped by suite, averages standing for their subtasks', () => {
    expect(parsed.format).toBe('lighteval')
    expect(parsed.benchmarks).toEqual([
      { id: 'arc:challenge', name: 'arc:challenge (acc, 25-shot)', group: 'leaderboard', metric: 'acc' },
      { id: 'gsm8k', name: 'gsm8k (qem, 5-shot)', group: 'lighteval', metric: 'qem' },
      { id: 'mmlu', name: 'mmlu average (acc, 5-shot)', group: 'lighteval', metric: 'acc' }
    ])
    expect(parsed.scores).toEqual({ 'arc:challenge': 0.5213, gsm8k: 0.3108, mmlu: 0.4521 })
    expect(parsed.metrics).toEqual({
      'arc:challenge/acc_norm': 0.5521,
      'mmlu:abstract_algebra/acc': 0.3,
      'mmlu:college_biology/acc': 0.6042,
      'all/acc': 0.4585,
      'all/acc_norm': 0.5521,
      'all/qem': 0.3108
    })
  })

  it('accepts the newer two-part keys (task|shots)', () => {
    const out = parseMetricsDocument(
      { config_general: {}, results: { 'boolq|0': { accuracy: 0.78, accuracy_stderr: 0.02 } } },
      'r'
    )
    expect(out.benchmarks).toEqual([
      { id: 'boolq', name: 'boolq (accuracy, 0-shot)', group: 'lighteval', metric: 'accuracy' }
    ])
  })
})

describe('trainer_state.json', () => {
  const text = fixture('trainer/checkpoint-1000/trainer_state.json')

  it('merges the eval entries logged at the checkpoint step', () => {
    const parsed = parseMetricsText(text, 'trainer_state.json', { step: 1000 })
    expect(parsed.format).toBe('trainer-state')
    expect(parsed.scores).toEqual({ f1: 0.806, ood_accuracy: 0.715 })
    expect(parsed.metrics).toMatchObject({
      eval_accuracy: 0.815,
      eval_loss: 0.48,
      eval_ood_loss: 0.78,
      step: 1000,
      epoch: 1.25
    })
  })

  it('uses global_step when no step is given', () => {
    expect(parseMetricsText(text, 't').metrics.eval_accuracy).toBe(0.815)
  })

  it('says which steps were evaluated when the checkpoint step was not', () => {
    expect(() => parseMetricsText(text, 'trainer_state.json', { step: 700 })).toThrow(
      'trainer_state.json: no evaluation logged at step 700 (evaluations at steps 500, 1000). Make eval_steps divide save_steps'
    )
  })

  it('explains a training run that never evaluated', () => {
    expect(() => parseMetricsDocument({ log_history: [{ loss: 1, step: 10 }] }, 'ts.json')).toThrow(
      /ts\.json: log_history has no evaluation entries.*eval_strategy="steps"/
    )
  })
})

describe('detectMetricsFormat', () => {
  it('tells the shapes apart', () => {
    expect(detectMetricsFormat({ log_history: [] })).toBe('trainer-state')
    expect(detectMetricsFormat({ results: { 'a|b|0': {} } })).toBe('lighteval')
    expect(detectMetricsFormat({ results: { arc: { 'acc,none': 1 } } })).toBe('lm-eval')
    expect(detectMetricsFormat({ accuracy: 1 })).toBe('flat')
    expect(detectMetricsFormat('x')).toBeNull()
  })
})

describe('jsonAtEndOfOutput', () => {
  it('takes the last non-empty line', () => {
    expect(jsonAtEndOfOutput('loading...\n{"a": 1}\n{"accuracy": 0.5}\n\n')).toBe('{"accuracy": 0.5}')
  })

  it('takes pretty-printed JSON that starts at a line beginning with {', () => {
    const stdout = 'progress 100%\n{\n  "accuracy": 0.5,\n  "f1": {"x": 1}\n}\n'
    expect(JSON.parse(jsonAtEndOfOutput(stdout) as string)).toEqual({ accuracy: 0.5, f1: { x: 1 } })
  })

  it('returns null when the output does not end with a JSON object', () => {
    expect(jsonAtEndOfOutput('{"accuracy": 0.5}\ndone')).toBeNull()
    expect(jsonAtEndOfOutput('[1, 2]')).toBeNull()
    expect(jsonAtEndOfOutput('  \n')).toBeNull()
  })
})
