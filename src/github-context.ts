// What the run knows about GitHub, read once from the variables the runner sets.
import type { RunMetadata } from './report/scores.js'
import { TOOL_NAME, TOOL_VERSION } from './version.js'

export function runMetadata(env: NodeJS.ProcessEnv, now = new Date()): RunMetadata {
  const github = env.GITHUB_ACTIONS === 'true'
    ? {
        repository: env.GITHUB_REPOSITORY,
        runId: env.GITHUB_RUN_ID,
        runAttempt: env.GITHUB_RUN_ATTEMPT,
        sha: env.GITHUB_SHA,
        ref: env.GITHUB_REF,
        workflow: env.GITHUB_WORKFLOW,
        job: env.GITHUB_JOB
      }
    : undefined
  return { createdAt: now.toISOString(), tool: { name: TOOL_NAME, version: TOOL_VERSION }, ...(github ? { github } : {}) }
}

/** Link to this workflow run, when running in GitHub Actions. */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env
  return repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined
}
