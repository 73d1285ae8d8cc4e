// loadBaselineFromHub reads the published card with the one Hub downloader, through the retrying
// transport, against the loopback Hub: a 429 on README.md is retried, a missing repo is "no
// baseline yet". The repos are seeded with the real @huggingface/hub client.

import { createRepo, uploadFile } from '@huggingface/hub'
import { loadBaselineFromHub } from '../src/baseline/index.js'
import type { Benchmark, MetricSpec } from '../src/domain/types.js'
import { startHubServer, type HubServer } from './support/hub-server.js'
import { recordingLogger } from './support/logger.js'

const TOKEN = 'hf_baselineWriteToken0123456789'
const benchmarks: Benchmark[] = [
  { id: 'math_reasoning', name: 'Math Reasoning', group: 'Core Reasoning Tasks' },
  { id: 'logical_reasoning', name: 'Logical Reasoning', group: 'Core Reasoning Tasks' },
  { id: 'code_gen', name: 'Code Generation', group: 'Code' }
]
const accuracy: MetricSpec = { name: 'eval_accuracy', greaterIsBetter: true }
const CARD = `---
tags:
  - checkpoint-eval
---
# model

| Group | Benchmark | Score |
|---|---|---:|
| **Core Reasoning Tasks** | Math Reasoning | 0.700 |
|  | Logical Reasoning | 0.724 |
| **Code** | Code Generation | — (no score) |
| | **Eval Accuracy** | **0.712** |
`
// No waiting in tests: the transport's backoff is recorded, not slept.
const retry = { baseDelayMs: 1, sleep: async () => {} }

describe('loadBaselineFromHub (the Hub downloader against the loopback Hub)', () => {
  let hub: HubServer
  let firstCommit: string

  const put = async (repoId: string, path: string, content: string): Promise<void> => {
    await uploadFile({
      repo: { type: 'model', name: repoId },
      file: { path, content: new Blob([content]) },
      accessToken: TOKEN,
      hubUrl: hub.url
    })
  }

  beforeAll(async () => {
    hub = await startHubServer({ tokens: { [TOKEN]: { user: 'alice', role: 'write', orgs: ['acme'] } } })
    for (const [name, isPrivate] of [
      ['acme/model', false],
      ['acme/no-card', false],
      ['acme/plain', false],
      ['acme/private', true]
    ] as const) {
      await createRepo({ repo: { type: 'model', name }, accessToken: TOKEN, hubUrl: hub.url, private: isPrivate })
    }
    await put('acme/model', 'README.md', '| Math Reasoning | 0.5 |\n\neval_accuracy: 0.5\n')
    firstCommit = hub.head('acme/model')!.oid
    await put('acme/model', 'README.md', CARD)
    await put('acme/no-card', 'config.json', '{}')
    await put('acme/plain', 'README.md', '# Just prose, no numbers.\n')
    await put('acme/private', 'README.md', CARD)
  })
  afterAll(() => hub.close())

  const base = { metric: accuracy, benchmarks, retry }
  const resolves = (repoId: string) =>
    hub.requests.filter((r) => r.route === 'resolve' && r.path.startsWith(`/${repoId}/`))

  it('reads the published card, sending the token', async () => {
    const before = resolves('acme/model').length
    const baseline = await loadBaselineFromHub({ ...base, hubUrl: hub.url, repoId: 'acme/model', accessToken: TOKEN })
    expect(baseline).toEqual({
      source: `${hub.url}/acme/model/blob/main/README.md`,
      evalAccuracy: 0.712,
      value: 0.712,
      scores: { math_reasoning: 0.7, logical_reasoning: 0.724, code_gen: null }
    })
    const mine = resolves('acme/model').slice(before)
    expect(mine).toHaveLength(1)
    expect(mine[0].authorized).toBe(true)
  })

  it('reads a given revision', async () => {
    const baseline = await loadBaselineFromHub({
      ...base,
      hubUrl: hub.url,
      repoId: 'acme/model',
      revision: firstCommit
    })
    expect(baseline).toMatchObject({
      source: `${hub.url}/acme/model/blob/${firstCommit}/README.md`,
      evalAccuracy: 0.5,
      scores: { math_reasoning: 0.5 }
    })
  })

  it('retries a 429 on README.md through the injected fetch and returns the card’s numbers', async () => {
    hub.fault('resolve', { kind: 'status', status: 429, headers: { 'Retry-After': '0' } })
    const before = resolves('acme/model')
    const seen: string[] = []
    const injected: typeof fetch = (input, init) => {
      seen.push(String(input))
      return fetch(input, init)
    }
    const baseline = await loadBaselineFromHub({ ...base, hubUrl: hub.url, repoId: 'acme/model', fetch: injected })
    expect(baseline).toMatchObject({ evalAccuracy: 0.712, scores: { math_reasoning: 0.7, logical_reasoning: 0.724 } })
    const after = resolves('acme/model').slice(before.length)
    expect(after.map((r) => r.status)).toEqual([429, 200])
    // Both attempts went through the injected fetch.
    expect(seen).toEqual([
      `${hub.url}/acme/model/resolve/main/README.md`,
      `${hub.url}/acme/model/resolve/main/README.md`
    ])
  })

  it('fails the gate only after the retries run out, naming the repo and the status', async () => {
    hub.fault('resolve', { kind: 'status', status: 503 }, 3)
    await expect(
      loadBaselineFromHub({ ...base, hubUrl: hub.url, repoId: 'acme/model', retry: { ...retry, maxAttempts: 3 } })
    ).rejects.toThrow(
      /^baseline: could not read README\.md of acme\/model@main from http:\/\/127\.0\.0\.1:\d+ \(.*HTTP 503.*\)\. Check `repo-id`/
    )
    expect(
      resolves('acme/model')
        .slice(-3)
        .map((r) => r.status)
    ).toEqual([503, 503, 503])
  })

  it.each([
    ['a repo that does not exist', 'acme/new-model', undefined],
    ['a repo that does not exist, asked with a token', 'acme/new-model', TOKEN],
    ['a repo without README.md', 'acme/no-card', undefined],
    ['a private repo seen without a token (401 RepositoryNotFound)', 'acme/private', undefined]
  ])('is null for %s (first publish), with a notice', async (_, repoId, accessToken) => {
    const log = recordingLogger()
    expect(await loadBaselineFromHub({ ...base, hubUrl: hub.url, repoId, accessToken, log })).toBeNull()
    expect(log.lines).toEqual([
      `notice: No baseline yet: ${repoId}@main has no README.md on ${hub.url} (first publish).`
    ])
  })

  it('is null for the 401 RepoNotFound the real Hub sends for a hidden repo', async () => {
    hub.fault('resolve', { kind: 'status', status: 401, headers: { 'X-Error-Code': 'RepoNotFound' } })
    const log = recordingLogger()
    expect(await loadBaselineFromHub({ ...base, hubUrl: hub.url, repoId: 'acme/hidden', log })).toBeNull()
    expect(log.lines).toEqual([expect.stringMatching(/^notice: No baseline yet: acme\/hidden@main has no README\.md/)])
  })

  it('is null for a revision that does not exist', async () => {
    expect(
      await loadBaselineFromHub({ ...base, hubUrl: hub.url, repoId: 'acme/model', revision: 'no-branch' })
    ).toBeNull()
  })

  it('is null with a notice when the card has no numbers to read', async () => {
    const log = recordingLogger()
    expect(await loadBaselineFromHub({ ...base, hubUrl: hub.url, repoId: 'acme/plain', log })).toBeNull()
    expect(log.lines).toEqual([
      expect.stringMatching(
        /^notice: No baseline: the model card at .*\/acme\/plain\/blob\/main\/README\.md has no scores this action can read/
      )
    ])
  })
})
