// Which model card template the upload fills: the model-card input, the checkpoint's README.md,
// a README.md with placeholders beside the checkpoints, or none (the card is generated).
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { hasPlaceholders } from '../card/fill.js'
import type { Benchmark } from '../domain/types.js'
import type { CardSource } from '../domain/publication.js'
import { isInside, shownPath } from '../util/paths.js'
import { assertAbsolute, UploadPlanError } from './errors.js'

export interface ChosenTemplate {
  source: CardSource
  /** Absolute path of the template (not for `generated`). */
  path?: string
  /** For the log: which template, or why the card is generated. */
  why: string
}

export interface ChooseTemplateOptions {
  /** The `model-card` input: the template's absolute path (config resolves it against the workspace). */
  modelCardInput?: string
  /** The winning checkpoint's folder (absolute). */
  checkpointPath: string
  /** The folder that holds the checkpoint folders (absolute). */
  checkpointDir: string
  /** The workspace (absolute); no template is looked for above it. */
  workspaceDir: string
  benchmarks: Benchmark[]
  extraNames?: string[]
}

const isFile = async (p: string): Promise<boolean> => (await stat(p).catch(() => undefined))?.isFile() ?? false

/**
 * The model-card input; else README.md in the winning checkpoint; else a README.md with
 * placeholders in the folder holding the checkpoint folders (checkpointDir) or the folder above
 * it (the common `workspace/checkpoints/step_*` layout). The folder above is searched when it is
 * in the workspace, or when checkpoint-dir itself is outside the workspace (an absolute path
 * the user chose, e.g. `/mnt/runs/exp1/checkpoints`); else none (generated).
 */
export async function chooseTemplate(options: ChooseTemplateOptions): Promise<ChosenTemplate> {
  const workspace = assertAbsolute(options.workspaceDir, 'workspaceDir')
  if (options.modelCardInput && options.modelCardInput.trim() !== '') {
    const input = path.resolve(workspace, options.modelCardInput.trim())
    const info = await stat(input).catch(() => undefined)
    if (!info?.isFile()) {
      throw new UploadPlanError([
        `model-card: "${shownPath(workspace, input)}" (${input}) ${info ? 'is not a file' : 'does not exist'}. ` +
          `Give the template's path relative to the workspace (${workspace}), or leave model-card empty to use README.md.`
      ])
    }
    return { source: 'input', path: input, why: `Model card: ${shownPath(workspace, input)} (the model-card input).` }
  }
  const inCheckpoint = path.join(path.resolve(workspace, options.checkpointPath), 'README.md')
  if (await isFile(inCheckpoint)) {
    return {
      source: 'checkpoint',
      path: inCheckpoint,
      why: `Model card: ${shownPath(workspace, inCheckpoint)} (the README.md in the winning checkpoint).`
    }
  }

  const holder = path.resolve(workspace, options.checkpointDir)
  const folders = [holder]
  const above = path.dirname(holder)
  if (above !== holder && (isInside(workspace, above) || !isInside(workspace, holder))) folders.push(above)
  const looked: string[] = [`${shownPath(workspace, inCheckpoint)} does not exist`]
  for (const folder of folders) {
    const readme = path.join(folder, 'README.md')
    const shown = shownPath(workspace, readme)
    if (!(await isFile(readme))) {
      looked.push(`${shown} does not exist`)
      continue
    }
    const template = await readTemplate(readme, shown)
    if (hasPlaceholders({ template, benchmarks: options.benchmarks, extraNames: options.extraNames })) {
      return {
        source: 'workspace',
        path: readme,
        why: `Model card: ${shown} (a README.md with placeholders beside the checkpoint folders).`
      }
    }
    looked.push(`${shown} has no placeholders ({RESULT}, {eval_accuracy}, {step}, ...)`)
  }
  return {
    source: 'generated',
    why: `Model card: generated, because the model-card input is not set, ${looked.join(', ')}.`
  }
}

/** Reads a card template; its bytes must survive a round trip, so it must be UTF-8. */
export async function readTemplate(file: string, label: string): Promise<string> {
  const bytes = await readFile(file)
  const text = bytes.toString('utf8')
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    throw new UploadPlanError([
      `${label}: the model card template is not valid UTF-8, so it can't be kept byte for byte. Save it as UTF-8.`
    ])
  }
  return text
}
