// What the loopback Azure-blob-backed services (the artifact service, the cache service) answer
// alike: JSON bodies, Azure Blob's success headers and its XML errors.
import type { IncomingMessage, ServerResponse } from 'node:http'

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

export function blobOk(res: ServerResponse): void {
  res
    .writeHead(201, {
      etag: '"0x8DC0000000000000"',
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': '00000000-0000-0000-0000-000000000000',
      'x-ms-version': '2023-11-03',
      'x-ms-request-server-encrypted': 'true'
    })
    .end()
}

export function xmlError(res: ServerResponse, status: number, code: string): void {
  res
    .writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code })
    .end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`)
}
