// The order and bound of storage PUTs: files one after the other on every slot, never more
// than the limit at once, jobs made only when taken, failures and aborts settle every file.
import { createPutQueue } from '../src/hub/put-queue.js'

/** A job that records when it starts and waits to be released. */
function recorder() {
  const started: string[] = []
  const waiting: Array<() => void> = []
  let running = 0
  let most = 0
  const job = (name: string) => async () => {
    started.push(name)
    most = Math.max(most, ++running)
    await new Promise<void>((resolve) => waiting.push(resolve))
    running--
  }
  const releaseAll = async () => {
    while (waiting.length > 0 || running > 0) {
      waiting.splice(0).forEach((resolve) => resolve())
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  return { started, job, releaseAll, most: () => most }
}

it('runs at most `limit` jobs, every job of a file before any of the next', async () => {
  const queue = createPutQueue(4, new AbortController().signal)
  const r = recorder()
  const files = ['a', 'b', 'c'].map((f) => queue.add(6, (i) => r.job(`${f}${i}`)()))
  await r.releaseAll()
  await Promise.all(files)
  expect(r.most()).toBe(4)
  expect(r.started).toEqual([
    ...Array.from({ length: 6 }, (_, i) => `a${i}`),
    ...Array.from({ length: 6 }, (_, i) => `b${i}`),
    ...Array.from({ length: 6 }, (_, i) => `c${i}`)
  ])
})

it('makes a job only when a slot takes it: 10,000 parts wait as one counter', async () => {
  const queue = createPutQueue(2, new AbortController().signal)
  let made = 0
  const r = recorder()
  const done = queue.add(10_000, (i) => {
    made++
    return i < 4 ? r.job(`p${i}`)() : Promise.resolve()
  })
  await new Promise((resolve) => setImmediate(resolve))
  expect(made).toBe(2)
  await r.releaseAll()
  await done
  expect(made).toBe(10_000)
})

it('a failed job rejects its file and starts no more of its jobs; the others go on', async () => {
  const queue = createPutQueue(1, new AbortController().signal)
  const ran: string[] = []
  const bad = queue.add(3, async (i) => {
    ran.push(`bad${i}`)
    if (i === 1) throw new Error('HTTP 500 on part 2')
  })
  const good = queue.add(2, async (i) => void ran.push(`good${i}`))
  await expect(bad).rejects.toThrow('HTTP 500 on part 2')
  await good
  expect(ran).toEqual(['bad0', 'bad1', 'good0', 'good1'])
})

it('an abort settles every queued file with its reason and starts nothing more; zero jobs resolve at once', async () => {
  const controller = new AbortController()
  const queue = createPutQueue(1, controller.signal)
  await expect(queue.add(0, () => Promise.resolve())).resolves.toBeUndefined()
  const r = recorder()
  const first = queue.add(2, (i) => r.job(`a${i}`)())
  const second = queue.add(2, (i) => r.job(`b${i}`)())
  await new Promise((resolve) => setImmediate(resolve))
  controller.abort(new Error('publish-timeout reached'))
  await expect(first).rejects.toThrow('publish-timeout reached')
  await expect(second).rejects.toThrow('publish-timeout reached')
  await r.releaseAll()
  expect(r.started).toEqual(['a0'])
  await expect(queue.add(1, () => Promise.resolve())).rejects.toThrow('publish-timeout reached')
})
