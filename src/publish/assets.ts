// The user's extra files (the `assets` input): globs relative to the workspace, uploaded at their
// workspace-relative path. Secrets and checkpoint folders are not walked; a glob matching nothing
// is a problem.
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import { isCheckpointLikeName } from '../domain/checkpoint-names.js'
import { globParts } from '../util/glob.js'
import { isInside, toPosix } from '../util/paths.js'
import { findFiles, regularFile, type FoundFile, type NoteExcluded } from './find-files.js'
import { checkpointFolderReason, secretFolderReason } from './select-files.js'

export const WINNER_ELSEWHERE =
  "the winning checkpoint's folder: its files are uploaded at the repo root, not again under this path"

export async function assetFiles(options: {
  /** The workspace (absolute). */
  workspace: string
  /** The winning checkpoint's folder (absolute). */
  checkpoint: string
  patterns: string[]
  problems: string[]
  excluded: NoteExcluded
}): Promise<FoundFile[]> {
  const { workspace } = options
  const realWorkspace = await realpath(workspace)
  const out = new Map<string, FoundFile>()
  for (const raw of options.patterns.flatMap((p) => p.split(/\r?\n/))) {
    const pattern = raw.trim().replace(/^\.\//, '')
    if (!pattern || pattern.startsWith('#')) continue
    if (path.isAbsolute(pattern) || pattern.split('/').includes('..')) {
      options.problems.push(
        `assets: "${raw.trim()}" points outside the workspace (${workspace}). Use a glob relative to the workspace.`
      )
      continue
    }
    const parts = globParts(pattern)
    const base = path.resolve(workspace, parts.isGlob ? parts.base : pattern)
    const info = await stat(base).catch(() => undefined)
    let matchedAny = false
    const skipFolder = (rel: string): string | undefined => {
      const secret = secretFolderReason(rel)
      if (secret) return secret
      const name = path.posix.basename(rel)
      // Dependencies are never model files; walking them would only cost time.
      if (name === 'node_modules' && !isInside(path.join(workspace, rel), base)) return ''
      if (path.join(workspace, rel) === options.checkpoint) return WINNER_ELSEWHERE
      return isCheckpointLikeName(name) ? checkpointFolderReason(`${rel}/x`) : undefined
    }
    if (info?.isFile()) {
      const rel = toPosix(path.relative(workspace, base))
      matchedAny = true
      const file = await regularFile(base, { boundary: realWorkspace, excluded: options.excluded })
      if (file) out.set(rel, { rel, abs: base, size: file.size })
    } else if (info?.isDirectory()) {
      // A plain folder name means everything in it; a glob means what the glob matches.
      const matcher = parts.isGlob ? picomatch(pattern) : () => true
      const files = await findFiles({
        root: base,
        relativeTo: workspace,
        boundary: realWorkspace,
        skipFolder,
        excluded: (abs, reason) => {
          matchedAny = true
          options.excluded(abs, reason)
        },
        wanted: matcher
      })
      for (const f of files) {
        matchedAny = true
        out.set(f.rel, f)
      }
    }
    if (!matchedAny) {
      options.problems.push(
        `assets: "${raw.trim()}" matched no file under ${workspace}. Fix the glob (it is relative to the workspace), or remove it.`
      )
    }
  }
  return [...out.values()]
}
