// Where things are, as a reader of the summary or the comment can open them: links on GitHub,
// never a path on a runner that is gone once the job ends.
import path from 'node:path'
import { cell } from './markdown.js'
import { isInside, toPosix } from '../util/paths.js'

export interface RepositoryLink {
  /** https://github.com */
  serverUrl: string
  /** owner/name */
  repository: string
  /** The commit the run checked out. */
  sha: string
}

/**
 * What the baseline was: its model card as a link; a scores file in the checkout as a link to it
 * in the repository (or its path there); any other file by its name alone.
 */
export function baselineLabel(source: string, workspace: string, repo?: RepositoryLink): string {
  if (/^https?:\/\//.test(source)) return `[model card](${source})`
  if (!path.isAbsolute(source) || isInside(workspace, source)) {
    const relative = toPosix(path.relative(workspace, path.resolve(workspace, source)))
    const code = `\`${cell(relative)}\``
    return repo ? `[${code}](${repo.serverUrl}/${repo.repository}/blob/${repo.sha}/${relative})` : code
  }
  return `\`${cell(path.basename(source))}\``
}

/** The baseline in plain text (log lines, gate checks): its URL, its path in the checkout, or its file name. */
export function baselineShownAs(source: string, workspace: string): string {
  if (/^https?:\/\//.test(source)) return source
  if (!path.isAbsolute(source) || isInside(workspace, source)) {
    return toPosix(path.relative(workspace, path.resolve(workspace, source)))
  }
  return path.basename(source)
}
