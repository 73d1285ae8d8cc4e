// A speed aid for cache-dir on a runner that keeps its checkpoints: the sha256 of each weight file
// is remembered with the file's identity on disk (device, inode, size, mtime and ctime in ns), and
// reused while all of these are unchanged, as git's index and DVC's state database do. Writing
// to a file changes its mtime and ctime (ctime can't be set back from user space), replacing it
// changes its inode, so a remembered hash is the hash of the bytes. The fingerprint is still a
// content hash: a fresh download or a copy is hashed again and gives the same fingerprint.
import { randomBytes } from 'node:crypto'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import type { BigIntStats } from 'node:fs'

interface Remembered {
  id: string
  sha256: string
}

export class FileHashes {
  private readonly byPath = new Map<string, Remembered>()
  private changed = false

  constructor(private readonly file?: string) {}

  /** The remembered hashes in `file`; an unreadable file is an empty memo (it only saves time). */
  static async load(file: string): Promise<FileHashes> {
    const memo = new FileHashes(file)
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { files?: Record<string, Remembered> }
      for (const [p, r] of Object.entries(parsed.files ?? {})) {
        if (typeof r?.id === 'string' && /^[0-9a-f]{64}$/.test(r.sha256 ?? '')) memo.byPath.set(p, r)
      }
    } catch {
      // None yet, or damaged: every file is hashed.
    }
    return memo
  }

  static identity(stats: BigIntStats): string {
    return [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join(':')
  }

  get(file: string, stats: BigIntStats): string | undefined {
    const r = this.byPath.get(file)
    return r && r.id === FileHashes.identity(stats) ? r.sha256 : undefined
  }

  set(file: string, stats: BigIntStats, sha256: string): void {
    this.byPath.set(file, { id: FileHashes.identity(stats), sha256 })
    this.changed = true
  }

  /** Writes the memo back (whole, then renamed); failures are ignored: it only saves time. */
  async save(): Promise<void> {
    if (!this.file || !this.changed) return
    const temp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`
    try {
      await writeFile(temp, JSON.stringify({ files: Object.fromEntries(this.byPath) }) + '\n')
      await rename(temp, this.file)
    } catch {
      await rm(temp, { force: true })
    }
  }
}
