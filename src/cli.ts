// The terminal entry: the same pipeline as the action, with --flags named like the inputs.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parseConfig } from './config.js'
import { errorMessage } from './errors.js'
import { runMetadata } from './github-context.js'
import { INPUT_HELP, type InputName } from './inputs.js'
import { evaluateCheckpoints } from './pipeline.js'
import { renderTerminalReport } from './report/terminal.js'
import type { Logger, ProgressListener } from './types.js'
import { TOOL_NAME, TOOL_VERSION } from './version.js'

const inputNames = Object.keys(INPUT_HELP) as InputName[]

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
    const options = Object.fromEntries(inputNames.map((name) => [name, { type: 'string' as const }]))
    values = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean' }, version: { type: 'boolean' }, verbose: { type: 'boolean' } },
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
  try {
    const config = parseConfig((name) => (typeof values[name] === 'string' ? (values[name] as string).trim() : ''), {
      outputDir: path.resolve('eval-results')
    })
    const outcome = await evaluateCheckpoints({
      config,
      log,
      run: runMetadata(process.env),
      cwd: process.cwd(),
      onProgress: terminalProgress('evaluated')
    })
    const shown = path.relative(process.cwd(), outcome.files.json)
    process.stdout.write(renderTerminalReport(outcome.scores, shown.startsWith('..') ? outcome.files.json : shown))
    return 0
  } catch (error) {
    process.stderr.write(`error: ${errorMessage(error)}\n`)
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
