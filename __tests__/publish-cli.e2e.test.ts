// Publishing from a terminal: the same bundle with arguments is the CLI. The Hub is the loopback
// server; the token comes from HF_TOKEN (or the Hub's token file), as `huggingface-cli login` leaves it.
import { randomBytes } from 'node:crypto'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ROOT, runProcess } from './support/action-runner.js'
import { startHubServer, type HubServer } from './support/hub-server.js'

const TOKEN = `hf_e2eCli${randomBytes(12).toString('hex')}`
const REPO = 'alice/tiny-classifier'
const CLI = path.join(ROOT, 'dist/index.js')

let hub: HubServer
let root: string
let ws: string
let home: string

beforeEach(async () => {
  hub = await startHubServer({ tokens: { [TOKEN]: { user: 'alice', role: 'write' } } })
  root = await mkdtemp(path.join(os.tmpdir(), 'publish-cli-'))
  ws = path.join(root, 'ws')
  home = path.join(root, 'home')
  await mkdir(home)
  await cp(path.join(ROOT, 'examples/workspace'), ws, { recursive: true })
  await writeFile(path.join(ws, 'checkpoints/step_1000/hf_token.txt'), `${TOKEN}\n`)
})
afterEach(async () => {
  await hub.close()
  await rm(root, { recursive: true, force: true })
})

/** The CLI outside Actions: no GITHUB_* variables, a HOME without a Hub token file. */
function cli(args: string[], env: Record<string, string> = {}) {
  return runProcess({
    script: CLI,
    args: [
      '--checkpoint-dir',
      'checkpoints',
      '--output-dir',
      path.join(root, 'out'),
      '--repo-id',
      'tiny-classifier',
      ...args
    ],
    env: { PATH: process.env.PATH!, HOME: home, ...env },
    cwd: ws
  })
}

describe('node dist/index.js --publish', () => {
  it('publishes with HF_TOKEN from the environment and prints the URL', async () => {
    const r = await cli(['--publish', 'always', '--hub-url', hub.url], { HF_TOKEN: TOKEN })
    expect(r.code).toBe(0)
    const history = hub.history(REPO)
    expect(history.map((c) => c.title)).toEqual([
      'Publish step_1000 (step 1000, eval_accuracy 0.712)',
      'initial commit'
    ])
    const head = history[0]
    expect([...head.files.keys()].sort()).toEqual([
      '.gitattributes',
      'README.md',
      'config.json',
      'figures/training_loss.png',
      'model.safetensors'
    ])
    expect(r.stdout).toContain(`Published to ${hub.url}/${REPO}: ${hub.url}/${REPO}/commit/${head.oid}`)
    expect(r.stderr).toContain('Publishing with local token.')
    // Outside Actions the commit says so (no run link).
    expect(head.description).toBe('Selected by checkpoint-eval-action from checkpoints/step_1000.')
    for (const text of [r.stdout, r.stderr, (await hub.fileContent(REPO, 'README.md'))!.toString()])
      expect(text).not.toContain(TOKEN)
    expect(JSON.stringify(JSON.parse(await readFile(path.join(root, 'out/scores.json'), 'utf8')))).not.toContain(TOKEN)
  })

  it("never touches Node's fetch (undici, ~14 MiB of RSS): every Hub request goes over node:http", async () => {
    // A preload that records which of fetch's globals anything reads, and writes them at exit.
    const preload = path.join(root, 'watch-fetch.cjs')
    const touched = path.join(root, 'touched.txt')
    await writeFile(
      preload,
      `const seen = new Set()
for (const name of ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'WebSocket']) {
  const own = Object.getOwnPropertyDescriptor(globalThis, name)
  if (!own) continue
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() { seen.add(name); return own.get ? own.get.call(globalThis) : own.value }
  })
}
process.on('exit', () => require('node:fs').writeFileSync(process.env.TOUCHED_FILE, [...seen].join(',')))
`
    )
    const r = await cli(['--publish', 'always', '--hub-url', hub.url], {
      HF_TOKEN: TOKEN,
      NODE_OPTIONS: `--require ${preload}`,
      TOUCHED_FILE: touched
    })
    expect(r.code).toBe(0)
    expect(hub.history(REPO)).toHaveLength(2)
    expect(await readFile(touched, 'utf8')).toBe('')
  })

  it('publishes a sharded checkpoint (shards hashed side by side on threads), and sends nothing when a shard holds the token', async () => {
    // Two 64 MiB shards: large enough that the bundle's check hands one to a thread.
    const step = path.join(ws, 'checkpoints/step_1000')
    await rm(path.join(step, 'model.safetensors'))
    const names = ['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors']
    const shards = names.map((_, i) => Buffer.concat([Buffer.alloc(64 * 1024 * 1024, 0x41 + i), randomBytes(100)]))
    for (const [i, name] of names.entries()) await writeFile(path.join(step, name), shards[i])
    const index = { metadata: {}, weight_map: { 'a.weight': names[0], 'b.weight': names[1] } }
    await writeFile(path.join(step, 'model.safetensors.index.json'), JSON.stringify(index))
    const r = await cli(['--publish', 'always', '--hub-url', hub.url], { HF_TOKEN: TOKEN })
    expect(r.code).toBe(0)
    for (const [i, name] of names.entries()) expect((await hub.fileContent(REPO, name))?.equals(shards[i])).toBe(true)

    // The token in both shards (the one on a thread and the one here): refused before any request.
    for (const [i, name] of names.entries())
      await writeFile(path.join(step, name), Buffer.concat([shards[i], Buffer.from(TOKEN)]))
    const requests = hub.requests.length
    const refused = await cli(['--publish', 'always', '--hub-url', hub.url], { HF_TOKEN: TOKEN })
    expect(refused.code).not.toBe(0)
    for (const name of names)
      expect(refused.stderr).toMatch(new RegExp(`${name}[^\\n]*contains a token this run holds`))
    expect(refused.stderr).not.toContain(TOKEN)
    expect(hub.requests.length).toBe(requests)
  })

  it('reads the token file `huggingface-cli login` writes when HF_TOKEN is unset', async () => {
    await mkdir(path.join(home, '.cache/huggingface'), { recursive: true })
    await writeFile(path.join(home, '.cache/huggingface/token'), `${TOKEN}\n`)
    const r = await cli(['--publish', 'always'], { HF_ENDPOINT: hub.url })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`Published to ${hub.url}/${REPO}: `)
    expect(hub.history(REPO)).toHaveLength(2)
  })

  it('--dry-run prints the upload list and sends nothing', async () => {
    const r = await cli(['--dry-run', '--hub-url', hub.url], { HF_TOKEN: TOKEN })
    expect(r.code).toBe(0)
    expect(hub.requests).toEqual([])
    expect(r.stdout).toContain(
      'Dry run: would publish to <token owner>/tiny-classifier (model card: workspace); nothing was sent.'
    )
    expect(r.stdout).toMatch(/^ {2}README\.md +[\d.]+ (B|KiB) {2}card$/m)
    expect(r.stdout).toMatch(/^ {2}config\.json +141 B {2}checkpoint$/m)
    expect(r.stdout).toMatch(/^ {2}figures\/training_loss\.png +962 B {2}asset$/m)
    expect(r.stdout).toMatch(/^ {2}model\.safetensors +248 B {2}weights$/m)
    expect(r.stdout).toMatch(/^ {2}not uploaded: checkpoints\/step_1000\/hf_token\.txt \(secret: /m)
  })

  it('--publish always without any token: exit 1 with the fix, nothing sent', async () => {
    const r = await cli(['--publish', 'always', '--hub-url', hub.url])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^error: Publishing failed: publish is 'always' but there are no Hugging Face credentials/m
    )
    expect(hub.requests).toEqual([])
  })
})
