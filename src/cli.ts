// The terminal entry: the same pipeline as the action, with --flags named like the inputs (built
// from the one input table). main() returns the exit code: 0 on success, 1 on any error or a
// failed gate.
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { INPUTS, type InputName, type InputSpec } from './config/inputs.js'
import { parseConfig } from './config/parse.js'
import { runMetadata } from './github/context.js'
import { EvaluationLedger } from './domain/ledger.js'
import { runPipeline } from './pipeline/run.js'
import { renderCancelledTerminal } from './report/cancelled.js'
import { renderTerminalFiles, renderTerminalOutcome } from './report/terminal.js'
import { errorMessage } from './util/errors.js'
import type { Logger } from './util/log.js'
import { progressReporter } from './util/progress.js'
import { TOOL_NAME, TOOL_VERSION } from './util/version.js'
import { killAllRunningCommands } from './evaluate/command/shell.js'
import { cancelOnSignals, isCancellation } from './util/cancel.js'
import { redactingLogger } from './util/log.js'
import { addSecret, redact } from './util/redact.js'

const FLAG_INPUTS = (Object.keys(INPUTS) as InputName[]).filter((name) => !(INPUTS[name] as InputSpec).actionOnly)

/** yes/no inputs are switches here (--dry-run); every other input takes a value. */
const isSwitch = (name: InputName) => INPUTS[name].kind === 'yes-no'

/** Words of `text` in lines of at most `width` characters, each after `indent`. */
function wrap(text: string, indent: string, width = 100): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines.map((l) => indent + l).join('\n')
}

export function usage(): string {
  const indent = ' '.repeat(6)
  const flags = FLAG_INPUTS.map((name) => {
    const spec: InputSpec = INPUTS[name]
    const fallback = spec.local ?? spec.default
    const text = spec.description + (fallback && !spec.description.includes('Default') ? ` Default: ${fallback}.` : '')
    const local =
      spec.local && spec.description.includes('Default') ? ` From a terminal the default is ${spec.local}.` : ''
    return `  --${name}${isSwitch(name) ? '  (a switch)' : ''}\n${wrap(text + local, indent)}`
  })
  return [
    `Usage: checkpoint-eval [--checkpoint-dir DIR] [options]`,
    '',
    'Evaluates every checkpoint folder, ranks them and writes scores.json / scores.csv;',
    'gates and publishes like the action. Options are the action inputs, as flags:',
    '',
    ...flags,
    '  --token-file FILE',
    `${indent}Hub token file (default: $HF_TOKEN, then ~/.cache/huggingface/token).`,
    '  --verbose    debug lines',
    '  --help       show this help',
    '  --version    show the version',
    '',
    'Exit code: 0 on success, 1 on an error or a failed gate.'
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

export async function main(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>
  try {
    const options = Object.fromEntries(
      FLAG_INPUTS.map((name) => [name, { type: isSwitch(name) ? ('boolean' as const) : ('string' as const) }])
    )
    values = parseArgs({
      args: argv,
      options: {
        ...options,
        'token-file': { type: 'string' },
        help: { type: 'boolean' },
        version: { type: 'boolean' },
        verbose: { type: 'boolean' }
      },
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
  const log = redactingLogger(terminalLogger(Boolean(values.verbose)))
  const read = (name: InputName): string => {
    const value = values[name]
    const text = typeof value === 'string' ? value.trim() : value === true ? 'true' : ''
    if (INPUTS[name].kind === 'secret') addSecret(text)
    return text
  }
  // There is no runner mask in a terminal: our redaction is all there is.
  addSecret(process.env.HF_TOKEN)
  const cancel = cancelOnSignals({
    say: (m) => process.stderr.write(`${m}\n`),
    onForce: () => {
      for (const p of killAllRunningCommands()) process.stderr.write(`killed pid ${p.pid} (${redact(p.command)})\n`)
    },
    exitCode: 130
  })
  // What each checkpoint came to so far: printed when the run is cancelled.
  const ledger = new EvaluationLedger()
  try {
    const workspace = process.cwd()
    const config = parseConfig(read, {
      workspace,
      outputDir: INPUTS['output-dir'].local,
      hubUrl: process.env.HF_ENDPOINT,
      // A path typed on the command line is the user's explicit choice; anything else stays here.
      confineTo: { roots: [workspace], exempt: (name) => values[name] !== undefined }
    })
    const needsToken = !config.publish.token && config.publish.repo !== undefined
    const local = needsToken
      ? await (
          await import('./hub/index.js')
        ).readLocalToken({
          env: process.env,
          tokenFile: values['token-file'] as string | undefined,
          homeDir: os.homedir()
        })
      : null
    addSecret(local?.token)
    if (local) log.debug(`Hub token from ${local.source}`)
    const result = await runPipeline({
      config,
      log,
      run: runMetadata(process.env),
      localToken: local?.token,
      onSecret: addSecret,
      onCheckpoint: ledger.record,
      signal: cancel.signal,
      onProgress: process.stderr.isTTY
        ? progressReporter({ write: (s) => process.stderr.write(s), verb: 'evaluated', live: true })
        : progressReporter({ write: (line) => process.stderr.write(`${line}\n`), verb: 'evaluated' })
    })
    const shown = path.relative(workspace, result.files.json)
    // The ranking table and the winner line are in the log above (stages.ts): printed once.
    process.stdout.write(redact(renderTerminalOutcome(result)))
    process.stdout.write(redact(renderTerminalFiles(shown.startsWith('..') ? result.files.json : shown)))
    if (result.failure) {
      process.stderr.write(`error: ${redact(result.failure)}\n`)
      return 1
    }
    return 0
  } catch (error) {
    process.stderr.write(`error: ${redact(errorMessage(error))}\n`)
    if (!isCancellation(error, cancel.signal)) return 1
    process.stderr.write(redact(renderCancelledTerminal(ledger.entries())))
    return 130
  } finally {
    cancel.dispose()
  }
}
