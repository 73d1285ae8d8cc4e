// What gets uploaded, decided locally before any network: the winning checkpoint's files, the
// filled model card, the files the card links, and the user's assets, minus what must never leave
// the runner. Files are only lstat'ed here (weights can be hundreds of GB); only the card is read.

import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import type { Benchmark } from '../domain/types.js'
import { addModelIndex, fillModelCard, generateModelCard, hasPlaceholders, ModelCardError } from '../card/fill.js'
import { findCardLinks } from '../card/grammar.js'
import { formatBytes } from '../report/markdown.js'

export type UploadKind = 'weights' | 'checkpoint' | 'card' | 'asset'

export interface PlannedFile {
  /** Posix path in the Hub repo. */
  pathInRepo: string
  /** Absolute local path (files on disk). */
  localPath?: string
  /** Text to upload (the card). */
  content?: string
  size: number
  kind: UploadKind
}

export type CardSource = 'input' | 'checkpoint' | 'workspace' | 'generated'

export interface UploadPlan {
  /** The card first, then by path in the repo. */
  files: PlannedFile[]
  card: { source: CardSource; templatePath?: string; content: string }
  /** Paths (relative to the workspace when inside it) that were left out, and why. */
  excluded: Array<{ path: string; reason: string }>
  totalBytes: number
}

export interface PlanUploadOptions {
  /** The winning checkpoint's folder; relative paths are taken from workspaceDir. */
  checkpointPath: string
  /** The folder that holds the checkpoint folders. */
  checkpointDir: string
  /** The `model-card` input: a template path, relative to workspaceDir. */
  modelCardInput?: string
  benchmarks: Benchmark[]
  scores: Record<string, number | null>
  evalAccuracy: number | null
  step: number
  checkpointName: string
  /** Globs matched against paths in the repo; `!glob` re-includes default-excluded training state. */
  exclude: string[]
  /** Globs relative to workspaceDir; matches are uploaded at their workspace-relative path. */
  assets: string[]
  workspaceDir: string
  cardMetadata: 'none' | 'model-index'
  metricName: string
  repoId?: string
  runUrl?: string
  /** Dataset named in model-index. */
  datasetName?: string
}

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

// ---------------------------------------------------------------------------------------------
// What is never uploaded

/** Token and credential files: never uploaded, whatever the globs say. Matched per path segment. */
export const SECRET_FILE_PATTERNS: readonly string[] = [
  'hf_token',
  'hf_token.*',
  '*_token',
  '*_token.txt',
  'token',
  '*.token',
  '.env',
  '.env.*',
  '*.pem',
  '*.key',
  '*.p12',
  '*.pfx',
  'id_rsa*',
  'id_dsa*',
  'id_ecdsa*',
  'id_ed25519*',
  '.netrc',
  '_netrc',
  '.git-credentials',
  '.npmrc',
  '.pypirc'
]
/** Folders whose whole content is secret (a repo's config can hold a token in a remote URL). */
export const SECRET_DIR_NAMES: readonly string[] = ['.git', '.huggingface', '.ssh', '.aws', '.gnupg', '.docker']

/**
 * Training state that only resuming training needs, often larger than the weights. Left out by
 * default; an exclude entry `!optimizer.pt` brings one back. training_args.bin is a pickle of
 * the Trainer's arguments, which holds `hub_token` when one was passed to the Trainer: it is
 * left out too, so a token can't reach a public repo through it.
 */
export const DEFAULT_TRAINING_STATE_EXCLUDES: readonly string[] = [
  'optimizer.pt',
  'optimizer.bin',
  'optimizer_*.pt',
  'optimizer_*.bin',
  'scheduler.pt',
  'scheduler.bin',
  'scaler.pt',
  'rng_state*.pth',
  'random_states_*.pkl',
  'training_args.bin'
]

/** A folder named like a checkpoint (`checkpoint-500`, `step_1000`, `global_step20`, `ckpt-3`). */
export const CHECKPOINT_FOLDER = /^(?:checkpoint|ckpt|step|global[_-]?step|epoch|iter(?:ation)?)[-_]?\d+$/i

const secretFileMatcher = picomatch([...SECRET_FILE_PATTERNS], { dot: true, nocase: true })

/** Why a repo-relative path is a secret, or undefined. */
export function secretReason(relPath: string): string | undefined {
  const parts = relPath.split('/')
  const dir = parts.slice(0, -1).find((p) => SECRET_DIR_NAMES.includes(p))
  if (dir) return `secret: inside \`${dir}/\`; credential folders are never uploaded`
  const name = parts[parts.length - 1]
  if (SECRET_DIR_NAMES.includes(name)) return `secret: \`${name}/\` is never uploaded`
  if (secretFileMatcher(name)) return `secret: \`${name}\` looks like a token or credential file; these are never uploaded`
  return undefined
}

/** Why a path is inside another checkpoint's folder, or undefined. */
function checkpointFolderReason(relPath: string): string | undefined {
  const folder = relPath.split('/').slice(0, -1).find((p) => CHECKPOINT_FOLDER.test(p))
  return folder
    ? `inside the checkpoint-like folder \`${folder}/\`; only the winning checkpoint is uploaded (its files at the repo root)`
    : undefined
}

interface ExcludeRule {
  pattern: string
  negated: boolean
  isDefault: boolean
  test: (p: string) => boolean
}

/** gitignore-like: no slash -> any depth; trailing slash -> a folder; leading slash -> from the root. */
function compileRule(raw: string, isDefault: boolean): ExcludeRule | undefined {
  let pattern = raw.trim()
  if (!pattern || pattern.startsWith('#')) return undefined
  const negated = pattern.startsWith('!')
  if (negated) pattern = pattern.slice(1)
  pattern = pattern.replace(/^\.\//, '')
  const anchored = pattern.startsWith('/')
  if (anchored) pattern = pattern.slice(1)
  const folderOnly = pattern.endsWith('/')
  if (folderOnly) pattern = pattern.replace(/\/+$/, '')
  const matcher = picomatch(pattern, { dot: true, basename: !anchored && !pattern.includes('/') })
  const test = (p: string): boolean => {
    const parts = p.split('/')
    // The path itself, or any folder above it (excluding `logs` excludes `logs/a.txt`).
    for (let i = parts.length; i >= 1; i--) {
      if (folderOnly && i === parts.length) continue
      if (matcher(parts.slice(0, i).join('/'))) return true
    }
    return false
  }
  return { pattern: raw.trim(), negated, isDefault, test }
}

function compileRules(exclude: string[]): ExcludeRule[] {
  return [
    ...DEFAULT_TRAINING_STATE_EXCLUDES.map((p) => compileRule(p, true)),
    ...exclude.flatMap((e) => e.split(/\r?\n/)).map((p) => compileRule(p, false))
  ].filter((r): r is ExcludeRule => r !== undefined)
}

/** The last matching rule wins, as in .gitignore. */
function excludeReason(rules: ExcludeRule[], repoPath: string): string | undefined {
  let hit: ExcludeRule | undefined
  for (const rule of rules) if (rule.test(repoPath)) hit = rule.negated ? undefined : rule
  if (!hit) return undefined
  return hit.isDefault
    ? `training state (\`${hit.pattern}\`), left out by default; add \`!${hit.pattern}\` to exclude to upload it`
    : `matches the exclude pattern \`${hit.pattern}\``
}

// ---------------------------------------------------------------------------------------------
// Helpers

const WEIGHTS_FILE = /(\.(safetensors|gguf|ggml|onnx|h5|msgpack|pt|pth|ckpt|tflite|mlmodel)$)|(^(pytorch_model|adapter_model|model|tf_model|flax_model)[^/]*\.bin$)/i

function kindOf(relPath: string): 'weights' | 'checkpoint' {
  return WEIGHTS_FILE.test(path.posix.basename(relPath)) ? 'weights' : 'checkpoint'
}

const toPosix = (p: string): string => p.split(path.sep).join('/')

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** How a local path is shown: relative to the workspace when inside it. */
function shown(workspace: string, p: string): string {
  return isInside(workspace, p) ? toPosix(path.relative(workspace, p)) || '.' : p
}

/** Reads a card template; its bytes must survive a round trip, so it must be UTF-8. */
async function readTemplate(file: string, label: string): Promise<string> {
  const bytes = await readFile(file)
  const text = bytes.toString('utf8')
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    throw new UploadPlanError([`${label}: the model card template is not valid UTF-8, so it can't be kept byte for byte. Save it as UTF-8.`])
  }
  return text
}

// ---------------------------------------------------------------------------------------------
// Which template

export interface ChosenTemplate {
  source: CardSource
  /** Absolute path of the template (not for `generated`). */
  path?: string
}

/**
 * The model-card input; else README.md in the winning checkpoint; else a README.md with
 * placeholders in the folder holding the checkpoint folders (checkpointDir) or, for the common
 * `workspace/checkpoints/step_*` layout, the folder above it when that is still in the workspace;
 * else none (generated).
 */
export async function chooseTemplate(options: {
  modelCardInput?: string
  checkpointPath: string
  checkpointDir: string
  workspaceDir: string
  benchmarks: Benchmark[]
  extraNames?: string[]
}): Promise<ChosenTemplate> {
  const workspace = path.resolve(options.workspaceDir)
  if (options.modelCardInput && options.modelCardInput.trim() !== '') {
    const input = path.resolve(workspace, options.modelCardInput.trim())
    const info = await stat(input).catch(() => undefined)
    if (!info?.isFile()) {
      throw new UploadPlanError([
        `model-card: "${options.modelCardInput}" (${input}) ${info ? 'is not a file' : 'does not exist'}. ` +
          `Give the template's path relative to the workspace (${workspace}), or leave model-card empty to use README.md.`
      ])
    }
    return { source: 'input', path: input }
  }
  const checkpoint = path.resolve(workspace, options.checkpointPath)
  const inCheckpoint = path.join(checkpoint, 'README.md')
  if ((await stat(inCheckpoint).catch(() => undefined))?.isFile()) return { source: 'checkpoint', path: inCheckpoint }

  const holder = path.resolve(workspace, options.checkpointDir)
  const folders = [holder]
  const above = path.dirname(holder)
  if (above !== holder && isInside(workspace, above)) folders.push(above)
  for (const folder of folders) {
    const readme = path.join(folder, 'README.md')
    if (!(await stat(readme).catch(() => undefined))?.isFile()) continue
    const template = await readTemplate(readme, shown(workspace, readme))
    if (hasPlaceholders({ template, benchmarks: options.benchmarks, extraNames: options.extraNames })) {
      return { source: 'workspace', path: readme }
    }
  }
  return { source: 'generated' }
}

// ---------------------------------------------------------------------------------------------
// Walking folders

interface FoundFile {
  /** Posix path relative to the walked root. */
  rel: string
  abs: string
  size: number
}

interface WalkOptions {
  /** Where the walk starts. */
  root: string
  /** What `rel` paths are relative to (default: root). */
  relativeTo?: string
  /** Real path of the boundary that symlinks must stay inside. */
  boundary: string
  /** Called for a folder before descending; a reason skips it (reported once), '' skips it silently. */
  skipFolder: (rel: string) => string | undefined
  excluded: (abs: string, reason: string) => void
  /** Only files whose rel passes are reported (the rest are silently not wanted). */
  wanted?: (rel: string) => boolean
}

/** Every file under root; symlinks followed only to files inside the boundary. */
async function walkFiles(options: WalkOptions, dir = options.root, out: FoundFile[] = []): Promise<FoundFile[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const abs = path.join(dir, entry.name)
    const rel = toPosix(path.relative(options.relativeTo ?? options.root, abs))
    if (entry.isDirectory()) {
      const reason = options.skipFolder(rel)
      if (reason !== undefined) {
        const worthSaying = reason !== '' && (!options.wanted || (await anyWanted(abs, options.relativeTo ?? options.root, options.wanted)))
        if (worthSaying) options.excluded(abs + path.sep, reason)
        continue
      }
      await walkFiles(options, abs, out)
      continue
    }
    if (options.wanted && !options.wanted(rel)) continue
    const file = await regularFile(abs, options)
    if (file) out.push({ rel, abs, size: file.size })
  }
  return out
}

/** Whether a skipped folder holds anything the globs asked for (so that skipping it is worth saying). */
async function anyWanted(dir: string, root: string, wanted: (rel: string) => boolean): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.some((e) => !e.isDirectory() && wanted(toPosix(path.relative(root, path.join(e.parentPath, e.name)))))
}

/** lstat, following a symlink only when it resolves to a file inside the boundary. */
async function regularFile(abs: string, options: Pick<WalkOptions, 'boundary' | 'excluded'>): Promise<{ size: number } | undefined> {
  const info = await lstat(abs)
  if (info.isFile()) return { size: info.size }
  if (!info.isSymbolicLink()) {
    options.excluded(abs, 'not a regular file')
    return undefined
  }
  const target = await realpath(abs).catch(() => undefined)
  if (!target) {
    options.excluded(abs, 'a broken symlink')
    return undefined
  }
  if (!isInside(options.boundary, target)) {
    options.excluded(abs, `a symlink to ${target}, outside ${options.boundary}; symlinks are not followed out of the folder`)
    return undefined
  }
  const targetInfo = await stat(target)
  if (!targetInfo.isFile()) {
    options.excluded(abs, 'a symlink to a folder; folders are not followed through symlinks')
    return undefined
  }
  return { size: targetInfo.size }
}

// ---------------------------------------------------------------------------------------------
// Linked files

interface LinkedFile {
  pathInRepo: string
  abs: string
  size: number
}

const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/

/** Local files the card links, checked to exist and to stay inside the template's folder. */
async function linkedFiles(options: {
  card: string
  templatePath: string
  templateLabel: string
  problems: string[]
  excluded: (abs: string, reason: string) => void
}): Promise<LinkedFile[]> {
  const templateDir = path.dirname(options.templatePath)
  const realTemplateDir = await realpath(templateDir)
  const found = new Map<string, LinkedFile>()
  for (const link of findCardLinks(options.card)) {
    const where = `${options.templateLabel}:${link.line}`
    const target = link.target.trim()
    if (target.startsWith('#') || target.startsWith('//') || URL_SCHEME.test(target)) continue
    const withoutQuery = target.replace(/[?#].*$/s, '')
    if (withoutQuery === '') continue
    let decoded: string
    try {
      decoded = decodeURIComponent(withoutQuery)
    } catch {
      options.problems.push(`${where}: the link "${target}" has a broken %-escape. Fix the link's escaping.`)
      continue
    }
    if (decoded.startsWith('/') || path.isAbsolute(decoded)) {
      options.problems.push(
        `${where}: the link "${target}" is an absolute path; a model card may only link files inside its own folder (${templateDir}). ` +
          `Copy the file next to the card and link it relatively, or link an https:// URL.`
      )
      continue
    }
    const abs = path.resolve(templateDir, decoded)
    if (!isInside(templateDir, abs)) {
      options.problems.push(
        `${where}: the link "${target}" leaves the card's folder (${templateDir}); files from elsewhere on the runner are never published. ` +
          `Move the file under ${templateDir} and link it relatively.`
      )
      continue
    }
    const info = await lstat(abs).catch(() => undefined)
    if (!info) {
      options.problems.push(`${where}: the card links "${target}", but ${abs} does not exist. Add the file, or fix or remove the link.`)
      continue
    }
    const real = await realpath(abs).catch(() => undefined)
    if (!real || !isInside(realTemplateDir, real)) {
      options.problems.push(
        `${where}: the link "${target}" is a symlink ${real ? `to ${real}, outside the card's folder` : 'that is broken'}. ` +
          `Replace the symlink with the file itself.`
      )
      continue
    }
    const realInfo = await stat(real)
    const pathInRepo = toPosix(path.relative(templateDir, abs))
    if (realInfo.isDirectory()) {
      options.excluded(abs + path.sep, `a folder linked at ${where}; folders are not uploaded through links (link files, or add them with assets)`)
      continue
    }
    if (path.resolve(abs) === path.resolve(options.templatePath) || pathInRepo === 'README.md') continue // the card itself
    const secret = secretReason(pathInRepo)
    if (secret) {
      options.problems.push(`${where}: the card links "${target}", which is never uploaded (${secret}). Remove the link.`)
      continue
    }
    found.set(pathInRepo, { pathInRepo, abs, size: realInfo.size })
  }
  return [...found.values()]
}

// ---------------------------------------------------------------------------------------------
// Assets

const WINNER_ELSEWHERE = "the winning checkpoint's folder: its files are uploaded at the repo root, not again under this path"

async function assetFiles(options: {
  workspace: string
  /** The winning checkpoint's folder (absolute). */
  checkpoint: string
  patterns: string[]
  problems: string[]
  excluded: (abs: string, reason: string) => void
}): Promise<FoundFile[]> {
  const { workspace } = options
  const realWorkspace = await realpath(workspace)
  const out = new Map<string, FoundFile>()
  for (const raw of options.patterns.flatMap((p) => p.split(/\r?\n/))) {
    const pattern = raw.trim().replace(/^\.\//, '')
    if (!pattern || pattern.startsWith('#')) continue
    if (path.isAbsolute(pattern) || pattern.split('/').includes('..')) {
      options.problems.push(`assets: "${raw.trim()}" points outside the workspace (${workspace}). Use a glob relative to the workspace.`)
      continue
    }
    const scan = picomatch.scan(pattern)
    const base = path.resolve(workspace, scan.isGlob ? scan.base : pattern)
    const info = await stat(base).catch(() => undefined)
    let matchedAny = false
    const skipFolder = (rel: string): string | undefined => {
      const name = rel.split('/').pop() ?? ''
      if (SECRET_DIR_NAMES.includes(name)) return secretReason(rel)
      // Dependencies are never model files; walking them would only cost time.
      if (name === 'node_modules' && !isInside(path.join(workspace, rel), base)) return ''
      if (path.join(workspace, rel) === options.checkpoint) return WINNER_ELSEWHERE
      return CHECKPOINT_FOLDER.test(name) ? checkpointFolderReason(`${rel}/x`) : undefined
    }
    if (info?.isFile()) {
      const rel = toPosix(path.relative(workspace, base))
      matchedAny = true
      const file = await regularFile(base, { boundary: realWorkspace, excluded: options.excluded })
      if (file) out.set(rel, { rel, abs: base, size: file.size })
    } else if (info?.isDirectory()) {
      // A plain folder name means everything in it; a glob means what the glob matches.
      const matcher = scan.isGlob ? picomatch(pattern) : () => true
      const files = await walkFiles({
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
      options.problems.push(`assets: "${raw.trim()}" matched no file under ${workspace}. Fix the glob (it is relative to the workspace), or remove it.`)
    }
  }
  return [...out.values()]
}

// ---------------------------------------------------------------------------------------------
// The plan

/** Hub `library_name` from the files a checkpoint carries. */
function libraryNameOf(files: FoundFile[]): string | undefined {
  const names = new Set(files.map((f) => f.rel))
  if (names.has('adapter_config.json')) return 'peft'
  if (names.has('config.json')) return 'transformers'
  return undefined
}

export async function planUpload(options: PlanUploadOptions): Promise<UploadPlan> {
  const workspace = path.resolve(options.workspaceDir)
  const checkpoint = path.resolve(workspace, options.checkpointPath)
  const problems: string[] = []
  const excludedMap = new Map<string, string>()
  const excluded = (abs: string, reason: string): void => {
    const key = shown(workspace, abs.endsWith(path.sep) ? abs.slice(0, -1) : abs) + (abs.endsWith(path.sep) ? '/' : '')
    if (!excludedMap.has(key)) excludedMap.set(key, reason)
  }
  const rules = compileRules(options.exclude)

  const checkpointInfo = await stat(checkpoint).catch(() => undefined)
  if (!checkpointInfo?.isDirectory()) {
    throw new UploadPlanError([`the winning checkpoint ${checkpoint} is not a folder that exists. Check checkpoint-dir.`])
  }

  // The winning checkpoint, at the repo root.
  const realCheckpoint = await realpath(checkpoint)
  const checkpointFiles = await walkFiles({
    root: checkpoint,
    boundary: realCheckpoint,
    skipFolder: (rel) => {
      const name = rel.split('/').pop() ?? ''
      if (SECRET_DIR_NAMES.includes(name)) return secretReason(rel)
      if (CHECKPOINT_FOLDER.test(name)) {
        return `another checkpoint (or DeepSpeed state) inside the winning one; only the winner's own files are uploaded`
      }
      return undefined
    },
    excluded
  })

  // The card.
  const extraValues: Record<string, string> = { metric_name: options.metricName }
  if (options.repoId) extraValues.repo_id = options.repoId
  if (options.runUrl) extraValues.run_url = options.runUrl
  const data = {
    benchmarks: options.benchmarks,
    scores: options.scores,
    evalAccuracy: options.evalAccuracy,
    step: options.step,
    checkpoint: options.checkpointName
  }
  const chosen = await chooseTemplate({ ...options, extraNames: Object.keys(extraValues) })
  let cardContent: string
  let links: LinkedFile[] = []
  let templateLabel: string | undefined
  if (chosen.source === 'generated' || !chosen.path) {
    cardContent = generateModelCard({
      ...data,
      metricName: options.metricName,
      repoId: options.repoId,
      runUrl: options.runUrl,
      libraryName: libraryNameOf(checkpointFiles)
    })
  } else {
    templateLabel = shown(workspace, chosen.path)
    const template = await readTemplate(chosen.path, templateLabel)
    let filledCard: string | undefined
    try {
      filledCard = fillModelCard({ ...data, template, templatePath: templateLabel, extraValues }).card
    } catch (e) {
      if (!(e instanceof ModelCardError)) throw e
      problems.push(...e.problems.map((p) => `${p.file}:${p.line}: ${p.message}`))
    }
    cardContent = filledCard ?? template
    // Links are read from the filled card, so `figures/loss_{step}.png` names the real file.
    links = await linkedFiles({ card: cardContent, templatePath: chosen.path, templateLabel, problems, excluded })
  }
  if (options.cardMetadata === 'model-index') {
    try {
      cardContent = addModelIndex(cardContent, {
        modelName: options.repoId?.split('/').pop() || options.checkpointName,
        benchmarks: options.benchmarks,
        scores: options.scores,
        evalAccuracy: options.evalAccuracy,
        datasetName: options.datasetName,
        cardPath: templateLabel
      })
    } catch (e) {
      if (!(e instanceof ModelCardError)) throw e
      problems.push(...e.problems.map((p) => `${p.file}:${p.line}: ${p.message}`))
    }
  }

  // Everything else, by repo path; two different local files for one repo path is an error.
  const files = new Map<string, PlannedFile>()
  const add = (file: PlannedFile, from: string): void => {
    const existing = files.get(file.pathInRepo)
    if (existing && existing.localPath !== file.localPath) {
      problems.push(
        `two files would be uploaded as "${file.pathInRepo}": ${shown(workspace, existing.localPath ?? 'the model card')} and ${shown(workspace, file.localPath ?? '')} (${from}). ` +
          `Rename one, or exclude one with an exclude pattern.`
      )
      return
    }
    files.set(file.pathInRepo, file)
  }
  const keep = (pathInRepo: string, abs: string, note = ''): boolean => {
    const secret = secretReason(pathInRepo)
    const reason = secret ?? excludeReason(rules, pathInRepo)
    if (reason) excluded(abs, reason + note)
    return !reason
  }

  for (const f of checkpointFiles) {
    if (f.rel === 'README.md') {
      if (chosen.source !== 'checkpoint') excluded(f.abs, 'replaced by the model card')
      continue
    }
    if (keep(f.rel, f.abs)) add({ pathInRepo: f.rel, localPath: f.abs, size: f.size, kind: kindOf(f.rel) }, 'the checkpoint')
  }
  for (const l of links) {
    if (keep(l.pathInRepo, l.abs, '; the card links it, so the Hub will show a broken link')) {
      add({ pathInRepo: l.pathInRepo, localPath: l.abs, size: l.size, kind: 'asset' }, 'linked from the card')
    }
  }
  const assets = await assetFiles({ workspace, checkpoint, patterns: options.assets, problems, excluded })
  for (const a of assets) {
    if (a.rel === 'README.md') {
      if (a.abs !== chosen.path) excluded(a.abs, 'README.md in the repo is the model card')
      continue
    }
    const other = isInside(checkpoint, a.abs) ? WINNER_ELSEWHERE : checkpointFolderReason(a.rel)
    if (other) {
      excluded(a.abs, other)
      continue
    }
    if (keep(a.rel, a.abs)) add({ pathInRepo: a.rel, localPath: a.abs, size: a.size, kind: 'asset' }, 'an asset')
  }

  if (problems.length > 0) throw new UploadPlanError(problems)

  const card: PlannedFile = { pathInRepo: 'README.md', content: cardContent, size: Buffer.byteLength(cardContent, 'utf8'), kind: 'card' }
  const sorted = [card, ...[...files.values()].sort((a, b) => (a.pathInRepo < b.pathInRepo ? -1 : a.pathInRepo > b.pathInRepo ? 1 : 0))]
  return {
    files: sorted,
    card: { source: chosen.source, ...(chosen.path ? { templatePath: chosen.path } : {}), content: cardContent },
    excluded: [...excludedMap].map(([p, reason]) => ({ path: p, reason })).sort((a, b) => (a.path < b.path ? -1 : 1)),
    totalBytes: sorted.reduce((sum, f) => sum + f.size, 0)
  }
}

// ---------------------------------------------------------------------------------------------
// The upload list shown in the summary and the dry run


function codeCell(text: string): string {
  const escaped = text.replace(/\|/g, '\\|')
  return text.includes('`') ? escaped : `\`${escaped}\``
}

/** A markdown table of the files (and what was left out); long lists are cut at maxRows. */
export function formatUploadList(plan: UploadPlan, options: { maxRows?: number } = {}): string {
  const maxRows = options.maxRows ?? 200
  const out = ['| File | Size | Kind |', '|---|---:|---|']
  for (const f of plan.files.slice(0, maxRows)) out.push(`| ${codeCell(f.pathInRepo)} | ${formatBytes(f.size)} | ${f.kind} |`)
  const rest = plan.files.slice(maxRows)
  if (rest.length > 0) {
    out.push(`| … and ${rest.length} more file${rest.length === 1 ? '' : 's'} | ${formatBytes(rest.reduce((s, f) => s + f.size, 0))} | |`)
  }
  out.push(`| **${plan.files.length} file${plan.files.length === 1 ? '' : 's'}** | **${formatBytes(plan.totalBytes)}** | |`)
  if (plan.excluded.length > 0) {
    out.push('', '**Not uploaded**', '', '| Path | Why |', '|---|---|')
    for (const e of plan.excluded.slice(0, maxRows)) out.push(`| ${codeCell(e.path)} | ${e.reason.replace(/\|/g, '\\|')} |`)
    if (plan.excluded.length > maxRows) out.push(`| … and ${plan.excluded.length - maxRows} more | |`)
  }
  return out.join('\n') + '\n'
}
