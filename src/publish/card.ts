// The model card that goes up as README.md: the chosen template filled with the winner's scores
// (or a generated card), model-index added when asked, and the local files the card links.
import { fillModelCard, ModelCardError, type CardData } from '../card/fill.js'
import { generateModelCard } from '../card/generate.js'
import { mergeModelIndex } from '../card/model-index.js'
import { measuredMetrics } from '../card/metrics.js'
import type { DatasetRef } from '../domain/types.js'
import { shownPath } from '../util/paths.js'
import { linkedFiles, type LinkedFile } from './links.js'
import type { NoteExcluded } from './find-files.js'
import { readTemplate, type ChosenTemplate } from './template.js'

/** The winner's data the card shows (the checkpoint goes by `checkpointName`). */
export interface CardOptions extends Omit<CardData, 'checkpoint'> {
  checkpointName: string
  cardMetadata: 'none' | 'model-index'
  metricName: string
  repoId?: string
  runUrl?: string
  /** The winner's other reported numbers (`eval_accuracy` as the evaluator wrote it, `eval_loss`). */
  reported?: Record<string, number>
  /** model-index task (card-task input); else the card's pipeline_tag. */
  cardTask?: string
  /** model-index dataset for metrics whose evaluator names none (card-dataset input). */
  cardDataset?: DatasetRef
}

export interface BuiltCard {
  content: string
  /** What happened to the card's model-index, for the log. */
  notes: string[]
  /** Local files the card links (none for a generated card). */
  links: LinkedFile[]
}

/** Values for the placeholders beyond the scores: `{metric_name}`, `{repo_id}`, `{run_url}`. */
export function extraCardValues(options: CardOptions): Record<string, string> {
  const values: Record<string, string> = { metric_name: options.metricName }
  if (options.repoId) values.repo_id = options.repoId
  if (options.runUrl) values.run_url = options.runUrl
  return values
}

/** Card errors are collected with the plan's other problems, as `file:line: message`. */
function collectCardProblems<T>(problems: string[], make: () => T): T | undefined {
  try {
    return make()
  } catch (e) {
    if (!(e instanceof ModelCardError)) throw e
    problems.push(...e.problems.map((p) => `${p.file}:${p.line}: ${p.message}`))
    return undefined
  }
}

export async function buildCard(
  options: CardOptions,
  context: {
    workspace: string
    chosen: ChosenTemplate
    libraryName?: string
    problems: string[]
    excluded: NoteExcluded
  }
): Promise<BuiltCard> {
  const { chosen, problems } = context
  const data = {
    benchmarks: options.benchmarks,
    scores: options.scores,
    evalAccuracy: options.evalAccuracy,
    step: options.step,
    checkpoint: options.checkpointName
  }
  let content: string
  let links: LinkedFile[] = []
  let templateLabel: string | undefined
  if (chosen.source === 'generated' || !chosen.path) {
    content = generateModelCard({
      ...data,
      metricName: options.metricName,
      repoId: options.repoId,
      runUrl: options.runUrl,
      libraryName: context.libraryName
    })
  } else {
    templateLabel = shownPath(context.workspace, chosen.path)
    const template = await readTemplate(chosen.path, templateLabel)
    const extraValues = extraCardValues(options)
    const filled = collectCardProblems(
      problems,
      () => fillModelCard({ ...data, template, templatePath: templateLabel, extraValues, listFilled: false }).card
    )
    content = filled ?? template
    // Links are read from the filled card, so `figures/loss_{step}.png` names the real file.
    links = await linkedFiles({
      card: content,
      templatePath: chosen.path,
      templateLabel,
      problems,
      excluded: context.excluded
    })
  }
  const notes: string[] = []
  if (options.cardMetadata === 'model-index') {
    const card = content
    const merged = collectCardProblems(problems, () =>
      mergeModelIndex(card, {
        modelName: options.repoId?.split('/').pop() || options.checkpointName,
        metrics: measuredMetrics({
          benchmarks: options.benchmarks,
          scores: options.scores,
          evalAccuracy: options.evalAccuracy,
          reported: options.reported
        }),
        task: options.cardTask,
        dataset: options.cardDataset,
        cardPath: templateLabel
      })
    )
    if (merged) {
      content = merged.card
      notes.push(...merged.changes)
    }
  }
  return { content, links, notes }
}
