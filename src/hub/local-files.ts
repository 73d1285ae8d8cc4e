// The files to publish, on this side: checked and sized before anything is sent, and hashed the
// way the Hub names blobs, to tell whether a commit already holds them.

import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import type { CommitOperation } from '@huggingface/hub'
import type { PublishFile } from './types.js'

export interface PreparedFile {
  path: string
  size: number
  source: PublishFile
  operation: CommitOperation
}

/** Checks every path and source, and turns each file into a commit operation. */
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
  // A folder (or a symlink to one) would be uploaded as its files under `path/`, or throw EISDIR.
  if (!info || !info.isFile()) {
    throw new Error(
      `"${path}": ${localPath} is ${info ? 'not a regular file' : 'missing'}; publish files, not folders.`
    )
  }
  // A file: URL makes the client read the file lazily, in slices, instead of loading it.
  return {
    path,
    size: info.size,
    source: file,
    operation: { operation: 'addOrUpdate', path, content: pathToFileURL(localPath) }
  }
}

function prepareContent(path: string, file: PublishFile): PreparedFile {
  const blob = new Blob([file.content as string | Uint8Array<ArrayBuffer>])
  return { path, size: blob.size, source: file, operation: { operation: 'addOrUpdate', path, content: blob } }
}

function contentBytes(source: PublishFile): Uint8Array | undefined {
  if (source.content === undefined) return undefined
  return typeof source.content === 'string' ? Buffer.from(source.content, 'utf8') : source.content
}

/** The file's text as sent (to compare with what the Hub gives back). */
export async function sentText(source: PublishFile): Promise<string> {
  const bytes = contentBytes(source)
  return bytes ? Buffer.from(bytes).toString('utf8') : readFile(source.localPath as string, 'utf8')
}

async function hashFile(algorithm: string, source: PublishFile, prefix?: (size: number) => string): Promise<string> {
  const hash = createHash(algorithm)
  const bytes = contentBytes(source)
  if (bytes) {
    if (prefix) hash.update(prefix(bytes.byteLength))
    hash.update(bytes)
    return hash.digest('hex')
  }
  const path = source.localPath as string
  if (prefix) hash.update(prefix((await stat(path)).size))
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The sha256 the Hub reports as the `lfs.oid` of an LFS file. */
export const sha256Of = (source: PublishFile): Promise<string> => hashFile('sha256', source)
/** Git's id of a blob, which the Hub reports as `oid` of a regular file. */
export const gitBlobOid = (source: PublishFile): Promise<string> => hashFile('sha1', source, (size) => `blob ${size}\0`)
