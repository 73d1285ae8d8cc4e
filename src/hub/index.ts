// The one entry of the hub room, and a lazy one: other rooms load it with
// `await import('../hub/index.js')` (types with `import type`), so the @huggingface/hub client
// is loaded only by runs that talk to the Hub, and ncc bundles the room as one separate chunk.

export { publishToHub } from './commit.js'
export { downloadRepoFile } from './files.js'
export { createHubFetch, formatDelay } from './transport.js'
export { createTimedFetch, HubTimeoutError } from './timed-fetch.js'
export { assertCanWrite, exchangeOidcToken, readLocalToken, whoami } from './auth.js'

export type { PublishFile, PublishOptions, PublishProgress, PublishResult } from './types.js'
export type { DownloadRepoFileOptions } from './files.js'
export type {
  ExchangeOidcTokenOptions,
  LocalToken,
  ReadLocalTokenOptions,
  WhoamiOptions,
  WhoamiResult
} from './auth.js'
export type { RetryOptions } from './transport.js'
