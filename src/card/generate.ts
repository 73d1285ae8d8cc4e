// The card written when the user has none: front matter, the scores by group, and how the
// checkpoint was chosen. Generated text, so (unlike fill.ts) it is built, not spliced.

import { Document } from 'yaml'
import { EVAL_ACCURACY } from '../domain/metric.js'
import { formatScore } from '../domain/round.js'
import type { Benchmark } from '../domain/types.js'
import { type CardData } from './fill.js'
import { EVAL_ACCURACY_NAME } from '../domain/metric.js'

export interface GenerateModelCardOptions extends CardData {
  /** `user/model`; its last part titles the card. */
  repoId?: string
  /** The ranking metric, e.g. `eval_accuracy`. */
  metricName: string
  /** Link to the workflow run that chose the checkpoint. */
  runUrl?: string
  /** Hub `library_name` (e.g. `transformers`, `peft`); omitted when unknown. */
  libraryName?: string
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

function yamlString(value: string): string {
  return new Document(value).toString().trimEnd()
}

/** A card for when the user wrote none: front matter, the scores by group, how it was chosen. */
export function generateModelCard(options: GenerateModelCardOptions): string {
  const title = options.repoId?.split('/').pop() || options.checkpoint
  const frontMatter = ['---']
  if (options.libraryName) frontMatter.push(`library_name: ${yamlString(options.libraryName)}`)
  frontMatter.push('tags:', '  - checkpoint-eval', '---')

  const groups = new Map<string, Benchmark[]>()
  for (const b of options.benchmarks) groups.set(b.group, [...(groups.get(b.group) ?? []), b])
  const rows: string[] = []
  for (const [group, members] of groups) {
    members.forEach((b, i) => {
      const score = options.scores[b.id]
      const shown = typeof score === 'number' && Number.isFinite(score) ? formatScore(score) : '— (no score)'
      rows.push(`| ${i === 0 ? `**${escapeCell(group)}**` : ''} | ${escapeCell(b.name)} | ${shown} |`)
    })
  }
  const evalAccuracy = options.evalAccuracy === null ? '— (no score)' : formatScore(options.evalAccuracy)
  const missing = options.benchmarks.filter((b) => typeof options.scores[b.id] !== 'number')

  const body = [
    `# ${title}`,
    '',
    `This model is the checkpoint \`${options.checkpoint}\` (training step ${options.step}), the best of the ` +
      `run's checkpoints by \`${options.metricName}\`.`,
    '',
    '## Results',
    '',
    '| Group | Benchmark | Score |',
    '|---|---|---:|',
    ...rows,
    `| | **${EVAL_ACCURACY_NAME}** | **${evalAccuracy}** |`,
    '',
    ...(missing.length > 0
      ? [`Benchmarks without a score (${missing.map((b) => b.name).join(', ')}) are left out of ${EVAL_ACCURACY}.`, '']
      : []),
    '## How this checkpoint was chosen',
    '',
    `Every checkpoint of the training run was evaluated on the ${options.benchmarks.length} benchmarks above. ` +
      `\`${EVAL_ACCURACY}\` combines a checkpoint's benchmark scores (their mean, or their weighted mean when ` +
      `weights are set). The checkpoints were ranked by \`${options.metricName}\` and this one came first.` +
      (options.runUrl ? ` See [the evaluation run](${options.runUrl}) for every checkpoint's scores.` : ''),
    ''
  ]
  return [...frontMatter, ...body].join('\n')
}
