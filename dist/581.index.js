export const id = 581;
export const ids = [581];
export const modules = {

/***/ 95581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64389);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1027);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(19556);
/* harmony import */ var _domain_ledger_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(32707);
/* harmony import */ var _pipeline_run_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(74855);
/* harmony import */ var _report_cancelled_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(84733);
/* harmony import */ var _report_terminal_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(87496);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(70017);
/* harmony import */ var _util_progress_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(65365);
/* harmony import */ var _util_version_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(76092);
/* harmony import */ var _evaluate_command_shell_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3236);
/* harmony import */ var _util_cancel_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(24436);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(29906);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(50767);
// The terminal entry: the same pipeline as the action, with --flags named like the inputs (built
// from the one input table). main() returns the exit code: 0 on success, 1 on any error or a
// failed gate.

















const FLAG_INPUTS = Object.keys(_config_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .mc).filter((name) => !_config_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .mc[name].actionOnly);
/** yes/no inputs are switches here (--dry-run); every other input takes a value. */
const isSwitch = (name) => _config_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .mc[name].kind === 'yes-no';
/** Words of `text` in lines of at most `width` characters, each after `indent`. */
function wrap(text, indent, width = 100) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line && indent.length + line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else {
            line = line ? `${line} ${word}` : word;
        }
    }
    if (line)
        lines.push(line);
    return lines.map((l) => indent + l).join('\n');
}
function usage() {
    const indent = ' '.repeat(6);
    const flags = FLAG_INPUTS.map((name) => {
        const spec = _config_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .mc[name];
        const fallback = spec.local ?? spec.default;
        const text = spec.description + (fallback && !spec.description.includes('Default') ? ` Default: ${fallback}.` : '');
        const local = spec.local && spec.description.includes('Default') ? ` From a terminal the default is ${spec.local}.` : '';
        return `  --${name}${isSwitch(name) ? '  (a switch)' : ''}\n${wrap(text + local, indent)}`;
    });
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
    ].join('\n');
}
/** Logs go to stderr so stdout holds only the report. */
function terminalLogger(verbose) {
    const err = (m) => process.stderr.write(m + '\n');
    let depth = 0;
    return {
        info: (m) => err('  '.repeat(depth) + m),
        warning: (m) => err(`warning: ${m}`),
        notice: (m) => err(`note: ${m}`),
        debug: (m) => verbose && err(`debug: ${m}`),
        startGroup: (t) => {
            err(t);
            depth++;
        },
        endGroup: () => {
            depth = Math.max(0, depth - 1);
        }
    };
}
async function main(argv) {
    let values;
    try {
        const options = Object.fromEntries(FLAG_INPUTS.map((name) => [name, { type: isSwitch(name) ? 'boolean' : 'string' }]));
        values = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.parseArgs)({
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
        }).values;
    }
    catch (error) {
        process.stderr.write(`error: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .errorMessage */ .g)(error)}\n\n${usage()}\n`);
        return 1;
    }
    if (values.help) {
        process.stdout.write(usage() + '\n');
        return 0;
    }
    if (values.version) {
        process.stdout.write(`${_util_version_js__WEBPACK_IMPORTED_MODULE_14__/* .TOOL_NAME */ .l} ${_util_version_js__WEBPACK_IMPORTED_MODULE_14__/* .TOOL_VERSION */ .w}\n`);
        return 0;
    }
    const log = (0,_util_log_js__WEBPACK_IMPORTED_MODULE_12__/* .redactingLogger */ .S)(terminalLogger(Boolean(values.verbose)));
    const read = (name) => {
        const value = values[name];
        const text = typeof value === 'string' ? value.trim() : value === true ? 'true' : '';
        if (_config_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .mc[name].kind === 'secret')
            (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_13__/* .addSecret */ .Ck)(text);
        return text;
    };
    // There is no runner mask in a terminal: our redaction is all there is.
    (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_13__/* .addSecret */ .Ck)(process.env.HF_TOKEN);
    const cancel = (0,_util_cancel_js__WEBPACK_IMPORTED_MODULE_11__/* .cancelOnSignals */ .dJ)({
        say: (m) => process.stderr.write(`${m}\n`),
        onForce: () => {
            for (const p of (0,_evaluate_command_shell_js__WEBPACK_IMPORTED_MODULE_10__/* .killAllRunningCommands */ .Vm)())
                process.stderr.write(`killed pid ${p.pid} (${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_13__/* .redact */ .E$)(p.command)})\n`);
        },
        exitCode: 130
    });
    // What each checkpoint came to so far: printed when the run is cancelled.
    const ledger = new _domain_ledger_js__WEBPACK_IMPORTED_MODULE_15__/* .EvaluationLedger */ .M();
    try {
        const workspace = process.cwd();
        const config = (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseConfig */ .o4)(read, {
            workspace,
            outputDir: _config_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .mc['output-dir'].local,
            hubUrl: process.env.HF_ENDPOINT,
            // A path typed on the command line is the user's explicit choice; anything else stays here.
            confineTo: { roots: [workspace], exempt: (name) => values[name] !== undefined }
        });
        const needsToken = !config.publish.token && config.publish.repo !== undefined;
        const local = needsToken
            ? await (await Promise.all(/* import() */[__webpack_require__.e(9), __webpack_require__.e(497)]).then(__webpack_require__.bind(__webpack_require__, 32497))).readLocalToken({
                env: process.env,
                tokenFile: values['token-file'],
                homeDir: node_os__WEBPACK_IMPORTED_MODULE_0___default().homedir()
            })
            : null;
        (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_13__/* .addSecret */ .Ck)(local?.token);
        if (local)
            log.debug(`Hub token from ${local.source}`);
        const result = await (0,_pipeline_run_js__WEBPACK_IMPORTED_MODULE_6__/* .runPipeline */ .a)({
            config,
            log,
            run: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_5__/* .runMetadata */ .Vn)(process.env),
            localToken: local?.token,
            onSecret: _util_redact_js__WEBPACK_IMPORTED_MODULE_13__/* .addSecret */ .Ck,
            onCheckpoint: ledger.record,
            signal: cancel.signal,
            onProgress: process.stderr.isTTY
                ? (0,_util_progress_js__WEBPACK_IMPORTED_MODULE_16__/* .progressReporter */ .x)({ write: (s) => process.stderr.write(s), verb: 'evaluated', live: true })
                : (0,_util_progress_js__WEBPACK_IMPORTED_MODULE_16__/* .progressReporter */ .x)({ write: (line) => process.stderr.write(`${line}\n`), verb: 'evaluated' })
        });
        const shown = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(workspace, result.files.json);
        // The ranking table and the winner line are in the log above (stages.ts): printed once.
        process.stdout.write((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_13__/* .redact */ .E$)((0,_report_terminal_js__WEBPACK_IMPORTED_MODULE_8__/* .renderTerminalOutcome */ .zg)(result)));
        process.stdout.write((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_13__/* .redact */ .E$)((0,_report_terminal_js__WEBPACK_IMPORTED_MODULE_8__/* .renderTerminalFiles */ ._m)(shown.startsWith('..') ? result.files.json : shown)));
        if (result.failure) {
            process.stderr.write(`error: ${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_13__/* .redact */ .E$)(result.failure)}\n`);
            return 1;
        }
        return 0;
    }
    catch (error) {
        process.stderr.write(`error: ${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_13__/* .redact */ .E$)((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .errorMessage */ .g)(error))}\n`);
        if (!(0,_util_cancel_js__WEBPACK_IMPORTED_MODULE_11__/* .isCancellation */ .iB)(error, cancel.signal))
            return 1;
        process.stderr.write((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_13__/* .redact */ .E$)((0,_report_cancelled_js__WEBPACK_IMPORTED_MODULE_7__/* .renderCancelledTerminal */ .G)(ledger.entries())));
        return 130;
    }
    finally {
        cancel.dispose();
    }
}


/***/ })

};
