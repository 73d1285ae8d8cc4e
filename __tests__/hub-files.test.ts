import { downloadRepoFile, publishToHub } from '../src/hub/index.js'
import { silentLogger } from '../src/util/log.js'
import { startHubServer } from './support/hub-server.js'
import type { HubServer } from './support/hub-server.js'

const TOKEN = 'hf_filesWriteToken0123456789'
const README = '---\nlicense: mit\n---\n# Published card\n'

describe('downloadRepoFile through the retrying transport against the loopback Hub', () => {
  let hub: HubServer

  beforeEach(async () => {
    hub = await startHubServer({ tokens: { [TOKEN]: { user: 'alice', role: 'write', orgs: ['acme'] } } })
    await publishToHub({
      hubUrl: hub.url,
      accessToken: TOKEN,
      repoId: 'acme/model',
      private: false,
      createPr: false,
      commitTitle: 'Publish',
      files: [{ pathInRepo: 'README.md', content: README }],
      log: silentLogger
    })
  })
  afterEach(() => hub.close())

  const download = (extra: Partial<Parameters<typeof downloadRepoFile>[0]> = {}): Promise<string | null> =>
    downloadRepoFile({
      hubUrl: hub.url,
      repoId: 'acme/model',
      path: 'README.md',
      retry: { sleep: async () => {} },
      ...extra
    })

  it('retries a 429 through the injected fetch and returns the file', async () => {
    hub.fault('resolve', { kind: 'status', status: 429, headers: { 'Retry-After': '0' } })
    const calls: string[] = []
    const recordingFetch: typeof fetch = (input, init) => {
      calls.push(String(input))
      return fetch(input, init)
    }
    expect(await download({ fetch: recordingFetch })).toBe(README)
    expect(calls).toEqual([
      `${hub.url}/acme/model/resolve/main/README.md`,
      `${hub.url}/acme/model/resolve/main/README.md`
    ])
  })

  it.each(['RepoNotFound', 'RepositoryNotFound'])('returns null for a missing repo (401 %s)', async (errorCode) => {
    hub.fault('resolve', { kind: 'status', status: 401, headers: { 'X-Error-Code': errorCode } })
    expect(await download()).toBeNull()
  })

  it('returns null for the 401 the Hub gives an anonymous caller of a repo that does not exist', async () => {
    expect(await download({ repoId: 'acme/missing' })).toBeNull()
  })

  it('returns null for a missing file (404)', async () => {
    expect(await download({ path: 'nope.md' })).toBeNull()
  })

  it('throws, with the token help, for a 401 that is not a missing repo', async () => {
    hub.fault('resolve', { kind: 'status', status: 401, headers: { 'X-Error-Code': 'InvalidCredentials' } })
    await expect(download()).rejects.toThrow(new RegExp(`HTTP 401 InvalidCredentials.*${hub.url}/settings/tokens`))
  })
})
