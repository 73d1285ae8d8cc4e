// What the run knows about GitHub, read once from the variables the runner sets. Only the
// action's entry reads the environment; stages get this plain object.
import type { RunMetadata } from '../scores/document.js'
import { TOOL_NAME, TOOL_VERSION } from '../util/version.js'
import { defaultArtifactName } from './artifact.js'

export interface GitHubEnvironment {
  eventName?: string
  /** The webhook payload file (pull request number, release tag). */
  eventPath?: string
  /** e.g. refs/tags/v1.2.0 */
  ref?: string
  repository?: string
  serverUrl: string
  apiUrl: string
  runId?: string
  job?: string
  /** Trusted publishing: present when the workflow grants `id-token: write`. */
  oidc?: { requestUrl: string; requestToken: string }
  /** Artifacts can be uploaded (the runner's results service is reachable). */
  artifactsAvailable: boolean
  /** The scores artifact's name when artifact-name is empty: unique per job of the run. */
  defaultArtifactName: string
}

export function githubEnvironment(env: NodeJS.ProcessEnv): GitHubEnvironment {
  const oidc =
    env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      ? { requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL, requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN }
      : undefined
  return {
    eventName: env.GITHUB_EVENT_NAME,
    eventPath: env.GITHUB_EVENT_PATH,
    ref: env.GITHUB_REF,
    repository: env.GITHUB_REPOSITORY,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    runId: env.GITHUB_RUN_ID,
    job: env.GITHUB_JOB,
    oidc,
    artifactsAvailable: Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL),
    defaultArtifactName: defaultArtifactName(env)
  }
}

/** The tag this run is for (a tag push or a release event), or null. */
export function releaseTag(github: GitHubEnvironment | undefined): string | null {
  const ref = github?.ref ?? ''
  return ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : null
}

export function runMetadata(env: NodeJS.ProcessEnv, now = new Date()): RunMetadata {
  const github =
    env.GITHUB_ACTIONS === 'true'
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
  return {
    createdAt: now.toISOString(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    ...(github ? { github } : {})
  }
}

/** Link to this workflow run, when running in GitHub Actions. */
export function runUrl(github: GitHubEnvironment | undefined): string | undefined {
  return github?.repository && github.runId
    ? `${github.serverUrl}/${github.repository}/actions/runs/${github.runId}`
    : undefined
}

/** What GitHub tells the action about this run: who runs it (for scores.json) and where (for deliveries). */
export function actionRun(env: NodeJS.ProcessEnv): { run: RunMetadata; github: GitHubEnvironment } {
  return { run: runMetadata(env), github: githubEnvironment(env) }
}
