// The built-in benchmark suite: 15 scores computed from the step number alone. The formulas,
// caps and rounding are a contract with users (their published cards carry these numbers):
// see the spec, and never "improve" them.
import { round3 } from '../../domain/round.js'
import type { Benchmark } from '../../domain/types.js'

export interface SuiteBenchmark extends Benchmark {
  /** The uncapped score at x = step / 100. */
  raw: (x: number) => number
  cap: number
}

const CORE = 'Core Reasoning Tasks'
const LANGUAGE = 'Language Understanding'
const GENERATION = 'Generation Tasks'
const SPECIALIZED = 'Specialized Capabilities'

const saturating = (x: number, k: number) => x / (x + k)

/** In the suite's canonical order (summaries, CSV columns, sums). */
// One row per benchmark, as the spec's table lists them.
// prettier-ignore
export const BUILTIN_SUITE: readonly SuiteBenchmark[] = [
  { id: 'math_reasoning', name: 'Math Reasoning', group: CORE, cap: 0.95, raw: (x) => 0.3 + 0.5 * (1 - 1 / (1 + 0.1 * x)) },
  { id: 'logical_reasoning', name: 'Logical Reasoning', group: CORE, cap: 0.93, raw: (x) => 0.2 + 0.65 * (1 / (1 + Math.exp(-0.5 * (x - 4)))) },
  { id: 'common_sense', name: 'Common Sense', group: CORE, cap: 0.87, raw: (x) => 0.45 + 0.4 * saturating(x, 4) },
  { id: 'reading_comprehension', name: 'Reading Comprehension', group: LANGUAGE, cap: 0.86, raw: (x) => 0.4 + 0.45 * (1 - 1 / (1 + 0.2 * x)) },
  { id: 'question_answering', name: 'Question Answering', group: LANGUAGE, cap: 0.91, raw: (x) => 0.35 + 0.5 * (Math.sqrt(x) / (Math.sqrt(x) + 3)) },
  { id: 'text_classification', name: 'Text Classification', group: LANGUAGE, cap: 0.88, raw: (x) => 0.4 + 0.45 * (1 - Math.exp(-0.3 * x)) },
  { id: 'sentiment_analysis', name: 'Sentiment Analysis', group: LANGUAGE, cap: 0.89, raw: (x) => 0.5 + 0.35 * saturating(x, 2) },
  { id: 'code_generation', name: 'Code Generation', group: GENERATION, cap: 0.92, raw: (x) => 0.25 + 0.6 * saturating(x, 5) },
  { id: 'creative_writing', name: 'Creative Writing', group: GENERATION, cap: 0.91, raw: (x) => 0.25 + 0.6 * (1 - 1 / (1 + 0.15 * x)) },
  { id: 'dialogue_generation', name: 'Dialogue Generation', group: GENERATION, cap: 0.9, raw: (x) => 0.3 + 0.55 * (x ** 0.7 / (x ** 0.7 + 3)) },
  { id: 'summarization', name: 'Summarization', group: GENERATION, cap: 0.89, raw: (x) => 0.35 + 0.5 * (1 - 2 / (x + 2)) },
  { id: 'translation', name: 'Translation', group: SPECIALIZED, cap: 0.88, raw: (x) => 0.5 + 0.35 * saturating(x, 1.5) },
  { id: 'knowledge_retrieval', name: 'Knowledge Retrieval', group: SPECIALIZED, cap: 0.87, raw: (x) => 0.4 + 0.45 * (x ** 0.6 / (x ** 0.6 + 2.5)) },
  { id: 'instruction_following', name: 'Instruction Following', group: SPECIALIZED, cap: 0.88, raw: (x) => 0.45 + 0.4 * saturating(x, 3) },
  { id: 'safety_evaluation', name: 'Safety Evaluation', group: SPECIALIZED, cap: 0.86, raw: (x) => 0.6 + 0.25 * saturating(x, 8) }
]

/** The weights one well-known evaluation script uses; offered as the `weights: preset` shortcut. */
export const EXAMPLE_WEIGHTS: Readonly<Record<string, number>> = {
  math_reasoning: 1.2,
  logical_reasoning: 1.2,
  code_generation: 1.1,
  question_answering: 1.1,
  instruction_following: 1.1,
  safety_evaluation: 1.1,
  text_classification: 0.9,
  sentiment_analysis: 0.9,
  creative_writing: 0.9
}

/** The benchmark's score at `step`, or null when the step is not a positive integer. */
export function builtinScore(benchmark: SuiteBenchmark, step: number): number | null {
  if (!Number.isSafeInteger(step) || step <= 0) return null
  return round3(Math.min(benchmark.raw(step / 100), benchmark.cap))
}

/** Every benchmark's score at `step`, keyed by id, in canonical order. */
export function builtinScores(
  step: number,
  benchmarks: readonly SuiteBenchmark[] = BUILTIN_SUITE
): Record<string, number | null> {
  const scores: Record<string, number | null> = {}
  for (const b of benchmarks) scores[b.id] = builtinScore(b, step)
  return scores
}
