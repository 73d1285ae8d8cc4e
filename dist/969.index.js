export const id = 969;
export const ids = [969];
export const modules = {

/***/ 33969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  usage: () => (/* binding */ usage)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(64389);
// EXTERNAL MODULE: ./src/config/parse.ts + 1 modules
var parse = __webpack_require__(5374);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/pipeline/run.ts + 56 modules
var run = __webpack_require__(59847);
// EXTERNAL MODULE: ./src/domain/round.ts
var round = __webpack_require__(7976);
// EXTERNAL MODULE: ./src/util/bytes.ts
var bytes = __webpack_require__(1671);
// EXTERNAL MODULE: ./src/domain/metric.ts
var domain_metric = __webpack_require__(98478);
;// CONCATENATED MODULE: ./src/report/terminal.ts
// The score table for a terminal: fixed-width columns, best first, the winner's benchmarks below.



/** How many checkpoints the terminal table lists before summarising the rest. */
const TERMINAL_ROWS = 30;
function columns(rows, align) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows
        .map((r) => r
        .map((v, i) => (align[i] === 'r' ? v.padStart(widths[i]) : v.padEnd(widths[i])))
        .join('  ')
        .trimEnd())
        .join('\n');
}
function renderTerminalReport(doc, scoresFile) {
    const metric = doc.metric.name;
    const showValue = !(0,domain_metric/* isEvalAccuracy */.GB)(metric);
    const header = ['#', 'checkpoint', 'step', 'size', ...(showValue ? [metric] : []), domain_metric/* EVAL_ACCURACY */.py, 'status'];
    const rows = doc.checkpoints
        .slice(0, TERMINAL_ROWS)
        .map((c) => [
        c.rank === null ? '-' : String(c.rank),
        c.rank === 1 ? `${c.name} *` : c.name,
        String(c.step),
        (0,bytes/* formatBytes */.z)(c.sizeBytes),
        ...(showValue ? [c.value === null ? '-' : String(c.value)] : []),
        (0,round/* formatScore */.y)(c.evalAccuracy) || '-',
        c.status === 'ok' ? 'ok' : `failed: ${(c.error ?? '').slice(0, 60)}`
    ]);
    const out = [columns([header, ...rows], ['r', 'l', 'r', 'r', ...(showValue ? ['r'] : []), 'r', 'l'])];
    if (doc.checkpoints.length > TERMINAL_ROWS)
        out.push(`… and ${doc.checkpoints.length - TERMINAL_ROWS} more (see scores.csv)`);
    for (const s of doc.skipped)
        out.push(`skipped ${s.name}: ${s.reason}`);
    const w = doc.winner;
    if (w) {
        out.push('');
        const value = showValue ? `${metric} ${w.value}` : `eval_accuracy ${(0,round/* formatScore */.y)(w.evalAccuracy)}`;
        out.push(`Best checkpoint: ${w.name} (step ${w.step}), ${value}`);
        if (doc.benchmarks.length) {
            const benchRows = doc.benchmarks.map((b) => ['  ' + b.name, (0,round/* formatScore */.y)(w.scores[b.id]) || '-']);
            out.push(columns(benchRows, ['l', 'r']));
        }
    }
    else {
        out.push('', `No checkpoint could be ranked by ${metric}.`);
    }
    if (scoresFile)
        out.push('', `Scores: ${scoresFile} (and scores.csv)`);
    return out.join('\n') + '\n';
}
/** Gate and publish, after the table. */
function renderTerminalOutcome(result) {
    const lines = [];
    const { gate, publish } = result;
    if (gate.status !== 'skipped') {
        lines.push('', `Gate ${gate.status}:`, ...gate.checks.map((c) => `  ${c.passed ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`));
    }
    if (publish.status === 'dry-run') {
        lines.push('', `Dry run: would publish to ${publish.repoId} (model card: ${publish.plan.card.source}); nothing was sent.`);
        for (const f of publish.plan.files)
            lines.push(`  ${f.pathInRepo.padEnd(40)} ${(0,bytes/* formatBytes */.z)(f.size).padStart(10)}  ${f.kind}`);
        for (const e of publish.plan.excluded)
            lines.push(`  not uploaded: ${e.path} (${e.reason})`);
    }
    else if (publish.status === 'published') {
        const r = publish.result;
        lines.push('', `Published to ${r.repoUrl}: ${r.prUrl ?? r.commitUrl}`);
    }
    else if (publish.reason !== 'no repo-id is set') {
        lines.push('', `Not published: ${publish.reason}.`);
    }
    return lines.length ? lines.join('\n') + '\n' : '';
}

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/progress.ts
var progress = __webpack_require__(65365);
// EXTERNAL MODULE: ./src/util/version.ts
var version = __webpack_require__(76092);
;// CONCATENATED MODULE: ./src/cli.ts
// The terminal entry: the same pipeline as the action, with --flags named like the inputs (built
// from the one input table). main() returns the exit code: 0 on success, 1 on any error or a
// failed gate.











const FLAG_INPUTS = Object.keys(inputs/* INPUTS */.mc).filter((name) => !inputs/* INPUTS */.mc[name].actionOnly);
/** yes/no inputs are switches here (--dry-run); every other input takes a value. */
const isSwitch = (name) => inputs/* INPUTS */.mc[name].kind === 'yes-no';
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
        const spec = inputs/* INPUTS */.mc[name];
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
        values = (0,external_node_util_.parseArgs)({
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
        process.stderr.write(`error: ${(0,errors/* errorMessage */.g)(error)}\n\n${usage()}\n`);
        return 1;
    }
    if (values.help) {
        process.stdout.write(usage() + '\n');
        return 0;
    }
    if (values.version) {
        process.stdout.write(`${version/* TOOL_NAME */.l} ${version/* TOOL_VERSION */.w}\n`);
        return 0;
    }
    const log = terminalLogger(Boolean(values.verbose));
    const read = (name) => {
        const value = values[name];
        return typeof value === 'string' ? value.trim() : value === true ? 'true' : '';
    };
    try {
        const workspace = process.cwd();
        const config = (0,parse/* parseConfig */.o4)(read, {
            workspace,
            outputDir: inputs/* INPUTS */.mc['output-dir'].local,
            hubUrl: process.env.HF_ENDPOINT
        });
        const needsToken = !config.publish.token && config.publish.repo !== undefined;
        const local = needsToken
            ? await (await Promise.all(/* import() */[__webpack_require__.e(9), __webpack_require__.e(337)]).then(__webpack_require__.bind(__webpack_require__, 51337))).readLocalToken({
                env: process.env,
                tokenFile: values['token-file'],
                homeDir: external_node_os_default().homedir()
            })
            : null;
        if (local)
            log.debug(`Hub token from ${local.source}`);
        const result = await (0,run/* runPipeline */.a)({
            config,
            log,
            run: (0,context/* runMetadata */.Vn)(process.env),
            localToken: local?.token,
            onProgress: process.stderr.isTTY
                ? (0,progress/* progressReporter */.x)({ write: (s) => process.stderr.write(s), verb: 'evaluated', live: true })
                : (0,progress/* progressReporter */.x)({ write: (line) => process.stderr.write(`${line}\n`), verb: 'evaluated' })
        });
        const shown = external_node_path_default().relative(workspace, result.files.json);
        process.stdout.write(renderTerminalReport(result.scores, shown.startsWith('..') ? result.files.json : shown));
        process.stdout.write(renderTerminalOutcome(result));
        if (result.failure) {
            process.stderr.write(`error: ${result.failure}\n`);
            return 1;
        }
        return 0;
    }
    catch (error) {
        process.stderr.write(`error: ${(0,errors/* errorMessage */.g)(error)}\n`);
        return 1;
    }
}


/***/ })

};
