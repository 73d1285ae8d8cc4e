import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatBytes } from '../src/util/bytes.js'
import { planUpload, type PlanUploadOptions } from '../src/publish/plan.js'
import { chooseTemplate } from '../src/publish/template.js'
import { UploadPlanError } from '../src/publish/errors.js'
import { formatUploadList } from '../src/report/upload-list.js'
import { step1000, SUITE } from './fixtures/cards/suite.js'
import { assertNoHeldSecrets, fileContainsAny } from '../src/publish/secret-scan.js'
import { addSecret, forgetSecrets } from '../src/util/redact.js'
import { hashFileOnce } from '../src/util/file-pass.js'
import { createHash } from 'node:crypto'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'cards')

let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'publish-plan-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Writes files (path -> content) under a folder, creating parents. */
async function put(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true })
    await writeFile(path.join(dir, rel), content)
  }
}

/** The usual training workspace: README.md, figures/, checkpoints/step_500 and step_1000. */
async function workspace(files: Record<string, string> = {}): Promise<string> {
  const ws = path.join(root, 'ws')
  await put(ws, {
    'checkpoints/step_500/model.safetensors': 'old weights',
    'checkpoints/step_1000/model.safetensors': 'weights-1000',
    'checkpoints/step_1000/config.json': '{"model_type":"tiny"}',
    ...files
  })
  return ws
}

function options(ws: string, extra: Partial<PlanUploadOptions> = {}): PlanUploadOptions {
  const data = step1000()
  return {
    checkpointPath: path.join(ws, 'checkpoints/step_1000'),
    checkpointDir: path.join(ws, 'checkpoints'),
    benchmarks: data.benchmarks,
    scores: data.scores,
    evalAccuracy: data.evalAccuracy,
    step: data.step,
    checkpointName: data.checkpoint,
    exclude: [],
    assets: [],
    workspaceDir: ws,
    cardMetadata: 'none',
    metricName: 'eval_accuracy',
    ...extra
  }
}

async function planError(promise: Promise<unknown>): Promise<UploadPlanError> {
  try {
    await promise
  } catch (e) {
    if (e instanceof UploadPlanError) return e
    throw e
  }
  throw new Error('expected an UploadPlanError')
}

const repoPaths = (plan: { files: Array<{ pathInRepo: string }> }): string[] => plan.files.map((f) => f.pathInRepo)

describe('template choice', () => {
  // Paths arrive absolute: config resolves them against the workspace.
  const at = (ws: string) => ({
    checkpointPath: path.join(ws, 'checkpoints/step_1000'),
    checkpointDir: path.join(ws, 'checkpoints'),
    benchmarks: SUITE,
    workspaceDir: ws
  })

  it('takes the model-card input first, then README.md in the checkpoint', async () => {
    const ws = await workspace({ 'cards/card.md': '{step}', 'checkpoints/step_1000/README.md': 'ckpt card' })
    expect(await chooseTemplate({ ...at(ws), modelCardInput: path.join(ws, 'cards/card.md') })).toEqual({
      source: 'input',
      path: path.join(ws, 'cards/card.md'),
      why: 'Model card: cards/card.md (the model-card input).'
    })
    expect(await chooseTemplate(at(ws))).toEqual({
      source: 'checkpoint',
      path: path.join(ws, 'checkpoints/step_1000/README.md'),
      why: 'Model card: checkpoints/step_1000/README.md (the README.md in the winning checkpoint).'
    })
  })

  it('takes a README.md with placeholders next to the checkpoints, or in the workspace above them', async () => {
    const ws = await workspace({ 'README.md': 'Score {eval_accuracy}' })
    expect(await chooseTemplate(at(ws))).toEqual({
      source: 'workspace',
      path: path.join(ws, 'README.md'),
      why: 'Model card: README.md (a README.md with placeholders beside the checkpoint folders).'
    })
    await put(ws, { 'checkpoints/README.md': '| Math Reasoning | {RESULT} |' })
    expect(await chooseTemplate(at(ws))).toMatchObject({
      source: 'workspace',
      path: path.join(ws, 'checkpoints/README.md')
    })
  })

  it('generates a card when the workspace README has no placeholders (it describes the repo, not the model)', async () => {
    const ws = await workspace({ 'README.md': '# My training repo\n\n```json\n{"lr": 1}\n```\n' })
    expect(await chooseTemplate(at(ws))).toEqual({
      source: 'generated',
      why:
        'Model card: generated, because the model-card input is not set, checkpoints/step_1000/README.md does not exist, ' +
        'checkpoints/README.md does not exist, README.md has no placeholders ({RESULT}, {eval_accuracy}, {step}, ...).'
    })
  })

  it('takes a README.md whose only placeholders are misspelled, so the fill reports them', async () => {
    const ws = await workspace({ 'README.md': 'Score {eval-accuracy}, `{not_ours}`' })
    expect(await chooseTemplate(at(ws))).toMatchObject({ source: 'workspace', path: path.join(ws, 'README.md') })
    const error = await planError(planUpload(options(ws)))
    expect(error.message).toContain('README.md:1: {eval-accuracy} is not a placeholder this card can fill')
  })

  it('does not look above the workspace', async () => {
    await put(root, { 'README.md': '{step}' })
    const ws = await workspace()
    expect(await chooseTemplate({ ...at(ws), checkpointDir: ws })).toMatchObject({ source: 'generated' })
  })

  it('looks in the folder above an absolute checkpoint-dir outside the workspace, as the README says', async () => {
    const ws = await workspace()
    // /…/runs/exp1/README.md beside /…/runs/exp1/checkpoints/step_1000, far from the workspace.
    const exp = path.join(root, `runs-${path.basename(ws)}`, 'exp1')
    await put(exp, { 'README.md': 'Score {eval_accuracy}', 'checkpoints/step_1000/model.safetensors': 'x' })
    const outside = {
      ...at(ws),
      checkpointPath: path.join(exp, 'checkpoints/step_1000'),
      checkpointDir: path.join(exp, 'checkpoints')
    }
    expect(await chooseTemplate(outside)).toEqual({
      source: 'workspace',
      path: path.join(exp, 'README.md'),
      why: `Model card: ${path.join(exp, 'README.md')} (a README.md with placeholders beside the checkpoint folders).`
    })
  })

  it('names a model-card input that does not exist and says how to fix it', async () => {
    const ws = await workspace()
    const error = await planError(chooseTemplate({ ...at(ws), modelCardInput: path.join(ws, 'card.md') }))
    expect(error.message).toContain(`model-card: "card.md" (${path.join(ws, 'card.md')}) does not exist`)
    expect(error.message).toContain('relative to the workspace')
  })

  it('never resolves against the process folder: a relative workspace is refused', async () => {
    await expect(chooseTemplate({ ...at('ws'), workspaceDir: 'ws' })).rejects.toThrow(
      'workspaceDir must be an absolute path'
    )
    await expect(planUpload(options('ws'))).rejects.toThrow('workspaceDir must be an absolute path')
  })
})

describe('planUpload', () => {
  it('uploads the checkpoint at the root, the filled card, and the files the card links at their relative paths', async () => {
    const card = [
      '# Tiny {checkpoint}', // 1
      '', // 2
      '| Benchmark | Score |', // 3
      '|---|---|', // 4
      '| Translation | {RESULT} |', // 5
      '', // 6
      '![loss](figures/loss.png "Training loss")', // 7
      '<img src="figures/acc%20curve.png?raw=true" width="400">', // 8
      'See [the notes](docs/notes.md#setup), [the run](https://example.com/run) and [above](#tiny).', // 9
      '![ref image][curve]', // 10
      '', // 11
      '[curve]: figures/ref.svg' // 12
    ].join('\n')
    const ws = await workspace({
      'README.md': card,
      'figures/loss.png': 'png-1',
      'figures/acc curve.png': 'png-22',
      'figures/ref.svg': '<svg/>',
      'figures/unlinked.png': 'not linked, not uploaded',
      'docs/notes.md': 'notes'
    })
    const plan = await planUpload(options(ws))
    expect(plan.card.source).toBe('workspace')
    expect(plan.card.templatePath).toBe(path.join(ws, 'README.md'))
    expect(plan.card.content.split('\n')[0]).toBe('# Tiny step_1000')
    expect(plan.card.content.split('\n')[4]).toBe('| Translation | 0.804 |')
    expect(plan.files.map((f) => [f.pathInRepo, f.kind, f.size])).toEqual([
      ['README.md', 'card', Buffer.byteLength(plan.card.content)],
      ['config.json', 'checkpoint', 21],
      ['docs/notes.md', 'asset', 5],
      ['figures/acc curve.png', 'asset', 6],
      ['figures/loss.png', 'asset', 5],
      ['figures/ref.svg', 'asset', 6],
      ['model.safetensors', 'weights', 12]
    ])
    expect(plan.files.find((f) => f.pathInRepo === 'model.safetensors')?.localPath).toBe(
      path.join(ws, 'checkpoints/step_1000/model.safetensors')
    )
    expect(plan.files[0].content).toBe(plan.card.content)
    expect(plan.totalBytes).toBe(plan.files.reduce((s, f) => s + f.size, 0))
    expect(plan.excluded).toEqual([])
  })

  it('refuses every bad link at once: missing, ../, absolute, and a symlink out of the folder', async () => {
    const ws = await workspace({
      'README.md': [
        '![a](figures/missing.png)',
        '![b](../outside.png)',
        '<img src="/etc/hostname">',
        '![d](figures/escape.png)',
        '{step}'
      ].join('\n'),
      'figures/ok.png': 'x'
    })
    await put(root, { 'outside.png': 'secret plot', 'elsewhere/escape.png': 'x' })
    await symlink(path.join(root, 'elsewhere/escape.png'), path.join(ws, 'figures/escape.png'))
    const error = await planError(planUpload(options(ws)))
    expect(error.problems).toHaveLength(4)
    const [missing, parent, absolute, link] = error.problems
    expect(missing).toMatch(
      /^README\.md:1: the card links "figures\/missing\.png", but .*figures\/missing\.png does not exist/
    )
    expect(parent).toMatch(/^README\.md:2: the link "\.\.\/outside\.png" leaves the card's folder/)
    expect(absolute).toMatch(/^README\.md:3: the link "\/etc\/hostname" is an absolute path/)
    expect(link).toMatch(
      /^README\.md:4: the link "figures\/escape\.png" is a symlink to .*elsewhere\/escape\.png, outside the card's folder/
    )
  })

  it('reports card placeholder errors and link errors together, before anything is uploaded', async () => {
    const ws = await workspace({ 'README.md': '| Nonsense | {RESULT} |\n![x](gone.png)\n' })
    const error = await planError(planUpload(options(ws)))
    expect(error.problems[0]).toMatch(/^README\.md:1: \{RESULT\} in row/)
    expect(error.problems[1]).toMatch(/^README\.md:2: the card links "gone\.png"/)
    expect(error.message).toContain('Nothing was uploaded')
  })

  it('never uploads secrets, other checkpoints or training state, even when asked by assets globs', async () => {
    const ws = await workspace({
      'checkpoints/step_1000/.env': 'HF_TOKEN=hf_x',
      'checkpoints/step_1000/hf_token.txt': 'hf_x',
      'checkpoints/step_1000/optimizer.pt': 'big',
      'checkpoints/step_1000/scheduler.pt': 's',
      'checkpoints/step_1000/rng_state_0.pth': 'r',
      'checkpoints/step_1000/trainer_state.json': '{}',
      'checkpoints/step_1000/checkpoint-200/model.safetensors': 'nested',
      'checkpoints/step_1000/global_step1000/zero_pp_rank_0_mp_rank_00_optim_states.pt': 'ds',
      'checkpoints/step_1000/.git/config': '[remote] url = https://user:hf_x@hf.co',
      'hf_token.txt': 'hf_x',
      '.env.local': 'X=1',
      'keys/deploy.pem': 'k',
      'keys/id_rsa': 'k',
      '.git/config': 'x',
      'logs/train.log': 'log',
      'configs/token': 'hf_x',
      'checkpoints/step_1000/tokenizer.json': '{}',
      'checkpoints/step_1000/special_tokens_map.json': '{}'
    })
    const plan = await planUpload(options(ws, { assets: ['**/*', 'hf_token.txt', '.env.local', '.git/*'] }))
    // Tokenizer files are not token files.
    expect(repoPaths(plan)).toEqual([
      'README.md',
      'config.json',
      'logs/train.log',
      'model.safetensors',
      'special_tokens_map.json',
      'tokenizer.json',
      'trainer_state.json'
    ])
    const reasons = Object.fromEntries(plan.excluded.map((e) => [e.path, e.reason]))
    for (const secret of [
      'checkpoints/step_1000/.env',
      'checkpoints/step_1000/hf_token.txt',
      'checkpoints/step_1000/.git/',
      'hf_token.txt',
      '.env.local',
      'keys/deploy.pem',
      'keys/id_rsa',
      '.git/config',
      'configs/token'
    ]) {
      expect(reasons[secret]).toMatch(/^secret:/)
    }
    expect(reasons['checkpoints/step_1000/optimizer.pt']).toContain('add `!optimizer.pt` to exclude to upload it')
    expect(reasons['checkpoints/step_1000/scheduler.pt']).toContain('training state')
    expect(reasons['checkpoints/step_1000/rng_state_0.pth']).toContain('training state')
    expect(reasons['checkpoints/step_1000/checkpoint-200/']).toContain('another checkpoint')
    expect(reasons['checkpoints/step_1000/global_step1000/']).toContain('another checkpoint')
    // Assets from checkpoint folders (even the winner's: its files are already at the root).
    expect(reasons['checkpoints/step_500/']).toContain('only the winning checkpoint is uploaded')
    expect(reasons['checkpoints/step_1000/']).toContain('uploaded at the repo root, not again')
    for (const f of plan.files)
      expect(f.pathInRepo).not.toMatch(
        /hf_token|(^|\/)token$|\.env|\.git|\.pem|id_rsa|optimizer|checkpoint-200|global_step/
      )
  })

  it('applies exclude globs to repo paths, gitignore-style, and lets `!` bring back training state', async () => {
    const ws = await workspace({
      'checkpoints/step_1000/optimizer.pt': 'o',
      'checkpoints/step_1000/tokenizer.json': 't',
      'checkpoints/step_1000/samples/a.txt': 'a',
      'checkpoints/step_1000/samples/deep/b.txt': 'b',
      'checkpoints/step_1000/training_args.bin': 'args'
    })
    const plan = await planUpload(options(ws, { exclude: ['*.json', 'samples/', '!optimizer.pt', '!config.json'] }))
    expect(repoPaths(plan)).toEqual(['README.md', 'config.json', 'model.safetensors', 'optimizer.pt'])
    const withArgs = await planUpload(options(ws, { exclude: ['!training_args.bin'] }))
    expect(repoPaths(withArgs)).toContain('training_args.bin')
    expect(plan.excluded).toEqual([
      { path: 'checkpoints/step_1000/samples/a.txt', reason: 'matches the exclude pattern `samples/`' },
      { path: 'checkpoints/step_1000/samples/deep/b.txt', reason: 'matches the exclude pattern `samples/`' },
      { path: 'checkpoints/step_1000/tokenizer.json', reason: 'matches the exclude pattern `*.json`' },
      expect.objectContaining({ path: 'checkpoints/step_1000/training_args.bin' })
    ])
  })

  it('follows symlinks inside the checkpoint to files, and not out of it', async () => {
    const ws = await workspace({ 'checkpoints/step_1000/shards/part.bin': '12345' })
    const ckpt = path.join(ws, 'checkpoints/step_1000')
    await symlink('shards/part.bin', path.join(ckpt, 'pytorch_model.bin'))
    await symlink(path.join(ws, 'checkpoints/step_500/model.safetensors'), path.join(ckpt, 'other.safetensors'))
    await symlink('/nonexistent/x', path.join(ckpt, 'dangling.bin'))
    const plan = await planUpload(options(ws))
    expect(plan.files.find((f) => f.pathInRepo === 'pytorch_model.bin')).toMatchObject({ size: 5, kind: 'weights' })
    const reasons = Object.fromEntries(plan.excluded.map((e) => [e.path, e.reason]))
    expect(reasons['checkpoints/step_1000/other.safetensors']).toContain('symlinks are not followed out of the folder')
    expect(reasons['checkpoints/step_1000/dangling.bin']).toBe('a broken symlink')
  })

  it("replaces the checkpoint's README.md with the card from the model-card input", async () => {
    const ws = await workspace({
      'checkpoints/step_1000/README.md': 'trainer card',
      'card/MODEL.md': 'Step {step} ![p](plot.png)',
      'card/plot.png': 'p'
    })
    const plan = await planUpload(options(ws, { modelCardInput: path.join(ws, 'card/MODEL.md') }))
    expect(plan.card).toMatchObject({ source: 'input', content: 'Step 1000 ![p](plot.png)' })
    expect(repoPaths(plan)).toEqual(['README.md', 'config.json', 'model.safetensors', 'plot.png'])
    expect(plan.excluded).toEqual([{ path: 'checkpoints/step_1000/README.md', reason: 'replaced by the model card' }])
  })

  it('uses the checkpoint README as the template, keeping its bytes except the placeholders', async () => {
    const readme = '\uFEFF---\r\nlicense: mit\r\n---\r\n| Math Reasoning |{RESULT}|  \r\n![c](curve.png)'
    const ws = await workspace({ 'checkpoints/step_1000/README.md': readme, 'checkpoints/step_1000/curve.png': 'c' })
    const plan = await planUpload(options(ws))
    expect(plan.card.source).toBe('checkpoint')
    expect(Buffer.from(plan.card.content).equals(Buffer.from(readme.replace('{RESULT}', '0.550')))).toBe(true)
    expect(repoPaths(plan)).toEqual(['README.md', 'config.json', 'curve.png', 'model.safetensors'])
  })

  it('adds model-index to the card when card-metadata is model-index', async () => {
    const ws = await workspace({ 'README.md': await readFile(path.join(fixtures, 'frontmatter-comments.md'), 'utf8') })
    const plan = await planUpload(
      options(ws, {
        cardMetadata: 'model-index',
        repoId: 'me/tiny-model',
        cardTask: 'text-generation',
        cardDataset: { type: 'me/held-out', name: 'me/held-out' }
      })
    )
    expect(plan.card.content).toMatch(
      /^---\n# Keep this comment: the license was checked by legal\.\nlicense: apache-2\.0 {3}# trailing comment\n/
    )
    expect(plan.card.content).toContain('model-index:\n- name: tiny-model\n')
    expect(plan.card.notes).toEqual([
      'Model card: README.md (a README.md with placeholders beside the checkpoint folders).',
      'model-index: added math_reasoning, logical_reasoning, common_sense, reading_comprehension, question_answering ' +
        'and 11 more for text-generation on me/held-out'
    ])
    expect(plan.card.content).toContain('---\n\n# Body 1000\n\nBody text stays.\n')
  })

  it('generates a card when there is no template, naming the library from the checkpoint files', async () => {
    const ws = await workspace({ 'README.md': '# training code' })
    const plan = await planUpload(options(ws, { repoId: 'me/tiny-model' }))
    expect(plan.card.source).toBe('generated')
    expect(
      plan.card.content.startsWith('---\nlibrary_name: transformers\ntags:\n  - checkpoint-eval\n---\n# tiny-model\n')
    ).toBe(true)
    // The workspace README is not the card and is not uploaded.
    expect(repoPaths(plan)).toEqual(['README.md', 'config.json', 'model.safetensors'])
  })

  it('refuses two different files for one repo path, and asset globs that match nothing', async () => {
    const ws = await workspace({ 'config.json': '{}' })
    const error = await planError(planUpload(options(ws, { assets: ['config.json', 'plots/*.png'] })))
    expect(error.problems).toHaveLength(2)
    expect(error.problems[0]).toContain('"plots/*.png" matched no file')
    expect(error.problems[1]).toContain(
      'two files would be uploaded as "config.json": checkpoints/step_1000/config.json and config.json (an asset)'
    )
  })

  it('refuses asset globs that point outside the workspace', async () => {
    const ws = await workspace()
    const error = await planError(planUpload(options(ws, { assets: ['../*.png', '/etc/hostname'] })))
    expect(error.problems.every((p) => p.includes('points outside the workspace'))).toBe(true)
  })
})

describe('formatUploadList', () => {
  it('lists files with human sizes and kinds, the total, and what was left out', async () => {
    const ws = await workspace({ 'checkpoints/step_1000/optimizer.pt': 'o' })
    const plan = await planUpload(options(ws))
    const text = formatUploadList(plan)
    expect(text).toContain('| File | Size | Kind |\n|---|---:|---|\n')
    expect(text).toContain('| `model.safetensors` | 12 B | weights |')
    expect(text).toContain(`| **3 files** | **${formatBytes(plan.totalBytes)}** | |`)
    expect(text).toContain('| `checkpoints/step_1000/optimizer.pt` | training state')
    const short = formatUploadList(plan, { maxRows: 1 })
    expect(short).toContain('| … and 2 more files |')
  })

  it('formats sizes in binary units', () => {
    expect([0, 1023, 1536, 5 * 1024 ** 3, 300 * 1024 ** 2, 42.5 * 1024 ** 2].map(formatBytes)).toEqual([
      '0 B',
      '1023 B',
      '1.50 KiB',
      '5.00 GiB',
      '300 MiB',
      '42.5 MiB'
    ])
  })
})

describe('credential files and held tokens', () => {
  const ISSUE_FILES = [
    'credentials.json',
    'service-account.json',
    'client_secret.json',
    'secrets.yaml',
    'kaggle.json',
    'wandb/settings',
    '.env',
    'hf_token.txt',
    '.git-credentials',
    'id_rsa',
    'server.pem',
    '.netrc',
    '.ssh/config',
    '.aws/credentials',
    '.docker/config.json',
    '.npmrc',
    '.pypirc',
    '.env.production',
    'gcp-service-account-prod.json',
    'application_default_credentials.json',
    'tls.key',
    'cert.p12'
  ]

  it('leaves home every credential file of the usual ML tooling, inside the checkpoint', async () => {
    const files = Object.fromEntries(ISSUE_FILES.map((f) => [`checkpoints/step_1000/${f}`, 'secret']))
    const ws = await workspace(files)
    const plan = await planUpload(options(ws))
    const uploaded = plan.files.map((f) => f.pathInRepo)
    for (const f of ISSUE_FILES) expect(uploaded).not.toContain(f)
    expect(uploaded).toEqual(['README.md', 'config.json', 'model.safetensors'])
    const reasons = Object.fromEntries(plan.excluded.map((e) => [e.path, e.reason]))
    expect(reasons['checkpoints/step_1000/kaggle.json']).toMatch(/^secret: .*unless `!kaggle.json` in exclude names it/)
    expect(reasons['checkpoints/step_1000/wandb/settings']).toMatch(/^secret: `wandb\/settings` holds credentials/)
  })

  it('uploads a listed file only when exclude names it exactly with !, never through a glob or from .ssh/', async () => {
    const ws = await workspace({
      'checkpoints/step_1000/secrets.yaml': 'not really secret',
      'checkpoints/step_1000/kaggle.json': '{}',
      'checkpoints/step_1000/.ssh/config': 'Host x'
    })
    const plan = await planUpload(options(ws, { exclude: ['!secrets.yaml', '!*.json', '!.ssh/config'] }))
    const uploaded = plan.files.map((f) => f.pathInRepo)
    expect(uploaded).toContain('secrets.yaml')
    expect(uploaded).not.toContain('kaggle.json')
    expect(uploaded).not.toContain('.ssh/config')
  })
})

describe('the content check of what goes up', () => {
  // Regex and JSON special characters: a naive RegExp or JSON handling would miss or mangle it.
  const TOKEN = 'hf_a.b*c+d?e^f$g{1}[x]|(y)\\z"q/w'

  afterEach(() => forgetSecrets())

  it('finds a held token in any file, whatever its name, raw, JSON-escaped or URL-encoded, across chunk borders', async () => {
    addSecret(TOKEN)
    const big = Buffer.alloc(1024 * 1024 - 5, 0x41)
    const ws = await workspace({
      'checkpoints/step_1000/generation_config.json': JSON.stringify({ note: 'ok' }),
      'checkpoints/step_1000/run_config.json': JSON.stringify({ hub_token: TOKEN }),
      'checkpoints/step_1000/push.log': `https://example.org/?token=${encodeURIComponent(TOKEN)}`
    })
    await writeFile(path.join(ws, 'checkpoints/step_1000/blob.bin'), Buffer.concat([big, Buffer.from(TOKEN), big]))
    const plan = await planUpload(options(ws))
    const error = await assertNoHeldSecrets(plan.files, ws).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UploadPlanError)
    const problems = (error as UploadPlanError).problems
    expect(problems).toHaveLength(3)
    expect(problems.join('\n')).toMatch(
      /checkpoints\/step_1000\/blob\.bin \(as blob\.bin\) contains a token this run holds/
    )
    expect(problems.join('\n')).toMatch(/run_config\.json/)
    expect(problems.join('\n')).toMatch(/push\.log/)
    expect(problems.join('\n')).not.toContain(TOKEN)
  })

  it('passes files without the token, and does nothing when no secret is held', async () => {
    const ws = await workspace({ 'checkpoints/step_1000/notes.txt': 'hf_other_token_value' })
    const plan = await planUpload(options(ws))
    await expect(assertNoHeldSecrets(plan.files, ws)).resolves.toBeUndefined()
    addSecret(TOKEN)
    await expect(assertNoHeldSecrets(plan.files, ws)).resolves.toBeUndefined()
  })

  it('reports its progress: bytes checked of every file on disk, and the file being read', async () => {
    const ws = await workspace({ 'checkpoints/step_1000/notes.txt': 'no token here' })
    await writeFile(path.join(ws, 'checkpoints/step_1000/blob.bin'), Buffer.alloc(3 * 1024 * 1024 + 5, 0x41))
    const plan = await planUpload(options(ws))
    addSecret(TOKEN)
    const heard: Array<[number, number, string]> = []
    await assertNoHeldSecrets(plan.files, ws, undefined, (done, total, label) => heard.push([done, total, label]))
    const onDisk = plan.files.filter((f) => f.localPath !== undefined).reduce((sum, f) => sum + f.size, 0)
    expect(heard.every(([, total]) => total === onDisk)).toBe(true)
    expect(heard.map(([done]) => done)).toEqual([...heard.map(([done]) => done)].sort((a, b) => a - b))
    expect(heard.at(-1)?.[0]).toBe(onDisk)
    expect(heard.filter(([, , label]) => label === 'blob.bin').length).toBeGreaterThanOrEqual(4)
  })

  it('finds the token in every large shard, those hashed on a thread included, and hashes the clean ones for the upload', async () => {
    const shard = (tail: Buffer) => Buffer.concat([Buffer.alloc(64 * 1024 * 1024, 0x41), tail])
    const ws = await workspace({ 'checkpoints/step_1000/config.json': '{}' })
    const dirOf = path.join(ws, 'checkpoints/step_1000')
    await writeFile(path.join(dirOf, 'model-00001-of-00003.safetensors'), shard(Buffer.from(TOKEN)))
    await writeFile(path.join(dirOf, 'model-00002-of-00003.safetensors'), shard(Buffer.from('clean')))
    await writeFile(path.join(dirOf, 'model-00003-of-00003.safetensors'), shard(Buffer.from(TOKEN)))
    const plan = await planUpload(options(ws))
    addSecret(TOKEN)
    const error = await assertNoHeldSecrets(plan.files, ws).catch((e: unknown) => e)
    expect((error as UploadPlanError).problems.join('\n')).toMatch(
      /model-00001-of-00003\.safetensors[^\n]*contains a token[\s\S]*model-00003-of-00003\.safetensors[^\n]*contains a token/
    )
    expect((error as UploadPlanError).problems).toHaveLength(2)
    const clean = path.join(dirOf, 'model-00002-of-00003.safetensors')
    expect((await hashFileOnce('sha256', clean)).digest).toBe(
      createHash('sha256')
        .update(shard(Buffer.from('clean')))
        .digest('hex')
    )
  })

  it('scans a file in bounded memory', async () => {
    const needle = Buffer.from(TOKEN)
    const file = path.join(root, 'large.bin')
    await writeFile(file, Buffer.alloc(64 * 1024 * 1024, 0x42))
    const before = process.memoryUsage().arrayBuffers
    expect(await fileContainsAny(file, [needle])).toBe(false)
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024)
  })
})
