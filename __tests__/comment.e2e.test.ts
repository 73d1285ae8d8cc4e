// The pull-request comment and the scores artifact through the bundle, against the loopback
// GitHub REST API (GITHUB_API_URL) and the loopback artifact service (ACTIONS_RESULTS_URL).
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runAction } from './support/action-runner.js'
import {
  fakeRuntimeToken,
  readZip,
  startFakeArtifactService,
  type FakeArtifactService
} from './support/artifact-server.js'
import { startFakeGitHubApi, type FakeGitHubApi } from './support/github-api-server.js'
import { tempDir } from './support/workspace.js'

const WORKSPACE = 'examples/workspace/checkpoints'
const MARKER = '<!-- checkpoint-eval:comment -->'

let dir: string
let cleanup: () => Promise<void>
let eventPath: string

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('comment-e2e-'))
  eventPath = path.join(dir, 'event.json')
  await writeFile(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: 12,
      pull_request: {
        number: 12,
        base: { ref: 'main', repo: { name: 'trainer', owner: { login: 'acme' } } },
        head: { ref: 'better-lr', repo: { name: 'trainer', owner: { login: 'acme' } } }
      },
      repository: { name: 'trainer', owner: { login: 'acme' } }
    })
  )
})
afterAll(() => cleanup())

describe('pull request comment', () => {
  let api: FakeGitHubApi
  beforeEach(async () => {
    api = await startFakeGitHubApi()
  })
  afterEach(() => api.close())

  const prEnv = () => ({
    GITHUB_API_URL: api.url,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: 'refs/pull/12/merge'
  })
  const inputs = (extra: Record<string, string> = {}) => ({
    'checkpoint-dir': WORKSPACE,
    'output-dir': path.join(dir, 'out'),
    'github-token': 'ghs_commentE2eToken',
    'min-score': '0.7',
    ...extra
  })

  it('creates one comment with the winner and the verdict, then updates that same comment', async () => {
    api.seed('acme', 'trainer', 12, ['Looks good, but check the eval.'])
    const first = await runAction({ inputs: inputs(), env: prEnv() })
    expect(first.stdout).not.toContain('::error::')
    expect(first.code).toBe(0)
    const thread = api.comments('acme', 'trainer', 12)
    expect(thread).toHaveLength(2)
    const ours = thread[1]
    expect(first.outputs['comment-url']).toBe(ours.html_url)
    expect(ours.html_url).toMatch(/^https:\/\/github\.com\/acme\/trainer\/pull\/12#issuecomment-\d+$/)
    expect(ours.body.startsWith(`${MARKER}\n## ✅ Checkpoint eval: gate passed`)).toBe(true)
    expect(ours.body).toContain('🏆 **Winner:** `step_1000` (step 1000) · eval_accuracy **0.712**')
    expect(ours.body).toContain('- ✅ `min-score`: eval_accuracy 0.712 >= min-score 0.700')
    expect(ours.body).toContain('[Run summary](https://github.com/acme/trainer/actions/runs/4242)')
    expect(ours.body).toMatch(
      /<details><summary>Ranking of all 10 checkpoints<\/summary>[\s\S]*step_900[\s\S]*<\/details>/
    )
    // The comment stands alone: no heading from the summary inside it, no runner path.
    expect(ours.body.match(/^#+ /gm)).toHaveLength(1)
    expect(ours.body).not.toMatch(/runner-temp|RUNNER_TEMP|\/tmp\//)
    // The token went to the API; in the log it appears only where it is masked.
    expect(api.requests.every((r) => r.authorization === 'token ghs_commentE2eToken')).toBe(true)
    expect(first.stdout.split('\n').filter((l) => l.includes('ghs_commentE2eToken'))).toEqual([
      '::add-mask::ghs_commentE2eToken'
    ])
    expect(first.stdout).toContain(`Created the pull request comment: ${ours.html_url}`)

    // The next push: the gate now fails; the same comment says so.
    const second = await runAction({ inputs: inputs({ 'min-score': '0.8' }), env: prEnv() })
    expect(second.code).toBe(1)
    expect(second.outputs.gate).toBe('failed')
    expect(second.outputs['comment-url']).toBe(ours.html_url)
    const after = api.comments('acme', 'trainer', 12)
    expect(after).toHaveLength(2)
    expect(after.filter((c) => c.body.includes(MARKER))).toHaveLength(1)
    expect(after[1].id).toBe(ours.id)
    expect(after[1].body).toContain('## ❌ Checkpoint eval: gate failed')
    expect(after[1].body).toContain('- ❌ `min-score`: eval_accuracy 0.712 < min-score 0.800')
    expect(api.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'PATCH'])
    expect(api.requests[1].url).toBe('/repos/acme/trainer/issues/12/comments')
  })

  it('passes with a notice and a complete summary when the token may not write (403)', async () => {
    api.failWith({ status: 403, message: 'Resource not accessible by integration', method: 'POST' })
    const r = await runAction({ inputs: inputs(), env: prEnv() })
    expect(r.code).toBe(0)
    expect(r.stdout).not.toContain('::error::')
    expect(r.stdout).toMatch(
      /::notice::Skipped the pull request comment: the token can't create a comment on acme\/trainer#12 \(HTTP 403: Resource not accessible by integration.*\)\. This is expected for pull requests from forks/
    )
    expect(r.outputs['comment-url']).toBe('')
    expect(r.outputs.gate).toBe('passed')
    expect(r.summary).toContain('🏆 **Winner:** `step_1000`')
    expect(r.summary).toContain('### ✅ Gate passed')
    expect(r.summary).toContain('### Hub')
    expect(api.comments('acme', 'trainer', 12)).toHaveLength(0)
  })

  it('fails the step with comment: always when the comment cannot be written, after the report', async () => {
    api.failWith({ status: 403, message: 'Resource not accessible by integration', method: 'POST' })
    const r = await runAction({ inputs: inputs({ comment: 'always' }), env: prEnv() })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /::error::comment is 'always' but the pull request comment could not be written: .*HTTP 403/
    )
    expect(r.outputs.gate).toBe('passed')
    expect(r.summary).toContain('### ✅ Gate passed')
  })

  it('sends no request with comment: never', async () => {
    const r = await runAction({ inputs: inputs({ comment: 'never' }), env: prEnv() })
    expect(r.code).toBe(0)
    expect(r.outputs['comment-url']).toBe('')
    expect(api.requests).toHaveLength(0)
  })

  it('does not comment on a push', async () => {
    const r = await runAction({
      inputs: inputs(),
      env: { ...prEnv(), GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }
    })
    expect(r.code).toBe(0)
    expect(r.outputs['comment-url']).toBe('')
    expect(api.requests).toHaveLength(0)
  })
})

describe('scores artifact', () => {
  let service: FakeArtifactService
  beforeAll(async () => {
    service = await startFakeArtifactService()
  })
  afterAll(() => service.close())

  // @actions/artifact refuses anything but github.com / *.ghe.com / *.localhost as
  // GITHUB_SERVER_URL (its GHES check), so it stays https://github.com (runAction's default).
  const artifactEnv = (job: string) => ({
    ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken('run-backend-e2e', job),
    ACTIONS_RESULTS_URL: service.resultsUrl,
    GITHUB_SERVER_URL: 'https://github.com'
  })

  it('uploads scores.json, scores.csv and summary.md and sets artifact-id and artifact-url', async () => {
    const out = path.join(dir, 'artifact')
    const r = await runAction({
      inputs: { 'checkpoint-dir': WORKSPACE, 'output-dir': out, 'artifact-name': 'eval-scores' },
      env: artifactEnv('job-1')
    })
    expect(r.stdout).not.toMatch(/::(error|warning)::.*artifact/i)
    expect(r.code).toBe(0)
    const stored = service.artifacts.get('eval-scores')
    expect(stored).toBeDefined()
    expect(r.outputs['artifact-id']).toBe(String(stored!.id))
    expect(r.outputs['artifact-url']).toBe(`https://github.com/acme/trainer/actions/runs/4242/artifacts/${stored!.id}`)
    const files = readZip(stored!.content)
    expect([...files.keys()].sort()).toEqual(['scores.csv', 'scores.json', 'summary.md'])
    // The summary points at the artifact on the run page, not at a path on the runner.
    expect(r.summary).toContain(
      'Full results (scores.json, scores.csv): artifact [`eval-scores`](https://github.com/acme/trainer/actions/runs/4242#artifacts) of this run.'
    )
    expect(r.summary).not.toContain(out)
    expect(JSON.parse(files.get('scores.json')!.toString('utf8'))).toMatchObject({
      schema: 'checkpoint-eval/scores',
      winner: { name: 'step_1000', evalAccuracy: 0.712 }
    })
    expect(files.get('scores.csv')!.toString('utf8').split('\n')[1]).toMatch(/^1,step_1000,1000,ok,0\.712,/)
    expect(files.get('summary.md')!.toString('utf8')).toBe(r.summary)
    const create = service.calls.find((c) => c.method === 'CreateArtifact' && c.body.name === 'eval-scores')!
    expect(create.body).toMatchObject({
      workflow_run_backend_id: 'run-backend-e2e',
      workflow_job_run_backend_id: 'job-1'
    })
  })

  it('names the artifact per job by default, so matrix jobs do not collide', async () => {
    const runs = await Promise.all(
      ['job-a', 'job-b'].map((job) =>
        runAction({ inputs: { 'checkpoint-dir': WORKSPACE, 'output-dir': path.join(dir, job) }, env: artifactEnv(job) })
      )
    )
    expect(runs.map((r) => r.code)).toEqual([0, 0])
    const ids = runs.map((r) => r.outputs['artifact-id'])
    expect(ids.every((id) => /^\d+$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(2)
    const names = [...service.artifacts.values()].filter((a) => ids.includes(String(a.id))).map((a) => a.name)
    expect(names).toHaveLength(2)
    for (const name of names) expect(name).toMatch(/^checkpoint-eval-evaluate-[0-9a-f]{8}$/)
  })

  it('warns but passes when the upload fails (a name already taken)', async () => {
    const r = await runAction({
      inputs: { 'checkpoint-dir': WORKSPACE, 'output-dir': path.join(dir, 'dup'), 'artifact-name': 'eval-scores' },
      env: artifactEnv('job-1')
    })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/::warning::Could not upload the scores artifact 'eval-scores': .*already exists/)
    expect(r.outputs['artifact-id']).toBe('')
    expect(r.outputs['artifact-url']).toBe('')
  })
})
