// Checking a commit after upload by reading the repo back: a commit the Hub accepted can still
// miss a file or hold a truncated one, and a run must not report that as published.

import { listTree, readRepoFile } from './files.js'
import type { RepoAccess } from './files.js'
import { sentText } from './local-files.js'
import type { PreparedFile } from './local-files.js'

export interface VerifyCommitOptions extends RepoAccess {
  commitSha: string
  files: PreparedFile[]
}

/** Every file is at the commit with its size, and README.md reads back byte for byte. */
export async function verifyCommit(options: VerifyCommitOptions): Promise<void> {
  const { commitSha, files } = options
  const tree = await listTree(options, commitSha)
  const problems: string[] = []
  for (const file of files) {
    const entry = tree.get(file.path)
    if (!entry) problems.push(`${file.path} is missing`)
    else if (entry.size !== file.size) problems.push(`${file.path} has ${entry.size} bytes, ${file.size} were sent`)
  }
  const readme = files.find((f) => f.path === 'README.md')
  if (readme && problems.length === 0) {
    const remote = await readRepoFile({ ...options, path: 'README.md', revision: commitSha })
    if (remote === null) problems.push('README.md could not be downloaded back')
    else if (remote !== (await sentText(readme.source)))
      problems.push('README.md downloaded back differs from the one sent')
  }
  if (problems.length > 0) {
    throw new Error(
      `the Hub's copy doesn't match what was sent: ${problems.join('; ')}. Look at ${options.hubUrl}/${options.repoId}/tree/${commitSha}`
    )
  }
}
