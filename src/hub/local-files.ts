// The files to publish, on this side: checked and sized before anything is sent, and hashed the
// way the Hub names blobs, once per run (the hash that tells whether the branch already holds a
// file is the one the upload sends).

import { createHash } from 'node:crypto'
import { open, readFile, stat } from 'node:fs/promises'
import { hashFileOnce } from '../util/file-pass.js'
import type { PublishFile } from './types.js'

export interface PreparedFile {
  path: string
  size: number
  source: PublishFile
}

/** Checks every path and source, and sizes every file. */
export async function prepareFiles(files: PublishFile[]): Promise<PreparedFile[]> {
  if (files.length === 0) throw new Error('Nothing to publish: the file list is empty.')
  const seen = new Set<string>()
  const prepared: PreparedFile[] = []
  for (const file of files) {
    const path = file.pathInRepo
    if (
      !path ||
      path.startsWith('/') ||
      path.includes('\\') ||
      path.split('/').some((s) => s === '' || s === '.' || s === '..')
    ) {
      throw new Error(
        `Invalid path in repo "${path}": use a relative posix path without "." or ".." segments, e.g. "eval/results.json".`
      )
    }
    if (seen.has(path))
      throw new Error(
        `"${path}" is listed twice among the files to publish; each path in the repo can be written once per commit.`
      )
    seen.add(path)
    if ((file.localPath === undefined) === (file.content === undefined)) {
      throw new Error(
        `"${path}": give either localPath or content, not ${file.localPath === undefined ? 'neither' : 'both'}.`
      )
    }
    prepared.push(file.localPath !== undefined ? await prepareLocalFile(path, file) : prepareContent(path, file))
  }
  return prepared
}

async function prepareLocalFile(path: string, file: PublishFile): Promise<PreparedFile> {
  const localPath = file.localPath as string
  const info = await stat(localPath).catch(() => null)
  // A folder (or a symlink to one) can't be one file of the repo.
  if (!info || !info.isFile()) {
    throw new Error(
      `"${path}": ${localPath} is ${info ? 'not a regular file' : 'missing'}; publish files, not folders.`
    )
  }
  return { path, size: info.size, source: file }
}

function prepareContent(path: string, file: PublishFile): PreparedFile {
  return { path, size: contentBytes(file)!.byteLength, source: file }
}

/** The bytes of a file given as content (not on disk), else undefined. */
export const inMemoryBytes = (file: PreparedFile): Uint8Array | undefined => contentBytes(file.source)

function contentBytes(source: PublishFile): Uint8Array | undefined {
  if (source.content === undefined) return undefined
  return typeof source.content === 'string' ? Buffer.from(source.content, 'utf8') : source.content
}

/** The whole file (small files only: they travel inside the commit). */
export async function fileBytes(file: PreparedFile): Promise<Buffer> {
  const bytes = contentBytes(file.source)
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : readFile(file.source.localPath!)
}

/** The first `length` bytes (the sample the Hub's preupload call looks at). */
export async function fileHead(file: PreparedFile, length: number): Promise<Buffer> {
  const bytes = contentBytes(file.source)
  if (bytes) return Buffer.from(bytes.subarray(0, length))
  const handle = await open(file.source.localPath!)
  try {
    const buffer = Buffer.alloc(Math.min(length, file.size))
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** The file's text as sent (to compare with what the Hub gives back). */
export async function sentText(source: PublishFile): Promise<string> {
  const bytes = contentBytes(source)
  return bytes ? Buffer.from(bytes).toString('utf8') : readFile(source.localPath as string, 'utf8')
}

/**
 * Hashes a file: bytes in memory here, a file on disk in 1 MiB reads (util/file-pass.ts; the
 * secret check's hash when it read the file already). Fails when the file's size changed since
 * it was prepared: what was checked must be what is sent.
 */
async function hashFile(algorithm: string, file: PreparedFile, prefix = ''): Promise<string> {
  const bytes = contentBytes(file.source)
  if (bytes) {
    const hash = createHash(algorithm)
    if (prefix) hash.update(prefix)
    return hash.update(bytes).digest('hex')
  }
  const { digest, bytes: read } = await hashFileOnce(algorithm, file.source.localPath!, prefix)
  if (read !== file.size) throw changedError(file, read)
  return digest!
}

function changedError(file: PreparedFile, bytes: number): Error {
  return new Error(
    `${file.source.localPath} changed while publishing (${bytes} bytes, ${file.size} when the run started): publish from files that are no longer being written.`
  )
}

// One hash per file and kind, whoever asks first (the re-run check or the upload).
const sha256s = new WeakMap<PreparedFile, Promise<string>>()
const gitOids = new WeakMap<PreparedFile, Promise<string>>()

function memo(cache: WeakMap<PreparedFile, Promise<string>>, file: PreparedFile, compute: () => Promise<string>) {
  let hash = cache.get(file)
  if (!hash) {
    hash = compute()
    cache.set(file, hash)
  }
  return hash
}

/** The sha256 the Hub reports as the `lfs.oid` of an LFS file (and the upload's oid). */
export const sha256Of = (file: PreparedFile): Promise<string> => memo(sha256s, file, () => hashFile('sha256', file))
/** Git's id of a blob, which the Hub reports as `oid` of a regular file. */
export const gitBlobOid = (file: PreparedFile): Promise<string> =>
  memo(gitOids, file, () => hashFile('sha1', file, `blob ${file.size}\0`))
