// Deadlines of the Hub transport against the loopback Hub: a request that is never answered
// fails with an error naming it (and is not retried), the publish deadline cuts a request short,
// the log is told while a request waits, and real uploads (LFS, multipart) pass through the
// byte-counting body untouched.
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { whoAmI } from '@huggingface/hub'
import { publishToHub } from '../src/hub/commit.js'
import { createHubFetch } from '../src/hub/transport.js'
import { createTimedFetch, HubTimeoutError } from '../src/hub/timed-fetch.js'
import { recordingLogger } from './support/logger.js'
import { startHubServer, type HubServer } from './support/hub-server.js'

const TOKEN = 'hf_timeoutWriteToken000000'
const MiB = 1024 * 1024

let hub: HubServer
beforeEach(async () => {
  hub = await startHubServer({
    tokens: { [TOKEN]: { user: 'alice', role: 'write' } },
    multipartThreshold: 4 * MiB,
    partSize: 2 * MiB
  })
})
afterEach(() => hub.close())

describe('createTimedFetch', () => {
  it('fails a request that is never answered, naming it and the input to raise, without retrying it', async () => {
    hub.fault('whoami', { kind: 'never-answer' })
    const waiting: string[] = []
    const fetch = createHubFetch({
      fetch: createTimedFetch({ timeoutMs: 400, waitingEveryMs: 150, onWaiting: (m) => waiting.push(m) }),
      retry: { sleep: async () => {} }
    })
    const error = await whoAmI({ hubUrl: hub.url, accessToken: TOKEN, fetch }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HubTimeoutError)
    expect((error as Error).message).toBe(
      `the Hub did not answer for 400ms (hub-timeout) on GET ${hub.url}/api/whoami-v2; the request was abandoned. ` +
        `Check that the Hub (${hub.url}) is reachable from this runner and up, or raise hub-timeout if it is just slow.`
    )
    expect(hub.count('whoami')).toBe(1)
    expect(waiting[0]).toMatch(
      new RegExp(`^Still waiting for the Hub: GET ${hub.url}/api/whoami-v2 \\(\\d+s without an answer\\)$`)
    )
  })

  it('aborts a request in flight when the deadline signal fires, saying which request it cut short', async () => {
    hub.fault('whoami', { kind: 'never-answer' })
    const deadline = new AbortController()
    const fetch = createTimedFetch({ timeoutMs: 60_000, signal: deadline.signal })
    setTimeout(() => deadline.abort(new Error('publish-timeout (2h) ran out')), 200)
    await expect(whoAmI({ hubUrl: hub.url, accessToken: TOKEN, fetch })).rejects.toThrow(
      `publish-timeout (2h) ran out while waiting for GET ${hub.url}/api/whoami-v2`
    )
  })

  it('passes answers, and LFS and multipart uploads, through intact', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-timeouts-'))
    try {
      const small = randomBytes(3 * MiB + 5)
      const big = randomBytes(5 * MiB + 7)
      await writeFile(join(dir, 'a.safetensors'), small)
      await writeFile(join(dir, 'b.safetensors'), big)
      const result = await publishToHub({
        hubUrl: hub.url,
        accessToken: TOKEN,
        repoId: 'alice/timed',
        private: false,
        createPr: false,
        commitTitle: 'timed',
        commitDescription: '',
        files: [
          { pathInRepo: 'README.md', content: '# timed\n' },
          { pathInRepo: 'a.safetensors', localPath: join(dir, 'a.safetensors') },
          { pathInRepo: 'b.safetensors', localPath: join(dir, 'b.safetensors') }
        ],
        log: recordingLogger(),
        fetch: createTimedFetch({ timeoutMs: 5000 })
      })
      expect(result.commitSha).toMatch(/^[0-9a-f]{40}$/)
      expect(hub.count('lfs-part')).toBeGreaterThan(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
