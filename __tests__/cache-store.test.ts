// The results cache's key and store: what the fingerprint covers, what changes the evaluator's
// identity, and entries that can't be trusted (miss + warning, never a wrong score).
import { cp, mkdir, readFile, realpath, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { FileHashes } from '../src/cache/file-hashes.js'
import { entryKey, evaluatorIdentity, fingerprintCheckpoint, identityHash } from '../src/cache/key.js'
import { ResultStore, type CachedResult } from '../src/cache/store.js'
import { discover } from '../src/discover/checkpoints.js'
import type { Checkpoint } from '../src/domain/types.js'
import { recordingLogger } from './support/logger.js'
import { makeCheckpoint, tempDir, tinySafetensors } from './support/workspace.js'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('cache-store-'))
})
afterEach(() => cleanup())

async function checkpoints(root: string): Promise<Checkpoint[]> {
  return (await discover({ root, shownAs: root })).checkpoints
}

const RESULT: CachedResult = {
  benchmarks: [
    { id: 'arc', name: 'ARC', group: 'Reasoning' },
    { id: 'loss', name: 'Loss', group: 'Metrics', higherIsBetter: false }
  ],
  scores: { arc: 0.1 + 0.2, loss: 1.2345678901234567 },
  metrics: { eval_runtime: 12.5 },
  durationMs: 65_000,
  evaluatedAt: '2026-12-01T10:00:00.000Z'
}

describe('checkpoint fingerprint', () => {
  it('follows the content: same after a copy with new times, different after one changed byte', async () => {
    await makeCheckpoint(path.join(dir, 'a'), 'step_10', { extraFiles: { 'tokenizer.json': '{"v":1}' } })
    const [original] = await checkpoints(path.join(dir, 'a'))
    const fingerprint = await fingerprintCheckpoint(original)
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/)

    await cp(path.join(dir, 'a'), path.join(dir, 'b'), { recursive: true })
    const later = new Date(Date.now() + 3_600_000)
    await utimes(path.join(dir, 'b/step_10/model.safetensors'), later, later)
    const [copy] = await checkpoints(path.join(dir, 'b'))
    expect(copy.path).not.toBe(original.path)
    expect(await fingerprintCheckpoint(copy)).toBe(fingerprint)

    await writeFile(path.join(dir, 'b/step_10/model.safetensors'), tinySafetensors([0.1, 0.2, 0.3, 0.41]))
    expect(await fingerprintCheckpoint((await checkpoints(path.join(dir, 'b')))[0])).not.toBe(fingerprint)
  })

  it('covers config and tokenizer files, not training state', async () => {
    await makeCheckpoint(path.join(dir, 'a'), 'step_10', {
      extraFiles: { 'tokenizer.json': '{"v":1}', 'optimizer.pt': 'state-1', 'trainer_state.json': '{}' }
    })
    const fingerprint = await fingerprintCheckpoint((await checkpoints(path.join(dir, 'a')))[0])
    await writeFile(path.join(dir, 'a/step_10/optimizer.pt'), 'state-2')
    await writeFile(path.join(dir, 'a/step_10/trainer_state.json'), '{"global_step": 10}')
    expect(await fingerprintCheckpoint((await checkpoints(path.join(dir, 'a')))[0])).toBe(fingerprint)
    await writeFile(path.join(dir, 'a/step_10/tokenizer.json'), '{"v":2}')
    const withTokenizer = await fingerprintCheckpoint((await checkpoints(path.join(dir, 'a')))[0])
    expect(withTokenizer).not.toBe(fingerprint)
    await writeFile(path.join(dir, 'a/step_10/config.json'), '{"model_type":"other"}')
    expect(await fingerprintCheckpoint((await checkpoints(path.join(dir, 'a')))[0])).not.toBe(withTokenizer)
  })

  it('keys same bytes under another name or step apart ({name} and {step} reach the command)', () => {
    expect(entryKey('id', { name: 'step_1', step: 1 }, 'f')).not.toBe(entryKey('id', { name: 'step_2', step: 2 }, 'f'))
    expect(entryKey('id', { name: 'step_1', step: 1 }, 'f')).not.toBe(
      entryKey('other', { name: 'step_1', step: 1 }, 'f')
    )
  })
})

describe('remembered file hashes (cache-dir)', () => {
  it('reuses a hash while the file is unchanged on disk, and hashes again once it is written', async () => {
    await makeCheckpoint(path.join(dir, 'runs'), 'step_10')
    const [checkpoint] = await checkpoints(path.join(dir, 'runs'))
    const memoFile = path.join(dir, 'file-hashes.json')
    const memo = await FileHashes.load(memoFile)
    const fingerprint = await fingerprintCheckpoint(checkpoint, memo)
    expect(fingerprint).toBe(await fingerprintCheckpoint(checkpoint))
    await memo.save()

    // What a later run loads is what it uses: a (hand-made) wrong hash for an unchanged file shows it.
    const saved = JSON.parse(await readFile(memoFile, 'utf8'))
    const weights = await realpath(path.join(checkpoint.path, 'model.safetensors'))
    expect(saved.files[weights].sha256).toMatch(/^[0-9a-f]{64}$/)
    saved.files[weights].sha256 = '0'.repeat(64)
    await writeFile(memoFile, JSON.stringify(saved))
    expect(await fingerprintCheckpoint(checkpoint, await FileHashes.load(memoFile))).not.toBe(fingerprint)

    // The same bytes written again (new mtime and ctime): hashed again, the right fingerprint.
    await writeFile(weights, await readFile(weights))
    expect(await fingerprintCheckpoint(checkpoint, await FileHashes.load(memoFile))).toBe(fingerprint)
  })

  it('treats a damaged memo as empty', async () => {
    await makeCheckpoint(path.join(dir, 'runs'), 'step_10')
    const [checkpoint] = await checkpoints(path.join(dir, 'runs'))
    await writeFile(path.join(dir, 'file-hashes.json'), '{"files": {"x": ')
    const memo = await FileHashes.load(path.join(dir, 'file-hashes.json'))
    expect(await fingerprintCheckpoint(checkpoint, memo)).toBe(await fingerprintCheckpoint(checkpoint))
  })
})

describe('evaluator identity', () => {
  it('changes with the command template and with the content of a script it names', async () => {
    await writeFile(path.join(dir, 'eval.py'), 'print(1)\n')
    const id = async (command: string) =>
      identityHash(await evaluatorIdentity({ kind: 'command', settings: { command } }, dir))
    const base = await id('python eval.py {checkpoint}')
    expect(await id('python eval.py {checkpoint}')).toBe(base)
    expect(await id('python eval.py {checkpoint} --limit 10')).not.toBe(base)
    await writeFile(path.join(dir, 'eval.py'), 'print(2)\n')
    expect(await id('python eval.py {checkpoint}')).not.toBe(base)
  })

  it('changes with the built-in benchmarks selected, not with key order', async () => {
    const a = identityHash(await evaluatorIdentity({ kind: 'builtin', settings: { benchmarks: ['x', 'y'] } }, dir))
    const b = identityHash(await evaluatorIdentity({ kind: 'builtin', settings: { benchmarks: ['x'] } }, dir))
    expect(a).not.toBe(b)
    const c = await evaluatorIdentity({ kind: 'k', settings: { p: 1, q: 2 } }, dir)
    const d = await evaluatorIdentity({ kind: 'k', settings: { q: 2, p: 1 } }, dir)
    expect(identityHash(c)).toBe(identityHash(d))
  })
})

describe('ResultStore', () => {
  const ckpt = { name: 'step_10', step: 10, path: '/runs/step_10' }

  it('gives back exactly what was stored', async () => {
    const log = recordingLogger()
    const store = new ResultStore(dir, log)
    await store.put('k1', ckpt, RESULT)
    expect(await new ResultStore(dir, log).get('k1', ckpt)).toEqual(RESULT)
    expect(await store.get('missing', ckpt)).toBeUndefined()
    expect(log.lines).toEqual([])
    // Scores only: no path, no command.
    const text = await readFile(path.join(dir, 'k1.json'), 'utf8')
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(
      ['checkpoint', 'digest', 'durationMs', 'evaluatedAt', 'key', 'result', 'schema', 'version'].sort()
    )
    expect(text).not.toContain('/runs')
  })

  it.each([
    ['truncated JSON', (t: string) => t.slice(0, t.length / 2), /is not valid JSON/],
    ['a changed score', (t: string) => t.replace('0.30000000000000004', '0.9'), /digest does not match/],
    [
      'another schema',
      (t: string) => t.replace('checkpoint-eval/cached-result', 'something-else'),
      /not a checkpoint-eval cache entry/
    ],
    [
      'a score that is not a number',
      (t: string) => t.replace('0.30000000000000004', '"high"'),
      /score 'arc' is not a number/
    ],
    ['another key', (t: string) => t.replace('"key": "k1"', '"key": "k2"'), /key does not match/],
    ['an empty file', () => '', /is not valid JSON/]
  ])('takes %s for a miss with a warning', async (_what, damage, reason) => {
    const store = new ResultStore(dir, recordingLogger())
    await store.put('k1', ckpt, RESULT)
    const file = path.join(dir, 'k1.json')
    await writeFile(file, damage(await readFile(file, 'utf8')))
    const log = recordingLogger()
    expect(await new ResultStore(dir, log).get('k1', ckpt)).toBeUndefined()
    expect(log.lines).toHaveLength(1)
    expect(log.lines[0]).toMatch(reason)
    expect(log.lines[0]).toMatch(/^warning: Cache entry for step_10 .*; evaluating it again/)
  })

  it('takes an unreadable entry for a miss with a warning, and a failed write for a warning', async () => {
    const log = recordingLogger()
    const store = new ResultStore(dir, log)
    // A folder where the entry should be: unreadable as a file, for every user (root included).
    await mkdir(path.join(dir, 'k2.json'))
    expect(await store.get('k2', ckpt)).toBeUndefined()
    expect(log.lines.join('\n')).toMatch(/^warning: Cache entry for step_10 can't be read \(.*EISDIR/)

    const gone = recordingLogger()
    const nowhere = new ResultStore(path.join(dir, 'no-such-folder'), gone)
    await nowhere.put('k3', ckpt, RESULT)
    expect(gone.lines.join('\n')).toMatch(/^warning: Could not store the result of step_10 in the cache/)
    expect(nowhere.written.size).toBe(0)
  })
})
