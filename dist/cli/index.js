import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 581:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(848);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(916);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(886);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(422);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(810);
/* harmony import */ var _report_terminal_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(728);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(311);
// The terminal entry: the same pipeline as the action, with --flags named like the inputs.









const inputNames = Object.keys(_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT_HELP */ .D);
function usage() {
    const lines = inputNames.map((name) => {
        const { description, default: fallback } = _inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT_HELP */ .D[name];
        return `  --${name.padEnd(20)} ${description}${fallback ? ` (default: ${fallback})` : ''}`;
    });
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
/** A live counter on a terminal; throttled lines when stderr is a file or pipe. */
function terminalProgress(verb) {
    let last = 0;
    return (done, total) => {
        if (process.stderr.isTTY) {
            process.stderr.write(`\r${verb} ${done}/${total}` + (done === total ? '\n' : ''));
        }
        else if (done === total || Date.now() - last > 5000) {
            last = Date.now();
            process.stderr.write(`${verb} ${done}/${total}\n`);
        }
    };
}
async function main(argv) {
    let values;
    try {
        const options = Object.fromEntries(inputNames.map((name) => [name, { type: 'string' }]));
        values = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
            args: argv,
            options: { ...options, help: { type: 'boolean' }, version: { type: 'boolean' }, verbose: { type: 'boolean' } },
            strict: true,
            allowPositionals: false
        }).values;
    }
    catch (error) {
        process.stderr.write(`error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(error)}\n\n${usage()}\n`);
        return 1;
    }
    if (values.help) {
        process.stdout.write(usage() + '\n');
        return 0;
    }
    if (values.version) {
        process.stdout.write(`${_version_js__WEBPACK_IMPORTED_MODULE_7__/* .TOOL_NAME */ .l} ${_version_js__WEBPACK_IMPORTED_MODULE_7__/* .TOOL_VERSION */ .w}\n`);
        return 0;
    }
    const log = terminalLogger(Boolean(values.verbose));
    try {
        const config = (0,_config_js__WEBPACK_IMPORTED_MODULE_2__/* .parseConfig */ .o4)((name) => (typeof values[name] === 'string' ? values[name].trim() : ''), {
            outputDir: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve('eval-results')
        });
        const outcome = await (0,_pipeline_js__WEBPACK_IMPORTED_MODULE_4__/* .evaluateCheckpoints */ .p)({
            config,
            log,
            run: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_8__/* .runMetadata */ .V)(process.env),
            cwd: process.cwd(),
            onProgress: terminalProgress('evaluated')
        });
        process.stdout.write((0,_report_terminal_js__WEBPACK_IMPORTED_MODULE_5__/* .renderTerminalReport */ .J)(outcome.scores, node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(process.cwd(), outcome.files.json) || outcome.files.json));
        return 0;
    }
    catch (error) {
        process.stderr.write(`error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(error)}\n`);
        return 1;
    }
}
process.exitCode = await main(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 848:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  o4: () => (/* binding */ parseConfig)
});

// UNUSED EXPORTS: ConfigError, benchmarkKey, findBenchmark, parseDuration, parsePositiveInteger, parseTriState, parseWeights, splitList

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/evaluate/builtin-suite.ts
var builtin_suite = __nccwpck_require__(957);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __nccwpck_require__(422);
;// CONCATENATED MODULE: ./src/config.ts
// Inputs (from the action or the CLI) -> one typed, validated Config. Every error names the
// input and says how to fix it, and is raised before the pipeline touches anything.




class ConfigError extends Error {
    input;
    constructor(input, message) {
        super(`Input '${input}': ${message}`);
        this.input = input;
    }
}
/** Comma- or newline-separated values, blanks and `#` comments dropped. */
function splitList(value) {
    return value
        .split(/\r?\n/)
        .map((line) => line.replace(/(^|\s)#.*$/, ''))
        .flatMap((line) => line.split(','))
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
}
/** "Common sense", "common_sense" and "COMMON-SENSE" are one benchmark. */
const benchmarkKey = (label) => label.toLowerCase().replace(/[^a-z0-9]/g, '');
/** Resolve a benchmark named by id or display name, or explain which names exist. */
function findBenchmark(input, label, benchmarks) {
    const key = benchmarkKey(label);
    const found = benchmarks.find((b) => benchmarkKey(b.id) === key || benchmarkKey(b.name) === key);
    if (found)
        return found;
    throw new ConfigError(input, `unknown benchmark '${label}'. Known benchmarks: ${benchmarks.map((b) => b.id).join(', ')}.`);
}
function parseEvaluator(read) {
    const value = read(inputs/* Inputs */.G.Evaluator) || 'builtin';
    if (value === 'builtin' || value === 'command' || value === 'results')
        return value;
    throw new ConfigError(inputs/* Inputs */.G.Evaluator, `'${value}' is not an evaluator. Use builtin, command or results.`);
}
/** `name=weight` entries; weights are positive finite numbers. */
function parseWeights(value) {
    const weights = {};
    for (const entry of splitList(value)) {
        const match = /^([^=:]+?)\s*[=:]\s*(\S+)$/.exec(entry);
        const weight = match ? Number(match[2]) : NaN;
        if (!match || !Number.isFinite(weight) || weight <= 0) {
            throw new ConfigError(inputs/* Inputs */.G.Weights, `'${entry}' is not a weight. Write one 'benchmark=weight' per line (or comma separated), ` +
                'with a positive number, e.g. math_reasoning=1.2.');
        }
        const name = match[1].trim();
        if (name in weights)
            throw new ConfigError(inputs/* Inputs */.G.Weights, `'${name}' is weighted twice; keep one entry.`);
        weights[name] = weight;
    }
    return weights;
}
/** `90`, `90s`, `30m`, `2h` -> milliseconds. */
function parseDuration(input, value) {
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim());
    const amount = match ? Number(match[1]) : NaN;
    if (!match || !(amount > 0)) {
        throw new ConfigError(input, `'${value}' is not a duration. Write e.g. 90s, 30m or 2h (a bare number is seconds).`);
    }
    const unit = (match[2] ?? 's').toLowerCase();
    return amount * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit];
}
function parsePositiveInteger(input, value) {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1)
        throw new ConfigError(input, `'${value}' must be a whole number of at least 1.`);
    return n;
}
/** true / false / auto (undefined). */
function parseTriState(input, value) {
    const v = value.trim().toLowerCase();
    if (v === '' || v === 'auto')
        return undefined;
    if (v === 'true' || v === 'yes' || v === '1')
        return true;
    if (v === 'false' || v === 'no' || v === '0')
        return false;
    throw new ConfigError(input, `'${value}' must be true, false or auto.`);
}
function parseEvaluation(read, defaults) {
    const evaluator = parseEvaluator(read);
    const listed = splitList(read(inputs/* Inputs */.G.Benchmarks));
    const weights = parseWeights(read(inputs/* Inputs */.G.Weights));
    let benchmarks = listed.length > 0 ? listed : undefined;
    if (evaluator === 'builtin') {
        // Built-in names are known now, so mistakes are caught before anything runs.
        benchmarks = benchmarks?.map((label) => findBenchmark(inputs/* Inputs */.G.Benchmarks, label, builtin_suite/* BUILTIN_SUITE */.Ho).id);
        const usable = benchmarks ? builtin_suite/* BUILTIN_SUITE */.Ho.filter((b) => benchmarks.includes(b.id)) : builtin_suite/* BUILTIN_SUITE */.Ho;
        for (const name of Object.keys(weights)) {
            const benchmark = findBenchmark(inputs/* Inputs */.G.Weights, name, builtin_suite/* BUILTIN_SUITE */.Ho);
            if (!usable.some((b) => b.id === benchmark.id)) {
                throw new ConfigError(inputs/* Inputs */.G.Weights, `'${name}' is weighted but not among the selected benchmarks; add it to benchmarks or drop the weight.`);
            }
            if (benchmark.id !== name) {
                weights[benchmark.id] = weights[name];
                delete weights[name];
            }
        }
    }
    const command = read(inputs/* Inputs */.G.EvalCommand) || undefined;
    if (evaluator === 'command' && !command) {
        throw new ConfigError(inputs/* Inputs */.G.EvalCommand, "evaluator 'command' needs eval-command, e.g. `python eval.py --model {checkpoint} --out {output}`.");
    }
    const concurrencyText = read(inputs/* Inputs */.G.EvalConcurrency);
    const timeoutText = read(inputs/* Inputs */.G.EvalTimeout);
    return {
        evaluator,
        benchmarks,
        weights,
        command,
        concurrency: concurrencyText ? parsePositiveInteger(inputs/* Inputs */.G.EvalConcurrency, concurrencyText) : (defaults.cpus ?? external_node_os_default().availableParallelism()),
        timeoutMs: timeoutText ? parseDuration(inputs/* Inputs */.G.EvalTimeout, timeoutText) : 60 * 60_000
    };
}
function parseConfig(read, defaults) {
    const checkpointDir = read(inputs/* Inputs */.G.CheckpointDir) || 'checkpoints';
    const outputDir = external_node_path_default().resolve(read(inputs/* Inputs */.G.OutputDir) || defaults.outputDir);
    return {
        checkpointDir,
        outputDir,
        evaluation: parseEvaluation(read, defaults),
        ranking: {
            metric: read(inputs/* Inputs */.G.Metric) || 'eval_accuracy',
            greaterIsBetter: parseTriState(inputs/* Inputs */.G.GreaterIsBetter, read(inputs/* Inputs */.G.GreaterIsBetter))
        }
    };
}


/***/ }),

/***/ 916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
/**
 * The message of anything thrown. Errors from Node built-ins can fail `instanceof Error` (another
 * realm under jest's VM), so `.message` is read directly.
 */
function errorMessage(error) {
    if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
        return error.message;
    }
    return String(error);
}


/***/ }),

/***/ 957:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ho: () => (/* binding */ BUILTIN_SUITE),
/* harmony export */   Hu: () => (/* binding */ builtinScores)
/* harmony export */ });
/* unused harmony exports EXAMPLE_WEIGHTS, builtinScore */
/* harmony import */ var _round_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(771);
// The built-in benchmark suite: 15 scores computed from the step number alone. The formulas,
// caps and rounding are a contract with users (their published cards carry these numbers):
// see the spec, and never "improve" them.

const CORE = 'Core Reasoning Tasks';
const LANGUAGE = 'Language Understanding';
const GENERATION = 'Generation Tasks';
const SPECIALIZED = 'Specialized Capabilities';
const saturating = (x, k) => x / (x + k);
/** In the suite's canonical order (summaries, CSV columns, sums). */
const BUILTIN_SUITE = [
    { id: 'math_reasoning', name: 'Math Reasoning', group: CORE, cap: 0.95,
        raw: (x) => 0.3 + 0.5 * (1 - 1 / (1 + 0.1 * x)) },
    { id: 'logical_reasoning', name: 'Logical Reasoning', group: CORE, cap: 0.93,
        raw: (x) => 0.2 + 0.65 * (1 / (1 + Math.exp(-0.5 * (x - 4)))) },
    { id: 'common_sense', name: 'Common Sense', group: CORE, cap: 0.87,
        raw: (x) => 0.45 + 0.4 * saturating(x, 4) },
    { id: 'reading_comprehension', name: 'Reading Comprehension', group: LANGUAGE, cap: 0.86,
        raw: (x) => 0.4 + 0.45 * (1 - 1 / (1 + 0.2 * x)) },
    { id: 'question_answering', name: 'Question Answering', group: LANGUAGE, cap: 0.91,
        raw: (x) => 0.35 + 0.5 * (Math.sqrt(x) / (Math.sqrt(x) + 3)) },
    { id: 'text_classification', name: 'Text Classification', group: LANGUAGE, cap: 0.88,
        raw: (x) => 0.4 + 0.45 * (1 - Math.exp(-0.3 * x)) },
    { id: 'sentiment_analysis', name: 'Sentiment Analysis', group: LANGUAGE, cap: 0.89,
        raw: (x) => 0.5 + 0.35 * saturating(x, 2) },
    { id: 'code_generation', name: 'Code Generation', group: GENERATION, cap: 0.92,
        raw: (x) => 0.25 + 0.6 * saturating(x, 5) },
    { id: 'creative_writing', name: 'Creative Writing', group: GENERATION, cap: 0.91,
        raw: (x) => 0.25 + 0.6 * (1 - 1 / (1 + 0.15 * x)) },
    { id: 'dialogue_generation', name: 'Dialogue Generation', group: GENERATION, cap: 0.9,
        raw: (x) => 0.3 + 0.55 * (x ** 0.7 / (x ** 0.7 + 3)) },
    { id: 'summarization', name: 'Summarization', group: GENERATION, cap: 0.89,
        raw: (x) => 0.35 + 0.5 * (1 - 2 / (x + 2)) },
    { id: 'translation', name: 'Translation', group: SPECIALIZED, cap: 0.88,
        raw: (x) => 0.5 + 0.35 * saturating(x, 1.5) },
    { id: 'knowledge_retrieval', name: 'Knowledge Retrieval', group: SPECIALIZED, cap: 0.87,
        raw: (x) => 0.4 + 0.45 * (x ** 0.6 / (x ** 0.6 + 2.5)) },
    { id: 'instruction_following', name: 'Instruction Following', group: SPECIALIZED, cap: 0.88,
        raw: (x) => 0.45 + 0.4 * saturating(x, 3) },
    { id: 'safety_evaluation', name: 'Safety Evaluation', group: SPECIALIZED, cap: 0.86,
        raw: (x) => 0.6 + 0.25 * saturating(x, 8) }
];
/** The weights one well-known evaluation script uses; offered as the `weights: preset` shortcut. */
const EXAMPLE_WEIGHTS = {
    math_reasoning: 1.2,
    logical_reasoning: 1.2,
    code_generation: 1.1,
    question_answering: 1.1,
    instruction_following: 1.1,
    safety_evaluation: 1.1,
    text_classification: 0.9,
    sentiment_analysis: 0.9,
    creative_writing: 0.9
};
/** The benchmark's score at `step`, or null when the step is not a positive integer. */
function builtinScore(benchmark, step) {
    if (!Number.isSafeInteger(step) || step <= 0)
        return null;
    return (0,_round_js__WEBPACK_IMPORTED_MODULE_0__/* .round3 */ .cH)(Math.min(benchmark.raw(step / 100), benchmark.cap));
}
/** Every benchmark's score at `step`, keyed by id, in canonical order. */
function builtinScores(step, benchmarks = BUILTIN_SUITE) {
    const scores = {};
    for (const b of benchmarks)
        scores[b.id] = builtinScore(b, step);
    return scores;
}


/***/ }),

/***/ 886:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ runMetadata)
/* harmony export */ });
/* unused harmony export runUrl */
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(311);

function runMetadata(env, now = new Date()) {
    const github = env.GITHUB_ACTIONS === 'true'
        ? {
            repository: env.GITHUB_REPOSITORY,
            runId: env.GITHUB_RUN_ID,
            runAttempt: env.GITHUB_RUN_ATTEMPT,
            sha: env.GITHUB_SHA,
            ref: env.GITHUB_REF,
            workflow: env.GITHUB_WORKFLOW,
            job: env.GITHUB_JOB
        }
        : undefined;
    return { createdAt: now.toISOString(), tool: { name: _version_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_NAME */ .l, version: _version_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_VERSION */ .w }, ...(github ? { github } : {}) };
}
/** Link to this workflow run, when running in GitHub Actions. */
function runUrl(env) {
    const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
    return repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined;
}


/***/ }),

/***/ 422:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ INPUT_HELP),
/* harmony export */   G: () => (/* binding */ Inputs)
/* harmony export */ });
// Every input's name, in one place. The action reads them as INPUT_*; the CLI takes the same
// names as --flags. action.yml describes them for GitHub (a test keeps the two in step).
const Inputs = {
    CheckpointDir: 'checkpoint-dir',
    Evaluator: 'evaluator',
    Benchmarks: 'benchmarks',
    Weights: 'weights',
    OutputDir: 'output-dir',
    EvalCommand: 'eval-command',
    EvalConcurrency: 'eval-concurrency',
    EvalTimeout: 'eval-timeout',
    Metric: 'metric',
    GreaterIsBetter: 'greater-is-better'
};
/** For the CLI's --help; action.yml holds the same text for GitHub. */
const INPUT_HELP = {
    'checkpoint-dir': { description: 'Folder holding the checkpoint folders (step_1000, checkpoint-500, …)', default: 'checkpoints' },
    evaluator: { description: 'How checkpoints are scored: builtin, command or results', default: 'builtin' },
    benchmarks: { description: 'Only these benchmarks (ids or names, comma or newline separated)' },
    weights: { description: 'Benchmark weights for eval_accuracy, `name=weight` per line or comma separated' },
    'output-dir': { description: 'Where scores.json and scores.csv are written', default: './eval-results locally, $RUNNER_TEMP/checkpoint-eval in Actions' },
    'eval-command': { description: 'evaluator=command: run per checkpoint, with {checkpoint} {step} {name} {output}' },
    'eval-concurrency': { description: 'evaluator=command: checkpoints evaluated at once', default: 'number of CPUs' },
    'eval-timeout': { description: 'evaluator=command: time limit per checkpoint (e.g. 90s, 30m, 2h)', default: '60m' },
    metric: { description: 'Metric that ranks checkpoints (eval_ prefix optional)', default: 'eval_accuracy' },
    'greater-is-better': { description: 'true, false or auto (lower wins for *loss)', default: 'auto' }
};


/***/ }),

/***/ 810:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  p: () => (/* binding */ evaluateCheckpoints)
});

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/checkpoints.ts
// discover(): the folders of checkpoint-dir -> checkpoints that can be evaluated, and the
// ones that look like checkpoints but can't (with the reason, so the user can fix them).


/**
 * `step_1000`, `step-1000`, `step1000`, `checkpoint-500`, `checkpoint_500`, `global_step_20`,
 * `global_step20`, `ckpt-3`: a known prefix, an optional separator, the step.
 */
const CHECKPOINT_NAME = /^(?:global[_-]?step|step|checkpoint|ckpt)[_-]?(\d+)$/i;
const RECOGNISED_NAMES = 'step_1000, step-1000, checkpoint-500, checkpoint_500, global_step_20, global_step20';
/** The step at the end of a checkpoint folder's name, or null when the name isn't one. */
function parseStep(name) {
    const match = CHECKPOINT_NAME.exec(name);
    if (!match)
        return null;
    const step = Number(match[1]);
    return Number.isSafeInteger(step) ? step : null;
}
class DiscoveryError extends Error {
}
/** Which weights the folder holds, or why it has none that can be used. */
async function findWeights(dir, files) {
    for (const [name, format] of [
        ['model.safetensors', 'safetensors'],
        ['pytorch_model.bin', 'pytorch']
    ]) {
        if (files.has(name))
            return { format, files: [name] };
    }
    for (const [index, format] of [
        ['model.safetensors.index.json', 'sharded-safetensors'],
        ['pytorch_model.bin.index.json', 'sharded-pytorch']
    ]) {
        if (!files.has(index))
            continue;
        let shards;
        try {
            const parsed = JSON.parse(await (0,promises_namespaceObject.readFile)(external_node_path_default().join(dir, index), 'utf8'));
            shards = [...new Set(Object.values(parsed.weight_map ?? {}))].sort();
        }
        catch (error) {
            return `${index} is not valid JSON (${error.message})`;
        }
        if (shards.length === 0)
            return `${index} has no weight_map entries`;
        const missing = shards.filter((shard) => !files.has(shard));
        if (missing.length > 0) {
            const shown = missing.slice(0, 3).join(', ') + (missing.length > 3 ? `, and ${missing.length - 3} more` : '');
            return `missing ${missing.length} of ${shards.length} shards listed in ${index}: ${shown}`;
        }
        return { format, files: shards };
    }
    for (const name of ['adapter_model.safetensors', 'adapter_model.bin']) {
        if (files.has(name))
            return { format: 'peft-adapter', files: [name] };
    }
    return 'no weights (model.safetensors, pytorch_model.bin, a sharded *.index.json with its shards, or adapter_model.safetensors)';
}
/** True when `target` is `root` or inside it. */
function isInside(root, target) {
    const relative = external_node_path_default().relative(root, target);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_default().isAbsolute(relative));
}
/**
 * The regular files at the top of a checkpoint folder. A symlink counts only when it resolves
 * to a file inside checkpoint-dir: one leading elsewhere is not followed.
 */
async function listFiles(dir, realRoot) {
    const table = new Map();
    const entries = await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true });
    await Promise.all(entries.map(async (entry) => {
        const full = external_node_path_default().join(dir, entry.name);
        if (entry.isFile()) {
            table.set(entry.name, { name: entry.name, size: (await (0,promises_namespaceObject.lstat)(full)).size });
        }
        else if (entry.isSymbolicLink()) {
            const target = await (0,promises_namespaceObject.realpath)(full).catch(() => null);
            if (target === null || !isInside(realRoot, target))
                return;
            const info = await (0,promises_namespaceObject.stat)(target);
            if (info.isFile())
                table.set(entry.name, { name: entry.name, size: info.size });
        }
    }));
    return table;
}
async function inspect(root, realRoot, name, step) {
    const folder = external_node_path_default().join(root, name);
    const skip = (reason) => ({ name, path: folder, step, reason });
    const real = await (0,promises_namespaceObject.realpath)(folder).catch(() => null);
    if (real === null)
        return skip('a broken symlink');
    if (!isInside(realRoot, real))
        return skip(`a symlink to ${real}, outside checkpoint-dir: not followed`);
    if (!(await (0,promises_namespaceObject.stat)(real)).isDirectory())
        return skip('not a folder');
    let files;
    try {
        files = await listFiles(folder, realRoot);
    }
    catch (error) {
        return skip(`unreadable (${error.code ?? error.message})`);
    }
    const weights = await findWeights(folder, files);
    const isAdapter = typeof weights !== 'string' && weights.format === 'peft-adapter';
    const configName = isAdapter ? 'adapter_config.json' : 'config.json';
    const problems = [];
    if (!files.has(configName) && !files.has('config.json'))
        problems.push(`missing ${configName}`);
    if (typeof weights === 'string')
        problems.push(weights);
    if (problems.length > 0 || typeof weights === 'string')
        return skip(problems.join('; '));
    const sorted = [...files.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
        name,
        path: folder,
        step,
        weightsFormat: weights.format,
        weightsFiles: weights.files,
        files: sorted,
        sizeBytes: sorted.reduce((sum, f) => sum + f.size, 0)
    };
}
const byStepThenName = (a, b) => (a.step ?? -1) - (b.step ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
/** Find every checkpoint in `root`. Throws DiscoveryError when `root` can't be read. */
async function discover({ root, concurrency = 64 }) {
    let realRoot;
    let entries;
    try {
        realRoot = await (0,promises_namespaceObject.realpath)(root);
        entries = await (0,promises_namespaceObject.readdir)(root, { withFileTypes: true });
    }
    catch (error) {
        const code = error.code;
        const why = code === 'ENOENT' ? 'does not exist'
            : code === 'ENOTDIR' ? 'is not a folder'
                : code === 'EACCES' ? 'is not readable (permission denied)'
                    : `can't be read (${code ?? error.message})`;
        throw new DiscoveryError(`checkpoint-dir '${root}' ${why}. Set the checkpoint-dir input to the folder that holds your ` +
            `checkpoint folders (${RECOGNISED_NAMES}), relative to the workspace.`);
    }
    const candidates = [];
    const ignored = [];
    for (const entry of entries) {
        const step = entry.isDirectory() || entry.isSymbolicLink() ? parseStep(entry.name) : null;
        if (step === null)
            ignored.push(entry.name);
        else
            candidates.push({ name: entry.name, step });
    }
    const inspected = new Array(candidates.length);
    let next = 0;
    const worker = async () => {
        while (next < candidates.length) {
            const i = next++;
            inspected[i] = await inspect(root, realRoot, candidates[i].name, candidates[i].step);
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, candidates.length) }, worker));
    const checkpoints = inspected.filter((c) => 'weightsFormat' in c).sort(byStepThenName);
    const skipped = inspected.filter((c) => 'reason' in c).sort(byStepThenName);
    return { root, checkpoints, skipped, ignored: ignored.sort() };
}
/** Stop early, with a fix, when discovery found nothing that can be evaluated. */
function requireCheckpoints(discovery) {
    if (discovery.checkpoints.length > 0)
        return;
    if (discovery.skipped.length === 0) {
        const seen = discovery.ignored.slice(0, 5).join(', ');
        throw new DiscoveryError(`checkpoint-dir '${discovery.root}' holds no checkpoint folders` +
            (seen ? ` (found: ${seen}${discovery.ignored.length > 5 ? ', …' : ''})` : ' (it is empty)') +
            `. A checkpoint is a folder whose name ends in its step: ${RECOGNISED_NAMES}. ` +
            'Point checkpoint-dir at the folder that holds them (e.g. your Trainer output_dir).');
    }
    const reasons = discovery.skipped
        .slice(0, 5)
        .map((s) => `${s.name}: ${s.reason}`)
        .join('; ');
    throw new DiscoveryError(`none of the ${discovery.skipped.length} checkpoint folders in '${discovery.root}' can be evaluated (${reasons}` +
        `${discovery.skipped.length > 5 ? '; …' : ''}). Each needs config.json and its weights; ` +
        'check that the training run saved them (save_safetensors, save_only_model) and finished writing.');
}

// EXTERNAL MODULE: ./src/evaluate/builtin-suite.ts
var builtin_suite = __nccwpck_require__(957);
;// CONCATENATED MODULE: ./src/evaluate/builtin.ts
// The default evaluator: the built-in suite, scored from each checkpoint's step.

function createBuiltinEvaluator({ benchmarks } = {}) {
    const selected = benchmarks ? builtin_suite/* BUILTIN_SUITE */.Ho.filter((b) => benchmarks.includes(b.id)) : [...builtin_suite/* BUILTIN_SUITE */.Ho];
    return {
        info: { kind: 'builtin', settings: { benchmarks: selected.map((b) => b.id) } },
        async evaluate(checkpoints, { log, onProgress }) {
            const results = [];
            for (const checkpoint of checkpoints) {
                const started = performance.now();
                const scores = (0,builtin_suite/* builtinScores */.Hu)(checkpoint.step, selected);
                results.push({ checkpoint, status: 'ok', scores, metrics: {}, durationMs: performance.now() - started });
                onProgress?.(results.length, checkpoints.length, checkpoint.name);
            }
            if (checkpoints.some((c) => c.step <= 0)) {
                log.warning('checkpoints at step 0 have no built-in scores: the suite scores positive steps only');
            }
            return {
                evaluator: this.info,
                benchmarks: selected.map(({ id, name, group }) => ({ id, name, group })),
                results
            };
        }
    };
}

;// CONCATENATED MODULE: ./src/evaluate/index.ts

function createEvaluator(config, _context) {
    switch (config.evaluator) {
        case 'builtin':
            return createBuiltinEvaluator({ benchmarks: config.benchmarks });
        default:
            throw new Error(`evaluator '${config.evaluator}' is not available in this build`);
    }
}

// EXTERNAL MODULE: ./src/round.ts
var round = __nccwpck_require__(771);
;// CONCATENATED MODULE: ./src/metrics.ts
// eval_accuracy: the one number checkpoints are ranked by unless the user picks another metric.

/**
 * The mean (or weighted mean) of the benchmarks' scores, summed in the benchmarks' order,
 * then round3 — the spec's exact recipe. Benchmarks without a score are left out; with no
 * score at all the result is null (such a checkpoint can't win).
 */
function evalAccuracy(benchmarks, scores, weights = {}) {
    let weightedSum = 0;
    let weightTotal = 0;
    for (const b of benchmarks) {
        const score = scores[b.id];
        if (score === null || score === undefined || !Number.isFinite(score))
            continue;
        const weight = weights[b.id] ?? 1;
        weightedSum += score * weight;
        weightTotal += weight;
    }
    return weightTotal > 0 ? (0,round/* round3 */.cH)(weightedSum / weightTotal) : null;
}

;// CONCATENATED MODULE: ./src/rank.ts
// rank(): evaluation results -> the checkpoints in order and the winner.

const DEFAULT_METRIC = 'eval_accuracy';
const stripEval = (name) => name.replace(/^eval_/, '');
/** The value of `metric` for one result: a benchmark score or a reported metric, prefix-blind. */
function metricValue(result, metric, accuracy) {
    const bare = stripEval(metric);
    for (const key of [metric, bare, `eval_${bare}`]) {
        const score = result.scores[key];
        if (typeof score === 'number')
            return score;
        const reported = result.metrics[key];
        if (typeof reported === 'number')
            return reported;
    }
    // eval_accuracy is usually not reported by name: it is the benchmarks' mean.
    return bare === 'accuracy' ? accuracy : null;
}
/** Lower wins for losses, perplexities and benchmarks the evaluator marks so. */
function resolveMetric(run, options) {
    const name = options.metric?.trim() || DEFAULT_METRIC;
    if (options.greaterIsBetter !== undefined)
        return { name, greaterIsBetter: options.greaterIsBetter };
    const bare = stripEval(name);
    const benchmark = run.benchmarks.find((b) => b.id === name || b.id === bare || b.id === `eval_${bare}`);
    if (benchmark?.higherIsBetter !== undefined)
        return { name, greaterIsBetter: benchmark.higherIsBetter };
    return { name, greaterIsBetter: !/(loss|perplexity|ppl|error|wer|cer)$/i.test(bare) };
}
/** eval_accuracy of one result: what the evaluator reported, else the (weighted) benchmark mean. */
function accuracyOf(run, result, weights) {
    if (result.status !== 'ok')
        return null;
    const reported = result.metrics[DEFAULT_METRIC];
    if (typeof reported === 'number')
        return reported;
    return evalAccuracy(run.benchmarks, result.scores, weights);
}
/**
 * Best first. Ties go to the earlier step (as a Trainer's best_metric keeps the first best),
 * then to the name, so the order never depends on the file system's listing order.
 */
function rank(run, options = {}) {
    const metric = resolveMetric(run, options);
    const weights = options.weights ?? {};
    const entries = run.results.map((evaluation) => {
        const accuracy = accuracyOf(run, evaluation, weights);
        const value = evaluation.status === 'ok' ? metricValue(evaluation, metric.name, accuracy) : null;
        return { evaluation, evalAccuracy: accuracy, value, rank: null };
    });
    const direction = metric.greaterIsBetter ? -1 : 1;
    const ranked = entries
        .filter((e) => e.value !== null && Number.isFinite(e.value))
        .sort((a, b) => {
        const byValue = direction * (a.value - b.value);
        if (byValue !== 0)
            return byValue;
        const ca = a.evaluation.checkpoint;
        const cb = b.evaluation.checkpoint;
        return ca.step - cb.step || (ca.name < cb.name ? -1 : ca.name > cb.name ? 1 : 0);
    });
    ranked.forEach((entry, i) => (entry.rank = i + 1));
    const unranked = entries.filter((e) => e.rank === null);
    return { metric, entries: [...ranked, ...unranked], winner: ranked[0] ?? null };
}

;// CONCATENATED MODULE: ./src/report/scores.ts
// scores.json and scores.csv: the run's results as files that later jobs, later runs (baselines)
// and the aggregate job of a sharded run read back. The JSON schema is versioned.



const SCORES_SCHEMA = 'checkpoint-eval/scores';
const SCORES_VERSION = 1;
function buildScoresDocument({ run, discovery, evaluation, ranking, weights }) {
    const checkpoints = ranking.entries.map(({ evaluation: e, evalAccuracy, value, rank }) => ({
        name: e.checkpoint.name,
        path: e.checkpoint.path,
        step: e.checkpoint.step,
        status: e.status,
        ...(e.error ? { error: e.error } : {}),
        scores: e.scores,
        metrics: e.metrics,
        evalAccuracy,
        value,
        rank,
        sizeBytes: e.checkpoint.sizeBytes,
        weightsFormat: e.checkpoint.weightsFormat,
        durationMs: Math.round(e.durationMs)
    }));
    const w = ranking.winner;
    return {
        schema: SCORES_SCHEMA,
        version: SCORES_VERSION,
        run,
        evaluator: evaluation.evaluator,
        metric: ranking.metric,
        weights,
        benchmarks: evaluation.benchmarks,
        checkpoints,
        skipped: discovery.skipped.map(({ name, path: p, step, reason }) => ({ name, path: p, step, reason })),
        winner: w && {
            name: w.evaluation.checkpoint.name,
            path: w.evaluation.checkpoint.path,
            step: w.evaluation.checkpoint.step,
            evalAccuracy: w.evalAccuracy,
            value: w.value,
            scores: w.evaluation.scores
        }
    };
}
/** RFC 4180: quote fields holding a comma, quote or line break. */
const csvField = (value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
/** One row per checkpoint (rank order), benchmark columns in canonical order. */
function renderScoresCsv(doc) {
    const metricColumn = doc.metric.name === 'eval_accuracy' ? [] : [doc.metric.name];
    const header = ['rank', 'checkpoint', 'step', 'status', 'eval_accuracy', ...metricColumn, ...doc.benchmarks.map((b) => b.id), 'size_bytes', 'path', 'error'];
    const rows = doc.checkpoints.map((c) => [
        c.rank === null ? '' : String(c.rank),
        c.name,
        String(c.step),
        c.status,
        (0,round/* formatScore */.y)(c.evalAccuracy),
        ...(metricColumn.length ? [c.value === null ? '' : String(c.value)] : []),
        ...doc.benchmarks.map((b) => (0,round/* formatScore */.y)(c.scores[b.id])),
        String(c.sizeBytes),
        c.path,
        c.error ?? ''
    ]);
    return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
async function writeScoresFiles(doc, outputDir, baseName = 'scores') {
    await (0,promises_namespaceObject.mkdir)(outputDir, { recursive: true });
    const files = { json: external_node_path_default().join(outputDir, `${baseName}.json`), csv: external_node_path_default().join(outputDir, `${baseName}.csv`) };
    await (0,promises_namespaceObject.writeFile)(files.json, JSON.stringify(doc, null, 2) + '\n');
    await (0,promises_namespaceObject.writeFile)(files.csv, renderScoresCsv(doc));
    return files;
}
/** Read a scores.json written by this action; `what` names the input it came from, for errors. */
async function readScoresDocument(file, what) {
    let parsed;
    try {
        parsed = JSON.parse(await readFile(file, 'utf8'));
    }
    catch (error) {
        const code = error.code;
        throw new Error(code === 'ENOENT'
            ? `${what}: '${file}' does not exist. Give the path of a scores.json written by this action.`
            : `${what}: '${file}' is not valid JSON (${error.message}).`);
    }
    const doc = parsed;
    if (doc?.schema !== SCORES_SCHEMA) {
        throw new Error(`${what}: '${file}' is not a scores file of this action (no "schema": "${SCORES_SCHEMA}").`);
    }
    if (doc.version !== SCORES_VERSION) {
        throw new Error(`${what}: '${file}' has scores schema version ${doc.version}; this action reads version ${SCORES_VERSION}. Use the same major version of the action for both runs.`);
    }
    return doc;
}

;// CONCATENATED MODULE: ./src/pipeline.ts
// The stages, in order, on plain data: discover -> evaluate -> rank -> report. The entry
// points (main.ts for the action, cli.ts for the terminal) supply config, logger and run info.





function logDiscovery(discovery, log) {
    for (const s of discovery.skipped) {
        log.warning(`Skipped checkpoint ${s.name}: ${s.reason}`, s.path);
    }
    if (discovery.ignored.length) {
        log.debug(`Not checkpoints (ignored): ${discovery.ignored.join(', ')}`);
    }
}
function logRanking(ranking, log) {
    log.startGroup(`Scores of ${ranking.entries.length} checkpoints`);
    for (const e of [...ranking.entries].sort((a, b) => a.evaluation.checkpoint.step - b.evaluation.checkpoint.step)) {
        const c = e.evaluation.checkpoint;
        const shown = ranking.metric.name === 'eval_accuracy' ? (0,round/* formatScore */.y)(e.evalAccuracy) : String(e.value ?? '');
        const status = e.evaluation.status === 'failed' ? `failed: ${e.evaluation.error}` : `${ranking.metric.name}=${shown || 'n/a'}`;
        log.info(`${c.name} (step ${c.step}): ${status}${e.rank === 1 ? '  <- best' : ''}`);
    }
    log.endGroup();
    const w = ranking.winner;
    if (w) {
        const value = ranking.metric.name === 'eval_accuracy' ? (0,round/* formatScore */.y)(w.evalAccuracy) : String(w.value);
        log.info(`Best checkpoint: ${w.evaluation.checkpoint.name} (step ${w.evaluation.checkpoint.step}), ${ranking.metric.name} ${value}`);
    }
    else {
        log.warning(`No checkpoint could be ranked by ${ranking.metric.name}.`);
    }
}
/** discover -> evaluate -> rank -> scores files. Throws with a fix when nothing can be evaluated. */
async function evaluateCheckpoints({ config, log, run, cwd, onProgress }) {
    const discovery = await discover({ root: config.checkpointDir });
    logDiscovery(discovery, log);
    requireCheckpoints(discovery);
    log.info(`Found ${discovery.checkpoints.length} checkpoints in ${config.checkpointDir}` + (discovery.skipped.length ? ` (${discovery.skipped.length} skipped)` : ''));
    const evaluator = createEvaluator(config.evaluation, { cwd, outputDir: config.outputDir });
    const evaluation = await evaluator.evaluate(discovery.checkpoints, { log, onProgress });
    const ranking = rank(evaluation, { ...config.ranking, weights: config.evaluation.weights });
    logRanking(ranking, log);
    const scores = buildScoresDocument({ run, discovery, evaluation, ranking, weights: config.evaluation.weights });
    const files = await writeScoresFiles(scores, config.outputDir);
    return { discovery, evaluation, ranking, scores, files };
}


/***/ }),

/***/ 728:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  J: () => (/* binding */ renderTerminalReport)
});

// UNUSED EXPORTS: TERMINAL_ROWS

// EXTERNAL MODULE: ./src/round.ts
var round = __nccwpck_require__(771);
;// CONCATENATED MODULE: ./src/report/markdown.ts
// Small helpers for GitHub-flavoured markdown that the summary and PR comment share.
/** Text safe inside a table cell: pipes escaped, line breaks flattened, HTML neutralised. */
function cell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
}
function table(header, rows, align) {
    const rule = header.map((_, i) => ({ l: ':---', r: '---:', c: ':---:' })[align?.[i] ?? 'l']);
    return [header, rule, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
const byteLength = (text) => Buffer.byteLength(text, 'utf8');

;// CONCATENATED MODULE: ./src/report/terminal.ts
// The score table for a terminal: fixed-width columns, best first, the winner's benchmarks below.


/** How many checkpoints the terminal table lists before summarising the rest. */
const TERMINAL_ROWS = 30;
function columns(rows, align) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r.map((v, i) => (align[i] === 'r' ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}
function renderTerminalReport(doc, scoresFile) {
    const metric = doc.metric.name;
    const showValue = metric !== 'eval_accuracy';
    const header = ['#', 'checkpoint', 'step', 'size', ...(showValue ? [metric] : []), 'eval_accuracy', 'status'];
    const rows = doc.checkpoints.slice(0, TERMINAL_ROWS).map((c) => [
        c.rank === null ? '-' : String(c.rank),
        c.rank === 1 ? `${c.name} *` : c.name,
        String(c.step),
        formatBytes(c.sizeBytes),
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


/***/ }),

/***/ 771:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cH: () => (/* binding */ round3),
/* harmony export */   y: () => (/* binding */ formatScore)
/* harmony export */ });
/* unused harmony export roundHalfEven */
// Python's round(v, 3): the 3-decimal value nearest to the *exact* binary value of v, ties to
// even. toFixed and Math.round(v * 1000) / 1000 disagree on exact ties (0.8125 -> 0.813), and the
// scores in users' published model cards were made by Python, so this is done exactly with BigInt.
const view = new DataView(new ArrayBuffer(8));
/** v = sign * mantissa * 2^exponent, exactly. */
function decompose(v) {
    view.setFloat64(0, Math.abs(v));
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    const biased = (hi >>> 20) & 0x7ff;
    const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    return biased === 0
        ? { mantissa: fraction, exponent: -1074 }
        : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}
/** Round to `digits` decimals exactly as Python's round(v, digits) does (digits 0-15). */
function roundHalfEven(v, digits) {
    if (!Number.isFinite(v) || v === 0)
        return v;
    const { mantissa, exponent } = decompose(v);
    if (exponent >= 0)
        return v; // an integer: nothing after the point
    const scale = 10n ** BigInt(digits);
    const numerator = mantissa * scale;
    const denominator = 1n << BigInt(-exponent);
    let quotient = numerator / denominator;
    const twiceRemainder = (numerator % denominator) * 2n;
    if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) {
        quotient += 1n;
    }
    // quotient / 10^digits as a division of two exact doubles is correctly rounded, as Python's is.
    const rounded = Number(quotient) / Number(scale);
    return v < 0 ? -rounded : rounded;
}
const round3 = (v) => roundHalfEven(v, 3);
/** Scores are always shown with exactly three decimals (0.700, not 0.7). */
function formatScore(v) {
    return v === null || v === undefined ? '' : round3(v).toFixed(3);
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ TOOL_NAME),
/* harmony export */   w: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
// Written into scores.json so a later run knows which action produced it (kept equal to
// package.json's version by a test).
const TOOL_NAME = 'checkpoint-eval-action';
const TOOL_VERSION = '0.1.0';


/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__main = __webpack_exports__.i;
/******/ export { __webpack_exports__main as main };
/******/ 
