// The bottom of every Hub request: a `fetch` that bounds each wait. No answer, or no byte moved,
// for hub-timeout fails the request with an error naming it and saying what to do; the publish
// deadline and a cancelled run abort whatever is in flight; the log says every 30 s what it is
// waiting for. createHubFetch (transport.ts) retries on top of it.

import { HttpResponse, httpFetch } from './http-fetch.js'
import { describeUrl, formatDelay, isBlobBody, isStreamBody, requestInput, toUrl } from './transport.js'

/** A Hub request that went unanswered (or moved no data) for too long; never retried. */
export class HubTimeoutError extends Error {
  readonly code = 'HUB_TIMEOUT'
  constructor(message: string) {
    super(message)
    this.name = 'HubTimeoutError'
  }
}

export interface TimedFetchOptions {
  /** The fetch underneath; the global one by default. */
  fetch?: typeof fetch
  /**
   * A request fails when, for this long, it gets no answer (from the moment its body is sent)
   * or its body moves no byte (uploads and downloads alike): hub-timeout.
   */
  timeoutMs: number
  /** What the error tells the user to raise. @default 'hub-timeout' */
  inputName?: string
  /** Aborts every request (the publish deadline, a cancelled run); its reason is what is thrown. */
  signal?: AbortSignal
  /** Called while a request waits without progress, at most every `waitingEveryMs`. */
  onWaiting?: (message: string) => void
  /** @default 30000 */
  waitingEveryMs?: number
}

/** A Blob whose bytes are counted as the fetch underneath reads them (the client's FileBlob works the same way). */
class WatchedBlob extends Blob {
  constructor(
    private readonly inner: Blob,
    private readonly onBytes: () => void,
    private readonly onDone: () => void
  ) {
    super([])
    // Blob's size and type are accessors of its internal data: shadow them on the instance.
    Object.defineProperties(this, { size: { value: inner.size }, type: { value: inner.type } })
  }
  override slice(start?: number, end?: number, contentType?: string): Blob {
    return this.inner.slice(start, end, contentType)
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.inner.arrayBuffer()
  }
  override text(): Promise<string> {
    return this.inner.text()
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return this.inner.stream().pipeThrough(watch(this.onBytes, this.onDone)) as ReadableStream<Uint8Array<ArrayBuffer>>
  }
}

function watch(onBytes: () => void, onDone: () => void): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    transform(chunk, controller) {
      onBytes()
      controller.enqueue(chunk)
    },
    flush: onDone
  })
}

/**
 * A `fetch` under the retrying one (createHubFetch) that bounds every wait: no answer, or no
 * byte moved, for `timeoutMs` fails the request with an error naming it; `signal` (the publish
 * deadline, a cancelled run) aborts whatever is in flight. While a request waits, `onWaiting`
 * keeps the log from going silent.
 */
export function createTimedFetch(options: TimedFetchOptions): typeof fetch {
  const baseFetch = options.fetch ?? (httpFetch as typeof fetch)
  const every = options.waitingEveryMs ?? 30_000
  const input = options.inputName ?? 'hub-timeout'
  // How often a request's progress is looked at: fine enough for the shortest limit.
  const tick = Math.max(10, Math.min(1000, options.timeoutMs, every))
  const timedFetch = async (resource: Parameters<typeof fetch>[0], init: RequestInit = {}): Promise<Response> => {
    const url = toUrl(resource)
    const method = (init.method ?? requestInput(resource)?.method ?? 'GET').toUpperCase()
    const what = `${method} ${describeUrl(url)}`
    options.signal?.throwIfAborted()
    const controller = new AbortController()
    const signals = [controller.signal, options.signal, init.signal].filter((s): s is AbortSignal => !!s)
    let phase: 'sending' | 'waiting' | 'reading' | 'done' = 'waiting'
    let lastProgress = Date.now()
    let lastSaid = lastProgress
    const progress = () => {
      lastProgress = Date.now()
    }
    const check = () => {
      if (phase === 'done') return
      const now = Date.now()
      const idle = now - lastProgress
      if (idle >= options.timeoutMs) {
        const doing =
          phase === 'sending'
            ? 'took no more bytes of the upload'
            : phase === 'reading'
              ? 'sent no more bytes'
              : 'did not answer'
        controller.abort(
          new HubTimeoutError(
            `the Hub ${doing} for ${formatDelay(options.timeoutMs)} (${input}) on ${what}; the request was abandoned. ` +
              `Check that the Hub (${url.origin}) is reachable from this runner and up, or raise ${input} if it is just slow.`
          )
        )
        return
      }
      if (phase !== 'reading' && now - Math.max(lastSaid, lastProgress) >= every) {
        lastSaid = now
        options.onWaiting?.(`Still waiting for the Hub: ${what} (${Math.round(idle / 1000)}s without an answer)`)
      }
      timer = setTimeout(check, tick).unref()
    }
    let timer = setTimeout(check, tick).unref()
    let body = init.body
    if (isBlobBody(body)) {
      phase = 'sending'
      body = new WatchedBlob(body, progress, () => {
        phase = 'waiting'
        progress()
      })
    } else if (isStreamBody(body)) {
      phase = 'sending'
      body = (body as ReadableStream<Uint8Array>).pipeThrough(
        watch(progress, () => {
          phase = 'waiting'
          progress()
        })
      )
    }
    const stop = () => {
      phase = 'done'
      clearTimeout(timer)
    }
    let response: Response
    try {
      response = await baseFetch(resource, { ...init, body, signal: AbortSignal.any(signals) })
    } catch (error) {
      stop()
      const aborted = signals.find((s) => s.aborted)
      if (aborted && aborted === options.signal) {
        // The publish deadline or a cancelled run: say which request it cut short.
        const reason = aborted.reason as { name?: string; message?: string } | undefined
        const cut = new Error(`${reason?.message ?? 'aborted'} while waiting for ${what}`)
        cut.name = reason?.name ?? 'AbortError'
        throw cut
      }
      throw aborted?.reason ?? error
    }
    if (!response.body) {
      stop()
      return response
    }
    phase = 'reading'
    progress()
    const watched = response.body.pipeThrough(watch(progress, stop))
    const wrapped = new HttpResponse(watched, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers as unknown as HttpResponse['headers'],
      url: response.url,
      redirected: response.redirected
    })
    return wrapped as unknown as Response
  }
  return timedFetch as typeof fetch
}
