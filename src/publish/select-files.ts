// Which files may go up, by their path in the repo: secrets never, other checkpoints' folders
// never, training state not by default, and the user's exclude rules (gitignore-like) on top.
import path from 'node:path'
import picomatch from 'picomatch'
import { isCheckpointLikeName } from '../domain/checkpoint-names.js'
import type { UploadKind } from '../domain/publication.js'

/**
 * Token and credential files of the tools ML jobs use: never uploaded unless an exclude entry
 * `!<path>` names the file exactly (no glob). Matched on the file name, any case.
 */
export const SECRET_FILE_PATTERNS: readonly string[] = [
  // Hugging Face and generic token files
  'hf_token',
  'hf_token.*',
  '*_token',
  '*_token.txt',
  'token',
  'token.txt',
  '*.token',
  // Environment files (.env, .env.local, .envrc)
  '.env',
  '.env*',
  // Cloud service accounts and OAuth clients (Google Cloud, Firebase, Azure)
  'credentials',
  'credentials.json',
  '*credentials*.json',
  'application_default_credentials.json',
  'service-account*.json',
  'service_account*.json',
  '*-service-account*.json',
  'client_secret*.json',
  'client-secret*.json',
  'azureProfile.json',
  'accessTokens.json',
  // Secrets files of frameworks and tools
  'secrets.yaml',
  'secrets.yml',
  'secrets.json',
  'secrets.toml',
  'secret.yaml',
  'secret.yml',
  'secret.json',
  // Kaggle, W&B, Comet, Neptune, MLflow, Databricks
  'kaggle.json',
  '.comet.config',
  '.databrickscfg',
  // Shell and package-manager credentials
  '.netrc',
  '_netrc',
  '.git-credentials',
  '.npmrc',
  '.pypirc',
  '.yarnrc.yml',
  'pip.conf',
  '.dockercfg',
  '.s3cfg',
  '.boto',
  '.htpasswd',
  // Keys and certificates
  '*.pem',
  '*.key',
  '*.crt',
  '*.cer',
  '*.der',
  '*.p12',
  '*.pfx',
  '*.jks',
  '*.keystore',
  '*.gpg',
  '*.asc',
  'id_rsa*',
  'id_dsa*',
  'id_ecdsa*',
  'id_ed25519*'
]
/** Folders whose whole content is secret (a repo's config can hold a token in a remote URL). */
export const SECRET_DIR_NAMES: readonly string[] = [
  '.git',
  '.huggingface',
  '.ssh',
  '.aws',
  '.azure',
  '.gnupg',
  '.docker',
  '.kube',
  '.kaggle',
  'gcloud'
]
/** Files secret only in a folder of this name: `wandb/settings` (W&B can keep its API key there), the Hub's `stored_tokens`. */
const SECRET_FILES_IN_DIR: ReadonlyArray<readonly [string, string]> = [
  ['wandb', 'settings'],
  ['.docker', 'config.json'],
  ['huggingface', 'stored_tokens']
]

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

const secretFileMatcher = picomatch([...SECRET_FILE_PATTERNS], { dot: true, nocase: true })

/** Why a repo-relative path is a secret, or undefined. */
export function secretReason(relPath: string): string | undefined {
  const parts = relPath.split('/')
  const dir = parts.slice(0, -1).find((p) => SECRET_DIR_NAMES.includes(p))
  if (dir) return `secret: inside \`${dir}/\`; credential folders are never uploaded`
  const name = parts[parts.length - 1]
  if (SECRET_DIR_NAMES.includes(name)) return `secret: \`${name}/\` is never uploaded`
  const parent = parts[parts.length - 2]
  if (SECRET_FILES_IN_DIR.some(([dir, file]) => parent === dir && name === file)) {
    return `secret: \`${parent}/${name}\` holds credentials; files like it are never uploaded unless \`!${relPath}\` in exclude names it`
  }
  if (secretFileMatcher(name))
    return `secret: \`${name}\` looks like a token or credential file; these are never uploaded unless \`!${relPath}\` in exclude names it`
  return undefined
}

/** The credential folder a path is inside, if any. */
function secretFolderOf(relPath: string): string | undefined {
  return relPath
    .split('/')
    .slice(0, -1)
    .find((p) => SECRET_DIR_NAMES.includes(p))
}

/** Why a folder (by its relative path) is not walked at all, as a secret, or undefined. */
export function secretFolderReason(rel: string): string | undefined {
  return SECRET_DIR_NAMES.includes(path.posix.basename(rel)) ? secretReason(rel) : undefined
}

/** Why a path is inside another checkpoint's folder, or undefined. */
export function checkpointFolderReason(relPath: string): string | undefined {
  const folder = relPath.split('/').slice(0, -1).find(isCheckpointLikeName)
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

/**
 * Why a path in the repo must stay behind, or undefined when it may go up: a secret always; else
 * the last matching exclude rule (the training-state defaults first, then the user's), as in .gitignore.
 */
export function uploadFilter(exclude: string[]): (pathInRepo: string) => string | undefined {
  const rules = [
    ...DEFAULT_TRAINING_STATE_EXCLUDES.map((p) => compileRule(p, true)),
    ...exclude.flatMap((e) => e.split(/\r?\n/)).map((p) => compileRule(p, false))
  ].filter((r): r is ExcludeRule => r !== undefined)
  // `!path` without glob characters names one file: the only way to opt a listed file in.
  const optedIn = new Set(
    exclude
      .flatMap((e) => e.split(/\r?\n/))
      .map((e) => e.trim())
      .filter((e) => e.startsWith('!') && !/[*?[\]{}]/.test(e))
      .map((e) => e.slice(1).replace(/^\.?\//, ''))
  )
  return (pathInRepo) => {
    const secret = secretReason(pathInRepo)
    // A file in a credential folder (.git/, .ssh/) is never opted in.
    if (secret && !(optedIn.has(pathInRepo) && !secretFolderOf(pathInRepo))) return secret
    let hit: ExcludeRule | undefined
    for (const rule of rules) if (rule.test(pathInRepo)) hit = rule.negated ? undefined : rule
    if (!hit) return undefined
    return hit.isDefault
      ? `training state (\`${hit.pattern}\`), left out by default; add \`!${hit.pattern}\` to exclude to upload it`
      : `matches the exclude pattern \`${hit.pattern}\``
  }
}

const WEIGHTS_FILE =
  /(\.(safetensors|gguf|ggml|onnx|h5|msgpack|pt|pth|ckpt|tflite|mlmodel)$)|(^(pytorch_model|adapter_model|model|tf_model|flax_model)[^/]*\.bin$)/i

/** How a checkpoint's file is listed: its weights, or the rest of the checkpoint. */
export function kindOf(relPath: string): Extract<UploadKind, 'weights' | 'checkpoint'> {
  return WEIGHTS_FILE.test(path.posix.basename(relPath)) ? 'weights' : 'checkpoint'
}
