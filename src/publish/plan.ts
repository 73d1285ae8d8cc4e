// What gets uploaded, decided locally before any network: the winning checkpoint's files, the
// filled model card, the files the card links, and the user's assets, minus what must never leave
// the runner. Composes the pieces; every problem is collected and thrown together.
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { isCheckpointLikeName } from '../domain/checkpoint-names.js'
import type { PlannedFile, UploadPlan } from '../domain/publication.js'
import { isInside, shownPath } from '../util/paths.js'
import { assetFiles, WINNER_ELSEWHERE } from './assets.js'
import { buildCard, extraCardValues, type CardOptions } from './card.js'
import { assertAbsolute, UploadPlanError } from './errors.js'
import { findFiles, type FoundFile } from './find-files.js'
import { checkpointFolderReason, kindOf, secretFolderReason, uploadFilter } from './select-files.js'
import { chooseTemplate, type ChooseTemplateOptions } from './template.js'

export interface PlanUploadOptions extends CardOptions, Omit<ChooseTemplateOptions, 'benchmarks' | 'extraNames'> {
  /** Globs matched against paths in the repo; `!glob` re-includes default-excluded training state. */
  exclude: string[]
  /** Globs relative to workspaceDir; matches are uploaded at their workspace-relative path. */
  assets: string[]
}

/** Hub `library_name` from the files a checkpoint carries. */
function libraryNameOf(files: FoundFile[]): string | undefined {
  const names = new Set(files.map((f) => f.rel))
  if (names.has('adapter_config.json')) return 'peft'
  if (names.has('config.json')) return 'transformers'
  return undefined
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export async function planUpload(options: PlanUploadOptions): Promise<UploadPlan> {
  const workspace = assertAbsolute(options.workspaceDir, 'workspaceDir')
  const checkpoint = path.resolve(workspace, options.checkpointPath)
  const problems: string[] = []
  const excludedMap = new Map<string, string>()
  const excluded = (abs: string, reason: string): void => {
    const folder = abs.endsWith(path.sep)
    const key = shownPath(workspace, folder ? abs.slice(0, -1) : abs) + (folder ? '/' : '')
    if (!excludedMap.has(key)) excludedMap.set(key, reason)
  }
  const leftOutBecause = uploadFilter(options.exclude)

  if (!(await stat(checkpoint).catch(() => undefined))?.isDirectory()) {
    throw new UploadPlanError([
      `the winning checkpoint ${checkpoint} is not a folder that exists. Check checkpoint-dir.`
    ])
  }

  // The winning checkpoint, at the repo root.
  const checkpointFiles = await findFiles({
    root: checkpoint,
    boundary: await realpath(checkpoint),
    skipFolder: (rel) => {
      const secret = secretFolderReason(rel)
      if (secret) return secret
      return isCheckpointLikeName(path.posix.basename(rel))
        ? `another checkpoint (or DeepSpeed state) inside the winning one; only the winner's own files are uploaded`
        : undefined
    },
    excluded
  })

  const chosen = await chooseTemplate({ ...options, extraNames: Object.keys(extraCardValues(options)) })
  const card = await buildCard(options, {
    workspace,
    chosen,
    libraryName: libraryNameOf(checkpointFiles),
    problems,
    excluded
  })

  // Everything else, by repo path; two different local files for one repo path is an error.
  const files = new Map<string, PlannedFile>()
  const add = (file: PlannedFile, from: string): void => {
    const existing = files.get(file.pathInRepo)
    if (existing && existing.localPath !== file.localPath) {
      problems.push(
        `two files would be uploaded as "${file.pathInRepo}": ${shownPath(workspace, existing.localPath ?? 'the model card')} and ${shownPath(workspace, file.localPath ?? '')} (${from}). ` +
          `Rename one, or exclude one with an exclude pattern.`
      )
      return
    }
    files.set(file.pathInRepo, file)
  }
  const keep = (pathInRepo: string, abs: string, note = ''): boolean => {
    const reason = leftOutBecause(pathInRepo)
    if (reason) excluded(abs, reason + note)
    return !reason
  }

  for (const f of checkpointFiles) {
    if (f.rel === 'README.md') {
      if (chosen.source !== 'checkpoint') excluded(f.abs, 'replaced by the model card')
      continue
    }
    if (keep(f.rel, f.abs))
      add({ pathInRepo: f.rel, localPath: f.abs, size: f.size, kind: kindOf(f.rel) }, 'the checkpoint')
  }
  for (const l of card.links) {
    if (keep(l.pathInRepo, l.abs, '; the card links it, so the Hub will show a broken link')) {
      add({ pathInRepo: l.pathInRepo, localPath: l.abs, size: l.size, kind: 'asset' }, 'linked from the card')
    }
  }
  const assets = await assetFiles({ workspace, checkpoint, patterns: options.assets, problems, excluded })
  for (const a of assets) {
    if (a.rel === 'README.md') {
      if (a.abs !== chosen.path) excluded(a.abs, 'README.md in the repo is the model card')
      continue
    }
    const other = isInside(checkpoint, a.abs) ? WINNER_ELSEWHERE : checkpointFolderReason(a.rel)
    if (other) {
      excluded(a.abs, other)
      continue
    }
    if (keep(a.rel, a.abs)) add({ pathInRepo: a.rel, localPath: a.abs, size: a.size, kind: 'asset' }, 'an asset')
  }

  if (problems.length > 0) throw new UploadPlanError(problems)

  const cardFile: PlannedFile = {
    pathInRepo: 'README.md',
    content: card.content,
    size: Buffer.byteLength(card.content, 'utf8'),
    kind: 'card'
  }
  const sorted = [cardFile, ...[...files.values()].sort((a, b) => byPath(a.pathInRepo, b.pathInRepo))]
  return {
    files: sorted,
    card: {
      source: chosen.source,
      ...(chosen.path ? { templatePath: chosen.path } : {}),
      content: card.content,
      notes: [chosen.why, ...card.notes]
    },
    excluded: [...excludedMap].map(([p, reason]) => ({ path: p, reason })).sort((a, b) => (a.path < b.path ? -1 : 1)),
    totalBytes: sorted.reduce((sum, f) => sum + f.size, 0)
  }
}
