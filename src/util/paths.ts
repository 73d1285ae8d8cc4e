// Path questions asked in several stages, answered once.
import path from 'node:path'

/** True when `target` is `root` itself or inside it (both absolute, or both relative to one place). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/** `/a/b` -> `a/b` style for messages and repo paths: always forward slashes. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}

/** How a path is shown to the user: relative to the workspace when inside it ('.' for the workspace), else absolute. */
export function shownPath(workspace: string, p: string): string {
  return isInside(workspace, p) ? toPosix(path.relative(workspace, p)) || '.' : p
}
