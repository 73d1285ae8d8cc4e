// The publish stage's errors: a plan that can't be uploaded lists every problem at once.
import path from 'node:path'

/** Everything wrong with the plan, reported together; nothing is uploaded. */
export class UploadPlanError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(
      `Nothing was uploaded: ${problems.length} problem${problems.length === 1 ? '' : 's'} with what would be published:\n` +
        problems.map((p) => `  - ${p}`).join('\n')
    )
    this.name = 'UploadPlanError'
    this.problems = problems
  }
}

/** Publish never resolves against the process's folder: config hands it absolute paths. */
export function assertAbsolute(dir: string, what: string): string {
  if (!path.isAbsolute(dir)) throw new Error(`${what} must be an absolute path (config resolves it), got "${dir}"`)
  return dir
}
