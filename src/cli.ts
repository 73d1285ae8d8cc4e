// The terminal entry: the same pipeline as the action, with --flags named like the inputs.
// main() returns the exit code: 0 on success, 1 on any error or a failed gate.
import path from 'node:path'
import { parseArgs } from 'node:util'
import os from 'node:os'
import { parseConfig } from './config/parse.js'
import { errorMessage } from './util/errors.js'
import { runMetadata } from './github/context.js'
import { INPUT_HELP, Inputs, type InputName } from './config/inputs.js'
import { runPipeline } from './pipeline/run.js'
import { renderTerminalOutcome, renderTerminalReport } from './report/terminal.js'
import type { ProgressListener } from './util/progress.js'
import type { Logger } from './util/log.js'
import { TOOL_NAME, TOOL_VERSION } from './util/version.js'

// The GitHub token and comment only make sense inside Actions; the rest are flags.
const inputNames = (Object.keys(INPUT_HELP) as InputName[]).filter((n) => n !== 'github-token' && n !== 'comment')

function usage(): string {
  const lines = inputNames.map((name) => {
    const { description, default: fallback } = INPUT_HELP[name]
    return `  --${name.padEnd(20)} ${description}${fallback ? ` (default: ${fallback})` : ''}`
  })
  return [
    `Usage: checkpoint-eval [--checkpoint-dir DIR] [options]`,
    '',
    'Evaluates every checkpoint folder, ranks them and writes scores.json / scores.csv.',
    'Options are the action inputs, as flags:',
    ...lines,
    '  --token-file FILE      Hub token file (default: $HF_TOKEN, then ~/.cache/huggingface/token)',
    '  --verbose              debug lines',
    '  --help                 show this help',
    '  --version              show the version',
    '',
    'Exit code: 0 on success, 1 on error.'
  ].join('\n')
}

/** Logs go to stderr so stdout holds only the report. */
function terminalLogger(verbose: boolean): Logger {
  const err = (m: string) => process.stderr.write(m + '\n')
  let depth = 0
  return {
    info: (m) => err('  '.repeat(depth) + m),
    warning: (m) => err(`warning: ${m}`),
    notice: (m) => err(`note: ${m}`),
    debug: (m) => verbose && err(`debug: ${m}`),
    startGroup: (t) => {
      err(t)
      depth++
    },
    endGroup: () => {
      depth = Math.max(0, depth - 1)
    }
  }
}

/** A live counter on a terminal; throttled lines when stderr is a file or pipe. */
function terminalProgress(verb: string): ProgressListener {
  let last = 0
  return (done, total) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${verb} ${done}/${total}` + (done === total ? '\n' : ''))
    } else if (done === total || Date.now() - last > 5000) {
      last = Date.now()
      process.stderr.write(`${verb} ${done}/${total}\n`)
    }
  }
}

export async function main(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>
  try {
    // Boolean inputs are plain switches here (--dry-run), the others take a value.
    const options = Object.fromEntries(inputNames.map((name) => [name, { type: INPUT_HELP[name].boolean ? ('boolean' as const) : ('string' as const) }]))
    values = parseArgs({
      args: argv,
      options: { ...options, 'token-file': { type: 'string' }, help: { type: 'boolean' }, version: { type: 'boolean' }, verbose: { type: 'boolean' } },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    process.stderr.write(`error: ${errorMessage(error)}\n\n${usage()}\n`)
    return 1
  }
  if (values.help) {
    process.stdout.write(usage() + '\n')
    return 0
  }
  if (values.version) {
    process.stdout.write(`${TOOL_NAME} ${TOOL_VERSION}\n`)
    return 0
  }
  const log = terminalLogger(Boolean(values.verbose))
  const read = (name: InputName): string => {
    const value = values[name]
    return typeof value === 'string' ? value.trim() : value === true ? 'true' : ''
  }
  try {
    // Relative: parseConfig resolves it. (A literal path.resolve('eval-results') here would make
    // ncc copy whatever that folder holds at build time into dist/.)
    const config = parseConfig(read, { outputDir: 'eval-results', hubUrl: process.env.HF_ENDPOINT })
    const needsToken = !config.publish.token && (config.publish.repo !== undefined)
    const local = needsToken
      ? await (await import('./publish/stage.js')).readLocalToken({ env: process.env, tokenFile: values['token-file'] as string | undefined, homeDir: os.homedir() })
      : null
    if (local) log.debug(`Hub token from ${local.source}`)
    const result = await runPipeline({
      config,
      log,
      run: runMetadata(process.env),
      cwd: process.cwd(),
      localToken: local?.token,
      onProgress: terminalProgress('evaluated')
    })
    const shown = path.relative(process.cwd(), result.files.json)
    process.stdout.write(renderTerminalReport(result.scores, shown.startsWith('..') ? result.files.json : shown))
    process.stdout.write(renderTerminalOutcome(result))
    if (result.failure) {
      process.stderr.write(`error: ${result.failure}\n`)
      return 1
    }
    return 0
  } catch (error) {
    process.stderr.write(`error: ${errorMessage(error)}\n`)
    return 1
  }
}

