import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BaselineScores } from '../src/domain/types.js'
import { evaluateGate, type GateResult } from '../src/domain/gate.js'
import { pullRequestFromEvent, upsertPullRequestComment } from '../src/github/pr-comment.js'
import { COMMENT_MARKER, MAX_COMMENT_LENGTH, renderPullRequestComment } from '../src/report/comment-body.js'
import { compareWithBaseline } from '../src/domain/compare.js'
import { renderComparisonMarkdown } from '../src/report/comparison.js'
import { baselineLabel, baselineShownAs } from '../src/report/links.js'
import type { Benchmark, MetricSpec } from '../src/domain/types.js'
import { startFakeGitHubApi, type FakeGitHubApi } from './support/github-api-server.js'
import { recordingLogger } from './support/logger.js'

const accuracy: MetricSpec = { name: 'eval_accuracy', greaterIsBetter: true }
const loss: MetricSpec = { name: 'eval_loss', greaterIsBetter: false }
const benchmarks: Benchmark[] = [
  { id: 'math_reasoning', name: 'Math Reasoning', group: 'Core' },
  { id: 'logical_reasoning', name: 'Logical Reasoning', group: 'Core' },
  { id: 'perplexity', name: 'Perplexity', group: 'Language', higherIsBetter: false },
  { id: 'code_gen', name: 'Code Generation', group: 'Code' },
  { id: 'safety', name: 'Safety', group: 'Other' }
]
const baseline: BaselineScores = {
  source: 'https://huggingface.co/acme/model',
  evalAccuracy: 0.7,
  value: 0.45,
  scores: { math_reasoning: 0.7, logical_reasoning: 0.73, perplexity: 12.5, code_gen: null, safety: 0.9 }
}
const winner = {
  evalAccuracy: 0.712,
  value: 0.42,
  scores: { math_reasoning: 0.712, logical_reasoning: 0.7304, perplexity: 12.2, code_gen: 0.5, safety: null }
}

describe('compareWithBaseline / renderComparisonMarkdown', () => {
  it('puts eval_accuracy first, then the metric, then benchmarks, with direction-aware verdicts', () => {
    const rows = compareWithBaseline({ benchmarks, winner, baseline, metric: loss })
    expect(rows.map((r) => [r.id, r.change])).toEqual([
      ['eval_accuracy', 'better'],
      ['eval_loss', 'better'],
      ['math_reasoning', 'better'],
      ['logical_reasoning', 'same'],
      ['perplexity', 'better'],
      ['code_gen', 'new'],
      ['safety', 'missing']
    ])
    expect(rows[0].delta).toBe(0.012)
    expect(renderComparisonMarkdown(rows, { baselineSource: baseline.source })).toBe(
      [
        '| Benchmark | Baseline | This run | Change |',
        '| :--- | ---: | ---: | :--- |',
        '| **eval_accuracy** | 0.700 | 0.712 | ▲ +0.012 ✅ |',
        '| eval_loss (lower is better) | 0.450 | 0.420 | ▼ -0.030 ✅ |',
        '| Math Reasoning | 0.700 | 0.712 | ▲ +0.012 ✅ |',
        '| Logical Reasoning | 0.730 | 0.730 | = 0.000 |',
        '| Perplexity (lower is better) | 12.500 | 12.200 | ▼ -0.300 ✅ |',
        '| Code Generation | – | 0.500 | new |',
        '| Safety | 0.900 | – | missing in this run |',
        '',
        'Baseline: https://huggingface.co/acme/model'
      ].join('\n')
    )
  })

  it('marks drops as worse, and a rising lower-is-better score as worse too', () => {
    const rows = compareWithBaseline({
      benchmarks,
      winner: { evalAccuracy: 0.707, value: 0.707, scores: { perplexity: 13 } },
      baseline: { ...baseline, evalAccuracy: 0.712, value: 0.712 },
      metric: accuracy
    })
    expect(rows).toHaveLength(1 + benchmarks.length)
    const markdown = renderComparisonMarkdown(rows)
    expect(markdown).toContain('| **eval_accuracy** | 0.712 | 0.707 | ▼ -0.005 ❌ |')
    expect(markdown).toContain('| Perplexity (lower is better) | 12.500 | 13.000 | ▲ +0.500 ❌ |')
  })
})

function passedGate(): GateResult {
  return evaluateGate({
    metric: accuracy,
    winnerValue: 0.712,
    winnerScores: {},
    minScore: 0.7,
    baselineRequested: false
  })
}

describe('renderPullRequestComment', () => {
  it('stands alone: its title first and biggest, the winner, the changes, the checks, the ranking folded, links', () => {
    const comparison = renderComparisonMarkdown(
      compareWithBaseline({ benchmarks, winner, baseline, metric: accuracy }),
      {
        baselineSource: baselineLabel(
          '/home/runner/work/models/models/baseline/scores.json',
          '/home/runner/work/models/models',
          {
            serverUrl: 'https://github.com',
            repository: 'acme/models',
            sha: 'abc123'
          }
        )
      }
    )
    const body = renderPullRequestComment({
      metric: accuracy,
      winner: { name: 'step_3000', step: 3000, evalAccuracy: 0.712, value: 0.712 },
      gate: passedGate(),
      comparisonMarkdown: comparison,
      rankingMarkdown: '| Checkpoint | eval_accuracy |\n|---|---|\n| step_3000 | 0.712 |',
      rankingTitle: 'Ranking of all 1 checkpoints',
      runUrl: 'https://github.com/acme/models/actions/runs/1',
      artifactUrl: 'https://github.com/acme/models/actions/runs/1/artifacts/42'
    })
    expect(body.startsWith(`${COMMENT_MARKER}\n## ✅ Checkpoint eval: gate passed\n\n`)).toBe(true)
    // Nothing in it is a bigger heading than its title, and no heading is nested in the fold.
    expect(body.match(/^#{1,2} /gm)).toHaveLength(1)
    expect(body.match(/^#+ /gm)).toHaveLength(1)
    // The winner and the comparison are separate paragraphs.
    expect(body).toContain(
      '🏆 **Winner:** `step_3000` (step 3000) · eval_accuracy **0.712**\n\n**Compared with the baseline**\n\n'
    )
    expect(body).toContain(comparison)
    expect(body).toContain(
      'Baseline: [`baseline/scores.json`](https://github.com/acme/models/blob/abc123/baseline/scores.json)'
    )
    expect(body).not.toContain('/home/runner')
    expect(body).toContain('- ✅ `min-score`: eval_accuracy 0.712 >= min-score 0.700')
    expect(body).toMatch(/<details><summary>Ranking of all 1 checkpoints<\/summary>\n\n\| Checkpoint[\s\S]*<\/details>/)
    expect(body).toContain(
      '[Run summary](https://github.com/acme/models/actions/runs/1) · [scores.json and scores.csv](https://github.com/acme/models/actions/runs/1/artifacts/42)'
    )
  })

  it('names a baseline by a link or a file name, never a runner path', () => {
    const ws = '/home/runner/work/m/m'
    expect(baselineLabel('https://huggingface.co/acme/m/blob/main/README.md', ws)).toBe(
      '[model card](https://huggingface.co/acme/m/blob/main/README.md)'
    )
    expect(baselineLabel(`${ws}/base/scores.json`, ws)).toBe('`base/scores.json`')
    expect(baselineLabel('/home/runner/work/_temp/baseline/scores.json', ws)).toBe('`scores.json`')
    expect(baselineShownAs(`${ws}/base/scores.json`, ws)).toBe('base/scores.json')
    expect(baselineShownAs('/home/runner/work/_temp/baseline/scores.json', ws)).toBe('scores.json')
    expect(baselineShownAs('https://huggingface.co/acme/m', ws)).toBe('https://huggingface.co/acme/m')
  })

  it('says when there is no winner and the gate failed', () => {
    const gate = evaluateGate({
      metric: loss,
      winnerValue: null,
      winnerScores: {},
      minScore: 0.5,
      baselineRequested: false
    })
    const body = renderPullRequestComment({
      metric: loss,
      winner: null,
      gate,
      baselineNote: 'No baseline yet: first run.'
    })
    expect(body).toContain('## ❌ Checkpoint eval: gate failed')
    expect(body).toContain('**No winner:** no checkpoint could be ranked by eval_loss.')
    expect(body).toContain('No baseline yet: first run.')
    expect(body).toContain('- ❌ `min-score`: no checkpoint could be ranked')
  })

  it('stays under 65,536 characters with huge tables, folding with a note and a link', () => {
    const many: Benchmark[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `b${i}`,
      name: `Benchmark number ${i}`,
      group: 'g'
    }))
    const scores = Object.fromEntries(many.map((b, i) => [b.id, (i % 1000) / 1000]))
    const comparison = renderComparisonMarkdown(
      compareWithBaseline({
        benchmarks: many,
        winner: { evalAccuracy: 0.5, value: 0.5, scores },
        baseline: { source: 'x', evalAccuracy: 0.4, value: 0.4, scores },
        metric: accuracy
      })
    )
    const fullTable = [
      '| Checkpoint | ' + many.map((b) => b.name).join(' | ') + ' |',
      ...Array.from({ length: 50 }, (_, i) => `| step_${i} | ${'0.500 | '.repeat(3000)}`)
    ].join('\n')
    expect(comparison.length + fullTable.length).toBeGreaterThan(1_000_000)
    const runUrl = 'https://github.com/acme/models/actions/runs/7'

    const body = renderPullRequestComment({
      metric: accuracy,
      winner: { name: 'step_1', evalAccuracy: 0.5, value: 0.5 },
      gate: passedGate(),
      comparisonMarkdown: comparison,
      rankingMarkdown: fullTable,
      runUrl
    })
    expect(body.length).toBeLessThan(MAX_COMMENT_LENGTH)
    // The comparison keeps its head rows (eval_accuracy first) and says how much was left out.
    expect(body).toContain('| **eval_accuracy** | 0.400 | 0.500 | ▲ +0.100 ✅ |')
    expect(body).toMatch(
      new RegExp(`_\\d+ more lines not shown: see \\[the run summary\\]\\(${runUrl.replace(/[/.]/g, '\\$&')}\\)\\._`)
    )
    // No room left for the full table: replaced by a pointer, not cut mid-row.
    expect(body).toContain('_The ranking is too long for a comment: see [the run summary]')
    expect(body).toContain('- ✅ `min-score`')
    // Every table line that made it in is whole.
    for (const line of body.split('\n').filter((l) => l.startsWith('| '))) expect(line.endsWith('|')).toBe(true)
  })

  it('folds a long full table by rows inside <details> when the comparison is small', () => {
    const fullTable = [
      '| Checkpoint | Score |',
      '|---|---|',
      ...Array.from({ length: 5000 }, (_, i) => `| step_${i} | 0.${String(i).padStart(3, '0')} |`)
    ].join('\n')
    const body = renderPullRequestComment({
      metric: accuracy,
      winner: null,
      gate: passedGate(),
      rankingMarkdown: fullTable
    })
    expect(body.length).toBeLessThanOrEqual(65_000)
    expect(body).toMatch(
      /<details>[\s\S]*\| step_0 \| 0\.000 \|[\s\S]*more lines not shown: see the run summary\._\n\n<\/details>/
    )
  })
})

describe('upsertPullRequestComment (real Octokit from @actions/github against a loopback API)', () => {
  let api: FakeGitHubApi
  beforeEach(async () => {
    api = await startFakeGitHubApi()
  })
  afterEach(async () => {
    await api.close()
  })

  const target = { token: 'ghs_test', owner: 'acme', repo: 'models', issueNumber: 7 }

  it('creates the comment on the first run and updates the same one on the next', async () => {
    const log = recordingLogger()
    api.seed('acme', 'models', 7, ['LGTM', 'Please add a test'])

    const first = await upsertPullRequestComment({ ...target, body: 'first run', log, apiUrl: api.url })
    expect(first).toMatchObject({
      action: 'created',
      url: expect.stringContaining('https://github.com/acme/models/pull/7#issuecomment-')
    })
    const second = await upsertPullRequestComment({ ...target, body: 'second run', log, apiUrl: api.url })
    expect(second).toMatchObject({ action: 'updated', url: (first as { url: string }).url })

    const ours = api.comments('acme', 'models', 7).filter((c) => c.body.includes(COMMENT_MARKER))
    expect(ours).toHaveLength(1)
    expect(ours[0].body).toBe(`${COMMENT_MARKER}\nsecond run`)
    expect(api.comments('acme', 'models', 7)).toHaveLength(3)
    expect(api.requests.every((r) => r.authorization === 'token ghs_test')).toBe(true)
    expect(api.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'PATCH'])
  })

  it('pages through every comment to find the marker on page 2', async () => {
    const log = recordingLogger()
    api.seed(
      'acme',
      'models',
      7,
      Array.from({ length: 130 }, (_, i) => `comment ${i}`)
    )
    api.seed('acme', 'models', 7, [`${COMMENT_MARKER}\nold report`], { login: 'github-actions[bot]', type: 'Bot' })
    api.seed('acme', 'models', 7, [`> ${COMMENT_MARKER}\n> quoted by a reviewer`])

    const result = await upsertPullRequestComment({
      ...target,
      body: `${COMMENT_MARKER}\nnew report`,
      log,
      apiUrl: api.url
    })
    expect(result.action).toBe('updated')
    const gets = api.requests.filter((r) => r.method === 'GET').map((r) => r.url)
    expect(gets).toEqual([
      '/repos/acme/models/issues/7/comments?per_page=100',
      '/repos/acme/models/issues/7/comments?per_page=100&page=2'
    ])
    const thread = api.comments('acme', 'models', 7)
    expect(thread).toHaveLength(132)
    expect(thread[130].body).toBe(`${COMMENT_MARKER}\nnew report`)
    expect(thread[131].body).toContain('quoted by a reviewer')
  })

  it('keeps separate comments for separate markers', async () => {
    const log = recordingLogger()
    await upsertPullRequestComment({
      ...target,
      body: 'shard 0',
      marker: '<!-- checkpoint-eval:comment:0 -->',
      log,
      apiUrl: api.url
    })
    await upsertPullRequestComment({
      ...target,
      body: 'shard 1',
      marker: '<!-- checkpoint-eval:comment:1 -->',
      log,
      apiUrl: api.url
    })
    expect(api.comments('acme', 'models', 7)).toHaveLength(2)
  })

  it('skips with a notice when the token cannot write (fork PR: 403)', async () => {
    const log = recordingLogger()
    api.failWith({ status: 403, message: 'Resource not accessible by integration', method: 'POST' })
    const result = await upsertPullRequestComment({ ...target, body: 'report', log, apiUrl: api.url })
    expect(result).toEqual({
      action: 'skipped',
      reason: expect.stringContaining('HTTP 403: Resource not accessible by integration')
    })
    expect(log.lines).toEqual([
      expect.stringMatching(
        /^notice: Skipped the pull request comment: the token can't create a comment on acme\/models#7 .*forks.*pull-requests: write.*job summary has the full report/
      )
    ])
    expect(api.comments('acme', 'models', 7)).toHaveLength(0)
  })

  it('skips on 404 too (no access to the repository)', async () => {
    api.failWith({ status: 404, message: 'Not Found' })
    const result = await upsertPullRequestComment({
      ...target,
      body: 'report',
      log: recordingLogger(),
      apiUrl: api.url
    })
    expect(result.action).toBe('skipped')
  })

  it('throws a clear error for other failures', async () => {
    api.failWith({ status: 401, message: 'Bad credentials' })
    await expect(
      upsertPullRequestComment({ ...target, body: 'report', log: recordingLogger(), apiUrl: api.url })
    ).rejects.toThrow(
      /^Could not list the comments of pull request acme\/models#7 at http:\/\/127\.0\.0\.1:\d+: HTTP 401: Bad credentials.*github-token input is invalid/
    )
    api.failWith({ status: 422, message: 'Validation Failed', method: 'POST' })
    await expect(
      upsertPullRequestComment({ ...target, body: 'report', log: recordingLogger(), apiUrl: api.url })
    ).rejects.toThrow(/^Could not create a comment on pull request acme\/models#7 .*HTTP 422/)
  })

  it('skips without a token and refuses a body GitHub would reject', async () => {
    const log = recordingLogger()
    expect(await upsertPullRequestComment({ ...target, token: '', body: 'x', log, apiUrl: api.url })).toMatchObject({
      action: 'skipped'
    })
    await expect(
      upsertPullRequestComment({ ...target, body: 'x'.repeat(70_000), log, apiUrl: api.url })
    ).rejects.toThrow(/at most 65536/)
    expect(api.requests).toHaveLength(0)
  })
})

describe('pullRequestFromEvent', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'event-test-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reads the base repository and number for pull_request and pull_request_target', async () => {
    const eventPath = join(dir, 'pr.json')
    await writeFile(
      eventPath,
      JSON.stringify({
        number: 7,
        pull_request: {
          number: 7,
          base: { repo: { name: 'models', owner: { login: 'acme' } } },
          head: { repo: { name: 'models', owner: { login: 'forker' } } }
        },
        repository: { name: 'models', owner: { login: 'acme' } }
      })
    )
    for (const eventName of ['pull_request', 'pull_request_target']) {
      expect(await pullRequestFromEvent({ eventName, eventPath })).toEqual({ owner: 'acme', repo: 'models', number: 7 })
    }
  })

  it('is null for other events', async () => {
    expect(await pullRequestFromEvent({ eventName: 'push', eventPath: join(dir, 'none.json') })).toBeNull()
    expect(await pullRequestFromEvent({ eventName: undefined, eventPath: undefined })).toBeNull()
  })

  it('explains a missing payload for a pull request event', async () => {
    await expect(
      pullRequestFromEvent({ eventName: 'pull_request', eventPath: join(dir, 'missing.json') })
    ).rejects.toThrow(/Could not read the pull_request event payload at .*missing\.json \(GITHUB_EVENT_PATH\)/)
    await expect(pullRequestFromEvent({ eventName: 'pull_request' })).rejects.toThrow(/GITHUB_EVENT_PATH is not set/)
  })
})
