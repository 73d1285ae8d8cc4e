// Publishing through the real bundle (`node dist/index.js`, as GitHub runs it) to the loopback Hub:
// the real @huggingface/hub client inside the bundle, unmocked. Every assertion reads the Hub's
// state back (commits, trees, file bytes, tags, branches, the request log).
import { randomBytes } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { errorOf, ROOT, runAction, type ActionRun } from './support/action-runner.js'
import { startHubServer, type Fault, type HubServer } from './support/hub-server.js'
import { startOidcServer, type OidcServer } from './support/oidc-server.js'

const TOKEN = `hf_e2eWrite${randomBytes(12).toString('hex')}`
const READ_TOKEN = `hf_e2eRead${randomBytes(12).toString('hex')}`
const REPO = 'alice/tiny-classifier'
const EXAMPLE = path.join(ROOT, 'examples/workspace')

/** step_1000 of the built-in suite, in the order the example card lists the benchmarks. */
const STEP_1000 = [
  '0.550',
  '0.819',
  '0.736',
  '0.700',
  '0.607',
  '0.828',
  '0.792',
  '0.650',
  '0.610',
  '0.644',
  '0.767',
  '0.804',
  '0.676',
  '0.758',
  '0.739'
]

/**
 * The example template with its placeholders replaced by hand: each `{RESULT}` table cell by
 * its row's score, the named placeholders by their values. The `{RESULT}` the card's prose shows
 * in a code span is not a placeholder and stays.
 */
function expectedCard(template: string): string {
  let i = 0
  const filled = template
    .split('\n')
    .map((line) => (line.startsWith('|') ? line.replace('{RESULT}', () => STEP_1000[i++]) : line))
    .join('\n')
    .replace(
      '`{checkpoint}` (step {step}), eval_accuracy **{eval_accuracy}**',
      '`step_1000` (step 1000), eval_accuracy **0.712**'
    )
  expect(i).toBe(15)
  return filled
}

let hub: HubServer
let root: string
let ws: string
let out: string

beforeEach(async () => {
  hub = await startHubServer({
    tokens: { [TOKEN]: { user: 'alice', role: 'write' }, [READ_TOKEN]: { user: 'bob', role: 'read' } }
  })
  root = await mkdtemp(path.join(os.tmpdir(), 'publish-e2e-'))
  ws = path.join(root, 'ws')
  out = path.join(root, 'out')
  await cp(EXAMPLE, ws, { recursive: true })
  // Secrets a training job leaves in its checkpoint folder: never uploaded.
  await writeFile(path.join(ws, 'checkpoints/step_1000/hf_token.txt'), `${TOKEN}\n`)
  await writeFile(path.join(ws, 'checkpoints/step_1000/.env'), `HF_TOKEN=${TOKEN}\n`)
})
afterEach(async () => {
  await hub.close()
  await rm(root, { recursive: true, force: true })
})

function publish(inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    cwd: ws,
    inputs: {
      'checkpoint-dir': 'checkpoints',
      'output-dir': out,
      'hub-url': hub.url,
      'repo-id': 'tiny-classifier',
      ...inputs
    },
    env
  })
}

const alwaysWithToken = { publish: 'always', 'hf-token': TOKEN }

/** Requests that change something on the Hub (anything but reads). */
function writes(): string[] {
  return hub.requests.filter((q) => q.method !== 'GET' && q.method !== 'HEAD').map((q) => `${q.method} ${q.path}`)
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

/**
 * The secret appears nowhere but in `::add-mask::` (the runner's masking command): not in the
 * log, the summary, the outputs, the scores files, or anything on the Hub.
 */
async function expectNowhere(secret: string, r: ActionRun, { masked }: { masked: boolean }): Promise<void> {
  const maskLine = `::add-mask::${secret}`
  if (masked) expect(r.stdout.split('\n')).toContain(maskLine)
  const log = r.stdout
    .split('\n')
    .filter((l) => l !== maskLine)
    .join('\n')
  expect(log).not.toContain(secret)
  expect(r.stderr).not.toContain(secret)
  expect(r.summary).not.toContain(secret)
  expect(JSON.stringify(r.outputs)).not.toContain(secret)
  for (const file of await filesUnder(out))
    expect((await readFile(file, 'utf8')).includes(secret) ? file : null).toBeNull()
  for (const q of hub.requests) expect(`${q.path} ${JSON.stringify(q.headers)}`).not.toContain(secret)
  for (const repo of hub.repos.values()) {
    for (const commit of repo.commits.values()) {
      expect(`${commit.title}\n${commit.description}`).not.toContain(secret)
      for (const file of commit.files.keys()) {
        const bytes = await hub.fileContent(repo.id, file, commit.oid)
        expect(bytes!.includes(secret) ? `${repo.id}@${commit.oid}:${file}` : null).toBeNull()
      }
    }
  }
  for (const file of await filesUnder(hub.storageDir))
    expect((await readFile(file)).includes(secret) ? file : null).toBeNull()
}

/** The repo has its initial commit and exactly one more, holding exactly these files. */
function expectOnePublishCommit(repoId: string, branch = 'main') {
  const history = hub.history(repoId, branch)
  expect(history.map((c) => c.title)).toEqual([expect.stringMatching(/^Publish step_1000/), 'initial commit'])
  return history[0]
}

const PUBLISHED = ['.gitattributes', 'README.md', 'config.json', 'figures/training_loss.png', 'model.safetensors']

describe('publish: always with hf-token and a bare repo-id', () => {
  it('commits the winner, the filled card and its figure once, under the token owner, and reports it', async () => {
    const r = await publish(alwaysWithToken)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const head = expectOnePublishCommit(REPO)
    expect(r.outputs).toMatchObject({
      published: 'true',
      'repo-url': `${hub.url}/${REPO}`,
      'commit-sha': head.oid,
      'commit-url': `${hub.url}/${REPO}/commit/${head.oid}`,
      'pr-url': '',
      'best-checkpoint': 'checkpoints/step_1000'
    })
    expect(head.title).toBe('Publish step_1000 (step 1000, eval_accuracy 0.712)')
    expect(head.description).toContain('https://github.com/acme/trainer/actions/runs/4242')

    // Exactly these files: no token files, no other checkpoint, nothing from elsewhere.
    expect([...head.files.keys()].sort()).toEqual(PUBLISHED)
    expect([...head.changed].sort()).toEqual(PUBLISHED.filter((p) => p !== '.gitattributes'))
    for (const [inRepo, local] of [
      ['config.json', 'checkpoints/step_1000/config.json'],
      ['model.safetensors', 'checkpoints/step_1000/model.safetensors'],
      ['figures/training_loss.png', 'figures/training_loss.png']
    ]) {
      expect((await hub.fileContent(REPO, inRepo))!.equals(await readFile(path.join(ws, local)))).toBe(true)
    }
    expect(head.files.get('model.safetensors')!.lfs).toBeDefined()

    // The card: only the placeholders changed, byte for byte.
    const template = await readFile(path.join(EXAMPLE, 'README.md'), 'utf8')
    const card = (await hub.fileContent(REPO, 'README.md'))!.toString('utf8')
    expect(card).toBe(expectedCard(template))
    expect(card).not.toMatch(/\|\s*\{RESULT\}/)

    // Read back through the Hub's HTTP API too, as anyone would.
    const res = await fetch(`${hub.url}/${REPO}/resolve/main/README.md`)
    expect(await res.text()).toBe(card)

    // The summary lists the upload and links the commit.
    expect(r.summary).toContain(`### 🤗 Published to [${REPO}](${hub.url}/${REPO})`)
    expect(r.summary).toContain(`commit [\`${head.oid.slice(0, 10)}\`](${hub.url}/${REPO}/commit/${head.oid})`)
    expect(r.summary).toContain('| `model.safetensors` | 248 B | weights |')
    expect(r.summary).toContain('| `config.json` | 141 B | checkpoint |')
    expect(r.summary).toContain('| `figures/training_loss.png` | 962 B | asset |')
    expect(r.summary).toMatch(/\| `README\.md` \| [\d.]+ (B|KiB) \| card \|/)
    expect(r.summary).toMatch(/\| `checkpoints\/step_1000\/hf_token\.txt` \| secret: /)
    expect(r.summary).toMatch(/\| `checkpoints\/step_1000\/\.env` \| secret: /)
    expect(r.stdout).toContain(`Published step_1000 to ${hub.url}/${REPO}`)
  })

  it('never shows or uploads the token: masked once, and nowhere else', async () => {
    const r = await publish(alwaysWithToken)
    expect(r.code).toBe(0)
    await expectNowhere(TOKEN, r, { masked: true })
    // Token-bearing requests carried it in the header only (the server logs that one was sent).
    expect(hub.requests.filter((q) => q.route === 'commit').every((q) => q.authorized)).toBe(true)
  })
})

describe('publish: auto', () => {
  it('publishes on a tag run, and hub-tag tags the Hub commit with the same name', async () => {
    const r = await publish({ 'hf-token': TOKEN, 'hub-tag': 'true' }, { GITHUB_REF: 'refs/tags/v1.0.0' })
    expect(r.code).toBe(0)
    expect(r.outputs.published).toBe('true')
    const head = expectOnePublishCommit(REPO)
    expect(hub.repos.get(REPO)!.tags.get('v1.0.0')?.oid).toBe(head.oid)
    expect(r.outputs['commit-sha']).toBe(head.oid)
  })

  it('a tag request whose answer was lost is retried; the tag lands once, on the commit, without a warning', async () => {
    hub.fault('tag', { kind: 'lose-response' })
    const r = await publish({ 'hf-token': TOKEN, 'hub-tag': 'true' }, { GITHUB_REF: 'refs/tags/v1.0.0' })
    expect(r.code).toBe(0)
    const head = expectOnePublishCommit(REPO)
    expect([...hub.repos.get(REPO)!.tags]).toEqual([['v1.0.0', { oid: head.oid, message: expect.any(String) }]])
    expect(r.stdout).not.toContain('::warning::The tag')
    expect(r.stdout).toContain(`Tagged ${head.oid} as "v1.0.0"`)
  })

  it('does not publish on a branch push, and says why in the summary', async () => {
    const r = await publish({ 'hf-token': TOKEN, 'hub-tag': 'true' })
    expect(r.code).toBe(0)
    expect(r.outputs.published).toBe('false')
    expect(r.summary).toContain("Not published: publish is 'auto' and this run is not for a release tag")
    expect(hub.requests).toEqual([])
  })

  it('on a tag run without credentials or OIDC: a notice, exit 0, nothing sent', async () => {
    const r = await publish({}, { GITHUB_REF: 'refs/tags/v1.0.0' })
    expect(r.code).toBe(0)
    expect(r.outputs.published).toBe('false')
    expect(r.stdout).toMatch(
      /^::notice::Not publishing: no Hugging Face credentials: hf-token is empty and trusted publishing is not available/m
    )
    expect(r.summary).toContain('Not published: no Hugging Face credentials')
    expect(hub.requests).toEqual([])
  })

  it('publish: always without credentials fails clearly, nothing sent', async () => {
    const r = await publish({ publish: 'always' })
    expect(r.code).toBe(1)
    expect(errorOf(r)).toMatch(
      /Publishing failed: publish is 'always' but there are no Hugging Face credentials.*Pass hf-token: \$\{\{ secrets\.HF_TOKEN \}\}, or grant id-token: write/
    )
    expect(r.outputs.published).toBe('false')
    expect(hub.requests).toEqual([])
  })
})

describe('trusted publishing (OIDC)', () => {
  let oidc: OidcServer
  beforeEach(async () => {
    oidc = await startOidcServer({ claims: { repository: 'acme/trainer' } })
  })
  afterEach(() => oidc.close())

  const oidcEnv = () => ({
    ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken
  })

  it('exchanges the GitHub token for a repo-scoped Hub token, masks it, and publishes', async () => {
    hub.configureOidc({ audience: hub.url, publishers: [{ repoId: REPO, claims: { repository: 'acme/trainer' } }] })
    const r = await publish({ publish: 'always', 'repo-id': REPO }, oidcEnv())
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Publishing with trusted publishing (OIDC).')
    expect(oidc.requests).toEqual([{ audience: hub.url, authorized: true }])
    expect(hub.issuedTokens).toHaveLength(1)
    const head = expectOnePublishCommit(REPO)
    expect(r.outputs).toMatchObject({ published: 'true', 'commit-sha': head.oid })
    await expectNowhere(hub.issuedTokens[0], r, { masked: true })
    // GitHub's own tokens aren't printed either.
    await expectNowhere(oidc.requestToken, r, { masked: false })
    await expectNowhere(oidc.lastToken!, r, { masked: false })
  })

  it('publish: auto on a tag run publishes with OIDC alone', async () => {
    hub.configureOidc({ audience: hub.url, publishers: [{ repoId: REPO, claims: { repository: 'acme/trainer' } }] })
    const r = await publish({ 'repo-id': REPO }, { ...oidcEnv(), GITHUB_REF: 'refs/tags/v2.0.0' })
    expect(r.code).toBe(0)
    expect(r.outputs.published).toBe('true')
    expectOnePublishCommit(REPO)
    await expectNowhere(hub.issuedTokens[0], r, { masked: true })
  })

  it.each([
    [
      'the wrong audience',
      () =>
        hub.configureOidc({
          audience: 'https://huggingface.co',
          publishers: [{ repoId: REPO, claims: { repository: 'acme/trainer' } }]
        }),
      /audience does not match/
    ],
    [
      'a repo without this trusted publisher',
      () =>
        hub.configureOidc({
          audience: hub.url,
          publishers: [{ repoId: REPO, claims: { repository: 'someone/else' } }]
        }),
      /No trusted publisher of alice\/tiny-classifier matches/
    ]
  ])('fails clearly with %s, committing nothing', async (_, configure, reason) => {
    configure()
    const r = await publish({ publish: 'always', 'repo-id': REPO }, oidcEnv())
    expect(r.code).toBe(1)
    const error = errorOf(r)
    expect(error).toMatch(
      /Publishing failed: The Hub refused to exchange the GitHub OIDC token for a token on alice\/tiny-classifier/
    )
    expect(error).toMatch(reason)
    expect(error).toContain('repository="acme/trainer"')
    expect(error).toContain(`${hub.url}/${REPO}/settings`)
    expect(hub.issuedTokens).toEqual([])
    expect(hub.repos.size).toBe(0)
    expect(writes()).toEqual(['POST /oauth/token'])
    expect(r.stdout).not.toContain(oidc.lastToken!)
  })

  it('needs namespace/name: the token is scoped to one repo', async () => {
    hub.configureOidc({ audience: hub.url, publishers: [{ repoId: REPO, claims: { repository: 'acme/trainer' } }] })
    const r = await publish({ publish: 'always' }, oidcEnv())
    expect(r.code).toBe(1)
    expect(errorOf(r)).toContain(
      "Trusted publishing needs the full repo id: set repo-id to 'namespace/tiny-classifier'"
    )
    expect(hub.requests).toEqual([])
  })
})

describe('bad input: exit 1, a clear message, nothing on the Hub', () => {
  const cardWith = async (edit: (card: string) => string) => {
    const file = path.join(ws, 'README.md')
    await writeFile(file, edit(await readFile(file, 'utf8')))
  }
  const lineOf = async (needle: string) =>
    (await readFile(path.join(ws, 'README.md'), 'utf8')).split('\n').findIndex((l) => l.includes(needle)) + 1

  it('a wrong token (401)', async () => {
    const r = await publish({ publish: 'always', 'hf-token': 'hf_notAValidToken0123456789' })
    expect(r.code).toBe(1)
    expect(errorOf(r)).toMatch(
      /The Hugging Face token was rejected by http:\/\/127\.0\.0\.1:\d+\/api\/whoami-v2 \(401\): it is wrong, expired or revoked/
    )
    expect(hub.repos.size).toBe(0)
    expect(writes()).toEqual([])
    await expectNowhere('hf_notAValidToken0123456789', r, { masked: true })
  })

  it('a token that is not a Hub token (a GitHub token passed by mistake)', async () => {
    const ghp = `ghp_${randomBytes(12).toString('hex')}`
    const r = await publish({ publish: 'always', 'hf-token': ghp })
    expect(r.code).toBe(1)
    expect(errorOf(r)).toContain('The Hugging Face token is malformed: Hub tokens start with "hf_".')
    expect(hub.requests).toEqual([])
    await expectNowhere(ghp, r, { masked: true })
  })

  it('a read-only token', async () => {
    const r = await publish({ publish: 'always', 'hf-token': READ_TOKEN })
    expect(r.code).toBe(1)
    expect(errorOf(r)).toMatch(
      /The Hugging Face token of "bob" is read-only \(role "read"\), so it can't publish to bob\/tiny-classifier\. Create a token with the "write" role/
    )
    expect(hub.repos.size).toBe(0)
    expect(writes()).toEqual([])
  })

  it('a write token for a namespace that is not its own (403)', async () => {
    const r = await publish({ ...alwaysWithToken, 'repo-id': 'acme/tiny-classifier' })
    expect(r.code).toBe(1)
    expect(errorOf(r)).toMatch(
      /Could not create the repo acme\/tiny-classifier on .*You don't have the rights to write to acme\/tiny-classifier.*The token can't write there: it is read-only, or the namespace isn't yours or your org's/
    )
    expect(hub.repos.size).toBe(0)
    expect(hub.count('commit')).toBe(0)
    await expectNowhere(TOKEN, r, { masked: true })
  })

  it('an invalid repo-id', async () => {
    const r = await publish({ ...alwaysWithToken, 'repo-id': 'acme/my--model' })
    expect(r.code).toBe(1)
    expect(errorOf(r)).toMatch(/Invalid repo-id "acme\/my--model": its name "my--model" contains "--" or "\.\."/)
    expect(hub.requests).toEqual([])
  })

  it('a {RESULT} whose benchmark the row does not name: the error names the line', async () => {
    await cardWith((c) =>
      c.replace('| | Safety Evaluation | {RESULT} |\n', '| | Safety Evaluation | {RESULT} |\n| | Vibes | {RESULT} |\n')
    )
    const line = await lineOf('Vibes')
    const r = await publish(alwaysWithToken)
    expect(r.code).toBe(1)
    expect(errorOf(r)).toContain(
      `README.md:${line}: {RESULT} in row "| | Vibes | {RESULT} |": its labels ("Vibes") name no benchmark`
    )
    expect(hub.requests).toEqual([])
  })

  it('a card linking a missing file', async () => {
    await cardWith((c) => c.replace('## Usage', '![Accuracy](figures/accuracy.png)\n\n## Usage'))
    const line = await lineOf('figures/accuracy.png')
    const r = await publish(alwaysWithToken)
    expect(r.code).toBe(1)
    expect(errorOf(r)).toContain(
      `README.md:${line}: the card links "figures/accuracy.png", but ${path.join(ws, 'figures/accuracy.png')} does not exist`
    )
    expect(hub.requests).toEqual([])
    // The summary still holds the report, and the problem itself, not just its heading.
    expect(r.summary).toContain('🏆 **Winner:** `step_1000`')
    expect(r.summary).toMatch(
      /Not published: publishing failed: Nothing was uploaded: 1 problem with what would be published:\n\n- .*README\.md:\d+: the card links "figures\/accuracy\.png"/
    )
  })

  it('a card link that leaves the card folder', async () => {
    await writeFile(path.join(root, 'notes.png'), 'private notes')
    await cardWith((c) => c.replace('## Usage', '![Notes](../notes.png)\n\n## Usage'))
    const line = await lineOf('../notes.png')
    const r = await publish(alwaysWithToken)
    expect(r.code).toBe(1)
    expect(errorOf(r)).toContain(`README.md:${line}: the link "../notes.png" leaves the card's folder`)
    expect(hub.requests).toEqual([])
  })
})

describe('the gate', () => {
  it('a failed gate never publishes, even with publish: always', async () => {
    const r = await publish({ ...alwaysWithToken, 'min-score': '0.9' })
    expect(r.code).toBe(1)
    expect(errorOf(r)).toMatch(/Gate failed: eval_accuracy 0\.712 < min-score 0\.900/)
    expect(r.outputs).toMatchObject({ gate: 'failed', published: 'false' })
    expect(r.summary).toContain('Not published: the gate failed.')
    expect(hub.requests).toEqual([])
  })
})

describe('dry-run', () => {
  it('shows the files and sizes in the summary and sends nothing', async () => {
    const r = await publish({ ...alwaysWithToken, 'dry-run': 'true' })
    expect(r.code).toBe(0)
    expect(r.outputs.published).toBe('false')
    expect(hub.requests).toEqual([])
    expect(r.summary).toContain('### Hub (dry run: nothing was sent)')
    expect(r.summary).toContain('Would publish to `<token owner>/tiny-classifier` (model card: workspace, `README.md`)')
    expect(r.summary).toContain('| `model.safetensors` | 248 B | weights |')
    expect(r.summary).toContain('| `figures/training_loss.png` | 962 B | asset |')
    expect(r.summary).toContain('| **4 files** |')
    expect(r.summary).toMatch(/\| `checkpoints\/step_1000\/hf_token\.txt` \| secret: /)
    expect(r.stdout).toContain(
      'Dry run: 4 files would be published to <token owner>/tiny-classifier; nothing was sent.'
    )
  })
})

describe('faults on the way to the Hub', () => {
  it.each<[string, Fault, RegExp]>([
    ['a 503', { kind: 'status', status: 503 }, /failed \(.*503.*\)/],
    ['a connection reset', { kind: 'reset' }, /failed \(fetch failed \(\w+\)\)/]
  ])('%s on the commit, then success: one commit', async (_, fault, reason) => {
    hub.fault('commit', fault)
    const r = await publish(alwaysWithToken)
    expect(r.code).toBe(0)
    const head = expectOnePublishCommit(REPO)
    expect(r.outputs['commit-sha']).toBe(head.oid)
    expect(hub.count('commit')).toBe(2)
    expect(r.stdout).toMatch(/The commit to alice\/tiny-classifier@main failed \(.*\) and did not land; retry 1 of 4/)
    expect(r.stdout).toMatch(reason)
  })

  it('a 503 on preupload, then success: one commit', async () => {
    hub.fault('preupload', { kind: 'status', status: 503 })
    const r = await publish(alwaysWithToken)
    expect(r.code).toBe(0)
    expectOnePublishCommit(REPO)
    expect(hub.count('preupload')).toBe(2)
    expect(r.stdout).toMatch(
      /Hub request POST http:\/\/127\.0\.0\.1:\d+\/api\/models\/alice\/tiny-classifier\/preupload\/main failed \(HTTP 503\); retry 1 of 4/
    )
  })

  it('a 429 with Retry-After: 1 is waited out and retried', async () => {
    hub.fault('commit', { kind: 'status', status: 429, headers: { 'Retry-After': '1' } })
    const started = Date.now()
    const r = await publish(alwaysWithToken)
    expect(r.code).toBe(0)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expectOnePublishCommit(REPO)
    expect(hub.count('commit')).toBe(2)
    expect(r.stdout).toMatch(/\/commit\/main failed \(HTTP 429\); retry 1 of 4 in 1\.0s/)
  })

  it('a commit that lands but whose answer is lost: exactly one commit, exit 0', async () => {
    hub.fault('commit', { kind: 'lose-response' })
    const r = await publish(alwaysWithToken)
    expect(r.code).toBe(0)
    const head = expectOnePublishCommit(REPO)
    expect(hub.count('commit')).toBe(1)
    expect(r.outputs).toMatchObject({
      published: 'true',
      'commit-sha': head.oid,
      'commit-url': `${hub.url}/${REPO}/commit/${head.oid}`
    })
    expect(r.stdout).toContain('The commit landed although its answer was lost')
  })

  it('a re-run after a failed run finishes the publish without uploading LFS bytes twice', async () => {
    hub.fault('commit', { kind: 'status', status: 422, body: { error: 'Injected: the commit was refused' } })
    const first = await publish(alwaysWithToken)
    expect(first.code).toBe(1)
    expect(errorOf(first)).toMatch(
      /Could not commit to alice\/tiny-classifier@main on .*Injected: the commit was refused/
    )
    expect(hub.history(REPO).map((c) => c.title)).toEqual(['initial commit'])
    const uploaded = hub.lfsBytesReceived
    expect(uploaded).toBe(248 + 962) // model.safetensors and the PNG went to LFS before the commit failed
    const uploads = hub.count('lfs-upload')

    const second = await publish(alwaysWithToken)
    expect(second.code).toBe(0)
    expectOnePublishCommit(REPO)
    expect(hub.lfsBytesReceived).toBe(uploaded)
    expect(hub.count('lfs-upload')).toBe(uploads)
    expect(second.stdout).toContain(`Repo ${hub.url}/${REPO} exists; publishing to it`)
  })
})

describe('where the commit goes', () => {
  it('create-pr: opens a Hub pull request, main unchanged', async () => {
    const r = await publish({ ...alwaysWithToken, 'create-pr': 'true' })
    expect(r.code).toBe(0)
    expect(r.outputs['pr-url']).toBe(`${hub.url}/${REPO}/discussions/1`)
    expect(hub.history(REPO).map((c) => c.title)).toEqual(['initial commit'])
    const repo = hub.repos.get(REPO)!
    expect(repo.pullRequests).toEqual([
      { num: 1, ref: 'refs/pr/1', title: 'Publish step_1000 (step 1000, eval_accuracy 0.712)' }
    ])
    const pr = hub.head(REPO, 'refs/pr/1')!
    expect([...pr.files.keys()].sort()).toEqual(PUBLISHED)
    expect(r.outputs['commit-sha']).toBe(pr.oid)
    expect(r.summary).toContain(`pull request ${hub.url}/${REPO}/discussions/1`)
  })

  it('revision: dev creates the branch from main and commits there (hub from HF_ENDPOINT, private repo)', async () => {
    const r = await publish(
      { ...alwaysWithToken, revision: 'dev', 'hub-url': '', private: 'true' },
      { HF_ENDPOINT: hub.url }
    )
    expect(hub.repos.get(REPO)?.private).toBe(true)
    expect((await fetch(`${hub.url}/${REPO}/resolve/dev/README.md`)).status).toBe(401)
    expect(r.code).toBe(0)
    expect(hub.history(REPO).map((c) => c.title)).toEqual(['initial commit'])
    const head = expectOnePublishCommit(REPO, 'dev')
    expect([...head.files.keys()].sort()).toEqual(PUBLISHED)
    expect(r.outputs['commit-sha']).toBe(head.oid)
    expect(r.stdout).toContain('Created branch dev from main')
  })
})

describe('card-metadata: model-index', () => {
  it('adds model-index with the scores to the front matter, keeping the other keys and the body', async () => {
    const r = await publish({
      ...alwaysWithToken,
      'card-metadata': 'model-index',
      'card-task': 'text-classification',
      'card-dataset': 'alice/held-out-eval:default:test'
    })
    expect(r.code).toBe(0)
    const card = (await hub.fileContent(REPO, 'README.md'))!.toString('utf8')
    const template = await readFile(path.join(EXAMPLE, 'README.md'), 'utf8')
    const [, userYaml] = template.split('---\n')
    const [, yamlText] = card.split('---\n')
    // The user's keys stay as written, first; the body after the front matter is the filled card's.
    expect(yamlText.startsWith(userYaml)).toBe(true)
    expect(card.slice(card.indexOf('\n---\n', 4))).toBe(expectedCard(template).slice(template.indexOf('\n---\n', 4)))
    const front = parseYaml(yamlText) as Record<string, unknown>
    expect(front).toMatchObject({ license: 'apache-2.0', language: ['en'], tags: ['text-classification', 'example'] })
    const index = front['model-index'] as Array<{
      name: string
      results: Array<{ task: unknown; dataset: unknown; metrics: Array<{ type: string; value: number; name: string }> }>
    }>
    expect(index).toHaveLength(1)
    expect(index[0].name).toBe('tiny-classifier')
    const metrics = index[0].results[0].metrics
    expect(metrics).toHaveLength(16)
    expect(index[0].results[0].task).toEqual({ type: 'text-classification', name: 'Text Classification' })
    expect(index[0].results[0].dataset).toEqual({
      name: 'alice/held-out-eval default',
      type: 'alice/held-out-eval',
      config: 'default',
      split: 'test'
    })
    expect(metrics[0]).toEqual({ type: 'math_reasoning', value: 0.55, name: 'Math Reasoning', verified: false })
    expect(metrics.map((m) => m.value.toFixed(3))).toEqual([...STEP_1000, '0.712'])
    expect(metrics[15]).toMatchObject({ type: 'eval_accuracy', value: 0.712 })
    expect(yamlText).toContain('value: 0.550')
  })

  it('without a dataset to name, stops before any Hub request and says which input to set', async () => {
    const r = await publish({ ...alwaysWithToken, 'card-metadata': 'model-index', 'card-task': 'text-classification' })
    expect(r.code).toBe(1)
    expect(errorOf(r)).toContain('nothing says which dataset math_reasoning, logical_reasoning')
    expect(errorOf(r)).toContain('Set card-dataset (e.g. nyu-mll/glue:mrpc:validation).')
    expect(hub.requests).toEqual([])
  })
})
