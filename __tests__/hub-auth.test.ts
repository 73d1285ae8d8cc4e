import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assertCanWrite, exchangeOidcToken, readLocalToken, whoami } from '../src/hub/index.js'
import { createHubFetch } from '../src/hub/transport.js'
import { startHubServer } from './support/hub-server.js'
import type { HubServer } from './support/hub-server.js'
import { startOidcServer } from './support/oidc-server.js'
import type { OidcServer } from './support/oidc-server.js'

const WRITE = 'hf_writeTokenForAuthTests0001'
const READ = 'hf_readTokenForAuthTests00001'
const UNKNOWN = 'hf_unknownTokenForAuthTests01'

describe('whoami against the loopback Hub', () => {
  let hub: HubServer
  beforeAll(async () => {
    hub = await startHubServer({
      tokens: { [WRITE]: { user: 'alice', role: 'write' }, [READ]: { user: 'bob', role: 'read' } }
    })
  })
  afterAll(() => hub.close())

  it('reports a write token', async () => {
    await expect(whoami({ hubUrl: hub.url, accessToken: WRITE })).resolves.toEqual({
      name: 'alice',
      canWrite: true,
      tokenRole: 'write'
    })
    expect(hub.requests.at(-1)).toMatchObject({ route: 'whoami', authorized: true, status: 200 })
    expect(JSON.stringify(hub.requests)).not.toContain(WRITE)
  })

  it('reports a read-only token, and assertCanWrite explains the fix', async () => {
    const info = await whoami({ hubUrl: hub.url, accessToken: READ })
    expect(info).toEqual({ name: 'bob', canWrite: false, tokenRole: 'read' })
    let message = ''
    try {
      assertCanWrite(info, { hubUrl: hub.url, repoId: 'bob/model' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/token of "bob" is read-only \(role "read"\), so it can't publish to bob\/model/)
    expect(message).toContain(`${hub.url}/settings/tokens`)
    expect(() =>
      assertCanWrite({ name: 'alice', canWrite: true, tokenRole: 'write' }, { hubUrl: hub.url, repoId: 'alice/m' })
    ).not.toThrow()
  })

  it('explains a 401 without echoing the token', async () => {
    const error = await whoami({ hubUrl: hub.url, accessToken: UNKNOWN }).catch((e: Error) => e)
    expect((error as Error).message).toMatch(
      /rejected by .*\/api\/whoami-v2 \(401\): it is wrong, expired or revoked\. Create a token with the "write" role/
    )
    expect((error as Error).message).not.toContain(UNKNOWN)
  })

  it('rejects a token that is not a Hub token before any request', async () => {
    const before = hub.requests.length
    await expect(whoami({ hubUrl: hub.url, accessToken: 'ghp_notAHubToken' })).rejects.toThrow(
      /malformed: Hub tokens start with "hf_"/
    )
    expect(hub.requests.length).toBe(before)
  })
})

describe('exchangeOidcToken (trusted publishing)', () => {
  let hub: HubServer
  let oidc: OidcServer
  beforeAll(async () => {
    oidc = await startOidcServer({ claims: { repository: 'acme/training', workflow: 'publish.yml' } })
    hub = await startHubServer({
      oidc: {
        audience: 'https://huggingface.co',
        publishers: [{ repoId: 'acme/model', claims: { repository: 'acme/training', workflow: 'publish.yml' } }]
      }
    })
  })
  afterAll(async () => {
    await hub.close()
    await oidc.close()
  })

  const base = () => ({
    hubUrl: hub.url,
    repoId: 'acme/model',
    idTokenRequestUrl: oidc.requestUrl,
    idTokenRequestToken: oidc.requestToken,
    audience: 'https://huggingface.co',
    fetch: createHubFetch({ retry: { baseDelayMs: 1 } })
  })

  it('gets a GitHub ID token for the Hub audience and exchanges it for a short-lived hf_ token that works', async () => {
    const token = await exchangeOidcToken(base())
    expect(token).toMatch(/^hf_jwt_/)
    expect(oidc.requests.at(-1)).toEqual({ audience: 'https://huggingface.co', authorized: true })
    expect(await whoami({ hubUrl: hub.url, accessToken: token })).toEqual({
      name: 'acme',
      canWrite: true,
      tokenRole: 'fineGrained'
    })
  })

  it('asks for the hub URL as audience by default', async () => {
    await exchangeOidcToken({ ...base(), audience: undefined }).catch(() => undefined)
    expect(oidc.requests.at(-1)?.audience).toBe(hub.url)
  })

  it('explains a wrong audience with the claims to match, never the tokens', async () => {
    const error = (await exchangeOidcToken({ ...base(), audience: 'https://example.invalid' }).catch(
      (e: Error) => e
    )) as Error
    expect(error.message).toMatch(
      /refused to exchange the GitHub OIDC token for a token on acme\/model .*HTTP 400\): invalid_grant: The token audience does not match/
    )
    expect(error.message).toContain('repository="acme/training"')
    expect(error.message).toContain('aud="https://example.invalid"')
    expect(error.message).toContain('/acme/model/settings')
    expect(error.message).not.toContain(oidc.lastToken!)
    expect(error.message).not.toContain(oidc.requestToken)
  })

  it('explains a repo with no matching trusted publisher', async () => {
    await expect(exchangeOidcToken({ ...base(), repoId: 'acme/other' })).rejects.toThrow(
      /No trusted publisher of acme\/other matches/
    )
  })

  it('explains a missing id-token permission', async () => {
    await expect(exchangeOidcToken({ ...base(), idTokenRequestUrl: undefined })).rejects.toThrow(
      /permissions: id-token: write/
    )
    const error = (await exchangeOidcToken({ ...base(), idTokenRequestToken: 'wrong-request-token' }).catch(
      (e: Error) => e
    )) as Error
    expect(error.message).toMatch(/Could not get an OIDC ID token from GitHub .*HTTP 401/)
    expect(error.message).not.toContain('wrong-request-token')
  })
})

describe('readLocalToken', () => {
  let home: string
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'hub-auth-home-'))
    await mkdir(join(home, '.cache', 'huggingface'), { recursive: true })
    await writeFile(join(home, '.cache', 'huggingface', 'token'), 'hf_fromDefaultFile\n')
    await writeFile(join(home, 'explicit'), '  hf_fromExplicitFile \n')
  })
  afterEach(() => rm(home, { recursive: true, force: true }))

  it('prefers HF_TOKEN, then the explicit file, then HF_HOME/token, then ~/.cache/huggingface/token', async () => {
    const explicit = join(home, 'explicit')
    expect(await readLocalToken({ env: { HF_TOKEN: 'hf_fromEnv' }, tokenFile: explicit, homeDir: home })).toEqual({
      token: 'hf_fromEnv',
      source: 'the HF_TOKEN environment variable'
    })
    expect(await readLocalToken({ env: { HF_TOKEN: '  ' }, tokenFile: explicit, homeDir: home })).toEqual({
      token: 'hf_fromExplicitFile',
      source: `the token file ${explicit}`
    })
    await mkdir(join(home, 'hfhome'))
    await writeFile(join(home, 'hfhome', 'token'), 'hf_fromHfHome')
    expect(await readLocalToken({ env: { HF_HOME: join(home, 'hfhome') }, homeDir: home })).toMatchObject({
      token: 'hf_fromHfHome'
    })
    expect(await readLocalToken({ env: {}, homeDir: home })).toEqual({
      token: 'hf_fromDefaultFile',
      source: `the token file ${join(home, '.cache', 'huggingface', 'token')}`
    })
  })

  it('returns null when there is no token anywhere', async () => {
    await expect(
      readLocalToken({ env: { HF_HOME: join(home, 'nowhere') }, homeDir: join(home, 'nobody') })
    ).resolves.toBeNull()
  })

  it('fails clearly for a named token file that is missing or empty', async () => {
    await expect(readLocalToken({ env: {}, tokenFile: join(home, 'missing'), homeDir: home })).rejects.toThrow(
      /does not exist or can't be read\. Fix the path/
    )
    await writeFile(join(home, 'empty'), '\n')
    await expect(readLocalToken({ env: {}, tokenFile: join(home, 'empty'), homeDir: home })).rejects.toThrow(/is empty/)
  })
})
