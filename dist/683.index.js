export const id = 683;
export const ids = [683];
export const modules = {

/***/ 80215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FB: () => (/* binding */ splitTableRow),
/* harmony export */   G7: () => (/* binding */ tableHeaderTracker),
/* harmony export */   U5: () => (/* binding */ splitCardLines),
/* harmony export */   fH: () => (/* binding */ findCardLinks),
/* harmony export */   tE: () => (/* binding */ codeSpans),
/* harmony export */   vQ: () => (/* binding */ splitFrontMatter),
/* harmony export */   yr: () => (/* binding */ cardLines)
/* harmony export */ });
/* unused harmony export isDelimiterRow */
// Just enough markdown structure for the model card: lines with their exact endings, fenced code
// blocks, table rows and cells, and the local files a card links. A full markdown parser would
// re-render the card; we must not, because every byte outside a placeholder stays as written.
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/**
 * The card's lines one at a time, each with its own ending, so that joining them gives the text
 * back. A generator: a 100 MB card is walked without holding a million line objects at once.
 */
function* cardLines(text) {
    const ending = /\r\n|\n|\r/g;
    let start = 0;
    let number = 0;
    let fence = null;
    const make = (end, eol) => {
        const lineText = text.slice(start, end);
        let inCode = fence !== null;
        if (fence) {
            const close = FENCE_CLOSE.exec(lineText);
            if (close && close[1][0] === fence.char && close[1].length >= fence.length)
                fence = null;
        }
        else if (lineText.includes('```') || lineText.includes('~~~')) {
            const open = FENCE_OPEN.exec(lineText);
            // A backtick fence's info string may not contain backticks (CommonMark); such a line is inline code.
            if (open && !(open[1][0] === '`' && lineText.slice(open[0].length).includes('`'))) {
                fence = { char: open[1][0], length: open[1].length };
                inCode = true;
            }
        }
        const line = { number: ++number, start, text: lineText, eol, inCode };
        start = end + eol.length;
        return line;
    };
    for (let m = ending.exec(text); m; m = ending.exec(text))
        yield make(m.index, m[0]);
    if (start < text.length || number === 0)
        yield make(text.length, '');
}
/** All of cardLines at once, for short texts. */
function splitCardLines(text) {
    return [...cardLines(text)];
}
const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*(?:\r\n|\n|\r)/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
/**
 * The YAML front matter: a first line `---` (after an optional BOM) up to the next `---` or `...`
 * line, with any line endings. Null when there is none; a lone `---` first line without a
 * closing one is a horizontal rule, not front matter.
 */
function splitFrontMatter(card) {
    if (!FRONT_MATTER_OPEN.test(card))
        return null;
    let yamlStart = -1;
    let close;
    for (const line of cardLines(card)) {
        if (line.number === 1)
            continue;
        if (yamlStart < 0)
            yamlStart = line.start;
        if (FRONT_MATTER_CLOSE.test(line.text)) {
            close = line;
            break;
        }
    }
    if (!close)
        return null;
    return {
        yaml: card.slice(yamlStart, close.start),
        yamlStart,
        yamlEnd: close.start,
        bodyStart: close.start + close.text.length + close.eol.length
    };
}
/**
 * The cells of a table row. GFM splits on every `|` that is not escaped (even inside code spans),
 * and the leading/trailing pipes are optional; spacing around pipes does not matter.
 */
function splitTableRow(line) {
    const cells = [];
    let cellStart = 0;
    for (let i = 0; i <= line.length; i++) {
        const ch = line[i];
        if (ch === '\\') {
            i++;
            continue;
        }
        if (ch === '|' || i === line.length) {
            cells.push({ text: line.slice(cellStart, i), start: cellStart, end: i });
            cellStart = i + 1;
        }
    }
    // Drop the empty "cells" outside a leading or trailing pipe.
    if (cells.length > 1 && cells[0].text.trim() === '')
        cells.shift();
    if (cells.length > 1 && cells[cells.length - 1].text.trim() === '')
        cells.pop();
    return cells;
}
const DELIMITER_CELL = /^\s*:?-+:?\s*$/;
/** `|---|:--:|` */
function isDelimiterRow(line) {
    if (!line.includes('-'))
        return false;
    const cells = splitTableRow(line);
    return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c.text));
}
/**
 * Follows the tables of a card read line by line: called with each line in order, returns the
 * header row of the table the line belongs to (the row above the nearest delimiter row, up through
 * the contiguous pipe rows), or undefined. One pass, where walking up from every row would be
 * quadratic in a long table.
 */
function tableHeaderTracker() {
    let header;
    let previous;
    return (line) => {
        let current;
        if (line.inCode || !line.text.includes('|'))
            header = undefined;
        else {
            current = header;
            if (isDelimiterRow(line.text)) {
                header = previous && !previous.inCode && previous.text.includes('|') ? previous : undefined;
            }
        }
        previous = line;
        return current;
    };
}
/** The code spans of a line as [start, end) offsets, for many lookups in one line. */
function codeSpans(line) {
    return [...line.matchAll(CODE_SPAN)].map((m) => [m.index, m.index + m[0].length]);
}
// `](dest` after a link's text: also catches links whose text holds another link or an image
// (`[![badge](a.svg)](b.md)`), which a "[text](dest)" regex would miss.
const INLINE_LINK = /\]\(\s*(<[^>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))*)/g;
// `[^1]: text` is a footnote, not a link definition.
const REFERENCE_DEFINITION = /^ {0,3}\[(?!\^)(?:[^\]\\\r\n]|\\.)+\]:[ \t]*(<[^>\r\n]*>|\S+)/gm;
const HTML_TAG = /<[A-Za-z][A-Za-z0-9-]*(\s[^<>]*?)?\/?>/g;
const HTML_LINK_ATTRIBUTE = /\s(?:src|href|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const CODE_SPAN = /(`+)([^`]|(?!\1)`)*?\1/g;
/** Replaces code spans with spaces so links shown as code are not taken for links (offsets kept). */
function blankCodeSpans(text) {
    return text.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
}
function unwrapAngle(target) {
    return target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target;
}
/** Every link and image target in the card, outside code blocks and code spans. */
function findCardLinks(text) {
    // Mask code with spaces, keeping offsets, then search the whole text so that an HTML tag
    // spread over several lines (`<img\n  src="a.png">`) is still found. Only code is rewritten:
    // the rest are slices of the card, so the mask costs one copy of it at most.
    const starts = [];
    const pieces = [];
    let copied = 0;
    for (const l of cardLines(text)) {
        starts.push(l.start);
        if (!l.inCode && !l.text.includes('`'))
            continue;
        pieces.push(text.slice(copied, l.start), l.inCode ? ' '.repeat(l.text.length) : blankCodeSpans(l.text));
        copied = l.start + l.text.length;
    }
    const masked = pieces.length === 0 ? text : pieces.join('') + text.slice(copied);
    const lineAt = (offset) => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    };
    const links = [];
    for (const m of masked.matchAll(REFERENCE_DEFINITION)) {
        links.push({ line: lineAt(m.index), target: unwrapAngle(m[1]), syntax: 'reference' });
    }
    for (const m of masked.matchAll(INLINE_LINK)) {
        links.push({ line: lineAt(m.index), target: unwrapAngle(m[1]), syntax: 'markdown' });
    }
    for (const tag of masked.matchAll(HTML_TAG)) {
        for (const attr of (tag[1] ?? '').matchAll(HTML_LINK_ATTRIBUTE)) {
            const value = attr[1] ?? attr[2] ?? attr[3] ?? '';
            // +1: the match starts at the whitespace before the attribute, which may be a line break.
            const offset = tag.index + tag[0].indexOf(tag[1] ?? '') + (attr.index ?? 0) + 1;
            links.push({ line: lineAt(offset), target: value.replace(/&amp;/g, '&'), syntax: 'html' });
        }
    }
    return links.filter((l) => l.target.trim() !== '').sort((a, b) => a.line - b.line);
}


/***/ }),

/***/ 64389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   qw: () => (/* binding */ inputDefault)
/* harmony export */ });
/* unused harmony export OUTPUTS */
// Every input, once: its name, kind, default and description. action.yml says the same to
// GitHub (a test holds the two equal); the CLI builds its flags and --help from this table, and
// config/parse.ts takes its defaults from it. Outputs likewise.
const INPUTS = {
    'checkpoint-dir': {
        kind: 'path',
        default: 'checkpoints',
        description: 'Folder holding the checkpoint folders (step_1000, step-1000, checkpoint-500, checkpoint_500, global_step_20, global_step20), relative to the workspace.'
    },
    evaluator: {
        kind: 'choice',
        choices: ['builtin', 'command', 'results'],
        default: 'builtin',
        description: 'How checkpoints are scored: `builtin` (the built-in 15-benchmark suite), `command` (your eval-command per checkpoint) or `results` (metrics already on disk: trainer_state.json, eval_results.json, lm-evaluation-harness or lighteval results).'
    },
    benchmarks: {
        kind: 'list',
        description: 'Only these benchmarks (ids or display names, comma or newline separated). Default: all.'
    },
    weights: {
        kind: 'list',
        description: 'Benchmark weights for eval_accuracy, one `name=weight` per line or comma separated (unlisted benchmarks weigh 1).'
    },
    'output-dir': {
        kind: 'path',
        local: './eval-results',
        description: 'Where scores.json and scores.csv are written. Default: $RUNNER_TEMP/checkpoint-eval.'
    },
    'eval-command': {
        kind: 'text',
        description: 'evaluator=command: shell command run once per checkpoint; {checkpoint}, {step}, {name} and {output} are replaced (quoted). Metrics: a JSON object on the last stdout line or in {output}.'
    },
    'eval-concurrency': {
        kind: 'count',
        description: 'evaluator=command: how many checkpoints are evaluated at once. Default: the number of CPUs (with eval-devices: the number of device groups).'
    },
    'eval-timeout': {
        kind: 'duration',
        default: '60m',
        description: 'evaluator=command: time limit per checkpoint, e.g. 90s, 30m, 2h (a bare number is seconds).'
    },
    'eval-devices': {
        kind: 'list',
        description: 'evaluator=command: GPUs to share out, e.g. `0,1,2,3`, or `auto` (from nvidia-smi -L, or $CUDA_VISIBLE_DEVICES when set). Each running evaluation gets its own group through CUDA_VISIBLE_DEVICES and {device}; eval-concurrency defaults to the number of groups.'
    },
    'devices-per-eval': {
        kind: 'count',
        description: 'evaluator=command, with eval-devices: how many devices each evaluation gets (for models that need more than one GPU). Default: 1.'
    },
    'results-files': {
        kind: 'list',
        default: '**/results_*.json, **/*{step}*.json, eval_results.json, all_results.json, trainer_state.json',
        description: 'evaluator=results: files to read in each checkpoint folder, tried in order (globs; {name} and {step} are filled in).'
    },
    cache: {
        kind: 'yes-no',
        actionOnly: true,
        default: 'true',
        description: 'Keep results in the GitHub Actions cache and evaluate only checkpoints (or settings) not seen before: a result is reused when the checkpoint files and the evaluator settings are the same. `false` evaluates everything.'
    },
    'cache-dir': {
        kind: 'path',
        description: 'Keep results in this folder instead (a persistent folder of a self-hosted runner, or the CLI, where caching is off unless this is given).'
    },
    metric: {
        kind: 'text',
        description: 'The metric that ranks checkpoints, as the results name it (eval_wer, acc_norm, mmlu_stem, or task/metric such as lambada_openai/acc; the eval_ prefix is optional). Default: eval_accuracy when the results have it, else the metric the Trainer optimised, else the mean of the scores when they share a direction and scale; otherwise the run stops and lists the choices.'
    },
    'greater-is-better': {
        kind: 'yes-no-auto',
        default: 'auto',
        description: 'true, false or auto (auto: lower wins for loss-like metrics, or as the results file says).'
    },
    'min-score': {
        kind: 'number',
        description: "Fail the job (after the report is written) when the winner's metric is below this (above it, for lower-is-better metrics). Equal passes."
    },
    baseline: {
        kind: 'text',
        description: 'Compare the winner with an earlier result: a path to a scores.json, or `hub` for the scores in the model card published at repo-id. A missing baseline passes with a notice.'
    },
    'max-regression': {
        kind: 'number',
        description: 'Largest allowed drop of the metric from the baseline, absolute (e.g. 0.005); a drop exactly this big passes; 0 allows none. Needs baseline.'
    },
    comment: {
        kind: 'choice',
        actionOnly: true,
        choices: ['auto', 'always', 'never'],
        default: 'auto',
        description: 'Pull-request comment with the winner, the change against the baseline and the gate: `auto` (on pull_request events, skipped with a notice when the token may not write), `always` (fail when it cannot be written) or `never`.'
    },
    'github-token': {
        kind: 'secret',
        actionOnly: true,
        default: '${{ github.token }}',
        description: 'Token for the pull-request comment; needs `pull-requests: write`.'
    },
    'artifact-name': {
        kind: 'text',
        description: 'Name of the uploaded artifact holding scores.json, scores.csv and the summary. Default: unique per job (so matrix jobs do not collide); shards use <artifact-name>-shard-i-of-n with artifact-name defaulting to checkpoint-eval.'
    },
    'repo-id': {
        kind: 'text',
        description: "Hub model repo to publish the winner to: `name` (under the token owner's namespace) or `namespace/name`."
    },
    'hf-token': {
        kind: 'secret',
        local: '$HF_TOKEN, then the Hub token file (~/.cache/huggingface/token, or --token-file)',
        description: 'Hugging Face token with write access (a secret). Empty: trusted publishing through GitHub OIDC when the job has `id-token: write`.'
    },
    publish: {
        kind: 'choice',
        choices: ['auto', 'always', 'never'],
        default: 'auto',
        description: '`auto` (publish when credentials are present and the run is for a release tag or release event), `always` or `never`.'
    },
    'hub-url': {
        kind: 'url',
        description: 'Hub endpoint (enterprise or test hubs). Default: $HF_ENDPOINT if set, else https://huggingface.co.'
    },
    'hub-timeout': {
        kind: 'duration',
        default: '60s',
        description: 'A Hub request that gets no answer, or an upload or download that moves no data, for this long fails with an error naming the request, e.g. 30s, 2m.'
    },
    'publish-timeout': {
        kind: 'duration',
        default: '2h',
        description: 'Time limit for the whole publish (credentials, upload, commit, verification), e.g. 90m, 3h.'
    },
    private: {
        kind: 'yes-no',
        default: 'false',
        description: 'Create the repo private; only applies when the repo is created.'
    },
    revision: {
        kind: 'text',
        default: 'main',
        description: 'Branch to publish to; created from main when missing.'
    },
    'create-pr': {
        kind: 'yes-no',
        default: 'false',
        description: 'Open a Hub pull request instead of pushing to the branch.'
    },
    'commit-message': {
        kind: 'text',
        description: 'Title of the Hub commit. Default names the checkpoint, its step and eval_accuracy; the description links the GitHub run.'
    },
    'model-card': {
        kind: 'path',
        description: 'Model card template (a README.md with {RESULT} and named placeholders). Default: README.md in the winning checkpoint, or a README.md with placeholders beside the checkpoint folders, or a generated card.'
    },
    'card-metadata': {
        kind: 'choice',
        choices: ['none', 'model-index'],
        default: 'none',
        description: '`none` or `model-index` (add the scores to the card front matter as model-index, which the Hub validates).'
    },
    'card-task': {
        kind: 'text',
        description: "model-index: the Hub task the scores are for (e.g. `text-classification`, `automatic-speech-recognition`). Default: the card's pipeline_tag."
    },
    'card-dataset': {
        kind: 'text',
        description: 'model-index: the Hub dataset the scores were measured on, as `id`, `id:config` or `id:config:split` (e.g. `nyu-mll/glue:mrpc:validation`). lm-evaluation-harness results name their own datasets.'
    },
    assets: {
        kind: 'list',
        description: 'Extra files to upload, globs relative to the workspace (one per line or comma separated).'
    },
    exclude: {
        kind: 'list',
        description: 'Files of the checkpoint not to upload, globs on repo paths (like .gitignore; `!optimizer.pt` brings back default-excluded training state). Token and secret files are never uploaded.'
    },
    'dry-run': {
        kind: 'yes-no',
        default: 'false',
        description: 'Prepare and show everything that would be published (the upload list is in the summary), send nothing.'
    },
    'hub-tag': {
        kind: 'yes-no',
        default: 'false',
        description: 'On a tag run, tag the Hub commit with the same name.'
    },
    shard: {
        kind: 'text',
        description: 'Evaluate only slice i of n (e.g. `${{ matrix.shard }}/4`): writes scores-shard-i-of-n.json and uploads it as <artifact-name>-shard-i-of-n. A shard does not gate or publish.'
    },
    aggregate: {
        kind: 'text',
        description: "Rank the shards' partial score files instead of evaluating, then report, gate and publish as a single run. `artifacts` downloads this workflow run's <artifact-name>-shard-i-of-n artifacts (artifact-name defaulting to checkpoint-eval) into <output-dir>/shards itself (the shard jobs must be in needs:); otherwise a folder, file or glob, e.g. the folder actions/download-artifact wrote with merge-multiple (a folder named artifacts is given as ./artifacts)."
    }
};
/** The table's default for an input; expressions GitHub fills in (`${{ github.token }}`) don't count. */
function inputDefault(name) {
    const spec = INPUTS[name];
    return spec.default?.startsWith('${{') ? undefined : spec.default;
}
/** Every output, once: name and description (action.yml says the same; a test holds them equal). */
const OUTPUTS = {
    'best-checkpoint': 'Path of the winning checkpoint folder.',
    'best-step': 'Step of the winning checkpoint.',
    'eval-accuracy': "The winner's eval_accuracy, with three decimals.",
    'metric-value': "The winner's value of the ranking metric.",
    'scores-file': 'Path of scores.json (scores.csv is beside it).',
    'checkpoints-evaluated': 'How many checkpoints were evaluated successfully.',
    'checkpoints-cached': 'How many checkpoint results were reused from the cache instead of evaluated.',
    'evaluations-run': 'How many checkpoints were evaluated by this run (not taken from the cache).',
    'checkpoints-skipped': 'How many checkpoint folders were skipped (missing config or weights).',
    'checkpoints-failed': 'How many checkpoints failed to evaluate.',
    gate: '`passed`, `failed` or `skipped` (no gate configured, or a shard job).',
    'artifact-id': 'ID of the uploaded scores artifact (empty when not uploaded).',
    'artifact-url': 'URL of the uploaded scores artifact.',
    'comment-url': 'URL of the pull-request comment, when one was written.',
    published: '`true` when the winner was published to the Hub.',
    'repo-url': 'URL of the Hub repo (<hub-url>/<namespace>/<name>).',
    'commit-sha': 'The Hub commit.',
    'commit-url': 'URL of the Hub commit.',
    'pr-url': 'URL of the Hub pull request, with create-pr.'
};


/***/ }),

/***/ 1027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o4: () => (/* binding */ parseConfig)
});

// UNUSED EXPORTS: AGGREGATE_FROM_ARTIFACTS, parseCardDataset, parseCardTask, parseShard

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/domain/repo-id.ts
var repo_id = __webpack_require__(15934);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/config/confine.ts
// Path inputs stay where the job's files are: the workspace, or the runner's temp folder. A path
// is judged after resolving symlinks (of its nearest existing folder, for one not made yet), so
// `model-card: ../../etc/passwd` or a symlink to /etc can't publish the runner's files.



/** Kernel file systems: writing there can hang or do harm, and is never what a user meant. */
const KERNEL_FS = ['/proc', '/sys', '/dev'];
/** The real path of `p`: symlinks resolved as far as the path exists, the rest appended. */
function realPathOf(p) {
    const rest = [];
    for (let current = external_node_path_default().resolve(p);; current = external_node_path_default().dirname(current)) {
        try {
            return external_node_path_default().join((0,external_node_fs_.realpathSync)(current), ...rest.reverse());
        }
        catch {
            if (external_node_path_default().dirname(current) === current)
                return external_node_path_default().resolve(p);
            rest.push(external_node_path_default().basename(current));
        }
    }
}
function inside(root, p) {
    const rel = external_node_path_default().relative(root, p);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
function assertConfined(name, value, confine, options = {}) {
    const real = realPathOf(value);
    const shown = options.given ?? value;
    if (options.kernelFs && process.platform !== 'win32' && KERNEL_FS.some((k) => inside(k, real))) {
        throw new errors/* InputError */.d(name, `'${shown}' is inside ${real.split((external_node_path_default()).sep).slice(0, 2).join((external_node_path_default()).sep)}, a kernel file system; choose a folder in the workspace.`);
    }
    if (!confine || confine.exempt?.(name))
        return;
    const roots = [...confine.roots, ...(options.writable ? (confine.writableRoots ?? []) : [])]
        .filter(Boolean)
        .map(realPathOf);
    if (roots.some((root) => inside(root, real)))
        return;
    const via = real !== external_node_path_default().resolve(value) ? ` (it resolves to ${real} through a symlink)` : '';
    throw new errors/* InputError */.d(name, `'${shown}' is outside the workspace${roots.length > 1 ? ` and the ${options.writable ? 'temp folders' : 'runner temp folder'}` : ''}${via}. ` +
        `Paths must stay inside ${roots.join(' or ')}: give a path relative to the workspace.`);
}

// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(64389);
;// CONCATENATED MODULE: ./src/config/read.ts
// Reading one input's text by its kind (config/inputs.ts): one vocabulary for yes/no, one list
// syntax, one duration syntax. Every error names the input and says how to fix it.



/** The words every yes/no input accepts, in any case. */
const YES_NO = { yes: ['true', 'yes', '1'], no: ['false', 'no', '0'] };
/** Comma- or newline-separated values, blanks and `#` comments dropped. */
function splitList(value) {
    return value
        .split(/\r?\n/)
        .map((line) => line.replace(/(^|\s)#.*$/, ''))
        .flatMap((line) => line.split(','))
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
}
/** Plain decimal notation: `0.7`, `-1`, `.5`, `1e-3`; not `0x1`, `0b1`, `Infinity` or `1_000`. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Checkpoints evaluated at once: more than this is a typo, not a machine. */
const MAX_CONCURRENCY = 256;
/** `90`, `90s`, `30m`, `2h` -> milliseconds. */
function parseDuration(input, value) {
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim());
    const amount = match ? Number(match[1]) : NaN;
    if (!match || !(amount > 0)) {
        throw new errors/* InputError */.d(input, `'${value}' is not a duration. Write e.g. 90s, 30m or 2h (a bare number is seconds).`);
    }
    const unit = (match[2] ?? 's').toLowerCase();
    return amount * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit];
}
/** `name=weight` entries; weights are positive finite numbers. */
function parseWeights(value) {
    const weights = {};
    for (const entry of splitList(value)) {
        const match = /^([^=:]+?)\s*[=:]\s*(\S+)$/.exec(entry);
        const weight = match ? Number(match[2]) : NaN;
        if (!match || !Number.isFinite(weight) || weight <= 0) {
            throw new errors/* InputError */.d('weights', `'${entry}' is not a weight. Write one 'benchmark=weight' per line (or comma separated), ` +
                'with a positive number, e.g. math_reasoning=1.2.');
        }
        const name = match[1].trim();
        if (name in weights)
            throw new errors/* InputError */.d('weights', `'${name}' is weighted twice; keep one entry.`);
        weights[name] = weight;
    }
    return weights;
}
/** true / false for one of the YES_NO words (any case), undefined for anything else. */
function yesNoWord(value) {
    const v = value.trim().toLowerCase();
    if (YES_NO.yes.includes(v))
        return true;
    if (YES_NO.no.includes(v))
        return false;
    return undefined;
}
function inputValues(read, workspace) {
    const raw = (name) => read(name).trim() || (0,inputs/* inputDefault */.qw)(name) || '';
    /** undefined for an unset input, else what `parse` makes of its text. */
    const ifSet = (name, parse) => raw(name) === '' ? undefined : parse(raw(name));
    return {
        text: (name) => raw(name) || undefined,
        withDefault(name) {
            const value = raw(name);
            // Only reachable when the input table lost the default this input is read with.
            if (value === '')
                throw new Error(`input '${name}' has no default in config/inputs.ts`);
            return value;
        },
        list: (name) => splitList(raw(name)),
        yesNo(name) {
            const value = raw(name);
            if (value === '')
                return false;
            const answer = yesNoWord(value);
            if (answer === undefined)
                throw new errors/* InputError */.d(name, `'${value}' must be true or false (yes/no and 1/0 work too).`);
            return answer;
        },
        yesNoAuto(name) {
            const value = raw(name);
            if (value === '' || value.toLowerCase() === 'auto')
                return undefined;
            const answer = yesNoWord(value);
            if (answer === undefined)
                throw new errors/* InputError */.d(name, `'${value}' must be true, false or auto.`);
            return answer;
        },
        choice(name) {
            const spec = inputs/* INPUTS */.mc[name];
            const choices = spec.choices ?? [];
            const value = raw(name).toLowerCase();
            if (choices.includes(value))
                return value;
            throw new errors/* InputError */.d(name, `'${read(name).trim()}' must be one of ${choices.join(', ')}.`);
        },
        number: (name, example) => ifSet(name, (value) => {
            const n = DECIMAL.test(value) ? Number(value) : NaN;
            if (!Number.isFinite(n))
                throw new errors/* InputError */.d(name, `'${value}' is not a decimal number; write e.g. ${example}.`);
            return n;
        }),
        count: (name) => ifSet(name, (value) => {
            const n = /^\d+$/.test(value) ? Number(value) : NaN;
            if (!Number.isSafeInteger(n) || n < 1 || n > MAX_CONCURRENCY)
                throw new errors/* InputError */.d(name, `'${value}' must be a whole number from 1 to ${MAX_CONCURRENCY}.`);
            return n;
        }),
        duration: (name) => parseDuration(name, raw(name)),
        path: (name) => (raw(name) ? external_node_path_default().resolve(workspace, raw(name)) : undefined)
    };
}

;// CONCATENATED MODULE: ./src/config/parse.ts
// Inputs (from the action or the CLI) -> one typed Config. This checks what the inputs say on
// their own and against each other; what only a stage knows (the built-in suite's benchmark
// names, the command template's rules) that stage checks when it is created, still before any
// side effect. Every error names the input and says how to fix it.






/** The public Hub: hub-url when neither the input nor HF_ENDPOINT names another. */
const HUGGING_FACE_HUB = 'https://huggingface.co';
/** The word that makes `aggregate` fetch this run's shard artifacts instead of reading files. */
const AGGREGATE_FROM_ARTIFACTS = 'artifacts';
function parseEvaluation(inputs, defaults) {
    const benchmarks = inputs.list('benchmarks');
    const resultsFiles = inputs.list('results-files');
    return {
        evaluator: inputs.choice('evaluator'),
        benchmarks: benchmarks.length > 0 ? benchmarks : undefined,
        weights: parseWeights(inputs.text('weights') ?? ''),
        command: inputs.text('eval-command'),
        resultsFiles: resultsFiles.length > 0 ? resultsFiles : undefined,
        concurrency: inputs.count('eval-concurrency') ?? defaults.cpus ?? external_node_os_default().availableParallelism(),
        timeoutMs: inputs.duration('eval-timeout'),
        devices: parseDevices(inputs)
    };
}
/** eval-devices (a list, or `auto`) and devices-per-eval; the device groups themselves are made when evaluating. */
function parseDevices(inputs) {
    const ids = inputs.list('eval-devices');
    const perEval = inputs.count('devices-per-eval');
    if (ids.length === 0) {
        if (perEval !== undefined) {
            throw new errors/* InputError */.d('devices-per-eval', 'needs eval-devices: list the GPUs to share out, e.g. 0,1,2,3, or auto.');
        }
        return undefined;
    }
    if (inputs.choice('evaluator') !== 'command') {
        throw new errors/* InputError */.d('eval-devices', 'applies to evaluator=command (it sets CUDA_VISIBLE_DEVICES for each eval-command); remove it or set evaluator to command.');
    }
    const auto = ids.length === 1 && ids[0].toLowerCase() === 'auto';
    if (!auto) {
        const bad = ids.find((id) => id.toLowerCase() === 'auto' || !/^[A-Za-z0-9:_-]+$/.test(id));
        if (bad !== undefined) {
            throw new errors/* InputError */.d('eval-devices', `'${bad}' is not a device id. Write device indices or UUIDs as CUDA_VISIBLE_DEVICES takes them, e.g. 0,1,2,3 (or auto alone).`);
        }
        if (new Set(ids).size !== ids.length) {
            throw new errors/* InputError */.d('eval-devices', `lists a device twice (${ids.join(',')}); each device goes to one evaluation at a time.`);
        }
        if (perEval !== undefined && perEval > ids.length) {
            throw new errors/* InputError */.d('devices-per-eval', `is ${perEval} but eval-devices lists only ${ids.length} device(s); lower devices-per-eval or list more devices.`);
        }
    }
    return { ids: auto ? 'auto' : ids, perEval: perEval ?? 1, maxConcurrent: inputs.count('eval-concurrency') };
}
/** cache-dir wins; otherwise `cache` (default true) means the Actions cache inside GitHub Actions, nothing in a terminal. */
function parseCache(inputs, defaults) {
    if (!inputs.yesNo('cache'))
        return { kind: 'off' };
    const dir = inputs.path('cache-dir');
    if (dir)
        return { kind: 'dir', dir };
    return defaults.actionsCacheDir ? { kind: 'actions', dir: defaults.actionsCacheDir } : { kind: 'off' };
}
function parseGate(inputs, workspace) {
    const minScore = inputs.number('min-score', '0.7');
    const maxRegression = inputs.number('max-regression', '0.005');
    if (maxRegression !== undefined && maxRegression < 0) {
        throw new errors/* InputError */.d('max-regression', `'${maxRegression}' is negative; it is the largest allowed drop: 0 allows none, 0.005 half a point.`);
    }
    const baselineText = inputs.text('baseline');
    const baseline = baselineText === undefined
        ? undefined
        : baselineText.toLowerCase() === 'hub'
            ? { kind: 'hub' }
            : { kind: 'file', path: external_node_path_default().resolve(workspace, baselineText), given: baselineText };
    if (maxRegression !== undefined && !baseline) {
        throw new errors/* InputError */.d('max-regression', 'is set but baseline is not, so there is nothing to compare with: set baseline to an earlier scores.json or to hub.');
    }
    return { minScore, baseline, maxRegression };
}
function parseReport(inputs) {
    // true/false (and the other yes/no words) read naturally in YAML: they mean always/never.
    const yesNo = yesNoWord(inputs.text('comment') ?? '');
    return {
        comment: yesNo === undefined ? inputs.choice('comment') : yesNo ? 'always' : 'never',
        githubToken: inputs.text('github-token'),
        artifactName: inputs.text('artifact-name')
    };
}
/** A URL's text with anything before an `@` in its authority hidden (it may be a password). */
function withoutUserInfo(value) {
    return value.replace(/^([^:/?#]*:\/\/)[^/?#]*@/, '$1***@');
}
/** http(s) only, without a trailing slash (the client appends paths): the one place it is stripped. */
function parseHubUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* InputError */.d('hub-url', `'${withoutUserInfo(value)}' is not a URL; write e.g. https://huggingface.co.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* InputError */.d('hub-url', `'${withoutUserInfo(value)}' must be an http(s) URL, e.g. https://huggingface.co.`);
    }
    // Never echoed: the text may hold a password.
    if (url.username || url.password) {
        throw new errors/* InputError */.d('hub-url', `holds a user name or password (https://user:pass@host): credentials never go in the URL, where logs would show them. ` +
            `Give the Hub's address alone (${url.protocol}//${url.host}) and the token as hf-token.`);
    }
    return url.toString().replace(/\/+$/, '');
}
function parsePublish(inputs, defaults) {
    const repoText = inputs.text('repo-id');
    const mode = inputs.choice('publish');
    const repo = repoText ? (0,repo_id/* parseRepoId */.N)(repoText, { inputName: 'repo-id' }) : undefined;
    if (mode === 'always' && !repo) {
        throw new errors/* InputError */.d('repo-id', "publish is 'always' but repo-id is empty: set repo-id to the Hub model repo (name or namespace/name).");
    }
    return {
        mode,
        repo,
        token: inputs.text('hf-token'),
        hubUrl: parseHubUrl(inputs.text('hub-url') ?? defaults.hubUrl ?? HUGGING_FACE_HUB),
        private: inputs.yesNo('private'),
        revision: inputs.withDefault('revision'),
        createPr: inputs.yesNo('create-pr'),
        commitMessage: inputs.text('commit-message'),
        modelCard: inputs.path('model-card'),
        cardMetadata: inputs.choice('card-metadata'),
        cardTask: parseCardTask(inputs.text('card-task')),
        cardDataset: parseCardDataset(inputs.text('card-dataset')),
        assets: inputs.list('assets'),
        exclude: inputs.list('exclude'),
        dryRun: inputs.yesNo('dry-run'),
        hubTag: inputs.yesNo('hub-tag'),
        hubTimeoutMs: inputs.duration('hub-timeout'),
        publishTimeoutMs: inputs.duration('publish-timeout')
    };
}
/** A Hub task id, as pipeline_tag writes it: `text-classification`. */
function parseCardTask(value) {
    const task = value?.trim();
    if (!task)
        return undefined;
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(task)) {
        throw new errors/* InputError */.d('card-task', `'${task}' is not a Hub task id: use the card's pipeline_tag form, lower case with dashes, e.g. text-classification or automatic-speech-recognition.`);
    }
    return task;
}
/** `id`, `id:config` or `id:config:split` (the split may itself hold `:`, as in `test[:10%]`). */
function parseCardDataset(value) {
    const text = value?.trim();
    if (!text)
        return undefined;
    const [type, config, ...split] = text.split(':').map((part) => part.trim());
    const splitText = split.join(':');
    if (!/^[\w.-]+(?:\/[\w.-]+)?$/.test(type) || config === '' || (split.length > 0 && splitText === '')) {
        throw new errors/* InputError */.d('card-dataset', `'${text}' must be a Hub dataset id, optionally with its config and split: id, id:config or id:config:split, e.g. nyu-mll/glue:mrpc:validation.`);
    }
    return {
        type,
        name: config ? `${type} ${config}` : type,
        ...(config ? { config } : {}),
        ...(splitText ? { split: splitText } : {})
    };
}
/** `i/n` with 1 <= i <= n. */
function parseShard(value) {
    if (value === undefined)
        return undefined;
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
    const index = match ? Number(match[1]) : NaN;
    const count = match ? Number(match[2]) : NaN;
    if (!match || count < 1 || index < 1 || index > count) {
        throw new errors/* InputError */.d('shard', `'${value}' must be i/n with 1 <= i <= n, e.g. 2/4 (in a matrix: \${{ matrix.shard }}/4).`);
    }
    return { index, count };
}
/** `artifacts` fetches this run's shard artifacts; anything else is a folder, file or glob in the workspace. */
function parseAggregate(value, workspace) {
    if (value === undefined)
        return undefined;
    if (value === AGGREGATE_FROM_ARTIFACTS)
        return { kind: 'artifacts' };
    return { kind: 'files', pattern: external_node_path_default().resolve(workspace, value), given: value };
}
/** Path inputs that are read or written stay inside the allowed folders (config/confine.ts). */
function confinePaths(defaults, inputs, paths) {
    const given = (name) => ({ given: inputs.text(name) });
    assertConfined('output-dir', paths.outputDir, defaults.confineTo, {
        kernelFs: true,
        writable: true,
        ...given('output-dir')
    });
    if (paths.modelCard)
        assertConfined('model-card', paths.modelCard, defaults.confineTo, given('model-card'));
    if (paths.baseline?.kind === 'file')
        assertConfined('baseline', paths.baseline.path, defaults.confineTo, given('baseline'));
}
function parseConfig(read, defaults) {
    const workspace = external_node_path_default().resolve(defaults.workspace);
    const inputs = inputValues(read, workspace);
    const shard = parseShard(inputs.text('shard'));
    const aggregate = parseAggregate(inputs.text('aggregate'), workspace);
    const publish = parsePublish(inputs, defaults);
    const gate = parseGate(inputs, workspace);
    if (shard && aggregate) {
        throw new errors/* InputError */.d('aggregate', 'a job either evaluates a shard or aggregates the shards, not both: remove shard or aggregate.');
    }
    if (shard && publish.mode === 'always') {
        throw new errors/* InputError */.d('publish', "a shard job never publishes (it sees only part of the checkpoints): publish from the aggregate job, or set publish to 'auto' or 'never'.");
    }
    const checkpointDirGiven = inputs.withDefault('checkpoint-dir');
    const outputDir = inputs.path('output-dir') ?? external_node_path_default().resolve(workspace, defaults.outputDir);
    confinePaths(defaults, inputs, { outputDir, modelCard: publish.modelCard, baseline: gate.baseline });
    return {
        workspace,
        checkpointDir: external_node_path_default().resolve(workspace, checkpointDirGiven),
        outputDir,
        evaluation: parseEvaluation(inputs, defaults),
        cache: parseCache(inputs, defaults),
        ranking: {
            metric: inputs.text('metric'),
            greaterIsBetter: inputs.yesNoAuto('greater-is-better')
        },
        gate,
        report: parseReport(inputs),
        publish,
        shard,
        aggregate
    };
}


/***/ }),

/***/ 85745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ normalizeLabel)
/* harmony export */ });
/**
 * How a benchmark is recognised from text a person wrote (an input, a card's table row):
 * case, spacing, underscores, hyphens, punctuation, emphasis, links and HTML tags don't tell
 * benchmarks apart, so `Math Reasoning`, `math_reasoning` and `**math-reasoning**` are one.
 */
function normalizeLabel(text) {
    return text
        .replace(/<[^>]*>/g, ' ') // HTML tags (<b>, <sup>)
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url) -> text
        .replace(/[^\p{L}\p{N}]+/gu, '')
        .toLowerCase();
}


/***/ }),

/***/ 32707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ EvaluationLedger)
/* harmony export */ });
// What is known about each checkpoint's evaluation while the run is under way: queued, running,
// finished (with its scores) or failed. A cancelled run reports it, since it has no ranking.
/** The latest state of every checkpoint, in the order they were first heard of. */
class EvaluationLedger {
    latest = new Map();
    /** Bound, so it can be handed around as a CheckpointListener. */
    record = (event) => {
        this.latest.set(event.name, event);
    };
    entries() {
        return [...this.latest.values()];
    }
}


/***/ }),

/***/ 8318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $O: () => (/* binding */ higherIsBetterFromName),
/* harmony export */   Nf: () => (/* binding */ closestName),
/* harmony export */   Q2: () => (/* binding */ isLoss),
/* harmony export */   _K: () => (/* binding */ scaleOf),
/* harmony export */   i2: () => (/* binding */ higherIsBetter),
/* harmony export */   q9: () => (/* binding */ describeScale),
/* harmony export */   ut: () => (/* binding */ bareMetricName),
/* harmony export */   ux: () => (/* binding */ modelIndexMetric),
/* harmony export */   vM: () => (/* binding */ isCounter)
/* harmony export */ });
// What a metric's name and values say about it, in one place: which way is better, whether it is a
// score at all (a counter such as eval_runtime or num_tokens never is), its scale (0–1 or 0–100),
// how the Hub's model-index names it, and the closest known name to a misspelt one. Pure: the
// parsers, ranking and the model card all ask here instead of keeping their own lists.
// Counters and bookkeeping: how long, how many, how fast, where in training. Shown as information,
// never ranked or averaged. Matched on the name without the `eval_`/`train_`/`test_` prefix.
const COUNTER = new RegExp('^(?:epoch|step|global_step|runtime|samples|num_samples|sample_count|sample_len|total_flos|flos|learning_rate|lr|' +
    'grad_norm|num_input_tokens_seen|num_tokens|gen_len|entropy|mean_len|avg_len|n_samples|' +
    '.+_(?:runtime|per_second|flos|samples|time|seconds|num_tokens|gen_len|stderr|count))$', 'i');
// Losses, perplexities, error rates, regression errors and the like: lower wins. The name must end
// in one of these as a word (`eval_loss`, `word_perplexity`), not merely in the letters (`tracer`).
const LOWER_IS_BETTER = new RegExp('(?:^|[^a-z])(?:loss|perplexity|ppl|bits_per_byte|bpb|error|error_rate|wer|cer|ter|mer|wil|der|mse|rmse|mae|mape|' +
    'likelihood_difference|pct_stereotype|brier_score|ece|nll|fid|eer)$', 'i');
const LOSS = /(?:^|_)loss$/i;
/** `eval_wer` -> `wer`, `train_loss` -> `loss`, `lambada_openai/acc,none` -> `acc`: the metric itself. */
function bareMetricName(name) {
    const metric = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
    return metric.split(',')[0].replace(/^(?:eval|test|predict|validation|val)_/, '');
}
/** Counters (runtime, samples_per_second, epoch, num_tokens, gen_len, total_flos…): information, never a score. */
function isCounter(name) {
    if (/^train_/.test(name))
        return true;
    return COUNTER.test(bareMetricName(name)) || COUNTER.test(name);
}
/** `loss`, `eval_loss`, `eval_a_loss`: the Trainer's objective, a score of last resort. */
function isLoss(name) {
    return LOSS.test(bareMetricName(name)) || LOSS.test(name);
}
/** False for names that are lower-is-better by convention; undefined when the name doesn't say. */
function higherIsBetterFromName(name) {
    return LOWER_IS_BETTER.test(bareMetricName(name)) ? false : undefined;
}
/**
 * Which way a metric is better: what the results file says when it says (lm-eval's
 * higher_is_better, the Trainer's best_metric), else the convention for its name, else higher.
 */
function higherIsBetter(name, fromFile) {
    return fromFile ?? higherIsBetterFromName(name) ?? true;
}
/**
 * The scale of a metric's values across checkpoints: all within 0–1 is `fraction`; up to 100 for a
 * higher-is-better score is `percent` (ROUGE 41.6, a judge's 0–100); anything else `unbounded`.
 */
function scaleOf(values, higher) {
    const finite = values.filter((v) => Number.isFinite(v));
    if (finite.length === 0)
        return 'fraction';
    const min = Math.min(...finite);
    const max = Math.max(...finite);
    if (min >= 0 && max <= 1)
        return 'fraction';
    if (higher && min >= 0 && max <= 100)
        return 'percent';
    return 'unbounded';
}
/** `0–1`, `0–100`, `unbounded`: a scale as messages show it. */
function describeScale(scale) {
    return scale === 'fraction' ? '0–1' : scale === 'percent' ? '0–100' : 'unbounded';
}
// The Hub's model-index `type`s and display names for the metrics users publish most (the Hub
// links `type` to the metric's page: wer, accuracy, rouge1…).
const MODEL_INDEX = {
    accuracy: 'Accuracy',
    acc: 'Accuracy',
    acc_norm: 'Normalized Accuracy',
    f1: 'F1',
    precision: 'Precision',
    recall: 'Recall',
    exact_match: 'Exact Match',
    em: 'Exact Match',
    wer: 'WER',
    cer: 'CER',
    bleu: 'BLEU',
    sacrebleu: 'SacreBLEU',
    chrf: 'chrF',
    ter: 'TER',
    rouge1: 'ROUGE-1',
    rouge2: 'ROUGE-2',
    rougel: 'ROUGE-L',
    rougelsum: 'ROUGE-Lsum',
    perplexity: 'Perplexity',
    ppl: 'Perplexity',
    word_perplexity: 'Word Perplexity',
    byte_perplexity: 'Byte Perplexity',
    bits_per_byte: 'Bits per Byte',
    loss: 'Loss',
    matthews_correlation: 'Matthews Correlation',
    mcc: 'Matthews Correlation',
    pearson: 'Pearson',
    spearmanr: 'Spearman',
    mse: 'MSE',
    rmse: 'RMSE',
    mae: 'MAE',
    mean_token_accuracy: 'Mean Token Accuracy'
};
/**
 * How a metric is named in a model card's model-index: `type` (lower-case id the Hub links, e.g.
 * `wer`, `accuracy`, `rouge1`) and a display `name` (`WER`, `Accuracy`, `ROUGE-1`). Accepts the
 * names as results files write them: `eval_wer`, `acc,none`, `arc_easy/acc_norm,none`.
 */
function modelIndexMetric(name) {
    const bare = bareMetricName(name);
    const key = bare.toLowerCase();
    const type = key === 'acc' ? 'accuracy' : key === 'ppl' ? 'perplexity' : key;
    const display = MODEL_INDEX[key] ??
        bare
            .split(/[_\s]+/)
            .filter(Boolean)
            .map((w) => w[0].toUpperCase() + w.slice(1))
            .join(' ');
    return { type, name: display };
}
/** Edit distance, for suggesting the closest metric name to a misspelt one. */
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}
/** The known name closest to `input` (case-blind, prefix-blind), when it is reasonably close. */
function closestName(input, names) {
    const want = input.toLowerCase().replace(/^eval_/, '');
    let best;
    for (const name of names) {
        const have = name.toLowerCase().replace(/^eval_/, '');
        const haveWords = new Set(have.split(/[_/,:|]+/));
        const sameWords = want.split(/[_/,:|]+/).every((w) => haveWords.has(w));
        const d = have.includes(want) || want.includes(have) || sameWords ? 1 : distance(want, have);
        if (!best || d < best.d || (d === best.d && name.length < best.name.length))
            best = { name, d };
    }
    return best && best.d <= Math.max(2, Math.floor(want.length / 2)) ? best.name : undefined;
}


/***/ }),

/***/ 98478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GB: () => (/* binding */ isEvalAccuracy),
/* harmony export */   Zg: () => (/* binding */ EVAL_ACCURACY_NAME),
/* harmony export */   b_: () => (/* binding */ stripEvalPrefix),
/* harmony export */   dd: () => (/* binding */ formatMetricValue),
/* harmony export */   fz: () => (/* binding */ EVAL_ACCURACY_SPEC),
/* harmony export */   ix: () => (/* binding */ evalAccuracy),
/* harmony export */   py: () => (/* binding */ EVAL_ACCURACY),
/* harmony export */   v7: () => (/* binding */ formatRankingValue)
/* harmony export */ });
/* harmony import */ var _round_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7976);
/* harmony import */ var _metric_semantics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8318);
// What a metric means, in one place: its names (eval_accuracy, the optional `eval_` prefix), which
// way is better, how eval_accuracy is computed, and how a value is shown in tables and messages.

/** The default ranking metric, and the name under which every table and file shows it. */
const EVAL_ACCURACY = 'eval_accuracy';
/** eval_accuracy's display name, where benchmarks show theirs (model cards). */
const EVAL_ACCURACY_NAME = 'Eval Accuracy';
/** Ranking by eval_accuracy, higher wins: what every stage assumes when told nothing else. */
const EVAL_ACCURACY_SPEC = { name: EVAL_ACCURACY, greaterIsBetter: true };
function isEvalAccuracy(name) {
    return name === EVAL_ACCURACY;
}
/** `eval_f1` -> `f1`: users may name a metric with or without the Trainer's prefix. */
function stripEvalPrefix(name) {
    return name.replace(/^eval_/, '');
}

/**
 * Three decimals like every score table (0.712), but keeps up to six when the value has them,
 * so a loss of 0.41234 isn't shown as 0.412 next to a bar it fails by 0.0003.
 */
function formatMetricValue(value) {
    const three = value.toFixed(3);
    if (Number(three) === Number(value.toFixed(9)))
        return three;
    return String(Number(value.toFixed(6)));
}
/**
 * A ranked checkpoint's value of the ranking metric as log lines and commit titles show it:
 * eval_accuracy with its three decimals, any other metric as reported.
 */
function formatRankingValue(metric, entry) {
    return isEvalAccuracy(metric) ? (0,_round_js__WEBPACK_IMPORTED_MODULE_0__/* .formatScore */ .y)(entry.evalAccuracy) : String(entry.value ?? '');
}
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
    return weightTotal > 0 ? (0,_round_js__WEBPACK_IMPORTED_MODULE_0__/* .round3 */ .cH)(weightedSum / weightTotal) : null;
}


/***/ }),

/***/ 15934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ resolveRepoId),
/* harmony export */   N: () => (/* binding */ parseRepoId)
/* harmony export */ });
// The Hub's naming rules for a model repo id, as huggingface_hub's validate_repo_id states them:
// letters, digits, `-`, `_`, `.`; no `--` or `..`; no `-`/`.` at either end; name ≤ 96 chars.
const SEGMENT = /^[A-Za-z0-9_.-]+$/;
const MAX_NAME_LENGTH = 96;
function segmentProblem(segment, what) {
    if (segment.length === 0)
        return `its ${what} is empty`;
    if (!SEGMENT.test(segment))
        return `its ${what} "${segment}" has characters other than letters, digits, "-", "_" and "."`;
    if (segment.includes('--') || segment.includes('..'))
        return `its ${what} "${segment}" contains "--" or ".."`;
    if (/^[-.]|[-.]$/.test(segment))
        return `its ${what} "${segment}" starts or ends with "-" or "."`;
    if (segment.length > MAX_NAME_LENGTH)
        return `its ${what} is longer than ${MAX_NAME_LENGTH} characters`;
    return null;
}
/**
 * Parses `name` or `namespace/name`. Throws an error naming the input and the fix when the value
 * can't be a model repo id on the Hub.
 */
function parseRepoId(input, options = {}) {
    const inputName = options.inputName ?? 'repo-id';
    const value = input.trim();
    const fail = (problem, fix = 'Use "name" or "namespace/name", e.g. "my-org/my-model".') => {
        throw new Error(`Invalid ${inputName} "${value}": ${problem}. ${fix}`);
    };
    if (value === '')
        fail('it is empty');
    if (/^[a-z]+:\/\//i.test(value)) {
        const path = value.replace(/^[a-z]+:\/\/[^/]+\/?/i, '').replace(/\/+$/, '');
        fail('it is a URL, not a repo id', `Use the part after the host${path ? `, e.g. "${path}"` : ''}.`);
    }
    const segments = value.split('/');
    if (segments.length === 3 && ['datasets', 'spaces'].includes(segments[0])) {
        fail(`it names a ${segments[0].slice(0, -1)} repo; only model repos are published`, `Use "${segments[1]}/${segments[2]}" for a model repo.`);
    }
    if (segments.length > 2)
        fail('it has more than one "/"');
    const [namespace, name] = segments.length === 2 ? segments : [null, segments[0]];
    if (namespace !== null) {
        const problem = segmentProblem(namespace, 'namespace');
        if (problem)
            fail(problem);
    }
    const problem = segmentProblem(name, 'name');
    if (problem)
        fail(problem);
    if (name.toLowerCase().endsWith('.git'))
        fail('its name ends in ".git"', `Drop the ".git".`);
    return { namespace, name };
}
/** `namespace/name`, with `defaultNamespace` (the token's user) when the input had none. */
function resolveRepoId(parts, defaultNamespace) {
    return `${parts.namespace ?? defaultNamespace}/${parts.name}`;
}


/***/ }),

/***/ 7976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cH: () => (/* binding */ round3),
/* harmony export */   y: () => (/* binding */ formatScore)
/* harmony export */ });
/* unused harmony exports roundHalfEven, exactRoundHalfEven */
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
    // Fast path: away from a tie the scaled double and the exact value round the same way
    // (their difference is a few ulps); only near-ties need the exact arithmetic below.
    const scale = 10 ** digits;
    const scaled = Math.abs(v) * scale;
    const fraction = scaled - Math.floor(scaled);
    if (Math.abs(fraction - 0.5) > 1e-6 && scaled < 2 ** 52) {
        const rounded = (fraction > 0.5 ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
        return v < 0 ? -rounded : rounded;
    }
    return exactRoundHalfEven(v, digits);
}
/** The exact path alone (exported so tests can check the fast path against it). */
function exactRoundHalfEven(v, digits) {
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

/***/ 3236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Vm: () => (/* binding */ killAllRunningCommands),
  f3: () => (/* binding */ runShellCommand)
});

// UNUSED EXPORTS: STDOUT_TAIL_BYTES, TailBuffer

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/evaluate/command/processes.ts
// Finding every process an evaluation command started, even ones that left its process group
// (`setsid`, daemons) or were re-parented after their parent exited. Each command runs with a
// unique cookie in its environment, which its descendants inherit (the way Jenkins finds a
// build's processes); on Linux /proc is scanned for it, and for the command's process group and
// children of found processes. Elsewhere only the process group is known.

/** The environment variable that carries a command's cookie to everything it starts. */
const PROCESS_COOKIE_VAR = 'CHECKPOINT_EVAL_PROCESS_COOKIE';
const hasProc = process.platform === 'linux';
function readStat(pid) {
    try {
        const text = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // `pid (comm) state ppid pgrp ...`; comm may hold spaces and parentheses.
        const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
        return { pid, ppid: Number(rest[1]), pgid: Number(rest[2]), zombie: rest[0] === 'Z' };
    }
    catch {
        return undefined;
    }
}
function commandLine(pid) {
    try {
        const text = (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
        return text.length > 120 ? `${text.slice(0, 120)}…` : text;
    }
    catch {
        return '?';
    }
}
/** Whether the process's environment holds `marker` (`\0NAME=cookie\0`), also as its first variable. */
function hasCookie(pid, marker) {
    try {
        const environ = (0,external_node_fs_.readFileSync)(`/proc/${pid}/environ`);
        return environ.includes(marker) || environ.subarray(0, marker.length - 1).equals(marker.subarray(1));
    }
    catch {
        return false;
    }
}
/**
 * Live processes of one command: those carrying its cookie, those in the process group led by
 * `groupId`, and their children. Never this process. Synchronous, so a signal handler can use it.
 */
function findCommandProcesses(cookie, groupId) {
    if (!hasProc)
        return [];
    const marker = Buffer.from(`\0${PROCESS_COOKIE_VAR}=${cookie}\0`);
    let pids;
    try {
        pids = (0,external_node_fs_.readdirSync)('/proc')
            .filter((name) => /^\d+$/.test(name))
            .map(Number);
    }
    catch {
        return [];
    }
    const infos = pids.map(readStat).filter((p) => p !== undefined && !p.zombie && p.pid !== process.pid);
    const found = new Set();
    for (const p of infos) {
        if ((groupId !== undefined && p.pgid === groupId) || hasCookie(p.pid, marker))
            found.add(p.pid);
    }
    // Children of found processes, to any depth (a child that cleared its environment).
    for (let grew = true; grew;) {
        grew = false;
        for (const p of infos) {
            if (!found.has(p.pid) && found.has(p.ppid)) {
                found.add(p.pid);
                grew = true;
            }
        }
    }
    return [...found].map((pid) => ({ pid, command: commandLine(pid) }));
}
/** Signals one process; false when it is already gone (or not ours). */
function signalProcess(pid, signal) {
    try {
        process.kill(pid, signal);
        return true;
    }
    catch {
        return false;
    }
}
/** Signals the whole process group led by `pid`. */
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        // ESRCH: the group is already gone.
    }
}

;// CONCATENATED MODULE: ./src/evaluate/command/shell.ts
// Owning one child process and everything it starts: runs a command in a POSIX shell in its own
// process group, with a cookie in its environment (processes.ts) so that descendants which left
// the group (`setsid`) are found too. The command is done when the shell has exited and its
// output is read; whatever it left running is killed then, and the result says what was killed.
// A timeout or an abort kills the whole tree (SIGTERM, then SIGKILL after a grace period).




const LOG_TAIL_BYTES = 64 * 1024;
/**
 * How much of a command's stdout is kept for reading the JSON object at its end (README,
 * Troubleshooting): enough for an lm-eval results document; older output is dropped as it comes,
 * so a command printing gigabytes costs no more memory than this.
 */
const STDOUT_TAIL_BYTES = 16 * 1024 * 1024;
const STDERR_TAIL_BYTES = 16 * 1024;
/** After the last process is killed, how long its output pipes may take to close. */
const PIPE_CLOSE_MS = 1000;
/** Kill rounds: a process may fork while its siblings are being killed. */
const KILL_ROUNDS = 5;
const running = new Set();
/** Signals every process of a command; returns those that were signalled. */
function signalAll(cmd, signal) {
    const found = findCommandProcesses(cmd.cookie, cmd.pid);
    if (cmd.pid !== undefined) {
        if (process.platform === 'win32') {
            (0,external_node_child_process_.spawn)('taskkill', ['/pid', String(cmd.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => { });
        }
        else
            signalGroup(cmd.pid, signal);
    }
    return found.filter((p) => signalProcess(p.pid, signal));
}
/** SIGKILLs every process of a command until none is found (a process may fork meanwhile). */
function killAll(cmd) {
    const killed = new Map();
    for (let round = 0; round < KILL_ROUNDS; round++) {
        const hit = signalAll(cmd, 'SIGKILL');
        for (const p of hit)
            if (!killed.has(p.pid))
                killed.set(p.pid, p);
        if (hit.length === 0)
            break;
    }
    return [...killed.values()];
}
/**
 * Kills every process of every running command, at once (synchronously: safe in a signal
 * handler just before exiting). Returns what was killed.
 */
function killAllRunningCommands() {
    return [...running].flatMap(killAll);
}
/**
 * Runs `command` with `shell -c` in its own process group (detached), so that it and everything
 * it started can be found and killed: killing only the shell would leave e.g. a python child
 * running and holding the output pipes open.
 */
function runShellCommand(run) {
    return new Promise((resolve) => {
        const stdout = new TailBuffer(run.stdoutTailBytes ?? STDOUT_TAIL_BYTES);
        const stderr = new TailBuffer(STDERR_TAIL_BYTES);
        const output = new TailBuffer(LOG_TAIL_BYTES);
        let timedOut = false;
        let aborted = false;
        let exited = false;
        let exitCode = null;
        let exitSignal = null;
        let graceTimer;
        let closeTimer;
        let settled = false;
        const killed = new Map();
        const cookie = (0,external_node_crypto_.randomUUID)();
        const child = (0,external_node_child_process_.spawn)(run.shell, ['-c', run.command], {
            cwd: run.cwd,
            env: { ...run.env, [PROCESS_COOKIE_VAR]: cookie },
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
            windowsHide: true
        });
        const me = { cookie, pid: child.pid };
        running.add(me);
        const note = (list) => {
            for (const p of list)
                if (p.pid !== child.pid && !killed.has(p.pid))
                    killed.set(p.pid, p);
        };
        const finish = (spawnError) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            clearTimeout(graceTimer);
            clearTimeout(closeTimer);
            run.signal?.removeEventListener('abort', onAbort);
            // Nothing of this command may outlive it, whatever ended it.
            note(killAll(me));
            running.delete(me);
            resolve({
                exitCode,
                exitSignal,
                timedOut,
                aborted,
                spawnError,
                stdout: stdout.toString(),
                stdoutDroppedBytes: stdout.dropped,
                stderr: stderr.toString(),
                output: output.toString(),
                droppedBytes: output.dropped,
                killed: [...killed.values()]
            });
        };
        /** Once every process is gone the pipes close; one that can't be found must not hold us. */
        const awaitPipes = () => {
            clearTimeout(closeTimer);
            closeTimer = setTimeout(() => {
                child.stdout.destroy();
                child.stderr.destroy();
                finish();
            }, PIPE_CLOSE_MS);
        };
        const stop = () => {
            note(signalAll(me, 'SIGTERM'));
            graceTimer = setTimeout(() => {
                note(killAll(me));
                if (exited)
                    awaitPipes();
            }, run.killGraceMs);
        };
        // setTimeout fires at once for delays past 2^31-1 ms (~24.8 days): clamp to "practically never".
        const timer = setTimeout(() => {
            timedOut = true;
            stop();
        }, Math.min(run.timeoutMs, 2 ** 31 - 1));
        const onAbort = () => {
            aborted = true;
            clearTimeout(graceTimer);
            note(killAll(me));
            if (exited)
                awaitPipes();
        };
        if (run.signal?.aborted)
            onAbort();
        else
            run.signal?.addEventListener('abort', onAbort, { once: true });
        child.stdout.on('data', (chunk) => {
            stdout.push(chunk);
            output.push(chunk);
        });
        child.stderr.on('data', (chunk) => {
            stderr.push(chunk);
            output.push(chunk);
        });
        child.on('error', (error) => finish((0,errors/* errorMessage */.g)(error)));
        child.on('exit', (code, signal) => {
            exited = true;
            exitCode = code;
            exitSignal = signal;
            clearTimeout(timer);
            // Anything the command left running would keep our pipes open (and keep burning CPU or
            // holding GPUs): end it now. During a timeout's grace period the grace timer does that.
            if (!timedOut || graceTimer === undefined)
                note(killAll(me));
            if (!timedOut)
                awaitPipes();
        });
        child.on('close', () => finish());
    });
}
/** Keeps the last `max` bytes written to it, so a chatty command can't exhaust memory. */
class TailBuffer {
    max;
    chunks = [];
    size = 0;
    dropped = 0;
    constructor(max) {
        this.max = max;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.max) {
            const first = this.chunks[0];
            const excess = this.size - this.max;
            if (first.length <= excess) {
                this.chunks.shift();
                this.size -= first.length;
                this.dropped += first.length;
            }
            else {
                this.chunks[0] = first.subarray(excess);
                this.size -= excess;
                this.dropped += excess;
            }
        }
    }
    toString() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}


/***/ }),

/***/ 49721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vb: () => (/* binding */ defaultArtifactName),
/* harmony export */   hQ: () => (/* binding */ uploadScoresArtifact)
/* harmony export */ });
/* unused harmony exports artifactUrl, jobBackendIdFromToken */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
// Uploads scores.json (and friends) as a workflow artifact, so a later run can use it as its
// `baseline` and people can download the raw numbers. Outside GitHub Actions there is no artifact
// service, which is normal for the CLI: skipped with a note.




async function uploadScoresArtifact(options) {
    const env = options.env ?? process.env;
    const { log, name } = options;
    const unavailable = artifactServiceUnavailable(env);
    if (unavailable !== null) {
        log.notice(`Artifact upload skipped: ${unavailable}. The files stay in ${options.rootDirectory}.`);
        return { status: 'skipped', reason: unavailable };
    }
    const rootDirectory = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(options.rootDirectory);
    const files = options.files.map((file) => (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(rootDirectory, file));
    const missing = files.filter((file) => !(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(file));
    if (files.length === 0 || missing.length > 0) {
        throw new Error(`Artifact "${name}": ${files.length === 0 ? 'no files to upload' : `missing ${missing.join(', ')}`}. ` +
            'The files are written by the report step; it must run (and succeed) before the upload.');
    }
    let uploaded;
    try {
        // Loaded on use: the Azure SDK under it costs most of the bundle's start-up time.
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(350), __webpack_require__.e(351), __webpack_require__.e(799)]).then(__webpack_require__.bind(__webpack_require__, 76799));
        uploaded = await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, {
            retentionDays: options.retentionDays
        });
    }
    catch (error) {
        throw new Error(`Uploading artifact "${name}" failed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error)}.${conflictHint(error)}`, {
            cause: error
        });
    }
    if (uploaded.id === undefined) {
        throw new Error(`Uploading artifact "${name}": the artifact service finished without an artifact id; re-run the job.`);
    }
    const url = artifactUrl(env, uploaded.id);
    log.info(`Uploaded artifact "${name}" (id ${uploaded.id}, ${uploaded.size ?? 0} bytes)${url ? `: ${url}` : ''}`);
    return { status: 'uploaded', id: uploaded.id, size: uploaded.size ?? 0, name, ...(url ? { url } : {}) };
}
/** Null when the @actions/artifact client can work here; otherwise why not. */
function artifactServiceUnavailable(env) {
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
        return 'not running in GitHub Actions (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set)';
    }
    // @actions/artifact v2+ refuses GitHub Enterprise Server (same host test as its isGhes()).
    const host = hostnameOf(env.GITHUB_SERVER_URL ?? 'https://github.com');
    if (host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')) {
        return `artifacts v4 are not available on GitHub Enterprise Server (${host}); use actions/upload-artifact@v3-node20 on the scores file instead`;
    }
    return null;
}
function hostnameOf(url) {
    try {
        return new URL(url).hostname.trim().toLowerCase();
    }
    catch {
        return url.toLowerCase();
    }
}
/** Where a person downloads it: the run page's artifact link. */
function artifactUrl(env, id) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID)
        return undefined;
    return `${server.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`;
}
function conflictHint(error) {
    return /already exists|\(409\)/i.test((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error))
        ? ' Artifact names must be unique within a workflow run: in a matrix, give every job its own `artifact-name` (e.g. `scores-${{ matrix.shard }}`) or leave it unset for a per-job default.'
        : '';
}
/**
 * `checkpoint-eval-<job>-<suffix>`, unique per job of a run. GITHUB_JOB is the job's key in the
 * workflow, identical for every job of a matrix, and the matrix values aren't in the environment.
 * The suffix is, in order: the `jobIndex` hint; a hash of the job's backend id, which the runner
 * puts in ACTIONS_RUNTIME_TOKEN's `scp` claim (`Actions.Results:<runId>:<jobId>`) and which
 * differs per matrix job; random hex as a last resort (unique, but not stable across re-runs).
 */
function defaultArtifactName(env = process.env, options = {}) {
    const job = sanitize(env.GITHUB_JOB || 'job');
    if (options.jobIndex !== undefined && String(options.jobIndex).trim() !== '') {
        return `checkpoint-eval-${job}-${sanitize(String(options.jobIndex))}`;
    }
    const jobId = jobBackendIdFromToken(env.ACTIONS_RUNTIME_TOKEN);
    const suffix = jobId ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(jobId).digest('hex').slice(0, 8) : (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(4).toString('hex');
    return `checkpoint-eval-${job}-${suffix}`;
}
/** The job id in the runtime token's `Actions.Results:<runId>:<jobId>` scope; null if absent. */
function jobBackendIdFromToken(token) {
    const payload = token?.split('.')[1];
    if (!payload)
        return null;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (typeof claims.scp !== 'string')
            return null;
        for (const scope of claims.scp.split(' ')) {
            const parts = scope.split(':');
            if (parts[0] === 'Actions.Results' && parts.length === 3 && parts[2])
                return parts[2];
        }
    }
    catch {
        // Not a JWT we understand: fall back to another suffix rather than fail a report step.
    }
    return null;
}
/** Artifact names can't contain " : < > | * ? \ / or line breaks. */
function sanitize(text) {
    return text.replace(/["':<>|*?\\/\r\n\s]+/g, '-').replace(/^-+|-+$/g, '') || 'job';
}


/***/ }),

/***/ 19556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vn: () => (/* binding */ runMetadata),
/* harmony export */   Vp: () => (/* binding */ runUrl),
/* harmony export */   aF: () => (/* binding */ releaseTag),
/* harmony export */   mY: () => (/* binding */ actionRun)
/* harmony export */ });
/* unused harmony export githubEnvironment */
/* harmony import */ var _util_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76092);
/* harmony import */ var _artifact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49721);


function githubEnvironment(env) {
    const oidc = env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
        ? { requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL, requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN }
        : undefined;
    return {
        eventName: env.GITHUB_EVENT_NAME,
        eventPath: env.GITHUB_EVENT_PATH,
        ref: env.GITHUB_REF,
        repository: env.GITHUB_REPOSITORY,
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        runId: env.GITHUB_RUN_ID,
        job: env.GITHUB_JOB,
        oidc,
        artifactsAvailable: Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL),
        defaultArtifactName: (0,_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultArtifactName */ .Vb)(env)
    };
}
/** The tag this run is for (a tag push or a release event), or null. */
function releaseTag(github) {
    const ref = github?.ref ?? '';
    return ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : null;
}
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
    return {
        createdAt: now.toISOString(),
        tool: { name: _util_version_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_NAME */ .l, version: _util_version_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_VERSION */ .w },
        ...(github ? { github } : {})
    };
}
/** Link to this workflow run, when running in GitHub Actions. */
function runUrl(github) {
    return github?.repository && github.runId
        ? `${github.serverUrl}/${github.repository}/actions/runs/${github.runId}`
        : undefined;
}
/** What GitHub tells the action about this run: who runs it (for scores.json) and where (for deliveries). */
function actionRun(env) {
    return { run: runMetadata(env), github: githubEnvironment(env) };
}


/***/ }),

/***/ 74855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/domain/checkpoint-names.ts
// What a checkpoint folder is called. Discovery evaluates the folders whose name ends in a step
// after a known prefix; publishing also keeps any checkpoint-like folder (epoch_3, iter-200 too)
// out of an upload, since such a folder is never part of the winning model.
/**
 * `step_1000`, `step-1000`, `step1000`, `checkpoint-500`, `checkpoint_500`, `global_step_20`,
 * `global_step20`, `ckpt-3`: a known prefix, an optional separator, the step.
 */
const CHECKPOINT_NAME = /^(?:global[_-]?step|step|checkpoint|ckpt)[_-]?(\d+)$/i;
/** The checkpoint names plus training-loop states that are not evaluated (`epoch_3`, `iter-200`). */
const CHECKPOINT_LIKE = /^(?:checkpoint|ckpt|step|global[_-]?step|epoch|iter(?:ation)?)[-_]?\d+$/i;
/** The names as the docs and messages list them. */
const RECOGNISED_NAMES = 'step_1000, step-1000, checkpoint-500, checkpoint_500, global_step_20, global_step20';
/** The step at the end of a checkpoint folder's name, or null when the name isn't one. */
function parseStep(name) {
    const match = CHECKPOINT_NAME.exec(name);
    if (!match)
        return null;
    const step = Number(match[1]);
    return Number.isSafeInteger(step) ? step : null;
}
/** A folder named like a checkpoint or a training-loop state: never part of an uploaded model. */
function isCheckpointLikeName(name) {
    return CHECKPOINT_LIKE.test(name);
}

// EXTERNAL MODULE: ./src/util/paths.ts
var paths = __webpack_require__(24964);
;// CONCATENATED MODULE: ./src/discover/checkpoints.ts
// discover(): the folders of checkpoint-dir -> checkpoints that can be evaluated, and the
// ones that look like checkpoints but can't (with the reason, so the user can fix them).




class DiscoveryError extends Error {
}
/** Which weights the folder holds, or why it has none that can be used. */
function findWeights(dir, files) {
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
            const parsed = JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, index), 'utf8'));
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
/** realpath, or null when the link is broken. */
function resolved(target) {
    try {
        return (0,external_node_fs_.realpathSync)(target);
    }
    catch {
        return null;
    }
}
/**
 * The regular files at the top of a checkpoint folder. A symlink counts only when it resolves
 * to a file inside checkpoint-dir: one leading elsewhere is not followed.
 */
function listFiles(dir, realRoot) {
    const table = new Map();
    for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
        const full = external_node_path_default().join(dir, entry.name);
        if (entry.isFile()) {
            table.set(entry.name, { name: entry.name, size: (0,external_node_fs_.lstatSync)(full).size });
        }
        else if (entry.isSymbolicLink()) {
            const target = resolved(full);
            if (target === null || !(0,paths/* isInside */.FK)(realRoot, target))
                continue;
            const info = (0,external_node_fs_.statSync)(target);
            if (info.isFile())
                table.set(entry.name, { name: entry.name, size: info.size });
        }
    }
    return table;
}
/**
 * One candidate folder. Synchronous on purpose: tens of thousands of tiny metadata calls finish
 * several times faster without a trip through libuv's thread pool each, and nothing else runs
 * while checkpoints are being discovered.
 */
function inspect(root, realRoot, entry, step) {
    const name = entry.name;
    const folder = external_node_path_default().join(root, name);
    const skip = (reason) => ({ name, path: folder, step, reason });
    if (entry.isSymbolicLink()) {
        const real = resolved(folder);
        if (real === null)
            return skip('a broken symlink');
        if (!(0,paths/* isInside */.FK)(realRoot, real))
            return skip(`a symlink to ${real}, outside checkpoint-dir: not followed`);
        if (!(0,external_node_fs_.statSync)(real).isDirectory())
            return skip('not a folder');
    }
    let files;
    try {
        files = listFiles(folder, realRoot);
    }
    catch (error) {
        return skip(`unreadable (${error.code ?? error.message})`);
    }
    const weights = findWeights(folder, files);
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
async function discover({ root, shownAs = root }) {
    let realRoot;
    let entries;
    try {
        realRoot = (0,external_node_fs_.realpathSync)(root);
        entries = (0,external_node_fs_.readdirSync)(root, { withFileTypes: true });
    }
    catch (error) {
        const code = error.code;
        const why = code === 'ENOENT'
            ? 'does not exist'
            : code === 'ENOTDIR'
                ? 'is not a folder'
                : code === 'EACCES'
                    ? 'is not readable (permission denied)'
                    : `can't be read (${code ?? error.message})`;
        throw new DiscoveryError(`checkpoint-dir '${shownAs}' ${why}. Set the checkpoint-dir input to the folder that holds your ` +
            `checkpoint folders (${RECOGNISED_NAMES}), relative to the workspace.`);
    }
    const checkpoints = [];
    const skipped = [];
    const ignored = [];
    for (const entry of entries) {
        const step = entry.isDirectory() || entry.isSymbolicLink() ? parseStep(entry.name) : null;
        if (step === null) {
            ignored.push(entry.name);
            continue;
        }
        const found = inspect(root, realRoot, entry, step);
        if ('reason' in found)
            skipped.push(found);
        else
            checkpoints.push(found);
    }
    return {
        root,
        shownAs,
        checkpoints: checkpoints.sort(byStepThenName),
        skipped: skipped.sort(byStepThenName),
        ignored: ignored.sort()
    };
}
/** Stop early, with a fix, when discovery found nothing that can be evaluated. */
function requireCheckpoints(discovery) {
    if (discovery.checkpoints.length > 0)
        return;
    if (discovery.skipped.length === 0) {
        const seen = discovery.ignored.slice(0, 5).join(', ');
        throw new DiscoveryError(`checkpoint-dir '${discovery.shownAs}' holds no checkpoint folders` +
            (seen ? ` (found: ${seen}${discovery.ignored.length > 5 ? ', …' : ''})` : ' (it is empty)') +
            `. A checkpoint is a folder whose name ends in its step: ${RECOGNISED_NAMES}. ` +
            'Point checkpoint-dir at the folder that holds them (e.g. your Trainer output_dir).');
    }
    const reasons = discovery.skipped
        .slice(0, 5)
        .map((s) => `${s.name}: ${s.reason}`)
        .join('; ');
    throw new DiscoveryError(`none of the ${discovery.skipped.length} checkpoint folders in '${discovery.shownAs}' can be evaluated (${reasons}` +
        `${discovery.skipped.length > 5 ? '; …' : ''}). Each needs config.json and its weights; ` +
        'check that the training run saved them (save_safetensors, save_only_model) and finished writing.');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
;// CONCATENATED MODULE: ./src/github/shard-artifacts.ts
// `aggregate: artifacts`: the aggregate job fetches the shard jobs' artifacts of the current
// workflow run itself (no actions/download-artifact step), one folder per artifact, and the usual
// aggregation (findShardFiles + aggregateShards) then checks and merges what is there.



/** The reserved `aggregate` value; a folder of that name is given as `./artifacts`. */
/** What shards name their artifact when `artifact-name` is not set (see artifactNameFor). */
const DEFAULT_SHARD_ARTIFACT_BASE = 'checkpoint-eval';
class ShardArtifactsError extends Error {
}
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What a shard job names its artifact: `<base>-shard-<i>-of-<n>`. */
const shardArtifactName = (base, shard) => `${base}-shard-${shard.index}-of-${shard.count}`;
/** The `<base>-shard-<i>-of-<n>` pattern the shard artifacts of `base` match, as people read it. */
const shardArtifactPattern = (base) => `${base}-shard-<i>-of-<n>`;
/**
 * The shard artifacts of `base` among a run's artifacts, by n then i (other artifacts, and other
 * bases such as `checkpoint-eval-x-shard-1-of-2` for base `checkpoint-eval`, are left out).
 */
function selectShardArtifacts(artifacts, base = DEFAULT_SHARD_ARTIFACT_BASE) {
    const re = new RegExp(`^${escapeRegExp(base)}-shard-(\\d+)-of-(\\d+)$`);
    const selected = [];
    for (const artifact of artifacts) {
        const match = re.exec(artifact.name);
        if (match)
            selected.push({ ...artifact, index: Number(match[1]), count: Number(match[2]) });
    }
    return selected.sort((a, b) => a.count - b.count || a.index - b.index || a.id - b.id);
}
/** Null when the @actions/artifact client can list and download here; otherwise why not. */
function unavailable(env) {
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
        return 'this is not a GitHub Actions job (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set)';
    }
    return null;
}
/**
 * Download the current run's `<base>-shard-<i>-of-<n>` artifacts (the latest of each name) into
 * `<destination>/<name>/` and return `destination`, the folder to aggregate. Throws a
 * ShardArtifactsError with the fix when there is no artifact service or no shard artifact.
 */
async function fetchShardArtifacts(options) {
    const { log, destination } = options;
    const base = options.base || DEFAULT_SHARD_ARTIFACT_BASE;
    const pattern = shardArtifactPattern(base);
    const why = unavailable(options.env ?? process.env);
    if (why !== null) {
        throw new ShardArtifactsError(`aggregate: 'artifacts' downloads the shard artifacts (${pattern}) of the current workflow run, but ${why}. ` +
            'Download the artifacts yourself and pass their folder instead, e.g. aggregate: ./shards.');
    }
    // Loaded on use: the Azure SDK under it costs most of the bundle's start-up time.
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(350), __webpack_require__.e(351), __webpack_require__.e(799)]).then(__webpack_require__.bind(__webpack_require__, 76799));
    const client = new DefaultArtifactClient();
    let listed;
    try {
        listed = (await client.listArtifacts({ latest: true })).artifacts;
    }
    catch (error) {
        throw new ShardArtifactsError(`aggregate: listing this workflow run's artifacts failed: ${(0,errors/* errorMessage */.g)(error)}`);
    }
    const shards = selectShardArtifacts(listed, base);
    if (shards.length === 0) {
        const others = listed.map((a) => a.name).sort();
        throw new ShardArtifactsError(`aggregate: no shard artifacts found in this workflow run: looked for ${pattern} (e.g. ${base}-shard-1-of-4)` +
            (others.length
                ? `; the run has ${others.slice(0, 10).join(', ')}${others.length > 10 ? ', …' : ''}`
                : '; the run has no artifacts') +
            `. The shard jobs must run, and upload, before this one: add needs: <the shard matrix job> to this job, and give both the same artifact-name (default ${DEFAULT_SHARD_ARTIFACT_BASE}).`);
    }
    log.startGroup(`Downloading ${shards.length} shard artifact${shards.length > 1 ? 's' : ''} (${pattern}) into ${destination}`);
    try {
        for (const shard of shards) {
            const folder = external_node_path_default().join(destination, shard.name);
            // A re-run on the same runner must not merge with what an earlier attempt downloaded.
            await (0,promises_.rm)(folder, { recursive: true, force: true });
            let mismatch;
            try {
                ;
                ({ digestMismatch: mismatch } = await client.downloadArtifact(shard.id, {
                    path: folder,
                    ...(shard.digest ? { expectedHash: shard.digest } : {})
                }));
            }
            catch (error) {
                throw new ShardArtifactsError(`aggregate: downloading artifact "${shard.name}" (id ${shard.id}) failed: ${(0,errors/* errorMessage */.g)(error)}`);
            }
            if (mismatch) {
                throw new ShardArtifactsError(`aggregate: artifact "${shard.name}" (id ${shard.id}) does not match its digest after download; re-run the job.`);
            }
            log.info(`Downloaded artifact ${shard.name} (id ${shard.id}, shard ${shard.index}/${shard.count}) into ${folder}`);
        }
    }
    finally {
        log.endGroup();
    }
    log.info(`Shard artifacts downloaded: ${shards.map((s) => s.name).join(', ')}`);
    return destination;
}

// EXTERNAL MODULE: ./src/scores/document.ts
var scores_document = __webpack_require__(55950);
;// CONCATENATED MODULE: ./src/scores/aggregate.ts
// The aggregate job: checks that the shards' partial score files fit together and rebuilds the
// evaluation as one unsharded run would have produced it.


class AggregateError extends Error {
}
/**
 * The settings every shard must share, as one comparable string. The evaluator's settings hold
 * what changes the numbers (the built-in suite's benchmark selection, the command, the results
 * files). The benchmark list itself is not compared: for the command and results evaluators it
 * is whatever the shard's own checkpoints reported (none at all when they all failed).
 */
const settingsOf = (doc) => JSON.stringify({ evaluator: doc.evaluator, metric: doc.metric, weights: doc.weights });
/**
 * The benchmarks as one run over every checkpoint lists them: first seen in checkpoint order,
 * each checkpoint contributing the ones it has a score for, in its shard's order.
 */
function mergeBenchmarks(listing, byName) {
    const merged = [];
    const seen = new Set();
    for (const name of listing) {
        const { record, doc } = byName.get(name);
        if (record.status !== 'ok')
            continue;
        for (const benchmark of doc.benchmarks) {
            const score = record.scores[benchmark.id];
            if (seen.has(benchmark.id) || score === null || score === undefined)
                continue;
            seen.add(benchmark.id);
            merged.push(benchmark);
        }
    }
    // Benchmarks no checkpoint scored (e.g. a built-in one that is null everywhere) keep their place at the end.
    for (const name of listing) {
        for (const benchmark of byName.get(name).doc.benchmarks) {
            if (!seen.has(benchmark.id)) {
                seen.add(benchmark.id);
                merged.push(benchmark);
            }
        }
    }
    return merged;
}
async function aggregateShards(options) {
    const { files } = options;
    if (files.length === 0) {
        throw new AggregateError('aggregate: no shard score files (scores-shard-<i>-of-<n>.json) were found. Check the download step and the aggregate path.');
    }
    const documents = await Promise.all(files.map((f) => (0,scores_document/* readScoresDocument */.vK)(f, 'aggregate', 'aggregate reads the scores-shard-<i>-of-<n>.json files that shard jobs write.')));
    const named = documents.map((doc, i) => ({ doc, file: files[i] }));
    for (const { doc, file } of named) {
        if (!doc.shard)
            throw new AggregateError(`aggregate: ${file} is a full run's scores, not a shard's partial file (it has no "shard" entry).`);
    }
    const count = named[0].doc.shard.count;
    const seen = new Map();
    for (const { doc, file } of named) {
        const s = doc.shard;
        if (s.count !== count) {
            throw new AggregateError(`aggregate: shard ${s.index}/${s.count} (${file}) belongs to a ${s.count}-way split, but ${named[0].file} to a ${count}-way split. Use the same n in every shard job.`);
        }
        const other = seen.get(s.index);
        if (other)
            throw new AggregateError(`aggregate: shard ${s.index}/${count} appears twice (${other} and ${file}). Keep one file per shard (re-runs of a job replace its artifact).`);
        seen.set(s.index, file);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length) {
        throw new AggregateError(`aggregate: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (found ${[
            ...seen.keys()
        ]
            .sort((a, b) => a - b)
            .map((i) => `${i}/${count}`)
            .join(', ')}). Every shard job must finish and upload its scores before the aggregate job runs (needs: the matrix job).`);
    }
    const reference = named.find(({ doc }) => doc.shard.index === 1);
    for (const { doc, file } of named) {
        if (settingsOf(doc) !== settingsOf(reference.doc)) {
            throw new AggregateError(`aggregate: shard ${doc.shard.index}/${count} (${file}) was evaluated with other settings (evaluator, benchmarks, weights or metric) than shard 1/${count}. Give every shard job the same inputs.`);
        }
        if (JSON.stringify(doc.shard.listing) !== JSON.stringify(reference.doc.shard.listing)) {
            throw new AggregateError(`aggregate: shard ${doc.shard.index}/${count} (${file}) saw a different list of checkpoints than shard 1/${count}. All shard jobs must see the same checkpoint-dir (the same training output).`);
        }
    }
    const listing = reference.doc.shard.listing;
    const byName = new Map();
    for (const { doc } of named) {
        for (const record of doc.checkpoints) {
            const previous = byName.get(record.name);
            if (previous)
                throw new AggregateError(`aggregate: checkpoint ${record.name} was evaluated by shard ${previous.shard}/${count} and shard ${doc.shard.index}/${count}. Each checkpoint must be in exactly one shard.`);
            byName.set(record.name, { record, doc, shard: doc.shard.index });
        }
    }
    const notEvaluated = listing.filter((name) => !byName.has(name));
    if (notEvaluated.length)
        throw new AggregateError(`aggregate: ${notEvaluated.length} checkpoints were evaluated by no shard (${notEvaluated.slice(0, 5).join(', ')}).`);
    const unknown = [...byName.keys()].filter((name) => !listing.includes(name));
    if (unknown.length)
        throw new AggregateError(`aggregate: checkpoints ${unknown.slice(0, 5).join(', ')} are not in the shards' listing.`);
    const benchmarks = mergeBenchmarks(listing, byName);
    const results = listing.map((name) => {
        const { record } = byName.get(name);
        // Every benchmark of the merged list, null where this checkpoint has no score (as one run fills them).
        const scores = record.status === 'ok'
            ? Object.fromEntries(benchmarks.map((b) => [b.id, record.scores[b.id] ?? null]))
            : record.scores;
        // The winner is published from this runner's checkpoint-dir, and parameters are read from
        // there for the rows this job shows, as a single run would; the shard's record otherwise.
        const checkpoint = options.local?.get(name) ?? {
            name: record.name,
            path: external_node_path_default().join(options.checkpointDir, record.name),
            step: record.step,
            weightsFormat: record.weightsFormat,
            weightsFiles: [],
            files: [],
            sizeBytes: record.sizeBytes
        };
        return {
            checkpoint,
            status: record.status,
            scores,
            metrics: record.metrics,
            ...(record.error ? { error: record.error } : {}),
            durationMs: record.durationMs,
            ...(record.cached ? { cached: record.cached } : {})
        };
    });
    const failed = results.filter((r) => r.status === 'failed');
    if (results.length > 0 && failed.length === results.length) {
        // What one unsharded run says when nothing could be evaluated.
        const first = failed[0];
        throw new AggregateError(`evaluator '${reference.doc.evaluator.kind}': all ${results.length} checkpoint(s) failed in the ${count} shards. ` +
            `First failure, ${first.checkpoint.name} (shard ${byName.get(first.checkpoint.name).shard}/${count}): ${first.error}`);
    }
    return {
        documents: named.map(({ doc }) => doc),
        evaluation: { evaluator: reference.doc.evaluator, benchmarks, results },
        skipped: reference.doc.skipped.map((s) => ({ ...s, path: external_node_path_default().join(options.checkpointDir, s.name) })),
        metric: reference.doc.metric,
        ...metricReasonOf(named.map(({ doc }) => doc)),
        weights: reference.doc.weights
    };
}
/** The shards' reason for their metric: from a shard that evaluated something (an all-failed one has none). */
function metricReasonOf(docs) {
    const reason = (docs.find((d) => d.checkpoints.some((c) => c.status === 'ok')) ?? docs[0])?.metricReason;
    return reason ? { metricReason: reason } : {};
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/util/glob.ts
// The one glob detector: picomatch's own scan, so "is this a glob" and "how is it matched" agree.

/** Splits a pattern at its first glob segment. Only the pattern is scanned, never a path it is joined to. */
function globParts(pattern) {
    const { base, glob, isGlob } = picomatch_default().scan(pattern);
    return isGlob ? { base, glob, isGlob } : { base: '', glob: pattern, isGlob: false };
}

;// CONCATENATED MODULE: ./src/util/walk.ts


const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
/**
 * Yields every non-folder entry (files, symlinks, anything else) below `root`, depth first.
 * Symlinks are reported, never followed: callers decide what a link may point at.
 */
async function* walk(root, options = {}) {
    const maxDepth = options.maxDepth ?? Infinity;
    async function* visit(dir, prefix, depth) {
        let entries;
        try {
            entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        }
        catch (error) {
            if (options.unreadable === 'throw')
                throw error;
            return;
        }
        for (const dirent of entries.sort(byName)) {
            const entry = { abs: external_node_path_default().join(dir, dirent.name), rel: prefix + dirent.name, depth, dirent };
            if (!dirent.isDirectory()) {
                yield entry;
            }
            else if (depth < maxDepth && (!options.enter || (await options.enter(entry)))) {
                yield* visit(entry.abs, `${entry.rel}/`, depth + 1);
            }
        }
    }
    yield* visit(root, '', 0);
}
/** Collects an async generator (walk's results) into an array. */
async function collect(items) {
    const out = [];
    for await (const item of items)
        out.push(item);
    return out;
}

;// CONCATENATED MODULE: ./src/scores/shard.ts
// Scale out over a job matrix: a shard job evaluates a deterministic slice of the checkpoints and
// writes its partial scores file; the aggregate job finds those files (aggregate.ts merges them).





/**
 * Round-robin over the checkpoints in discovery order (step, then name): every checkpoint in
 * exactly one shard, the same slice on a re-run, counts within one of each other, and each
 * shard gets early and late steps alike (late checkpoints are often slower to evaluate).
 */
function shardSlice(items, { index, count }) {
    return items.filter((_, i) => i % count === index - 1);
}
const shardFileBase = ({ index, count }) => `scores-shard-${index}-of-${count}`;
/** Where a shard job's partial scores go, and how the aggregate job recognises them. */
const SHARD_FILE = /(^|\/)scores-shard-\d+-of-\d+\.json$/;
/**
 * The partial score files named by `aggregate`: a file, a folder (its shard files, at any depth)
 * or a glob. `pattern` is absolute; `given` is how the user wrote it, for the message.
 */
async function findShardFiles(pattern, given) {
    const { base, glob, isGlob } = globParts(pattern);
    if (!isGlob) {
        const info = await (0,promises_.stat)(pattern).catch(() => null);
        if (!info) {
            throw new AggregateError(`aggregate: '${given}' does not exist. Use 'aggregate: artifacts' to fetch the shard artifacts of this run, ` +
                'or download them first (actions/download-artifact with pattern and merge-multiple: true) and point aggregate at that folder.');
        }
        if (info.isFile())
            return [pattern];
        const found = await collect(walk(pattern));
        return found
            .filter((f) => f.dirent.isFile() && SHARD_FILE.test(f.rel))
            .map((f) => f.abs)
            .sort();
    }
    const matches = picomatch_default()(glob, { dot: false });
    const found = await collect(walk(base));
    return found
        .filter((f) => f.dirent.isFile() && matches(f.rel))
        .map((f) => f.abs)
        .sort();
}

// EXTERNAL MODULE: ./src/domain/metric.ts
var domain_metric = __webpack_require__(98478);
;// CONCATENATED MODULE: ./src/domain/compare.ts
// "What changed since the baseline": this run's winner against the baseline's numbers, one row
// per number. Plain data in and out; report/comparison.ts renders the rows.

/**
 * One row per number both runs can report: eval_accuracy first, then the ranking metric when it
 * is something else (e.g. eval_loss), then the benchmarks in canonical order.
 */
function compareWithBaseline(options) {
    const { benchmarks, winner, baseline, metric } = options;
    const rows = [
        makeRow({
            id: domain_metric/* EVAL_ACCURACY */.py,
            label: domain_metric/* EVAL_ACCURACY */.py,
            higherIsBetter: true,
            baseline: baseline.evalAccuracy,
            current: winner.evalAccuracy
        })
    ];
    if (metric.name !== domain_metric/* EVAL_ACCURACY */.py) {
        rows.push(makeRow({
            id: metric.name,
            label: metric.greaterIsBetter ? metric.name : `${metric.name} (lower is better)`,
            higherIsBetter: metric.greaterIsBetter,
            baseline: baseline.value,
            current: winner.value
        }));
    }
    for (const benchmark of benchmarks) {
        const higherIsBetter = benchmark.higherIsBetter !== false;
        rows.push(makeRow({
            id: benchmark.id,
            label: higherIsBetter ? benchmark.name : `${benchmark.name} (lower is better)`,
            higherIsBetter,
            baseline: baseline.scores[benchmark.id] ?? null,
            current: winner.scores[benchmark.id] ?? null
        }));
    }
    return rows;
}
function makeRow(fields) {
    const { baseline, current, higherIsBetter } = fields;
    if (baseline === null && current === null)
        return { ...fields, delta: null, change: 'n/a' };
    if (baseline === null)
        return { ...fields, delta: null, change: 'new' };
    if (current === null)
        return { ...fields, delta: null, change: 'missing' };
    // Scores are stored rounded to 3 decimals; 0.712 - 0.707 is 0.0050000000000000044 in floats.
    const delta = Number((current - baseline).toFixed(9));
    // Anything that shows as 0.000 at three decimals is "no change", in either direction.
    if (Math.abs(delta) < 0.0005)
        return { ...fields, delta, change: 'same' };
    const improved = higherIsBetter ? delta > 0 : delta < 0;
    return { ...fields, delta, change: improved ? 'better' : 'worse' };
}

;// CONCATENATED MODULE: ./src/domain/gate.ts
// The merge gate: turns the winner's metric, the min-score bar and the baseline comparison into
// passed / failed / skipped. Pure: no I/O, no inputs read here; the entry point sets the
// `gate` output and fails the step from the result.

/**
 * Scores are rounded to 3 decimals and subtracting them leaves float noise
 * (0.712 - 0.707 = 0.0050000000000000044); anything within this of the bar counts as on it.
 */
const EPSILON = 1e-9;
function evaluateGate(options) {
    const { metric, winnerValue, minScore, maxRegression, baselineRequested } = options;
    assertFiniteSetting('min-score', minScore);
    assertFiniteSetting('max-regression', maxRegression);
    if (maxRegression !== undefined && maxRegression < 0) {
        throw new Error(`max-regression is ${maxRegression}, but it is the largest allowed drop and can't be negative: ` +
            'use 0 to allow no drop at all, or e.g. 0.005 to allow half a point.');
    }
    if (maxRegression !== undefined && !baselineRequested) {
        throw new Error(`max-regression is set (${maxRegression}) but baseline is not, so there is nothing to compare with: ` +
            'set the `baseline` input (a scores.json from an earlier run, or `hub` for the published model card), ' +
            'or remove max-regression.');
    }
    const checks = [];
    if (minScore !== undefined)
        checks.push(checkMinScore(metric, winnerValue, minScore));
    if (maxRegression !== undefined) {
        checks.push(checkRegression(metric, winnerValue, options.baseline ?? null, maxRegression));
    }
    if (checks.length === 0) {
        return {
            status: 'skipped',
            reasons: ['no gate configured: set min-score and/or baseline with max-regression to gate merges'],
            checks
        };
    }
    const failed = checks.filter((check) => !check.passed);
    return failed.length > 0
        ? { status: 'failed', reasons: failed.map((check) => check.detail), checks }
        : { status: 'passed', reasons: checks.map((check) => check.detail), checks };
}
function checkMinScore(metric, value, bar) {
    const name = 'min-score';
    if (value === null)
        return { name, passed: false, detail: noWinnerDetail(metric, name) };
    // "Below the bar" means worse than it: lower for accuracy, higher for a loss.
    const passed = metric.greaterIsBetter ? value >= bar - EPSILON : value <= bar + EPSILON;
    const relation = metric.greaterIsBetter ? (passed ? '>=' : '<') : passed ? '<=' : '>';
    const direction = metric.greaterIsBetter ? '' : ' (lower is better)';
    return {
        name,
        passed,
        detail: `${metric.name} ${fmt(value)} ${relation} min-score ${fmt(bar)}${direction}` +
            (passed ? '' : `: the best checkpoint is ${fmt(Math.abs(value - bar))} short of the bar`)
    };
}
function checkRegression(metric, value, baseline, maxRegression) {
    const name = 'max-regression';
    if (baseline === null) {
        // The first run of a new model has nothing to regress from; blocking it would make the gate
        // impossible to pass until someone publishes by hand.
        return {
            name,
            passed: true,
            detail: 'no baseline yet: first run / nothing published, so there is no regression to check'
        };
    }
    if (baseline.value === null) {
        return {
            name,
            passed: true,
            detail: `the baseline (${baseline.source}) has no ${metric.name} value, so there is no regression to check`
        };
    }
    if (value === null)
        return { name, passed: false, detail: noWinnerDetail(metric, name) };
    // Positive drop = worse than the baseline, whichever way the metric points.
    const drop = metric.greaterIsBetter ? baseline.value - value : value - baseline.value;
    const passed = drop <= maxRegression + EPSILON;
    const compared = `${metric.name} ${fmt(value)} vs baseline ${fmt(baseline.value)} (${baseline.source})`;
    if (drop <= EPSILON) {
        return { name, passed, detail: `${compared}: no regression` };
    }
    return {
        name,
        passed,
        detail: passed
            ? `${compared}: regressed by ${fmt(drop)}, within max-regression ${fmt(maxRegression)}`
            : `${compared}: regressed by ${fmt(drop)}, more than max-regression ${fmt(maxRegression)}`
    };
}
function noWinnerDetail(metric, check) {
    return `no checkpoint could be ranked by ${metric.name}, so ${check} can't pass: see the summary for why each checkpoint failed or was skipped`;
}
function assertFiniteSetting(input, value) {
    if (value !== undefined && !Number.isFinite(value)) {
        throw new Error(`${input} must be a number like 0.7, got ${String(value)}: fix the \`${input}\` input.`);
    }
}
/** Drops float noise before formatting, so a drop of 0.0050000000000000044 reads 0.005. */
function fmt(value) {
    return (0,domain_metric/* formatMetricValue */.dd)(Number(value.toFixed(9)));
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/report/values.ts
var values = __webpack_require__(70626);
;// CONCATENATED MODULE: ./src/report/comparison.ts
// The comparison table shown in the PR comment and the job summary: rows from domain/compare.ts
// rendered as markdown.



/**
 * `| Benchmark | Baseline | This run | Change |`. The arrow shows which way the number moved
 * (▲ up, ▼ down); ✅ / ❌ say whether that is good, so a falling loss reads `▼ -0.030 ✅`.
 */
function renderComparisonMarkdown(rows, options = {}) {
    const lines = ['| Benchmark | Baseline | This run | Change |', '| :--- | ---: | ---: | :--- |'];
    for (const row of rows) {
        const label = row.id === domain_metric/* EVAL_ACCURACY */.py ? `**${(0,markdown/* cell */.Hn)(row.label)}**` : (0,markdown/* cell */.Hn)(row.label);
        lines.push(`| ${label} | ${formatCell(row.baseline)} | ${formatCell(row.current)} | ${formatChange(row)} |`);
    }
    if (options.baselineSource)
        lines.push('', `Baseline: ${options.baselineSource}`);
    return lines.join('\n');
}
/** The Change cell on its own, e.g. `▲ +0.012 ✅`. */
function formatChange(row) {
    switch (row.change) {
        case 'n/a':
            return values/* MISSING */.lV;
        case 'new':
            return 'new';
        case 'missing':
            return 'missing in this run';
        case 'same':
            return '= 0.000';
    }
    const delta = row.delta;
    const arrow = delta > 0 ? '▲' : '▼';
    const verdict = row.change === 'better' ? '✅' : '❌';
    return `${arrow} ${formatSigned(delta)} ${verdict}`;
}
/** `+0.012` / `-0.005`: by the report's one rule (values.ts), always signed. */
const formatSigned = values/* shownChange */.c_;
const formatCell = (value) => (0,values/* shown */.SP)(value);

// EXTERNAL MODULE: ./src/util/bytes.ts
var bytes = __webpack_require__(1671);
;// CONCATENATED MODULE: ./src/report/upload-list.ts

function codeCell(text) {
    const escaped = text.replace(/\|/g, '\\|');
    return text.includes('`') ? escaped : `\`${escaped}\``;
}
/** A markdown table of the files (and what was left out); long lists are cut at maxRows. */
function formatUploadList(plan, options = {}) {
    const maxRows = options.maxRows ?? 200;
    const out = ['| File | Size | Kind |', '|---|---:|---|'];
    for (const f of plan.files.slice(0, maxRows))
        out.push(`| ${codeCell(f.pathInRepo)} | ${(0,bytes/* formatBytes */.z)(f.size)} | ${f.kind} |`);
    const rest = plan.files.slice(maxRows);
    if (rest.length > 0) {
        out.push(`| … and ${rest.length} more file${rest.length === 1 ? '' : 's'} | ${(0,bytes/* formatBytes */.z)(rest.reduce((s, f) => s + f.size, 0))} | |`);
    }
    out.push(`| **${plan.files.length} file${plan.files.length === 1 ? '' : 's'}** | **${(0,bytes/* formatBytes */.z)(plan.totalBytes)}** | |`);
    if (plan.excluded.length > 0) {
        out.push('', '**Not uploaded**', '', '| Path | Why |', '|---|---|');
        for (const e of plan.excluded.slice(0, maxRows))
            out.push(`| ${codeCell(e.path)} | ${e.reason.replace(/\|/g, '\\|')} |`);
        if (plan.excluded.length > maxRows)
            out.push(`| … and ${plan.excluded.length - maxRows} more | |`);
    }
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/report/sections.ts
// The job summary's sections after the evaluation itself: the baseline comparison, the gate, the Hub.



/** The change against the baseline: the table, or a line saying there is no baseline yet (null). Undefined: none asked for. */
function comparisonSection(comparisonMarkdown, baseline) {
    if (comparisonMarkdown)
        return `### Change against the baseline\n\n${comparisonMarkdown}`;
    return baseline === 'none-yet' ? '### Change against the baseline\n\nNo baseline yet: nothing to compare with.' : '';
}
function gateSection(gate) {
    if (gate.status === 'skipped')
        return '';
    const icon = gate.status === 'passed' ? '✅' : '❌';
    const rows = gate.checks.map((c) => `- ${c.passed ? '✅' : '❌'} **${c.name}**: ${c.detail}`);
    return [`### ${icon} Gate ${gate.status}`, rows.join('\n') || gate.reasons.map((r) => `- ${r}`).join('\n')].join('\n\n');
}
function publishSection(publish) {
    switch (publish.status) {
        case 'skipped': {
            // A plan error lists every problem on its own line: keep them readable as a list.
            const [first, ...rest] = publish.reason.split('\n').filter((l) => l.trim());
            const list = rest.map((l) => `- ${l.replace(/^\s*-\s*/, '')}`).join('\n');
            return `### Hub\n\nNot published: ${first}${rest.length ? `\n\n${list}` : '.'}`;
        }
        case 'dry-run': {
            const { card } = publish.plan;
            const template = card.templatePath ? `, \`${(0,markdown/* cell */.Hn)(external_node_path_default().basename(card.templatePath))}\`` : '';
            return `### Hub (dry run: nothing was sent)\n\nWould publish to \`${publish.repoId}\` (model card: ${card.source}${template}):\n\n${formatUploadList(publish.plan)}`;
        }
        case 'published': {
            const r = publish.result;
            const where = r.prUrl ? `pull request ${r.prUrl}` : `commit [\`${r.commitSha.slice(0, 10)}\`](${r.commitUrl})`;
            return `### 🤗 Published to [${r.repoId}](${r.repoUrl})\n\n${where}, verified after upload.\n\n${formatUploadList(publish.plan)}`;
        }
    }
}

;// CONCATENATED MODULE: ./src/report/links.ts
// Where things are, as a reader of the summary or the comment can open them: links on GitHub,
// never a path on a runner that is gone once the job ends.



/**
 * What the baseline was: its model card as a link; a scores file in the checkout as a link to it
 * in the repository (or its path there); any other file by its name alone.
 */
function baselineLabel(source, workspace, repo) {
    if (/^https?:\/\//.test(source))
        return `[model card](${source})`;
    if (!external_node_path_default().isAbsolute(source) || (0,paths/* isInside */.FK)(workspace, source)) {
        const relative = (0,paths/* toPosix */.d7)(external_node_path_default().relative(workspace, external_node_path_default().resolve(workspace, source)));
        const code = `\`${(0,markdown/* cell */.Hn)(relative)}\``;
        return repo ? `[${code}](${repo.serverUrl}/${repo.repository}/blob/${repo.sha}/${relative})` : code;
    }
    return `\`${(0,markdown/* cell */.Hn)(external_node_path_default().basename(source))}\``;
}
/** The baseline in plain text (log lines, gate checks): its URL, its path in the checkout, or its file name. */
function baselineShownAs(source, workspace) {
    if (/^https?:\/\//.test(source))
        return source;
    if (!external_node_path_default().isAbsolute(source) || (0,paths/* isInside */.FK)(workspace, source)) {
        return (0,paths/* toPosix */.d7)(external_node_path_default().relative(workspace, external_node_path_default().resolve(workspace, source)));
    }
    return external_node_path_default().basename(source);
}

;// CONCATENATED MODULE: ./src/report/chart.ts
/** Orange: 3.6:1 on white, 5.3:1 on GitHub's dark background (#0d1117), 3.5:1 on mermaid's dark (#333). */
const LINE_COLOUR = '#ea580c';
/** Most points a line gets; past that, checkpoints snap to the nearest grid point. */
const GRID_POINTS = 241;
/** One point per step (the better value when two checkpoints share a step), by step. */
function pointsOf(doc) {
    const better = (a, b) => (doc.metric.greaterIsBetter ? a > b : a < b);
    const byStep = new Map();
    for (const c of doc.checkpoints) {
        if (c.value === null || !Number.isFinite(c.value))
            continue;
        const seen = byStep.get(c.step);
        if (seen === undefined || better(c.value, seen))
            byStep.set(c.step, c.value);
    }
    return [...byStep].map(([step, value]) => ({ step, value })).sort((a, b) => a.step - b.step);
}
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
/** The values on an even grid from the first step to the last (see the file comment). */
function evenGrid(points, maxPoints = GRID_POINTS) {
    const first = points[0].step;
    const span = points[points.length - 1].step - first;
    const divisor = points.reduce((g, p) => gcd(g, p.step - first), 0);
    const size = divisor > 0 && span / divisor + 1 <= maxPoints ? span / divisor + 1 : maxPoints;
    const at = (step) => Math.round(((step - first) / span) * (size - 1));
    const grid = new Array(size);
    for (const p of points)
        grid[at(p.step)] ??= p.value;
    // Between two checkpoints: the straight line joining them.
    let left = 0;
    for (let i = 1; i < size; i++) {
        if (grid[i] === undefined)
            continue;
        for (let j = left + 1; j < i; j++) {
            const t = (j - left) / (i - left);
            grid[j] = grid[left] + t * (grid[i] - grid[left]);
        }
        left = i;
    }
    return grid;
}
/** 1, 2 or 5 times a power of ten: the tick unit for a range. */
function niceUnit(range) {
    const raw = range / 5;
    const power = 10 ** Math.floor(Math.log10(raw));
    const unit = [1, 2, 5, 10].find((m) => m * power >= raw);
    return unit * power;
}
/** Removes float noise (0.30000000000000004) from computed axis bounds. */
const tidy = (v) => Number(v.toPrecision(6));
function yRange(values) {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const range = hi - lo || Math.abs(hi) || 1;
    const unit = niceUnit(range);
    let min = Math.floor((lo - range * 0.05) / unit) * unit;
    let max = Math.ceil((hi + range * 0.05) / unit) * unit;
    if (lo >= 0)
        min = Math.max(min, 0);
    if (lo >= 0 && hi <= 1)
        max = Math.min(max, 1);
    return [tidy(min), tidy(max)];
}
const quote = (text) => `"${text.replace(/"/g, "'")}"`;
/** The mermaid block, or '' when fewer than two steps have a value. */
function renderChart(doc) {
    const points = pointsOf(doc);
    if (points.length < 2)
        return '';
    const label = doc.metric.name;
    const values = evenGrid(points);
    const [min, max] = yRange(points.map((p) => p.value));
    const first = points[0];
    const last = points[points.length - 1];
    const init = { themeVariables: { xyChart: { plotColorPalette: LINE_COLOUR } } };
    return [
        '```mermaid',
        `%%{init: ${JSON.stringify(init)}}%%`,
        'xychart-beta',
        `  title ${quote(`${label} by step`)}`,
        `  accTitle: ${label} by training step`,
        `  accDescr: ${points.length} checkpoints from step ${first.step} to step ${last.step}`,
        `  x-axis "step" ${first.step} --> ${last.step}`,
        `  y-axis ${quote(label)} ${min} --> ${max}`,
        `  line [${values.map((v) => Number(v.toPrecision(5))).join(', ')}]`,
        '```'
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: the winner, a chart of the metric against step, the ranking, the benchmarks
// of the best checkpoints and the checkpoints that were skipped or failed. Every table fits
// GitHub's 960 px column (wide ones are split); every number follows report/values.ts. GitHub
// drops a step's whole summary above 1 MiB, so the rest of a long ranking folds and finally
// loses rows to stay under a byte budget, pointing to scores.csv.






/** GitHub's cap is 1 MiB per step; leave room for the other sections (gate, publish). */
const EVALUATION_SUMMARY_BUDGET = 700 * 1024;
/** Checkpoints shown with every benchmark before the rest fold away. */
const FULL_ROWS = 20;
/** Checkpoints compared side by side in the benchmark table, at most (fewer when they don't fit). */
const SIDE_BY_SIDE = 5;
/** The ranking metric's value of a checkpoint, by the one rule. */
const metricValue = (doc, c) => (0,values/* shown */.SP)((0,domain_metric/* isEvalAccuracy */.GB)(doc.metric.name) ? c.evalAccuracy : c.value);
/** `` 🏆 **Winner:** `step_1000` (step 1000) · eval_accuracy **0.712** ``: the summary's and the comment's. */
function winnerLine(metric, winner) {
    if (!winner)
        return `**No winner:** no checkpoint could be ranked by ${metric.name}.`;
    const step = winner.step === undefined ? '' : ` (step ${winner.step})`;
    const numbers = (0,domain_metric/* isEvalAccuracy */.GB)(metric.name)
        ? [`${domain_metric/* EVAL_ACCURACY */.py} **${(0,values/* shown */.SP)(winner.evalAccuracy)}**`]
        : [
            `${metric.name} **${(0,values/* shown */.SP)(winner.value)}**`,
            ...(winner.evalAccuracy === null ? [] : [`${domain_metric/* EVAL_ACCURACY */.py} ${(0,values/* shown */.SP)(winner.evalAccuracy)}`])
        ];
    return `🏆 **Winner:** \`${winner.name.replace(/`/g, "'")}\`${step} · ${numbers.join(' · ')}`;
}
function countsLine(doc) {
    const failed = doc.checkpoints.filter((c) => c.status === 'failed').length;
    const evaluator = doc.evaluator.kind === 'builtin'
        ? `built-in suite, ${doc.benchmarks.length} benchmarks`
        : `${doc.evaluator.kind} evaluator`;
    return [
        `${doc.checkpoints.length} evaluated`,
        failed ? `${failed} failed` : '',
        doc.skipped.length ? `${doc.skipped.length} skipped` : '',
        evaluator,
        `ranked by ${doc.metric.name}, ${doc.metric.greaterIsBetter ? 'higher' : 'lower'} is better`
    ]
        .filter(Boolean)
        .join(' · ');
}
/** 1.2B, 350M, 66K: parameter counts as model cards write them. */
function formatCount(n) {
    for (const [unit, size] of [
        ['T', 1e12],
        ['B', 1e9],
        ['M', 1e6],
        ['K', 1e3]
    ]) {
        if (n >= size)
            return `${Number((n / size).toPrecision(3))}${unit}`;
    }
    return String(n);
}
function checkpointLabel(c) {
    return c.rank === 1 ? `🏆 \`${(0,markdown/* cell */.Hn)(c.name)}\`` : `\`${(0,markdown/* cell */.Hn)(c.name)}\``;
}
const rankCell = (c) => (c.rank === null ? values/* MISSING */.lV : String(c.rank));
const paramsCell = (c) => c.parameters === undefined ? values/* MISSING */.lV : `${formatCount(c.parameters)}${c.dtype ? ` ${c.dtype}` : ''}`;
/** The winner's value in the ranking metric's column is bold. */
const boldIfWinner = (c, text) => (c.rank === 1 && text !== values/* MISSING */.lV ? `**${text}**` : text);
/** The ranking: one row per checkpoint, best first; the ranking metric's column in bold. */
function rankingTable(doc, rows, extra = []) {
    const ranksByEvalAccuracy = (0,domain_metric/* isEvalAccuracy */.GB)(doc.metric.name);
    const anyEvalAccuracy = doc.checkpoints.some((c) => c.evalAccuracy !== null);
    const columns = [
        { header: '#', cell: rankCell, align: 'r' },
        { header: 'Checkpoint', cell: checkpointLabel, align: 'l' },
        { header: 'Step', cell: (c) => String(c.step), align: 'r' },
        { header: 'Size', cell: (c) => (0,bytes/* formatBytes */.z)(c.sizeBytes), align: 'r' },
        ...(rows.some((c) => c.parameters !== undefined)
            ? [{ header: 'Params', cell: paramsCell, align: 'r' }]
            : []),
        ...(ranksByEvalAccuracy
            ? []
            : [
                {
                    header: `**${(0,markdown/* cell */.Hn)(doc.metric.name)}**`,
                    cell: (c) => boldIfWinner(c, (0,values/* shown */.SP)(c.value)),
                    align: 'r'
                }
            ]),
        ...(ranksByEvalAccuracy || anyEvalAccuracy
            ? [
                {
                    header: ranksByEvalAccuracy ? `**${domain_metric/* EVAL_ACCURACY */.py}**` : domain_metric/* EVAL_ACCURACY */.py,
                    cell: (c) => ranksByEvalAccuracy ? boldIfWinner(c, (0,values/* shown */.SP)(c.evalAccuracy)) : (0,values/* shown */.SP)(c.evalAccuracy),
                    align: 'r'
                }
            ]
            : []),
        ...(rows.some((c) => c.status === 'failed')
            ? [
                {
                    header: 'Status',
                    cell: (c) => (c.status === 'failed' ? '❌ failed' : 'ok'),
                    align: 'l'
                }
            ]
            : []),
        ...extra.map((x) => ({ header: x.header, cell: x.cell, align: x.align ?? 'l' }))
    ];
    return (0,markdown/* table */.tp)(columns.map((c) => c.header), rows.map((row) => columns.map((c) => c.cell(row))), columns.map((c) => c.align));
}
/** How many of the candidate columns (each a list of cells) fit the page beside the lead columns' rows, at least one. */
function fitting(leadRows, candidates) {
    let width = (0,markdown/* columnWidthsPx */.Yy)(leadRows).reduce((a, b) => a + b, 0);
    let count = 0;
    for (const column of candidates) {
        width += Math.max(...column.map(markdown/* cellWidthPx */.F1));
        if (width > markdown/* PAGE_WIDTH_PX */.C1 && count > 0)
            break;
        count++;
    }
    return count;
}
/**
 * The benchmarks down the side (under their group's name) and the best checkpoints across, as
 * many as fit the page: a reviewer reads one benchmark's row to compare them.
 */
function benchmarkTable(doc) {
    const best = doc.checkpoints.filter((c) => c.rank !== null).slice(0, SIDE_BY_SIDE);
    if (best.length === 0 || doc.benchmarks.length === 0)
        return '';
    const grouped = new Set(doc.benchmarks.map((b) => b.group)).size > 1;
    const ranksByEvalAccuracy = (0,domain_metric/* isEvalAccuracy */.GB)(doc.metric.name);
    const labels = [ranksByEvalAccuracy ? `**${domain_metric/* EVAL_ACCURACY */.py}**` : domain_metric/* EVAL_ACCURACY */.py];
    const rowFor = [
        (c) => (ranksByEvalAccuracy ? boldIfWinner(c, (0,values/* shown */.SP)(c.evalAccuracy)) : (0,values/* shown */.SP)(c.evalAccuracy))
    ];
    const ranking = (0,domain_metric/* stripEvalPrefix */.b_)(doc.metric.name);
    doc.benchmarks.forEach((b, i) => {
        if (grouped && (i === 0 || doc.benchmarks[i - 1].group !== b.group)) {
            labels.push(`**${(0,markdown/* cell */.Hn)(b.group)}**`);
            rowFor.push(() => '');
        }
        // A benchmark that is the ranking metric is the bold row.
        const ranks = !ranksByEvalAccuracy && (b.id === ranking || b.name === ranking);
        labels.push(ranks ? `**${(0,markdown/* cell */.Hn)(b.name)}**` : (0,markdown/* cell */.Hn)(b.name));
        rowFor.push((c) => (ranks ? boldIfWinner(c, (0,values/* shown */.SP)(c.scores[b.id])) : (0,values/* shown */.SP)(c.scores[b.id])));
    });
    const columnOf = (c) => [checkpointLabel(c), ...rowFor.map((f) => f(c))];
    const shownCount = fitting([['Benchmark'], ...labels.map((label) => [label])], best.map(columnOf));
    const across = best.slice(0, shownCount);
    const header = ['Benchmark', ...across.map(checkpointLabel)];
    const rows = labels.map((label, i) => [label, ...across.map((c) => rowFor[i](c))]);
    const title = across.length > 1 ? `### Benchmarks of the best ${across.length}` : '### Benchmarks of the winner';
    return `${title}\n\n${(0,markdown/* table */.tp)(header, rows, ['l', ...across.map(() => 'r')])}`;
}
/**
 * Every benchmark of the best checkpoints, folded: a table per benchmark group (or per page
 * width, for long groups), each led by the rank and the checkpoint.
 */
function fullTables(doc, rows) {
    if (doc.benchmarks.length === 0 || rows.length === 0)
        return '';
    const lead = (c) => [rankCell(c), checkpointLabel(c)];
    const leadRows = [['#', 'Checkpoint'], ...rows.map(lead)];
    const groups = [];
    doc.benchmarks.forEach((b, i) => {
        const last = groups[groups.length - 1];
        if (last && last.name === b.group)
            last.ids.push(i);
        else
            groups.push({ name: b.group, ids: [i] });
    });
    const grouped = groups.length > 1;
    const parts = [];
    const columnOf = (i) => [
        (0,markdown/* cell */.Hn)(doc.benchmarks[i].name),
        ...rows.map((c) => (0,values/* shown */.SP)(c.scores[doc.benchmarks[i].id]))
    ];
    for (const group of grouped ? groups : [{ name: '', ids: doc.benchmarks.map((_, i) => i) }]) {
        let rest = group.ids;
        // As many columns as fit, spread evenly over the tables a group needs (2 + 2, not 3 + 1).
        const fit = fitting(leadRows, rest.map(columnOf));
        const count = Math.ceil(rest.length / Math.ceil(rest.length / fit));
        while (rest.length) {
            const ids = rest.slice(0, count);
            rest = rest.slice(count);
            const header = ['#', 'Checkpoint', ...ids.map((i) => (0,markdown/* cell */.Hn)(doc.benchmarks[i].name))];
            const body = rows.map((c) => [...lead(c), ...ids.map((i) => (0,values/* shown */.SP)(c.scores[doc.benchmarks[i].id]))]);
            const label = grouped ? `**${(0,markdown/* cell */.Hn)(group.name)}**\n\n` : '';
            parts.push(label + (0,markdown/* table */.tp)(header, body, ['r', 'l', ...ids.map(() => 'r')]));
        }
    }
    const what = rows.length < doc.checkpoints.length
        ? `Every benchmark of the best ${rows.length}`
        : 'Every benchmark of every checkpoint';
    return (0,markdown/* details */.zH)(what, parts.join('\n\n'));
}
/** One short row per checkpoint, for the folded rest; cut at the byte budget. */
function compactRows(doc, rows, budget) {
    const header = (0,markdown/* table */.tp)(['#', 'Checkpoint', 'Step', (0,markdown/* cell */.Hn)(doc.metric.name)], [], ['r', 'l', 'r', 'r']);
    const lines = [header];
    let size = (0,markdown/* byteLength */.dp)(header);
    let i = 0;
    for (; i < rows.length; i++) {
        const c = rows[i];
        const line = `| ${rankCell(c)} | ${checkpointLabel(c)} | ${c.step} | ${metricValue(doc, c)} |`;
        size += (0,markdown/* byteLength */.dp)(line) + 1;
        if (size > budget)
            break;
        lines.push(line);
    }
    return { text: lines.join('\n'), cut: rows.length - i };
}
/** Failed and skipped checkpoints as lists: their reasons are sentences, which wrap in a list. */
function problemsSection(doc) {
    const parts = [];
    const list = (items, more) => items.map((i) => `- \`${(0,markdown/* cell */.Hn)(i.name)}\`: ${(0,markdown/* cell */.Hn)(i.why)}`).join('\n') +
        (more > 0 ? `\n- …and ${more} more in scores.json` : '');
    const failed = doc.checkpoints.filter((c) => c.status === 'failed');
    if (failed.length) {
        const items = failed.slice(0, 200).map((c) => ({ name: c.name, why: (c.error ?? 'failed').slice(0, 300) }));
        parts.push(`### ❌ Failed (${failed.length})\n\n${list(items, failed.length - items.length)}`);
    }
    if (doc.skipped.length) {
        const items = doc.skipped.slice(0, 200).map((s) => ({ name: s.name, why: s.reason }));
        parts.push(`### ⚠️ Skipped (${doc.skipped.length})\n\n${list(items, doc.skipped.length - items.length)}`);
    }
    return parts.join('\n\n');
}
/** The closing line: where to get scores.json and scores.csv (the artifact on GitHub, a path locally). */
function resultsLine(results) {
    if (results?.artifactName) {
        const name = `\`${(0,markdown/* cell */.Hn)(results.artifactName)}\``;
        const where = results.runUrl ? `[${name}](${results.runUrl}#artifacts)` : name;
        return `Full results (scores.json, scores.csv): artifact ${where} of this run.`;
    }
    if (results?.scoresFile)
        return `Full results: \`${(0,markdown/* cell */.Hn)(results.scoresFile)}\` and scores.csv beside it.`;
    return '';
}
function renderEvaluationSummary(options) {
    const { scores: doc, budget = EVALUATION_SUMMARY_BUDGET, title = 'Checkpoint evaluation', note } = options;
    const ranked = doc.checkpoints;
    const top = ranked.slice(0, FULL_ROWS);
    const rest = ranked.slice(FULL_ROWS);
    const head = [
        note ? `> ${note}\n\n## ${title}` : `## ${title}`,
        winnerLine(doc.metric, doc.winner),
        countsLine(doc),
        ...(options.notes ?? []),
        renderChart(doc),
        `### Ranking${rest.length ? ` (best ${top.length} of ${ranked.length})` : ''}`,
        rankingTable(doc, top, options.columns)
    ];
    const tail = [benchmarkTable(doc), fullTables(doc, top), problemsSection(doc), resultsLine(options.results)];
    let text = head.filter(Boolean).join('\n\n');
    const tailText = tail.filter(Boolean).join('\n\n');
    if (rest.length) {
        const room = budget - (0,markdown/* byteLength */.dp)(text) - (0,markdown/* byteLength */.dp)(tailText) - 400;
        const { text: rows, cut } = compactRows(doc, rest, Math.max(room, 0));
        const cutNote = cut
            ? `\n\n${cut} more checkpoints are not shown here (the summary must stay under GitHub's 1 MiB); they are in scores.csv.`
            : '';
        text += '\n\n' + (0,markdown/* details */.zH)(`The other ${rest.length} checkpoints`, rows + cutNote);
    }
    return `${text}\n\n${tailText}\n`;
}

;// CONCATENATED MODULE: ./src/util/duration.ts
/** A time span as people read it: 850 ms -> `0.9s`, 125 s -> `2m 5s`, 2 h -> `2h 0m`. */
function formatDuration(ms) {
    const s = Math.round(ms / 1000);
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)}s`;
    if (s < 3600)
        return `${Math.floor(s / 60)}m ${s % 60}s`;
    return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

;// CONCATENATED MODULE: ./src/report/cache.ts


const MAX_ROWS = 200;
/** Undefined when the run used no cache. */
function cacheSection(doc, cacheUsed) {
    if (!cacheUsed)
        return undefined;
    const rows = [...doc.checkpoints].sort((a, b) => a.step - b.step || (a.name < b.name ? -1 : 1));
    const cached = rows.filter((c) => c.cached);
    const saved = cached.reduce((sum, c) => sum + (c.cached?.savedMs ?? 0), 0);
    const title = `Results cache: ${cached.length} of ${rows.length} checkpoint(s) cached, ${rows.length - cached.length} evaluated` +
        (cached.length ? `, ${formatDuration(saved)} of evaluation saved` : '');
    const body = (0,markdown/* table */.tp)(['Checkpoint', 'Result', 'Time'], rows
        .slice(0, MAX_ROWS)
        .map((c) => [
        (0,markdown/* cell */.Hn)(c.name),
        c.cached ? `cached (evaluated ${c.cached.evaluatedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')})` : 'evaluated',
        c.cached ? `${formatDuration(c.cached.savedMs)} saved` : formatDuration(c.durationMs)
    ]), ['l', 'l', 'r']);
    const more = rows.length > MAX_ROWS ? `\n\n… and ${rows.length - MAX_ROWS} more (scores.json marks each one).` : '';
    return (0,markdown/* details */.zH)(title, body + more);
}

// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/util/job-files.ts
var job_files = __webpack_require__(15913);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
;// CONCATENATED MODULE: ./src/pipeline/baseline.ts
// Which baseline the gate compares with: an earlier scores.json, or the card published at repo-id.


/** The earlier result to compare with: null when there is none yet, undefined when not asked for. */
async function loadBaseline(options) {
    const { config, log, metric } = options;
    const source = config.gate.baseline;
    if (!source)
        return undefined;
    // The baseline readers (and through them the Hub client) load only when a baseline is asked for.
    const { loadBaselineFromFile, loadBaselineFromHub } = await __webpack_require__.e(/* import() */ 685).then(__webpack_require__.bind(__webpack_require__, 75685));
    if (source.kind === 'file') {
        if (!(0,external_node_fs_.existsSync)(source.path)) {
            log.notice(`No baseline yet: ${source.given} does not exist (first run?). The regression check passes.`);
            return null;
        }
        return loadBaselineFromFile(source.path, { metric });
    }
    const { repo, hubUrl, revision } = config.publish;
    if (!repo) {
        throw new errors/* InputError */.d('baseline', "'hub' compares with the model card published at repo-id, but repo-id is empty. Set repo-id, or give baseline a scores.json path.");
    }
    const token = config.publish.token ?? options.localToken;
    const hub = await Promise.all(/* import() */[__webpack_require__.e(9), __webpack_require__.e(497)]).then(__webpack_require__.bind(__webpack_require__, 32497));
    // hub-timeout bounds every wait here too: a Hub that never answers can't hold the job.
    const fetch = hub.createTimedFetch({
        fetch: options.fetch,
        timeoutMs: config.publish.hubTimeoutMs,
        signal: options.signal,
        onWaiting: (message) => log.info(message)
    });
    let namespace = repo.namespace;
    if (!namespace && token) {
        namespace = (await hub.whoami({ hubUrl, accessToken: token, fetch: hub.createHubFetch({ fetch }) })).name;
    }
    if (!namespace) {
        log.notice(`No baseline: repo-id '${repo.name}' has no namespace and there is no token to find its owner. Write repo-id as namespace/name.`);
        return null;
    }
    return loadBaselineFromHub({
        hubUrl,
        repoId: `${namespace}/${repo.name}`,
        revision,
        accessToken: token,
        metric,
        benchmarks: options.benchmarks,
        log,
        fetch
    });
}

// EXTERNAL MODULE: ./src/github/artifact.ts
var artifact = __webpack_require__(49721);
;// CONCATENATED MODULE: ./src/report/comment-body.ts

/** Invisible in the rendered comment; how a later run finds the comment to update. */
const COMMENT_MARKER = '<!-- checkpoint-eval:comment -->';
/**
 * GitHub rejects comment bodies over 65,536 characters. JS counts UTF-16 units, which is at least
 * what GitHub counts, and the margin covers the notes added when folding.
 */
const MAX_COMMENT_LENGTH = 65_536;
const COMMENT_BUDGET = 65_000;
/**
 * The comment body, a page of its own: its title (the biggest heading in it), the winner, the
 * change against the baseline, the gate's checks, the ranking folded away, and links to the run
 * and the scores artifact. Always fits `maxLength`: the ranking, then the comparison, lose rows
 * first, with a note pointing at the run summary.
 */
function renderPullRequestComment(options) {
    const marker = options.marker ?? COMMENT_MARKER;
    const budget = Math.min(options.maxLength ?? COMMENT_BUDGET, MAX_COMMENT_LENGTH);
    const summaryLink = options.runUrl ? `[the run summary](${options.runUrl})` : 'the run summary';
    // Paragraphs are joined by blank lines, so no two run together when GitHub renders them.
    const head = `${marker}\n## ${gateHeadline(options.gate)}\n\n${winnerLine(options.metric, options.winner)}\n\n`;
    const gate = `${comment_body_gateSection(options.gate)}\n\n`;
    const links = [
        options.runUrl ? `[Run summary](${options.runUrl})` : '',
        options.artifactUrl ? `[scores.json and scores.csv](${options.artifactUrl})` : ''
    ].filter(Boolean);
    const footer = links.length ? `${links.join(' · ')}\n` : '';
    const omitted = `_The ranking is too long for a comment: see ${summaryLink}._\n\n`;
    // Keep room for at least the pointer to the ranking, so a huge comparison can't hide it.
    let remaining = budget - head.length - gate.length - footer.length;
    const reserved = options.rankingMarkdown ? omitted.length : 0;
    let comparison = '';
    if (options.comparisonMarkdown) {
        const title = '**Compared with the baseline**\n\n';
        const room = Math.max(0, remaining - reserved - title.length - 2);
        comparison = `${title}${fitLines(options.comparisonMarkdown, room, summaryLink)}\n\n`;
    }
    else if (options.baselineNote) {
        comparison = `${options.baselineNote}\n\n`;
    }
    remaining -= comparison.length;
    let details = '';
    if (options.rankingMarkdown) {
        const open = `<details><summary>${options.rankingTitle ?? 'Ranking'}</summary>\n\n`;
        const close = '\n\n</details>\n\n';
        const room = remaining - open.length - close.length;
        details =
            room >= 400
                ? `${open}${fitLines(options.rankingMarkdown, room, summaryLink)}${close}`
                : omitted.length <= remaining
                    ? omitted
                    : '';
    }
    const body = `${head}${comparison}${gate}${details}${footer}`;
    // Only reachable when the fixed parts alone (gate reasons) exceed the budget.
    return body.length <= budget
        ? body
        : `${body.slice(0, budget - 120)}\n\n_Truncated to fit a GitHub comment: see ${summaryLink}._\n`;
}
function gateHeadline(gate) {
    switch (gate.status) {
        case 'passed':
            return '✅ Checkpoint eval: gate passed';
        case 'failed':
            return '❌ Checkpoint eval: gate failed';
        case 'skipped':
            return '📊 Checkpoint eval';
    }
}
function comment_body_gateSection(gate) {
    if (gate.status === 'skipped')
        return `**Gate:** skipped (${gate.reasons.join('; ')})`;
    const lines = [`**Gate:** ${gate.status}`];
    for (const check of gate.checks)
        lines.push(`- ${check.passed ? '✅' : '❌'} \`${check.name}\`: ${check.detail}`);
    return lines.join('\n');
}
/**
 * Keeps whole lines (table rows) while they fit in `room`, then a note saying how many were left
 * out. A markdown table cut between rows is still a valid table.
 */
function fitLines(markdown, room, summaryLink) {
    if (markdown.length <= room)
        return markdown;
    const lines = markdown.split('\n');
    const kept = [];
    let used = 0;
    const noteFor = (left) => `\n\n_${left} more line${left === 1 ? '' : 's'} not shown: see ${summaryLink}._`;
    for (const [index, line] of lines.entries()) {
        const note = noteFor(lines.length - index);
        if (used + line.length + 1 + note.length > room) {
            return `${kept.join('\n')}${noteFor(lines.length - index)}`;
        }
        kept.push(line);
        used += line.length + 1;
    }
    return kept.join('\n');
}

;// CONCATENATED MODULE: ./src/github/pr-comment.ts
// The pull request comment: one per PR, kept up to date across pushes by finding it again with a
// hidden marker. Fork PRs get a read-only token; that is expected, so it is a notice, not a failure.



/**
 * Updates the comment carrying the marker, or creates it. Every page of comments is searched, so
 * a busy PR still gets one comment, not a new one per push. 403/404 (fork PRs' read-only token,
 * missing `pull-requests: write`) skip with a notice; anything else throws.
 */
async function upsertPullRequestComment(options) {
    const { owner, repo, issueNumber, log } = options;
    const marker = options.marker ?? COMMENT_MARKER;
    const where = `${owner}/${repo}#${issueNumber}`;
    if (!options.token) {
        const reason = 'no github-token, so no pull request comment';
        log.notice(`Skipped the pull request comment on ${where}: ${reason}. The job summary has the full report.`);
        return { action: 'skipped', reason };
    }
    const body = options.body.includes(marker) ? options.body : `${marker}\n${options.body}`;
    if (body.length > MAX_COMMENT_LENGTH) {
        throw new Error(`The pull request comment for ${where} is ${body.length} characters; GitHub accepts at most ${MAX_COMMENT_LENGTH}. ` +
            'Build it with renderPullRequestComment (report/comment-body.ts), which folds long tables to fit.');
    }
    // getOctokit's default baseUrl is read from GITHUB_API_URL once, when @actions/github is
    // imported; passing it explicitly keeps GHES and tests pointed where the caller says. (Its
    // proxy dispatcher is still chosen for GITHUB_API_URL at import: same host on a runner.)
    const baseUrl = (options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
    // Loaded on use: only pull-request runs need Octokit.
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351));
    const octokit = getOctokit(options.token, { baseUrl });
    let step = 'list the comments of';
    try {
        const existing = await findMarkedComment(octokit, { owner, repo, issueNumber, marker });
        if (existing !== null) {
            step = `update comment ${existing} on`;
            const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body });
            log.info(`Updated the pull request comment: ${data.html_url}`);
            return { action: 'updated', url: data.html_url, id: data.id };
        }
        step = 'create a comment on';
        const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
        log.info(`Created the pull request comment: ${data.html_url}`);
        return { action: 'created', url: data.html_url, id: data.id };
    }
    catch (error) {
        const status = error.status;
        const message = (0,errors/* errorMessage */.g)(error);
        if (status === 403 || status === 404) {
            const reason = `the token can't ${step} ${where} (HTTP ${status}: ${message})`;
            log.notice(`Skipped the pull request comment: ${reason}. This is expected for pull requests from forks, whose ` +
                'GITHUB_TOKEN is read-only; for pull requests from this repository give the job `permissions: pull-requests: write`. ' +
                'The job summary has the full report.');
            return { action: 'skipped', reason };
        }
        const hint = status === 401
            ? 'The github-token input is invalid or expired.'
            : 'Check that GitHub is reachable from the runner (and GITHUB_API_URL / apiUrl on GHES).';
        throw new Error(`Could not ${step} pull request ${where} at ${baseUrl}: ${status !== undefined ? `HTTP ${String(status)}: ` : ''}${message}. ${hint}`, { cause: error });
    }
}
async function findMarkedComment(octokit, where) {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner: where.owner,
        repo: where.repo,
        issue_number: where.issueNumber,
        per_page: 100
    });
    for await (const page of pages) {
        // The marker opens our body; a reply quoting it (`> <!-- ...`) must not be mistaken for it.
        const found = page.data.find((comment) => (comment.body ?? '').trimStart().startsWith(where.marker));
        if (found)
            return found.id;
    }
    return null;
}
/**
 * The PR a workflow run belongs to, from the event payload GitHub writes to GITHUB_EVENT_PATH.
 * Null for events that aren't about a pull request (push, schedule, workflow_dispatch).
 */
async function pullRequestFromEvent(options) {
    const { eventName, eventPath } = options;
    if (eventName !== 'pull_request' && eventName !== 'pull_request_target')
        return null;
    if (!eventPath) {
        throw new Error(`GITHUB_EVENT_PATH is not set for a ${eventName} event; GitHub always sets it, so this is not a GitHub Actions run.`);
    }
    let payload;
    try {
        payload = JSON.parse(await (0,promises_.readFile)(eventPath, 'utf8'));
    }
    catch (error) {
        throw new Error(`Could not read the ${eventName} event payload at ${eventPath} (GITHUB_EVENT_PATH): ${(0,errors/* errorMessage */.g)(error)}`, { cause: error });
    }
    // The base repository is where the PR (and so its comments) lives, also for PRs from forks.
    const repository = payload.pull_request?.base?.repo ?? payload.repository;
    const number = payload.pull_request?.number;
    const owner = repository?.owner?.login;
    const repo = repository?.name;
    if (typeof number !== 'number' || typeof owner !== 'string' || typeof repo !== 'string')
        return null;
    return { owner, repo, number };
}

;// CONCATENATED MODULE: ./src/pipeline/deliver.ts







async function uploadRunArtifact({ github, name, outputDir, files, log }) {
    if (!github) {
        log.debug('Scores artifact: not uploaded outside GitHub Actions (the files are in the output folder).');
        return undefined;
    }
    const artifactName = name ?? github.defaultArtifactName;
    try {
        return await (0,artifact/* uploadScoresArtifact */.hQ)({ name: artifactName, files, rootDirectory: outputDir, log });
    }
    catch (error) {
        // The scores are in the summary and on disk; a failed upload is worth a warning, not a red job.
        log.warning(`Could not upload the scores artifact '${artifactName}': ${(0,errors/* errorMessage */.g)(error)}`);
        return { status: 'skipped', reason: (0,errors/* errorMessage */.g)(error) };
    }
}
async function commentOnPullRequest(options) {
    const { github, report, log, winner: w } = options;
    if (!github || report.comment === 'never')
        return undefined;
    const pr = await pullRequestFromEvent({ eventName: github.eventName, eventPath: github.eventPath });
    if (!pr) {
        if (report.comment === 'always')
            log.notice('comment is always, but this run is not for a pull request: no comment.');
        return undefined;
    }
    const body = renderPullRequestComment({
        metric: options.metric,
        winner: w && {
            name: w.evaluation.checkpoint.name,
            step: w.evaluation.checkpoint.step,
            evalAccuracy: w.evalAccuracy,
            value: w.value
        },
        gate: options.gate,
        comparisonMarkdown: options.comparisonMarkdown,
        baselineNote: options.baselineMissing ? 'No baseline yet: nothing to compare with.' : undefined,
        runUrl: (0,github_context/* runUrl */.Vp)(github),
        artifactUrl: options.artifactUrl,
        rankingMarkdown: rankingTable(options.scores, options.scores.checkpoints),
        rankingTitle: `Ranking of ${options.scores.checkpoints.length === 1 ? 'the checkpoint' : `all ${options.scores.checkpoints.length} checkpoints`}`
    });
    const outcome = await upsertPullRequestComment({
        token: report.githubToken ?? '',
        owner: pr.owner,
        repo: pr.repo,
        issueNumber: pr.number,
        body: (0,redact/* redact */.E$)(body),
        log,
        apiUrl: github.apiUrl
    });
    if (outcome.action === 'skipped' && report.comment === 'always') {
        throw new Error(`comment is 'always' but the pull request comment could not be written: ${outcome.reason}`);
    }
    return outcome;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/domain/round.ts
var round = __webpack_require__(7976);
;// CONCATENATED MODULE: ./src/evaluate/builtin/suite.ts
// The built-in benchmark suite: 15 scores computed from the step number alone. The formulas,
// caps and rounding are a contract with users (their published cards carry these numbers):
// see the spec, and never "improve" them.

const CORE = 'Core Reasoning Tasks';
const LANGUAGE = 'Language Understanding';
const GENERATION = 'Generation Tasks';
const SPECIALIZED = 'Specialized Capabilities';
const saturating = (x, k) => x / (x + k);
/** In the suite's canonical order (summaries, CSV columns, sums). */
// One row per benchmark, as the spec's table lists them.
// prettier-ignore
const BUILTIN_SUITE = [
    { id: 'math_reasoning', name: 'Math Reasoning', group: CORE, cap: 0.95, raw: (x) => 0.3 + 0.5 * (1 - 1 / (1 + 0.1 * x)) },
    { id: 'logical_reasoning', name: 'Logical Reasoning', group: CORE, cap: 0.93, raw: (x) => 0.2 + 0.65 * (1 / (1 + Math.exp(-0.5 * (x - 4)))) },
    { id: 'common_sense', name: 'Common Sense', group: CORE, cap: 0.87, raw: (x) => 0.45 + 0.4 * saturating(x, 4) },
    { id: 'reading_comprehension', name: 'Reading Comprehension', group: LANGUAGE, cap: 0.86, raw: (x) => 0.4 + 0.45 * (1 - 1 / (1 + 0.2 * x)) },
    { id: 'question_answering', name: 'Question Answering', group: LANGUAGE, cap: 0.91, raw: (x) => 0.35 + 0.5 * (Math.sqrt(x) / (Math.sqrt(x) + 3)) },
    { id: 'text_classification', name: 'Text Classification', group: LANGUAGE, cap: 0.88, raw: (x) => 0.4 + 0.45 * (1 - Math.exp(-0.3 * x)) },
    { id: 'sentiment_analysis', name: 'Sentiment Analysis', group: LANGUAGE, cap: 0.89, raw: (x) => 0.5 + 0.35 * saturating(x, 2) },
    { id: 'code_generation', name: 'Code Generation', group: GENERATION, cap: 0.92, raw: (x) => 0.25 + 0.6 * saturating(x, 5) },
    { id: 'creative_writing', name: 'Creative Writing', group: GENERATION, cap: 0.91, raw: (x) => 0.25 + 0.6 * (1 - 1 / (1 + 0.15 * x)) },
    { id: 'dialogue_generation', name: 'Dialogue Generation', group: GENERATION, cap: 0.9, raw: (x) => 0.3 + 0.55 * (x ** 0.7 / (x ** 0.7 + 3)) },
    { id: 'summarization', name: 'Summarization', group: GENERATION, cap: 0.89, raw: (x) => 0.35 + 0.5 * (1 - 2 / (x + 2)) },
    { id: 'translation', name: 'Translation', group: SPECIALIZED, cap: 0.88, raw: (x) => 0.5 + 0.35 * saturating(x, 1.5) },
    { id: 'knowledge_retrieval', name: 'Knowledge Retrieval', group: SPECIALIZED, cap: 0.87, raw: (x) => 0.4 + 0.45 * (x ** 0.6 / (x ** 0.6 + 2.5)) },
    { id: 'instruction_following', name: 'Instruction Following', group: SPECIALIZED, cap: 0.88, raw: (x) => 0.45 + 0.4 * saturating(x, 3) },
    { id: 'safety_evaluation', name: 'Safety Evaluation', group: SPECIALIZED, cap: 0.86, raw: (x) => 0.6 + 0.25 * saturating(x, 8) }
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
    return (0,round/* round3 */.cH)(Math.min(benchmark.raw(step / 100), benchmark.cap));
}
/** Every benchmark's score at `step`, keyed by id, in canonical order. */
function builtinScores(step, benchmarks = BUILTIN_SUITE) {
    const scores = {};
    for (const b of benchmarks)
        scores[b.id] = builtinScore(b, step);
    return scores;
}

;// CONCATENATED MODULE: ./src/util/map-limit.ts
/** Runs `task` over `items` with at most `limit` at once; results keep the items' order. */
async function mapLimit(items, limit, signal, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            signal?.throwIfAborted();
            const index = next++;
            results[index] = await task(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    signal?.throwIfAborted();
    return results;
}

;// CONCATENATED MODULE: ./src/cache/file-hashes.ts
// A speed aid for cache-dir on a runner that keeps its checkpoints: the sha256 of each weight file
// is remembered with the file's identity on disk (device, inode, size, mtime and ctime in ns), and
// reused while all of these are unchanged, as git's index and DVC's state database do. Writing
// to a file changes its mtime and ctime (ctime can't be set back from user space), replacing it
// changes its inode, so a remembered hash is the hash of the bytes. The fingerprint is still a
// content hash: a fresh download or a copy is hashed again and gives the same fingerprint.


class FileHashes {
    file;
    byPath = new Map();
    changed = false;
    constructor(file) {
        this.file = file;
    }
    /** The remembered hashes in `file`; an unreadable file is an empty memo (it only saves time). */
    static async load(file) {
        const memo = new FileHashes(file);
        try {
            const parsed = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
            for (const [p, r] of Object.entries(parsed.files ?? {})) {
                if (typeof r?.id === 'string' && /^[0-9a-f]{64}$/.test(r.sha256 ?? ''))
                    memo.byPath.set(p, r);
            }
        }
        catch {
            // None yet, or damaged: every file is hashed.
        }
        return memo;
    }
    static identity(stats) {
        return [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join(':');
    }
    get(file, stats) {
        const r = this.byPath.get(file);
        return r && r.id === FileHashes.identity(stats) ? r.sha256 : undefined;
    }
    set(file, stats, sha256) {
        this.byPath.set(file, { id: FileHashes.identity(stats), sha256 });
        this.changed = true;
    }
    /** Writes the memo back (whole, then renamed); failures are ignored: it only saves time. */
    async save() {
        if (!this.file || !this.changed)
            return;
        const temp = `${this.file}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
        try {
            await (0,promises_.writeFile)(temp, JSON.stringify({ files: Object.fromEntries(this.byPath) }) + '\n');
            await (0,promises_.rename)(temp, this.file);
        }
        catch {
            await (0,promises_.rm)(temp, { force: true });
        }
    }
}

// EXTERNAL MODULE: ./src/util/version.ts
var version = __webpack_require__(76092);
;// CONCATENATED MODULE: ./src/cache/key.ts
// What a cached result is keyed by: everything that determines a score, nothing that doesn't.
//
//   checkpoint fingerprint  sha256 over the name, size and sha256 of every file at the top of the
//                           checkpoint folder (weights, config, tokenizer, generation config...),
//                           training state excepted. Content only: a re-download, a copy to
//                           another runner or a touched mtime gives the same fingerprint; one
//                           changed byte gives another.
//   checkpoint name, step   {name} and {step} reach the command (and the built-in suite scores
//                           by step), so two folders with the same bytes are two results.
//   evaluator identity      kind and settings (the eval-command template, the built-in suite's
//                           benchmarks and version), the content of files the command names
//                           (e.g. eval.py), the cache format and the action's major version.
//
// Ranking settings (metric, weights, greater-is-better) are not in the key: the cache holds raw
// per-benchmark scores and metrics, and ranking is recomputed from them on every run.








/** Bumped when the entry format or the key's recipe changes: older entries stop matching. */
const CACHE_FORMAT = 1;
/** Files of a checkpoint folder that training writes for resuming, which no evaluation reads. */
const TRAINING_STATE = [
    /^optimizer.*\.(?:pt|bin)$/,
    /^scheduler\.pt$/,
    /^scaler\.pt$/,
    /^rng_state.*\.pth$/,
    /^trainer_state\.json$/,
    /^training_args\.bin$/
];
// A script named by eval-command is part of the evaluator; bigger files are not scripts.
const MAX_COMMAND_FILE_BYTES = 16 * 1024 * 1024;
const PARALLEL_FILES = 4;
const sha256 = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
/** JSON with object keys sorted, so equal settings always hash alike. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, v) => v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v);
}
async function hashFile(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
/** The files a fingerprint covers: the folder's top-level files, sorted, without training state or dotfiles. */
function fingerprintedFiles(checkpoint) {
    return checkpoint.files
        .map((f) => f.name)
        .filter((name) => !name.startsWith('.') && !TRAINING_STATE.some((re) => re.test(name)))
        .sort();
}
/**
 * sha256 over (name, size, sha256) of each fingerprinted file: the checkpoint's content, not its
 * path or times. `memo` may supply the sha256 of a file unchanged on disk since it was hashed.
 */
async function fingerprintCheckpoint(checkpoint, memo) {
    const names = fingerprintedFiles(checkpoint);
    const lines = await mapLimit(names, PARALLEL_FILES, undefined, async (name) => {
        const file = await (0,promises_.realpath)(external_node_path_default().join(checkpoint.path, name));
        const stats = await (0,promises_.stat)(file, { bigint: true });
        let hash = memo?.get(file, stats);
        if (!hash) {
            hash = await hashFile(file);
            // Changed while being read: use the hash for this run, don't remember it.
            const after = await (0,promises_.stat)(file, { bigint: true });
            if (FileHashes.identity(after) === FileHashes.identity(stats))
                memo?.set(file, stats, hash);
        }
        return `${name}\0${stats.size}\0${hash}\n`;
    });
    return sha256(lines.join(''));
}
/** Words of the template that name an existing file (relative to cwd): their content is part of the evaluator. */
async function commandFiles(command, cwd) {
    const words = new Set(command
        .split(/\s+/)
        .map((word) => word.replace(/^['"]|['"]$/g, ''))
        .filter((word) => word && !word.includes('{') && !word.startsWith('-') && !word.includes('=')));
    const found = {};
    for (const word of words) {
        const file = external_node_path_default().resolve(cwd, word);
        const info = await (0,promises_.stat)(file).catch(() => null);
        if (info?.isFile() && info.size <= MAX_COMMAND_FILE_BYTES)
            found[word] = await hashFile(file);
    }
    return found;
}
async function evaluatorIdentity(info, cwd) {
    const identity = {
        format: CACHE_FORMAT,
        actionMajor: version/* TOOL_VERSION */.w.split('.')[0],
        kind: info.kind,
        settings: info.settings
    };
    if (info.kind === 'builtin')
        identity.suite = `${version/* TOOL_VERSION */.w} ${sha256(canonicalJson(BUILTIN_SUITE))}`;
    if (info.kind === 'command' && typeof info.settings.command === 'string') {
        identity.files = await commandFiles(info.settings.command, cwd);
    }
    return identity;
}
/** A short stable hash of the identity: the Actions cache key's prefix, and part of every entry key. */
function identityHash(identity) {
    return sha256(canonicalJson(identity));
}
/** One checkpoint's result under one evaluator: the entry's file name. */
function entryKey(identity, checkpoint, fingerprint) {
    return sha256(canonicalJson({ identity, name: checkpoint.name, step: checkpoint.step, fingerprint }));
}

;// CONCATENATED MODULE: ./src/cache/store.ts
// Cached results on disk: one small JSON file per (evaluator, checkpoint) key, in one folder
// (a cache-dir, or the folder the Actions cache restores and saves). An entry holds scores and
// nothing else: benchmark names, numbers, the checkpoint's name and step, when and how long.
// Never a token, a command line or a path. Each entry carries a digest of its result, so a file
// that is truncated, hand-edited or bit-flipped reads as a miss (with a warning), never as a
// wrong score.





const ENTRY_SCHEMA = 'checkpoint-eval/cached-result';
const digestOf = (result) => (0,external_node_crypto_.createHash)('sha256').update(canonicalJson(result)).digest('hex');
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v) => typeof v === 'number' && Number.isFinite(v);
/** Why the parsed file is not an entry for `key`, or null when it is one. */
function entryProblem(entry, key) {
    if (!isRecord(entry) || entry.schema !== ENTRY_SCHEMA)
        return 'not a checkpoint-eval cache entry';
    if (entry.version !== CACHE_FORMAT)
        return `entry format ${String(entry.version)}, expected ${CACHE_FORMAT}`;
    if (entry.key !== key)
        return 'its key does not match its file name';
    if (!isFiniteNumber(entry.durationMs) || entry.durationMs < 0)
        return 'no valid durationMs';
    if (typeof entry.evaluatedAt !== 'string')
        return 'no evaluatedAt';
    const result = entry.result;
    if (!isRecord(result) || !Array.isArray(result.benchmarks) || !isRecord(result.scores) || !isRecord(result.metrics))
        return 'no result (benchmarks, scores, metrics)';
    const ids = new Set();
    for (const b of result.benchmarks) {
        if (!isRecord(b) || typeof b.id !== 'string' || typeof b.name !== 'string' || typeof b.group !== 'string')
            return 'a benchmark without id, name and group';
        ids.add(b.id);
    }
    for (const [id, score] of Object.entries(result.scores)) {
        if (!ids.has(id))
            return `a score for '${id}', which is not among its benchmarks`;
        if (score !== null && !isFiniteNumber(score))
            return `score '${id}' is not a number`;
    }
    for (const [name, value] of Object.entries(result.metrics)) {
        if (!isFiniteNumber(value))
            return `metric '${name}' is not a number`;
    }
    if (entry.digest !== digestOf(result))
        return 'its digest does not match its result (changed or damaged)';
    return null;
}
/** A folder of entries. Reads never throw (a bad entry is a miss with a warning); failed writes warn. */
class ResultStore {
    dir;
    log;
    /** Keys read or written by this run: what an Actions cache save keeps. */
    used = new Set();
    /** Keys written by this run. */
    written = new Set();
    constructor(dir, log) {
        this.dir = dir;
        this.log = log;
    }
    fileFor(key) {
        return external_node_path_default().join(this.dir, `${key}.json`);
    }
    /** The stored result, or undefined on a miss; an unreadable or invalid entry is a miss with a warning. */
    async get(key, checkpoint) {
        const file = this.fileFor(key);
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return undefined;
            this.warn(checkpoint, file, `can't be read (${(0,errors/* errorMessage */.g)(error)})`);
            return undefined;
        }
        let entry;
        try {
            entry = JSON.parse(text);
        }
        catch (error) {
            this.warn(checkpoint, file, `is not valid JSON (${(0,errors/* errorMessage */.g)(error)})`);
            return undefined;
        }
        const problem = entryProblem(entry, key);
        if (problem) {
            this.warn(checkpoint, file, `is not usable: ${problem}`);
            return undefined;
        }
        const { result, durationMs, evaluatedAt } = entry;
        this.used.add(key);
        return { ...result, durationMs, evaluatedAt };
    }
    /** Stores a result; a write that fails is a warning (the run's scores are not affected). */
    async put(key, checkpoint, result) {
        const stored = {
            benchmarks: result.benchmarks.map(({ id, name, group, higherIsBetter }) => higherIsBetter === undefined ? { id, name, group } : { id, name, group, higherIsBetter }),
            scores: result.scores,
            metrics: result.metrics
        };
        const entry = {
            schema: ENTRY_SCHEMA,
            version: CACHE_FORMAT,
            key,
            checkpoint: { name: checkpoint.name, step: checkpoint.step },
            evaluatedAt: result.evaluatedAt,
            durationMs: Math.round(result.durationMs),
            result: stored,
            digest: digestOf(stored)
        };
        const file = this.fileFor(key);
        // Written whole, then renamed: a run killed mid-write leaves no half entry behind.
        const temp = `${file}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
        try {
            await (0,promises_.writeFile)(temp, JSON.stringify(entry, null, 2) + '\n');
            await (0,promises_.rename)(temp, file);
            this.used.add(key);
            this.written.add(key);
        }
        catch (error) {
            await (0,promises_.rm)(temp, { force: true });
            this.log.warning(`Could not store the result of ${checkpoint.name} in the cache (${file}): ${(0,errors/* errorMessage */.g)(error)}`);
        }
    }
    warn(checkpoint, file, what) {
        this.log.warning(`Cache entry for ${checkpoint.name} ${what}; evaluating it again (the entry is replaced). Entry: ${file}`, checkpoint.path);
    }
}

;// CONCATENATED MODULE: ./src/cache/actions-cache.ts
// The GitHub Actions cache, through @actions/cache (loaded only when used: the Azure SDK under it
// is heavy). Entries accumulate the usual way: restore the newest cache whose key starts with the
// evaluator's prefix into a folder, evaluate only what is missing, then save the folder under a
// new key for this run. A cache entry can't be overwritten, hence a key per run; GitHub evicts
// old ones (least recently used, 10 GB per repository) and scores are a few KB.




/** Restores the newest matching cache into `dir`; undefined (evaluate everything) when the service is absent. */
async function openActionsCache(options) {
    const { dir, key, restoreKeys, log } = options;
    const unavailable = () => {
        log.info('The GitHub Actions cache is not available to this job: evaluating every checkpoint.');
        return undefined;
    };
    // Without either service URL the library can only say no: don't load its ~3 MB (Azure SDK) to hear it.
    if (!process.env.ACTIONS_CACHE_URL && !process.env.ACTIONS_RESULTS_URL)
        return unavailable();
    const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(350), __webpack_require__.e(151)]).then(__webpack_require__.bind(__webpack_require__, 74151));
    if (!cache.isFeatureAvailable())
        return unavailable();
    // A self-hosted runner may keep RUNNER_TEMP: start from what the cache holds, nothing else.
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    await (0,promises_.mkdir)(dir, { recursive: true });
    let restoredKey;
    try {
        restoredKey = await cache.restoreCache([dir], key, restoreKeys);
    }
    catch (error) {
        log.warning(`Could not restore the results cache (${(0,errors/* errorMessage */.g)(error)}): evaluating every checkpoint.`);
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        await (0,promises_.mkdir)(dir, { recursive: true });
    }
    log.info(restoredKey ? `Results cache restored from ${restoredKey}` : `No results cache yet for ${restoreKeys[0]}*`);
    const store = new ResultStore(dir, log);
    return {
        store,
        where: 'the GitHub Actions cache',
        async close() {
            if (store.written.size === 0) {
                log.info('Results cache: nothing new to save.');
                return;
            }
            try {
                // Keep the entries this run used: checkpoints that left the folder (and entries of an
                // older evaluator) don't travel on forever.
                for (const name of await (0,promises_.readdir)(dir)) {
                    if (!store.used.has(name.replace(/\.json$/, '')))
                        await (0,promises_.rm)(external_node_path_default().join(dir, name), { force: true });
                }
                const id = await cache.saveCache([dir], key);
                if (id !== -1)
                    log.info(`Results cache saved as ${key} (${store.used.size} results)`);
                // saveCache reports its own failures as warnings and returns -1.
            }
            catch (error) {
                log.warning(`Could not save the results cache as ${key}: ${(0,errors/* errorMessage */.g)(error)}`);
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/cache/local-dir.ts
// cache-dir: a plain folder that keeps results between runs (the CLI, or a self-hosted runner's
// persistent disk). Entries are only added or replaced, never pruned: delete the folder to start over.
// It also remembers the hashes of the files it fingerprinted (file-hashes.ts), so a re-run on the
// same disk doesn't read every weight file again.





/** Beside the entries (whose names are 64 hex digits). */
const FILE_HASHES = 'file-hashes.json';
/** The folder as a cache; a folder that can't be created is a warning and no cache. */
async function openLocalDirCache(dir, shownAs, log) {
    try {
        await (0,promises_.mkdir)(dir, { recursive: true });
    }
    catch (error) {
        log.warning(`cache-dir ${shownAs} can't be used (${(0,errors/* errorMessage */.g)(error)}): evaluating every checkpoint.`);
        return undefined;
    }
    const fileHashes = await FileHashes.load(external_node_path_default().join(dir, FILE_HASHES));
    return { store: new ResultStore(dir, log), fileHashes, where: `cache-dir ${shownAs}`, close: () => fileHashes.save() };
}

;// CONCATENATED MODULE: ./src/cache/evaluate.ts




// Hashing reads whole weight files: a few at once keeps the disk busy without thrashing it.
const PARALLEL_FINGERPRINTS = 2;
async function evaluateWithCache(evaluator, checkpoints, options) {
    const { cache, identity, log } = options;
    const lookups = await mapLimit(checkpoints, PARALLEL_FINGERPRINTS, options.signal, async (checkpoint) => {
        const started = Date.now();
        let key;
        try {
            key = entryKey(identity, checkpoint, await fingerprintCheckpoint(checkpoint, cache.fileHashes));
        }
        catch (error) {
            log.warning(`${checkpoint.name}: could not fingerprint its files for the cache (${(0,errors/* errorMessage */.g)(error)})`);
        }
        const hit = key ? await cache.store.get(key, checkpoint) : undefined;
        return { checkpoint, key, hit, lookupMs: Date.now() - started };
    });
    const misses = lookups.filter((l) => !l.hit);
    for (const { checkpoint, hit } of lookups) {
        if (hit)
            options.onCheckpoint?.({
                name: checkpoint.name,
                state: 'ok',
                scores: { ...hit.scores, ...hit.metrics },
                cached: true
            });
    }
    const hits = lookups.length - misses.length;
    log.info(`Results cache (${cache.where}): ${hits} of ${lookups.length} checkpoint(s) cached, ${misses.length} to evaluate`);
    let fresh;
    if (misses.length > 0) {
        fresh = await evaluator.evaluate(misses.map((l) => l.checkpoint), 
        // With cached results to show, failing misses are reported like any failed checkpoint.
        { ...options, allFailed: hits > 0 ? 'return' : options.allFailed });
        const evaluatedAt = new Date().toISOString();
        for (const [i, result] of fresh.results.entries()) {
            const key = misses[i].key;
            if (result.status !== 'ok' || !key)
                continue;
            await cache.store.put(key, result.checkpoint, { ...ownResult(result, fresh.benchmarks), evaluatedAt });
        }
    }
    const run = assemble(evaluator, lookups, fresh);
    logCacheUse(run.results, log);
    return run;
}
/** The benchmarks and scores a checkpoint has (not the nulls for other checkpoints' benchmarks). */
function ownResult(result, benchmarks) {
    const own = benchmarks.filter((b) => result.scores[b.id] !== null && result.scores[b.id] !== undefined);
    return {
        benchmarks: own,
        scores: Object.fromEntries(own.map((b) => [b.id, result.scores[b.id]])),
        metrics: result.metrics,
        durationMs: result.durationMs
    };
}
/**
 * Cached and fresh results -> one run in discovery order. Benchmarks are the union in first-seen
 * order (a fresh result brings the evaluator's whole list), as the evaluator builds them, so a
 * fully cached run lists them as the run that filled the cache did.
 */
function assemble(evaluator, lookups, fresh) {
    const freshByName = new Map((fresh?.results ?? []).map((r) => [r.checkpoint.name, r]));
    const benchmarks = [];
    const seen = new Set();
    for (const lookup of lookups) {
        const list = lookup.hit?.benchmarks ?? (freshByName.get(lookup.checkpoint.name)?.status === 'ok' ? fresh.benchmarks : []);
        for (const b of list) {
            if (seen.has(b.id))
                continue;
            seen.add(b.id);
            benchmarks.push(b);
        }
    }
    const scoresOver = (scores) => Object.fromEntries(benchmarks.map((b) => [b.id, scores[b.id] ?? null]));
    const results = lookups.map(({ checkpoint, hit, lookupMs }) => {
        if (hit) {
            return {
                checkpoint,
                status: 'ok',
                scores: scoresOver(hit.scores),
                metrics: hit.metrics,
                durationMs: lookupMs,
                cached: { evaluatedAt: hit.evaluatedAt, savedMs: hit.durationMs }
            };
        }
        const result = freshByName.get(checkpoint.name);
        return result.status === 'ok' ? { ...result, scores: scoresOver(result.scores) } : result;
    });
    return { evaluator: fresh?.evaluator ?? evaluator.info, benchmarks, results };
}
function logCacheUse(results, log) {
    let saved = 0;
    for (const r of results) {
        if (r.cached) {
            saved += r.cached.savedMs;
            log.info(`${r.checkpoint.name}: cached (evaluated ${r.cached.evaluatedAt}, saves ${formatDuration(r.cached.savedMs)})`);
        }
        else {
            log.info(`${r.checkpoint.name}: evaluated (${formatDuration(r.durationMs)})`);
        }
    }
    const cached = results.filter((r) => r.cached).length;
    if (cached > 0)
        log.info(`Results cache: ${cached} cached, ${results.length - cached} evaluated; saved ${formatDuration(saved)}`);
}

;// CONCATENATED MODULE: ./src/cache/index.ts





async function openResultsCache(options) {
    const { config, evaluator, log } = options;
    if (config.kind === 'off')
        return undefined;
    if (evaluator.kind === 'results') {
        // Reading results files is as cheap as reading the cache, and those files are the truth.
        log.info('Results cache: not used with evaluator results (its metrics are read from disk anyway).');
        return undefined;
    }
    const identity = identityHash(await evaluatorIdentity(evaluator, options.workspace));
    if (config.kind === 'dir') {
        const cache = await openLocalDirCache(config.dir, (0,paths/* shownPath */.pS)(options.workspace, config.dir), log);
        return cache && { cache, identity };
    }
    // Keys: one lineage per evaluator identity (and per shard), a new key per run.
    const prefix = `checkpoint-eval-results-v${CACHE_FORMAT}-${identity.slice(0, 24)}-`;
    const lineage = options.shard ? `${prefix}shard-${options.shard.index}-of-${options.shard.count}-` : prefix;
    const key = `${lineage}${options.run.id ?? Date.now()}-${options.run.attempt ?? 1}`;
    const cache = await openActionsCache({
        dir: config.dir,
        key,
        restoreKeys: lineage === prefix ? [prefix] : [lineage, prefix],
        log
    });
    return cache && { cache, identity };
}

;// CONCATENATED MODULE: ./src/discover/weights.ts
// What a checkpoint's weights are, read from safetensors headers only: parameter count and
// dtypes for the report and the model card, without reading gigabytes of tensor data.
//
// Format: 8 bytes little-endian u64 N, then N bytes of JSON:
//   {"tensor.name": {"dtype": "F32", "shape": [d0, d1], "data_offsets": [begin, end]}, ...,
//    "__metadata__": {"format": "pt"}}
// then the data; offsets are relative to the end of the header.




/** The safetensors header must fit this; real ones are kilobytes to a few megabytes. */
const MAX_HEADER_BYTES = 100 * 1024 * 1024;
const BYTES_PER_ELEMENT = {
    BOOL: 1,
    U8: 1,
    I8: 1,
    F8_E4M3: 1,
    F8_E5M2: 1,
    I16: 2,
    U16: 2,
    F16: 2,
    BF16: 2,
    I32: 4,
    U32: 4,
    F32: 4,
    I64: 8,
    U64: 8,
    F64: 8
};
/**
 * Reads the header of one .safetensors file (two small reads, never the tensor data).
 * Synchronous calls inside on purpose: a run may read thousands of headers, and a few small
 * metadata calls each are several times faster without a thread-pool round trip per call.
 */
async function readSafetensorsHeader(file) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, 'r');
    }
    catch (error) {
        throw new Error(`cannot open safetensors file ${file}: ${error.message ?? error}`, {
            cause: error
        });
    }
    try {
        const { size } = (0,external_node_fs_.fstatSync)(fd);
        if (size < 8)
            throw new Error(`${file} is not a safetensors file: it is ${size} bytes, shorter than the 8-byte header length`);
        const prefix = Buffer.alloc(8);
        (0,external_node_fs_.readSync)(fd, prefix, 0, 8, 0);
        const declared = prefix.readBigUInt64LE(0);
        if (declared > BigInt(MAX_HEADER_BYTES)) {
            throw new Error(`${file}: header length ${declared} bytes is over the ${MAX_HEADER_BYTES / 1024 / 1024} MB limit: ` +
                `not a safetensors file (or a corrupt one). Re-save the weights with safetensors' save_file`);
        }
        const headerLength = Number(declared);
        if (8 + headerLength > size) {
            throw new Error(`${file}: header length ${headerLength} bytes runs past the end of the ${size}-byte file: the file is truncated or not safetensors`);
        }
        const headerBytes = Buffer.alloc(headerLength);
        (0,external_node_fs_.readSync)(fd, headerBytes, 0, headerLength, 8);
        let header;
        try {
            header = JSON.parse(headerBytes.toString('utf8'));
        }
        catch (error) {
            throw new Error(`${file}: the safetensors header is not valid JSON (${error.message}): the file is corrupt or not safetensors`, { cause: error });
        }
        return summarizeHeader(header, file, size - 8 - headerLength);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function summarizeHeader(header, file, dataBytes) {
    if (typeof header !== 'object' || header === null || Array.isArray(header)) {
        throw new Error(`${file}: the safetensors header is not a JSON object`);
    }
    const dtypes = {};
    let parameterCount = 0;
    let tensorCount = 0;
    let metadata = {};
    for (const [name, raw] of Object.entries(header)) {
        if (name === '__metadata__') {
            if (typeof raw === 'object' && raw !== null)
                metadata = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
            continue;
        }
        const tensor = raw;
        if (typeof tensor?.dtype !== 'string' ||
            !Array.isArray(tensor.shape) ||
            !tensor.shape.every((d) => Number.isInteger(d) && d >= 0)) {
            throw new Error(`${file}: tensor '${name}' has no valid dtype/shape in the header`);
        }
        const elements = tensor.shape.reduce((product, d) => product * d, 1);
        const offsets = tensor.data_offsets;
        if (Array.isArray(offsets) && typeof offsets[1] === 'number' && offsets[1] > dataBytes) {
            throw new Error(`${file}: tensor '${name}' ends at byte ${offsets[1]} of the data but the file holds ${dataBytes}: the file is truncated (an interrupted save or download)`);
        }
        const width = BYTES_PER_ELEMENT[tensor.dtype];
        if (width !== undefined && Array.isArray(offsets) && offsets[1] - offsets[0] !== elements * width) {
            throw new Error(`${file}: tensor '${name}' (${tensor.dtype} ${JSON.stringify(tensor.shape)}) has data_offsets that don't match its size: the header is corrupt`);
        }
        dtypes[tensor.dtype] = (dtypes[tensor.dtype] ?? 0) + elements;
        parameterCount += elements;
        tensorCount++;
    }
    return { parameterCount, dtypes, dominantDtype: dominant(dtypes), metadata, tensorCount };
}
function dominant(dtypes) {
    let best = null;
    for (const [dtype, count] of Object.entries(dtypes))
        if (best === null || count > dtypes[best])
            best = dtype;
    return best;
}
/**
 * Parameter count and dtypes over every safetensors file of a checkpoint (all shards, or the
 * adapter). Null when its weights are not safetensors (pytorch .bin can't be read without
 * unpickling). Metadata is the first shard's (shards of one save carry the same).
 */
async function summarizeCheckpointWeights(checkpoint) {
    const files = checkpoint.weightsFiles.filter((file) => file.endsWith('.safetensors'));
    if (files.length === 0)
        return null;
    const headers = await Promise.all(files.map((file) => readSafetensorsHeader(external_node_path_default().join(checkpoint.path, file))));
    const dtypes = {};
    for (const header of headers)
        for (const [dtype, count] of Object.entries(header.dtypes))
            dtypes[dtype] = (dtypes[dtype] ?? 0) + count;
    return {
        files,
        parameterCount: headers.reduce((sum, h) => sum + h.parameterCount, 0),
        tensorCount: headers.reduce((sum, h) => sum + h.tensorCount, 0),
        dtypes,
        dominantDtype: dominant(dtypes),
        metadata: headers[0].metadata
    };
}
// Parameter count and dtype for the summary's Params column, from the headers alone (a few KB
// per file, never the tensors).
/** Fills `parameters` and `dtype` in place; a header that can't be read is only a debug line. */
async function describeWeights(checkpoints, log, concurrency = 16) {
    await mapLimit(checkpoints, concurrency, undefined, async (checkpoint) => {
        try {
            const summary = await summarizeCheckpointWeights(checkpoint);
            if (summary) {
                checkpoint.parameters = summary.parameterCount;
                if (summary.dominantDtype)
                    checkpoint.dtype = summary.dominantDtype;
            }
        }
        catch (error) {
            log.debug(`no parameter count for ${checkpoint.name}: ${(0,errors/* errorMessage */.g)(error)}`);
        }
    });
}

// EXTERNAL MODULE: ./src/domain/labels.ts
var domain_labels = __webpack_require__(85745);
;// CONCATENATED MODULE: ./src/domain/benchmarks.ts
// Finding a benchmark by what a user calls it: its id or its display name, in any spelling.


/** The benchmark `label` names, or an InputError on `input` listing the names that exist. */
function findBenchmark(input, label, benchmarks) {
    const key = (0,domain_labels/* normalizeLabel */.y)(label);
    const found = benchmarks.find((b) => (0,domain_labels/* normalizeLabel */.y)(b.id) === key || (0,domain_labels/* normalizeLabel */.y)(b.name) === key);
    if (found)
        return found;
    throw new errors/* InputError */.d(input, `unknown benchmark '${label}'. Known benchmarks: ${benchmarks.map((b) => b.id).join(', ')}.`);
}
/** Weights keyed by benchmark id; a name no benchmark answers to is an error on the weights input. */
function resolveWeights(weights, benchmarks) {
    return Object.fromEntries(Object.entries(weights).map(([name, w]) => [findBenchmark('weights', name, benchmarks).id, w]));
}

// EXTERNAL MODULE: ./src/domain/metric-semantics.ts
var metric_semantics = __webpack_require__(8318);
;// CONCATENATED MODULE: ./src/domain/metric-choice.ts
// Which metric ranks and why: the one the user named (checked against the results, with
// task/metric pairs and the closest match), or the default chosen from what the results say —
// eval_accuracy, the Trainer's optimised metric, a single score, or a mean only when every score
// shares one direction and one scale. Anything else is an InputError listing the choices.



/** Ranking uses eval_accuracy when the results have it (or it is a safe mean). */
const DEFAULT_METRIC = (/* unused pure expression or super */ null && (EVAL_ACCURACY));
const okResults = (run) => run.results.filter((r) => r.status === 'ok');
function valuesOf(run, key) {
    const values = [];
    for (const r of okResults(run)) {
        const v = r.scores[key] ?? r.metrics[key];
        if (typeof v === 'number')
            values.push(v);
    }
    return values;
}
/** Every metric name in the results that could rank (counters left out), in first-seen order. */
function rankableNames(run) {
    const names = new Set(run.benchmarks.map((b) => b.id));
    for (const r of okResults(run))
        for (const key of [...Object.keys(r.metrics), ...Object.keys(r.invalid ?? {})])
            if (!(0,metric_semantics/* isCounter */.vM)(key) && !names.has(key))
                names.add(key);
    return [...names];
}
function directionOf(run, key, benchmark) {
    const fromFile = run.facts?.directions[key] ?? benchmark?.higherIsBetter;
    const optimised = run.facts?.optimised;
    if (fromFile === undefined && optimised && (0,domain_metric/* stripEvalPrefix */.b_)(optimised.name) === (0,domain_metric/* stripEvalPrefix */.b_)(key))
        return optimised.higherIsBetter;
    return (0,metric_semantics/* higherIsBetter */.i2)(benchmark?.metric ?? key, fromFile);
}
/** The benchmarks' directions and scales: what a mean would mix. */
function scoredMetrics(run) {
    return run.benchmarks.map((b) => {
        const higher = directionOf(run, b.id, b);
        const label = b.metric ? `${b.id} (${b.metric.split(',')[0]})` : b.id;
        return { name: label, higherIsBetter: higher, scale: (0,metric_semantics/* scaleOf */._K)(valuesOf(run, b.id), higher) };
    });
}
function describeScored(m) {
    return `${m.name}: ${m.higherIsBetter ? 'higher' : 'lower'} is better, ${(0,metric_semantics/* describeScale */.q9)(m.scale)}`;
}
/** The benchmarks' mean is safe when all are higher-is-better and share a scale; else why not. */
function meanProblem(scored) {
    const lower = scored.filter((m) => !m.higherIsBetter).map((m) => m.name);
    if (lower.length === scored.length && lower.length > 0)
        return `${lower.join(', ')} ${lower.length > 1 ? 'are' : 'is'} lower-is-better, and eval_accuracy is a mean of higher-is-better scores`;
    if (lower.length > 0)
        return 'they mix higher- and lower-is-better metrics';
    if (new Set(scored.map((m) => m.scale)).size > 1)
        return 'they mix scales (0–1 and 0–100 or unbounded)';
    return undefined;
}
/** The error for a default that can't be chosen safely: the metrics, their directions, the line to add. */
function ambiguous(run, scored, why) {
    const example = scored.find((m) => m.higherIsBetter && m.scale !== 'unbounded') ?? scored[0];
    const exampleName = example.name.split(' ')[0];
    const listed = scored.slice(0, 25).map((m) => `  - ${describeScored(m)}`);
    if (scored.length > 25)
        listed.push(`  - … and ${scored.length - 25} more (see scores.json)`);
    const pairs = run.benchmarks.some((b) => b.metric)
        ? ' A task with several metrics takes task/metric, e.g. lambada_openai/acc.'
        : '';
    return new errors/* InputError */.d('metric', `no default ranking metric is safe for these results: ${why}, so a mean would crown the wrong checkpoint. ` +
        `The scores found:\n${listed.join('\n')}\nName the one to rank by: add \`metric: ${exampleName}\` to the step's inputs (CLI: --metric ${exampleName}).${pairs}`);
}
/** What ranks when `metric` is not set: eval_accuracy, the Trainer's metric, the one score, or a safe mean. */
function chooseDefaultMetric(run) {
    const ok = okResults(run);
    if (ok.some((r) => domain_metric/* EVAL_ACCURACY */.py in r.metrics || domain_metric/* EVAL_ACCURACY */.py in (r.invalid ?? {}))) {
        return {
            spec: { name: domain_metric/* EVAL_ACCURACY */.py, greaterIsBetter: true },
            source: { kind: 'reported' },
            reason: 'the results report eval_accuracy'
        };
    }
    const optimised = run.facts?.optimised;
    if (optimised) {
        const key = resolveKey(run, optimised.name);
        if (key) {
            return {
                spec: { name: optimised.name, greaterIsBetter: optimised.higherIsBetter },
                source: { kind: 'key', key },
                reason: `the metric the Trainer optimised (${optimised.source})`
            };
        }
    }
    const scored = scoredMetrics(run);
    if (scored.length === 0) {
        const loss = rankableNames(run).find(metric_semantics/* isLoss */.Q2);
        if (!loss) {
            throw new errors/* InputError */.d('metric', `the results hold no score to rank by (only counters such as runtime and samples). Found: ${namesFound(run)}.`);
        }
        return {
            spec: { name: loss, greaterIsBetter: directionOf(run, loss) },
            source: { kind: 'key', key: loss },
            reason: `the only score in the results is the loss (${loss}, lower is better)`
        };
    }
    // One lower-is-better score (a speech model's WER): ranked by its own name, since an accuracy
    // it is not. Anything else that shares one direction and scale is averaged into eval_accuracy.
    if (scored.length === 1 && !scored[0].higherIsBetter) {
        const b = run.benchmarks[0];
        return {
            spec: { name: b.id, greaterIsBetter: false },
            source: { kind: 'key', key: b.id },
            reason: `the only score in the results (lower is better, ${(0,metric_semantics/* describeScale */.q9)(scored[0].scale)})`
        };
    }
    const problem = meanProblem(scored);
    if (problem)
        throw ambiguous(run, scored, problem);
    const scale = (0,metric_semantics/* describeScale */.q9)(scored[0].scale);
    return {
        spec: { name: domain_metric/* EVAL_ACCURACY */.py, greaterIsBetter: true },
        source: { kind: 'mean', benchmarks: run.benchmarks.map((b) => b.id) },
        reason: scored.length === 1
            ? `eval_accuracy is the only score in the results, ${scored[0].name} (higher is better, ${scale})`
            : `eval_accuracy is the mean of the ${scored.length} scores (all higher is better, ${scale})`
    };
}
function namesFound(run) {
    const names = new Set();
    for (const r of okResults(run))
        for (const k of Object.keys(r.metrics))
            names.add(k);
    return [...names].slice(0, 20).join(', ') || 'nothing';
}
/** A name as the user wrote it -> the key in scores/metrics; undefined when not found; throws when ambiguous. */
function resolveKey(run, input) {
    const names = rankableNames(run);
    const has = (n) => names.includes(n);
    const bare = (0,domain_metric/* stripEvalPrefix */.b_)(input);
    for (const candidate of [input, bare, `eval_${bare}`])
        if (has(candidate))
            return candidate;
    const pick = (found, what) => {
        const unique = [...new Set(found)];
        if (unique.length <= 1)
            return unique[0];
        throw new errors/* InputError */.d('metric', `'${input}' matches ${unique.length} ${what}: ${unique
            .slice(0, 12)
            .map((n) => pairName(run, n))
            .join(', ')}. Name one of them, e.g. metric: ${pairName(run, unique[0])}`);
    };
    const slash = input.lastIndexOf('/');
    if (slash > 0) {
        // task/metric[,filter]: the task's benchmark when that is its metric, else one of its other metrics.
        const task = input.slice(0, slash);
        const metric = input.slice(slash + 1);
        const matches = (key) => key === metric || key.split(',')[0] === metric;
        const benchmark = run.benchmarks.find((b) => b.id === task && b.metric && matches(b.metric));
        const others = names.filter((n) => n.startsWith(`${task}/`) && matches(n.slice(task.length + 1)));
        // `gsm8k/exact_match` with two filters is ambiguous: say so rather than pick one silently.
        const found = [...(benchmark ? [benchmark.id] : []), ...others];
        return pick(found, `metrics of ${task} (one per filter)`);
    }
    // A bare metric name (`acc_norm`): the one task that reports it.
    const byMetric = [
        ...run.benchmarks.filter((b) => b.metric && (0,metric_semantics/* bareMetricName */.ut)(b.metric) === bare).map((b) => b.id),
        ...names.filter((n) => n.includes('/') && (0,metric_semantics/* bareMetricName */.ut)(n) === bare)
    ];
    const found = pick(byMetric, 'task metrics');
    if (found)
        return found;
    // A task or subtask lm-eval lists as detail (`mmlu_stem` under `mmlu`): its first metric, as for benchmarks.
    const task = names.find((n) => n.startsWith(`${input}/`));
    if (task)
        return task;
    const lower = input.toLowerCase();
    return names.find((n) => n.toLowerCase() === lower || (0,domain_metric/* stripEvalPrefix */.b_)(n.toLowerCase()) === (0,domain_metric/* stripEvalPrefix */.b_)(lower));
}
/** `lambada_openai/perplexity,none` -> `lambada_openai/perplexity` when the filter is `none`: as users write it. */
function pairName(run, key) {
    const benchmark = run.benchmarks.find((b) => b.id === key);
    if (benchmark?.metric)
        return `${key}/${benchmark.metric.replace(/,none$/, '')}`;
    return key.replace(/,none$/, '');
}
/** The metric the user named -> how to rank by it; an unknown name is an InputError listing the names. */
function resolveNamedMetric(run, input, greaterIsBetter) {
    const name = input.trim();
    const bare = (0,domain_metric/* stripEvalPrefix */.b_)(name);
    const reported = okResults(run).some((r) => domain_metric/* EVAL_ACCURACY */.py in r.metrics || domain_metric/* EVAL_ACCURACY */.py in (r.invalid ?? {}));
    if (bare === 'accuracy' && (reported || !resolveKey(run, name))) {
        if (reported)
            return {
                spec: { name: domain_metric/* EVAL_ACCURACY */.py, greaterIsBetter: greaterIsBetter ?? true },
                source: { kind: 'reported' },
                reason: 'set by the metric input; the results report eval_accuracy'
            };
        const scored = scoredMetrics(run);
        const problem = scored.length === 0 ? 'the results hold no scores' : meanProblem(scored);
        if (problem) {
            if (scored.length === 0)
                throw unknownMetric(run, name);
            const err = ambiguous(run, scored, problem);
            throw new errors/* InputError */.d('metric', `'${name}' is not in the results, and it can't be computed as the mean of the scores: ${err.message.replace(/^Input 'metric': no default ranking metric is safe for these results: /, '')}`);
        }
        return {
            spec: { name: domain_metric/* EVAL_ACCURACY */.py, greaterIsBetter: greaterIsBetter ?? true },
            source: { kind: 'mean', benchmarks: run.benchmarks.map((b) => b.id) },
            reason: `set by the metric input: the mean of the ${scored.length} scores (all higher is better, ${(0,metric_semantics/* describeScale */.q9)(scored[0].scale)})`
        };
    }
    for (const candidate of [name, bare, `eval_${bare}`]) {
        if ((0,metric_semantics/* isCounter */.vM)(candidate) && okResults(run).some((r) => candidate in r.metrics)) {
            throw new errors/* InputError */.d('metric', `'${name}' is a counter (${candidate}), not a score: it says how long or how much, not how good. Rank by a score, e.g. metric: ${suggestion(run)}.`);
        }
    }
    const key = resolveKey(run, name);
    if (!key)
        throw unknownMetric(run, name);
    const benchmark = run.benchmarks.find((b) => b.id === key);
    return {
        spec: { name, greaterIsBetter: greaterIsBetter ?? directionOf(run, key, benchmark) },
        source: { kind: 'key', key },
        reason: 'set by the metric input'
    };
}
function suggestion(run) {
    const first = run.benchmarks[0];
    return first ? pairName(run, first.id) : (rankableNames(run)[0] ?? domain_metric/* EVAL_ACCURACY */.py);
}
function unknownMetric(run, name) {
    const names = rankableNames(run);
    const shown = names.map((n) => pairName(run, n));
    const closest = (0,metric_semantics/* closestName */.Nf)(name, shown);
    const list = shown.length
        ? shown.slice(0, 30).join(', ') + (shown.length > 30 ? `, … (${shown.length} in all)` : '')
        : 'none';
    return new errors/* InputError */.d('metric', `'${name}' is not in the results.${closest ? ` Closest match: '${closest}' (metric: ${closest}).` : ''} Available: ${list}.`);
}
/**
 * Before anything runs, for evaluators that know their score names (the built-in suite): a
 * `metric` that isn't one of them (nor eval_accuracy, their mean) is an InputError now, not after
 * the evaluation.
 */
function checkMetricName(metric, names) {
    const name = metric?.trim();
    if (!name)
        return;
    const bare = (0,domain_metric/* stripEvalPrefix */.b_)(name).toLowerCase();
    if (bare === 'accuracy' || names.some((n) => (0,domain_metric/* stripEvalPrefix */.b_)(n).toLowerCase() === bare))
        return;
    const closest = (0,metric_semantics/* closestName */.Nf)(name, names);
    throw new errors/* InputError */.d('metric', `'${name}' is not a score this evaluator reports.${closest ? ` Closest match: '${closest}' (metric: ${closest}).` : ''} Available: ${domain_metric/* EVAL_ACCURACY */.py}, ${names.join(', ')}.`);
}
/** The metric to rank by: the one named (checked against the results), or the default with its reason. */
function chooseMetric(run, options = {}) {
    const named = options.metric?.trim();
    // Nothing was evaluated (every checkpoint failed): nothing to check the name against, nothing to rank.
    if (okResults(run).length === 0) {
        const name = named || domain_metric/* EVAL_ACCURACY */.py;
        return {
            spec: { name, greaterIsBetter: options.greaterIsBetter ?? (0,metric_semantics/* higherIsBetter */.i2)(name) },
            source: name === domain_metric/* EVAL_ACCURACY */.py ? { kind: 'reported' } : { kind: 'key', key: name },
            reason: 'no checkpoint could be evaluated'
        };
    }
    if (named) {
        const choice = resolveNamedMetric(run, named, options.greaterIsBetter);
        return options.reason ? { ...choice, reason: options.reason } : choice;
    }
    const choice = chooseDefaultMetric(run);
    if (options.greaterIsBetter === undefined)
        return choice;
    return { ...choice, spec: { ...choice.spec, greaterIsBetter: options.greaterIsBetter } };
}
/** @deprecated use chooseMetric; kept for callers that only need the name and direction. */
function resolveMetric(run, options) {
    return chooseMetric(run, options).spec;
}
/** Whether eval_accuracy may be the benchmarks' mean: some benchmarks, one direction (higher), one scale. */
function meanIsSafe(run) {
    return run.benchmarks.length > 0 && !meanProblem(scoredMetrics(run));
}

;// CONCATENATED MODULE: ./src/domain/rank.ts
// rank(): evaluation results -> the checkpoints in order and the winner, by the metric that
// metric-choice.ts picks (named, or chosen with a reason). A checkpoint without a usable value
// (failed, missing, NaN) is listed last with why, and can't win.



/**
 * eval_accuracy of one result: what the evaluator reported, else the (weighted) benchmark mean when
 * the benchmarks can be averaged at all (one direction, one scale); null otherwise.
 */
function accuracyOf(run, result, weights, meanable) {
    if (result.status !== 'ok')
        return null;
    const reported = result.metrics[domain_metric/* EVAL_ACCURACY */.py];
    if (typeof reported === 'number')
        return reported;
    if (!meanable || Object.keys(result.invalid ?? {}).some((k) => run.benchmarks.some((b) => b.id === k)))
        return null;
    return (0,domain_metric/* evalAccuracy */.ix)(run.benchmarks, result.scores, weights);
}
/** The ranking value of one result, or why it has none. */
function rank_valueOf(choice, result, accuracy) {
    if (result.status !== 'ok')
        return { value: null };
    const name = choice.spec.name;
    const invalid = result.invalid ?? {};
    switch (choice.source.kind) {
        case 'reported': {
            if (domain_metric/* EVAL_ACCURACY */.py in invalid)
                return { value: null, reason: `${domain_metric/* EVAL_ACCURACY */.py} is ${invalid[domain_metric/* EVAL_ACCURACY */.py]}` };
            const v = result.metrics[domain_metric/* EVAL_ACCURACY */.py];
            return typeof v === 'number' ? { value: v } : { value: null, reason: `no ${domain_metric/* EVAL_ACCURACY */.py} in its results` };
        }
        case 'mean': {
            const bad = choice.source.benchmarks.find((id) => id in invalid);
            if (bad)
                return { value: null, reason: `${bad} is ${invalid[bad]}, so ${name} can't be computed` };
            return accuracy === null ? { value: null, reason: 'no score in its results' } : { value: accuracy };
        }
        case 'key': {
            const key = choice.source.key;
            if (key in invalid)
                return { value: null, reason: `${name} is ${invalid[key]}` };
            const v = result.scores[key] ?? result.metrics[key];
            return typeof v === 'number' ? { value: v } : { value: null, reason: `no ${name} in its results` };
        }
    }
}
/**
 * Best first. Ties go to the earlier step (as a Trainer's best_metric keeps the first best),
 * then to the name, so the order never depends on the file system's listing order.
 */
function rank(run, options = {}) {
    const weights = options.weights ?? {};
    const chosen = chooseMetric(run, options);
    const weighted = chosen.source.kind === 'mean' && Object.keys(weights).length > 0;
    const choice = weighted ? { ...chosen, reason: chosen.reason.replace(/\bthe mean\b/, 'the weighted mean') } : chosen;
    const meanable = meanIsSafe(run);
    const entries = run.results.map((evaluation) => {
        const accuracy = accuracyOf(run, evaluation, weights, meanable);
        const { value, reason } = rank_valueOf(choice, evaluation, accuracy);
        return { evaluation, evalAccuracy: accuracy, value, rank: null, ...(reason ? { unrankedReason: reason } : {}) };
    });
    const direction = choice.spec.greaterIsBetter ? -1 : 1;
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
    return { metric: choice.spec, reason: choice.reason, entries: [...ranked, ...unranked], winner: ranked[0] ?? null };
}
/** The value of `metric` for one result, prefix-blind (baselines and cards read scores this way). */
function rank_metricValue(result, metric, accuracy) {
    const bare = stripEvalPrefix(metric);
    for (const key of [metric, bare, `eval_${bare}`]) {
        const score = result.scores[key];
        if (typeof score === 'number')
            return score;
        const reported = result.metrics[key];
        if (typeof reported === 'number')
            return reported;
    }
    return bare === 'accuracy' ? accuracy : null;
}

;// CONCATENATED MODULE: ./src/evaluate/run.ts
/**
 * Outcomes (in checkpoint order) -> the run: benchmarks are the union in first-seen order; an ok
 * checkpoint gets null for a benchmark it has no score for; a failed one has scores {}.
 */
function assembleEvaluationRun(evaluator, outcomes) {
    const benchmarks = [];
    const seen = new Set();
    for (const outcome of outcomes) {
        for (const benchmark of outcome.parsed?.benchmarks ?? []) {
            if (outcome.error || seen.has(benchmark.id))
                continue;
            seen.add(benchmark.id);
            benchmarks.push(benchmark);
        }
    }
    const results = outcomes.map(({ checkpoint, parsed, error, durationMs }) => {
        if (error || !parsed) {
            return { checkpoint, status: 'failed', scores: {}, metrics: {}, error: error ?? 'no metrics', durationMs };
        }
        const scores = {};
        for (const benchmark of benchmarks)
            scores[benchmark.id] = parsed.scores[benchmark.id] ?? null;
        const invalid = Object.keys(parsed.invalid ?? {}).length > 0 ? { invalid: { ...parsed.invalid } } : {};
        return { checkpoint, status: 'ok', scores, metrics: { ...parsed.metrics }, ...invalid, durationMs };
    });
    const facts = metricFacts(outcomes);
    return { evaluator, benchmarks, results, ...(facts ? { facts } : {}) };
}
/**
 * What the files say about directions (first word wins) and the optimised metric: the newest
 * checkpoint's trainer_state.json knows the whole run, so the last one found is kept.
 */
function metricFacts(outcomes) {
    const facts = { directions: {} };
    for (const { parsed, error } of outcomes) {
        if (error || !parsed)
            continue;
        for (const [name, higher] of Object.entries(parsed.directions ?? {}))
            if (!(name in facts.directions))
                facts.directions[name] = higher;
        if (parsed.optimised)
            facts.optimised = parsed.optimised;
    }
    return Object.keys(facts.directions).length > 0 || facts.optimised ? facts : undefined;
}
/** Every checkpoint failed: nothing to rank, so stop with the first reason and a way to debug. */
function throwIfAllFailed(outcomes, evaluator, howToDebug) {
    if (outcomes.length === 0 || outcomes.some((o) => !o.error))
        return;
    const first = outcomes[0];
    throw new Error(`evaluator '${evaluator}': all ${outcomes.length} checkpoint(s) failed. First failure, ${first.checkpoint.name} ` +
        `(${first.checkpoint.path}): ${first.error}\nTo debug: ${howToDebug}.`);
}
/** assembleEvaluationRun, then throwIfAllFailed unless the caller asked for the run back. */
function finishRun(info, outcomes, { allFailed = 'throw', howToDebug }) {
    const run = assembleEvaluationRun(info, outcomes);
    if (allFailed === 'throw')
        throwIfAllFailed(outcomes, info.kind, howToDebug);
    return run;
}
/** A function to call as each checkpoint finishes: counts them for the caller's listener. */
function countProgress(total, onProgress) {
    let done = 0;
    return (label) => onProgress?.(++done, total, label);
}
/** A finished checkpoint's outcome as the ledger records it. */
function outcomeEvent({ checkpoint, parsed, error, cancelled }) {
    if (cancelled)
        return { name: checkpoint.name, state: 'cancelled', error };
    if (error || !parsed)
        return { name: checkpoint.name, state: 'failed', error: error ?? 'no metrics' };
    return { name: checkpoint.name, state: 'ok', scores: { ...parsed.scores, ...parsed.metrics } };
}
/** Every checkpoint about to be evaluated, as queued. */
function announceQueued(checkpoints, onCheckpoint) {
    for (const checkpoint of checkpoints)
        onCheckpoint?.({ name: checkpoint.name, state: 'queued' });
}

;// CONCATENATED MODULE: ./src/evaluate/builtin/evaluator.ts
// The default evaluator: the built-in suite, scored from each checkpoint's step.




/**
 * The selected benchmarks in the suite's order. Throws an InputError on `benchmarks` for a name
 * the suite doesn't have, and on `weights` for a weight on a benchmark that is not selected.
 */
function selectBuiltinBenchmarks({ benchmarks, weights = {} } = {}) {
    const ids = new Set((benchmarks ?? BUILTIN_SUITE.map((b) => b.id)).map((label) => findBenchmark('benchmarks', label, BUILTIN_SUITE).id));
    for (const name of Object.keys(weights)) {
        if (!ids.has(findBenchmark('weights', name, BUILTIN_SUITE).id)) {
            throw new errors/* InputError */.d('weights', `'${name}' is weighted but not among the selected benchmarks; add it to benchmarks or drop the weight.`);
        }
    }
    return BUILTIN_SUITE.filter((b) => ids.has(b.id));
}
function createBuiltinEvaluator(options = {}) {
    const selected = selectBuiltinBenchmarks(options);
    return {
        info: { kind: 'builtin', settings: { benchmarks: selected.map((b) => b.id) } },
        reports: selected.map((b) => b.id),
        async evaluate(checkpoints, { log, onProgress, onCheckpoint }) {
            const progress = countProgress(checkpoints.length, onProgress);
            const results = checkpoints.map((checkpoint) => {
                const started = performance.now();
                const scores = builtinScores(checkpoint.step, selected);
                onCheckpoint?.({ name: checkpoint.name, state: 'ok', scores });
                progress(checkpoint.name);
                return { checkpoint, status: 'ok', scores, metrics: {}, durationMs: performance.now() - started };
            });
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/evaluate/devices.ts
// GPUs for evaluations that run side by side: eval-devices split into groups of devices-per-eval,
// and a pool that lends each running evaluation a group of its own. The group reaches the command
// as CUDA_VISIBLE_DEVICES (and {device}), so four evaluations on a 4-GPU runner don't all load
// onto GPU 0.

/** `nvidia-smi -L` answers in well under a second; a hung driver must not hang the run. */
const NVIDIA_SMI_TIMEOUT_MS = 15_000;
/** Splits ids into groups of `perEval`; ids left over (fewer than perEval) are not used. */
function deviceGroups(ids, perEval) {
    const groups = [];
    for (let i = 0; i + perEval <= ids.length; i += perEval)
        groups.push(ids.slice(i, i + perEval));
    return groups;
}
/** The device ids `nvidia-smi -L` lists (`GPU 0: NVIDIA A100 ... (UUID: GPU-...)` -> `0`). */
function parseNvidiaSmiList(text) {
    return [...text.matchAll(/^GPU (\d+):/gm)].map((m) => m[1]);
}
/**
 * `auto`: $CUDA_VISIBLE_DEVICES when the runner already narrowed the GPUs (a child's
 * CUDA_VISIBLE_DEVICES replaces the parent's, so its ids are the ones to hand out), else every GPU
 * nvidia-smi lists; none when there is no nvidia-smi.
 */
async function findDevices(env, log) {
    const visible = env.CUDA_VISIBLE_DEVICES?.trim();
    if (visible) {
        const ids = visible
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean);
        log.info(`eval-devices auto: ${ids.join(',')} (from CUDA_VISIBLE_DEVICES)`);
        return ids;
    }
    const listed = await new Promise((resolve) => {
        (0,external_node_child_process_.execFile)('nvidia-smi', ['-L'], { env, timeout: NVIDIA_SMI_TIMEOUT_MS, windowsHide: true }, (error, stdout) => resolve(error ? null : stdout));
    });
    const ids = listed === null ? [] : parseNvidiaSmiList(listed);
    if (ids.length === 0) {
        log.warning(`eval-devices is auto but ${listed === null ? 'nvidia-smi could not be run' : 'nvidia-smi -L lists no GPU'}: ` +
            'evaluations run without CUDA_VISIBLE_DEVICES. List the devices (e.g. 0,1) to set them anyway.');
    }
    else {
        log.info(`eval-devices auto: ${ids.join(',')} (from nvidia-smi -L)`);
    }
    return ids;
}
/** Lends device groups: acquire() waits until a group is free; release() gives it back. */
class DevicePool {
    free;
    waiting = [];
    constructor(groups) {
        this.free = groups.map((g) => [...g]);
    }
    acquire() {
        const group = this.free.shift();
        return group ? Promise.resolve(group) : new Promise((resolve) => this.waiting.push(resolve));
    }
    release(group) {
        const next = this.waiting.shift();
        if (next)
            next(group);
        else
            this.free.push(group);
    }
}
/** The config's devices -> groups and how many evaluations run at once; undefined when no device can be handed out. */
async function planDevices(config, env, log) {
    const ids = config.ids === 'auto' ? await findDevices(env, log) : config.ids;
    if (ids.length === 0)
        return undefined;
    const groups = deviceGroups(ids, config.perEval);
    if (groups.length === 0) {
        log.warning(`devices-per-eval is ${config.perEval} but only ${ids.length} device(s) were found (${ids.join(',')}): ` +
            'evaluations run without CUDA_VISIBLE_DEVICES.');
        return undefined;
    }
    const unused = ids.length - groups.length * config.perEval;
    if (unused > 0)
        log.warning(`${unused} device(s) left over by devices-per-eval ${config.perEval}: not used.`);
    const concurrency = Math.min(groups.length, config.maxConcurrent ?? groups.length);
    log.info(`devices: ${groups.map((g) => g.join(',')).join(' | ')} (${concurrency} evaluation(s) at a time, ` +
        `${config.perEval} device(s) each)`);
    return { pool: new DevicePool(groups), groups, concurrency };
}

;// CONCATENATED MODULE: ./src/evaluate/results/formats/collector.ts
/** A document that is not one of the accepted shapes, or holds no usable score. */
class MetricsFormatError extends Error {
    constructor(message) {
        super(message);
        this.name = 'MetricsFormatError';
    }
}
const ACCEPTED = 'expected a JSON object: a flat {"benchmark": score} map, an lm-evaluation-harness results file, ' +
    'a lighteval results file or a Trainer trainer_state.json';
/** A benchmark; `higherIsBetter` is only set when known. */
function benchmarkOf(id, name, group, higherIsBetter, metric) {
    return {
        id,
        name,
        group,
        ...(higherIsBetter === undefined ? {} : { higherIsBetter }),
        ...(metric === undefined ? {} : { metric })
    };
}
class Collector {
    format;
    source;
    benchmarks = [];
    scores = {};
    metrics = {};
    invalid = {};
    directions = {};
    optimised;
    notes = [];
    constructor(format, source) {
        this.format = format;
        this.source = source;
    }
    /**
     * `where` names the score in the document, for the note when it is NaN or infinite: such a score
     * is kept as invalid (the checkpoint can't be ranked by it), not dropped and not fatal.
     */
    addBenchmark(benchmark, score, where) {
        if (this.benchmarks.some((b) => b.id === benchmark.id)) {
            this.notes.push(`'${benchmark.id}' appears twice; kept the first score`);
            return;
        }
        this.benchmarks.push(benchmark);
        if (Number.isFinite(score))
            this.scores[benchmark.id] = score;
        else {
            this.invalid[benchmark.id] = String(score);
            this.notes.push(`${where} is ${score}: the evaluation produced no usable result for '${benchmark.id}'`);
        }
    }
    addMetric(name, value) {
        if (name in this.metrics || name in this.invalid)
            return;
        if (Number.isFinite(value))
            this.metrics[name] = value;
        else
            this.invalid[name] = String(value);
    }
    finish() {
        if (this.benchmarks.length === 0 && Object.keys(this.metrics).length === 0) {
            throw new MetricsFormatError(`${this.source}: found no numeric scores (${ACCEPTED})`);
        }
        const { format, source, benchmarks, scores, metrics, invalid, directions, optimised, notes } = this;
        return {
            format,
            source,
            benchmarks,
            scores,
            metrics,
            invalid,
            directions,
            ...(optimised ? { optimised } : {}),
            notes
        };
    }
}

;// CONCATENATED MODULE: ./src/evaluate/results/formats/json.ts
// JSON text as evaluation tools write it: Python's bare NaN / Infinity literals are accepted (and
// kept recognisable), and the JSON object a command printed at the end of its stdout is found.

// Python's json module writes NaN/Infinity as bare literals, which JSON.parse rejects. They are
// rewritten to this marker string so the document still parses and the parsers can tell
// "NaN score" (a real evaluation failure, reported by name) from "not JSON".
const NON_FINITE = '\u0000non-finite:';
/** JSON.parse that also accepts Python's bare NaN / Infinity / -Infinity literals. */
function parseJsonText(text, source) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (/NaN|Infinity/.test(text)) {
            try {
                return JSON.parse(markNonFiniteLiterals(text));
            }
            catch {
                // fall through to the original, more accurate message
            }
        }
        throw new MetricsFormatError(`${source}: not valid JSON (${reason})`);
    }
}
function markNonFiniteLiterals(text) {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (inString) {
            out += ch;
            if (ch === '\\')
                out += text[++i] ?? '';
            else if (ch === '"')
                inString = false;
            continue;
        }
        if (ch === '"') {
            inString = true;
            out += ch;
            continue;
        }
        const literal = /^-?(?:NaN|Infinity)/.exec(text.slice(i, i + 9))?.[0];
        if (literal) {
            out += JSON.stringify(NON_FINITE + literal);
            i += literal.length - 1;
            continue;
        }
        out += ch;
    }
    return out;
}
/** A number, NaN/±Infinity for a marked literal, or undefined for anything else. */
function numberOf(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string' && value.startsWith(NON_FINITE))
        return Number(value.slice(NON_FINITE.length));
    return undefined;
}
function json_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** `an array`, `null`, `a string`: what a value is, for messages. */
function describe(value) {
    if (Array.isArray(value))
        return 'an array';
    if (value === null)
        return 'null';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
/**
 * The JSON object a command printed at the end of its stdout: the last non-empty line, or, for
 * pretty-printed output, the text from the last line that starts with `{` to the end.
 * Returns null when there is none (the caller explains what it saw instead).
 */
function jsonAtEndOfOutput(stdout) {
    const lines = stdout.split(/\r?\n/);
    while (lines.length > 0 && lines[lines.length - 1].trim() === '')
        lines.pop();
    if (lines.length === 0)
        return null;
    const last = lines[lines.length - 1].trim();
    if (last.startsWith('{') && isJsonObjectText(last))
        return last;
    let attempts = 0;
    for (let i = lines.length - 1; i >= 0 && attempts < 50; i--) {
        if (!lines[i].startsWith('{'))
            continue;
        attempts++;
        const text = lines.slice(i).join('\n');
        if (isJsonObjectText(text))
            return text;
    }
    return null;
}
function isJsonObjectText(text) {
    try {
        return json_isRecord(parseJsonText(text, ''));
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/evaluate/results/formats/flat.ts
// Flat `{"name": number}` maps: a command's stdout, eval_results.json, all_results.json, a
// Trainer log_history entry. Which key is a benchmark and which is bookkeeping is decided here.




/** `math_reasoning` -> `Math Reasoning`. */
function displayName(id) {
    return id
        .split(/[_\s]+/)
        .filter(Boolean)
        .map((word) => word[0].toUpperCase() + word.slice(1))
        .join(' ');
}
/** Where a flat map's key goes: see the rules in index.ts. */
function classifyFlatKey(key, siblings = new Set()) {
    if ((0,domain_metric/* isEvalAccuracy */.GB)(key))
        return { kind: 'metric' };
    const stripped = key.startsWith('eval_') && key.length > 5 && !siblings.has(key.slice(5)) ? key.slice(5) : key;
    if ((0,metric_semantics/* isCounter */.vM)(key) || (0,metric_semantics/* isLoss */.Q2)(key) || (0,metric_semantics/* isCounter */.vM)(stripped) || (0,metric_semantics/* isLoss */.Q2)(stripped))
        return { kind: 'metric' };
    return { kind: 'benchmark', id: stripped };
}
function parseFlat(map, out) {
    const keys = new Set(Object.keys(map));
    for (const [key, raw] of Object.entries(map)) {
        const value = numberOf(raw);
        if (value === undefined) {
            out.notes.push(`'${key}' is ${describe(raw)}, not a number; ignored`);
            continue;
        }
        const kind = classifyFlatKey(key, keys);
        if (kind.kind === 'metric')
            out.addMetric(key, value);
        else
            out.addBenchmark(benchmarkOf(kind.id, displayName(kind.id), 'Metrics', (0,metric_semantics/* higherIsBetterFromName */.$O)(kind.id)), value, `'${key}'`);
    }
    return out.finish();
}

;// CONCATENATED MODULE: ./src/evaluate/results/formats/task-metrics.ts
// The metrics of one task entry in lm-eval and lighteval results (`"acc,none": 0.5`), shared by
// both parsers.

const NOT_METRICS = new Set(['alias', 'name', 'sample_len', 'sample_count', 'samples', 'original', 'effective']);
/** The numeric, non-stderr metrics of a task entry, in the file's order. */
function metricEntries(entry) {
    const found = [];
    for (const [key, raw] of Object.entries(entry)) {
        const [metric, filter = null] = key.split(',', 2);
        if (NOT_METRICS.has(metric) || /_stderr$/.test(metric))
            continue;
        const value = numberOf(raw);
        if (value !== undefined)
            found.push({ key, metric, filter, value });
    }
    return found;
}
/** `acc` or `exact_match, strict-match`: the metric as a benchmark's name shows it. */
function metricLabel(entry) {
    return entry.filter && entry.filter !== 'none' ? `${entry.metric}, ${entry.filter}` : entry.metric;
}

;// CONCATENATED MODULE: ./src/evaluate/results/formats/lighteval.ts
// lighteval results (`results -> "suite|task|shots" -> {metric: value}`): one benchmark per task;
// see the rules in index.ts.




const AVERAGE = ':_average';
function parseLighteval(json, source) {
    const out = new Collector('lighteval', source);
    const results = json.results;
    const said = statedDirections(json.config_tasks);
    /** What config_tasks says of a metric's direction, recorded so a `metric:` naming it ranks the right way. */
    const direction = (key, metric) => said.get(key)?.get(metric);
    const parsed = Object.entries(results)
        .filter((pair) => json_isRecord(pair[1]))
        .map(([key, entry]) => ({ key, entry, ...splitLightevalKey(key) }));
    // `mmlu:_average` stands for every `mmlu:*` subtask: those become detail.
    const averaged = new Set(parsed.filter((p) => p.task.endsWith(AVERAGE)).map((p) => p.task.slice(0, -AVERAGE.length)));
    const taskCounts = new Map();
    for (const p of parsed)
        taskCounts.set(p.task, (taskCounts.get(p.task) ?? 0) + 1);
    for (const p of parsed) {
        const metrics = metricEntries(p.entry);
        if (p.key === 'all') {
            for (const m of metrics) {
                out.addMetric(`all/${m.key}`, m.value);
                const agreed = agreedDirection(said, m.metric);
                if (agreed !== undefined)
                    out.directions[`all/${m.key}`] = agreed;
            }
            continue;
        }
        const isAverage = p.task.endsWith(AVERAGE);
        const task = isAverage ? p.task.slice(0, -AVERAGE.length) : p.task;
        const id = (taskCounts.get(p.task) ?? 0) > 1 && p.shots !== null ? `${task}|${p.shots}` : task;
        const addDetail = (m) => {
            out.addMetric(`${id}/${m.key}`, m.value);
            const known = direction(p.key, m.metric);
            if (known !== undefined)
                out.directions[`${id}/${m.key}`] = known;
        };
        if (!isAverage && task.includes(':') && averaged.has(task.split(':')[0])) {
            for (const m of metrics)
                addDetail(m);
            continue;
        }
        if (metrics.length === 0) {
            out.notes.push(`task '${p.key}' has no numeric metric; ignored`);
            continue;
        }
        const [primary, ...rest] = metrics;
        const shots = p.shots !== null ? `, ${p.shots}-shot` : '';
        const label = `${task}${isAverage ? ' average' : ''} (${metricLabel(primary)}${shots})`;
        const known = direction(p.key, primary.metric);
        out.addBenchmark(benchmarkOf(id, label, p.suite ?? 'lighteval', known ?? (0,metric_semantics/* higherIsBetterFromName */.$O)(primary.metric), primary.key), primary.value, `task '${p.key}' metric '${primary.key}'`);
        if (known !== undefined)
            out.directions[id] = known;
        for (const m of rest)
            addDetail(m);
    }
    return out.finish();
}
/** `leaderboard|arc:challenge|25` / `gsm8k|0` / `ifeval` -> suite, task, shots. */
function splitLightevalKey(key) {
    const parts = key.split('|');
    if (parts.length >= 3)
        return { suite: parts[0], task: parts.slice(1, -1).join('|'), shots: parts[parts.length - 1] };
    if (parts.length === 2) {
        return /^\d+$/.test(parts[1])
            ? { suite: null, task: parts[0], shots: parts[1] }
            : { suite: parts[0], task: parts[1], shots: null };
    }
    return { suite: null, task: key, shots: null };
}
/**
 * `config_tasks -> "suite|task|shots" -> metrics[]`: each entry names its metric(s) (`metric_name`,
 * a string or a list) and says `higher_is_better` (a boolean, or one per metric name). Task key ->
 * metric -> higher is better; entries that say nothing are left out.
 */
function statedDirections(configTasks) {
    const said = new Map();
    if (!json_isRecord(configTasks))
        return said;
    for (const [key, config] of Object.entries(configTasks)) {
        if (!json_isRecord(config) || !Array.isArray(config.metrics))
            continue;
        const directions = new Map();
        for (const metric of config.metrics) {
            if (!json_isRecord(metric))
                continue;
            const names = [metric.metric_name].flat().filter((n) => typeof n === 'string');
            const higher = metric.higher_is_better;
            for (const name of names) {
                const value = json_isRecord(higher) ? higher[name] : higher;
                if (typeof value === 'boolean')
                    directions.set(name, value);
            }
        }
        if (directions.size > 0)
            said.set(key, directions);
    }
    return said;
}
/** The direction every task that states one gives `metric` (for the `all` block), if they agree. */
function agreedDirection(said, metric) {
    const stated = new Set([...said.values()].map((d) => d.get(metric)).filter((v) => v !== undefined));
    return stated.size === 1 ? [...stated][0] : undefined;
}

;// CONCATENATED MODULE: ./src/evaluate/results/formats/lm-eval.ts
// lm-evaluation-harness results (`results -> task -> "acc,none"`): one benchmark per top-level
// task or scored group; see the rules in index.ts.




function parseLmEval(json, source) {
    const out = new Collector('lm-eval', source);
    const results = json.results;
    const groups = json_isRecord(json.groups) ? json.groups : {};
    const hierarchy = json_isRecord(json.group_subtasks) ? json.group_subtasks : {};
    const higher = json_isRecord(json.higher_is_better) ? json.higher_is_better : {};
    const configs = json_isRecord(json.configs) ? json.configs : {};
    const entryOf = (name) => {
        const candidates = [results[name], groups[name]].filter(json_isRecord);
        return candidates.find((c) => metricEntries(c).length > 0) ?? candidates[0];
    };
    const subtasksOf = (name) => Array.isArray(hierarchy[name])
        ? hierarchy[name].filter((s) => typeof s === 'string' && s !== name)
        : [];
    const parent = new Map();
    for (const name of Object.keys(hierarchy))
        for (const child of subtasksOf(name))
            if (!parent.has(child))
                parent.set(child, name);
    const topOf = (name) => {
        const seen = new Set();
        while (parent.has(name) && !seen.has(name)) {
            seen.add(name);
            name = parent.get(name);
        }
        return name;
    };
    // What the file says about each metric's direction (lm-eval >= 0.4), recorded for every metric
    // it lists so a `metric:` naming any of them ranks the right way.
    const said = (name, metric) => {
        const known = json_isRecord(higher[name]) ? higher[name][metric] : undefined;
        return typeof known === 'boolean' ? known : undefined;
    };
    const addDetail = (name, m) => {
        out.addMetric(`${name}/${m.key}`, m.value);
        const direction = said(name, m.metric);
        if (direction !== undefined)
            out.directions[`${name}/${m.key}`] = direction;
    };
    const visited = new Set();
    // Everything under a scored group is detail: its numbers go to `metrics`.
    const collectDetail = (name) => {
        if (visited.has(name))
            return;
        visited.add(name);
        const entry = entryOf(name);
        if (entry)
            for (const m of metricEntries(entry))
                addDetail(name, m);
        for (const child of subtasksOf(name))
            collectDetail(child);
    };
    const walk = (name, group) => {
        if (visited.has(name))
            return;
        visited.add(name);
        const entry = entryOf(name);
        const metrics = entry ? metricEntries(entry) : [];
        if (metrics.length > 0 && entry) {
            const [primary, ...rest] = metrics;
            const alias = typeof entry.alias === 'string' ? entry.alias.trim().replace(/^-\s*/, '') : '';
            const known = said(name, primary.metric);
            const higherIsBetter = known ?? (0,metric_semantics/* higherIsBetterFromName */.$O)(primary.metric);
            const label = `${alias || name} (${metricLabel(primary)})`;
            out.addBenchmark({
                ...benchmarkOf(name, label, group ?? 'lm-evaluation-harness', higherIsBetter, primary.key),
                dataset: datasetOf(name, configs[name])
            }, primary.value, `task '${name}' metric '${primary.key}'`);
            if (known !== undefined)
                out.directions[name] = known;
            for (const m of rest)
                addDetail(name, m);
            for (const child of subtasksOf(name))
                collectDetail(child);
            return;
        }
        const children = subtasksOf(name);
        if (children.length === 0) {
            out.notes.push(`task '${name}' has no numeric metric; ignored`);
            return;
        }
        for (const child of children)
            walk(child, name);
    };
    // The results' order is lm-eval's display order (a group before its subtasks).
    for (const name of [...Object.keys(results), ...Object.keys(groups), ...Object.keys(hierarchy)])
        walk(topOf(name), null);
    return out.finish();
}
/**
 * The dataset a task ran on, from the task config lm-eval writes beside its results
 * (`dataset_path`, `dataset_name`, `test_split`); the task's own name when there is none.
 */
function datasetOf(task, config) {
    const text = (key) => {
        const value = json_isRecord(config) ? config[key] : undefined;
        return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    };
    const type = text('dataset_path') ?? task;
    const subset = text('dataset_name');
    const split = text('test_split') ?? text('validation_split');
    return { type, name: task, ...(subset ? { config: subset } : {}), ...(split ? { split } : {}) };
}

;// CONCATENATED MODULE: ./src/evaluate/results/formats/trainer-state.ts
// Trainer `trainer_state.json`: the log_history entries with eval_* keys at the checkpoint's
// step, merged, then read as a flat map. best_metric and best_model_checkpoint / best_global_step
// name the metric the run optimised (metric_for_best_model itself is not saved): it is the eval_*
// key whose value at the best step equals best_metric.




function parseTrainerState(json, source, step) {
    const history = json.log_history.filter(json_isRecord);
    const evals = history.filter((entry) => Object.keys(entry).some((key) => key.startsWith('eval_')));
    if (evals.length === 0) {
        throw new MetricsFormatError(`${source}: log_history has no evaluation entries (no eval_* keys): the Trainer did not evaluate ` +
            `during training. Set eval_strategy="steps" with eval_steps equal to save_steps, or point the ` +
            `results evaluator at another results file`);
    }
    const wanted = step ?? (typeof json.global_step === 'number' ? json.global_step : evals[evals.length - 1].step);
    const atStep = evals.filter((entry) => entry.step === wanted);
    if (atStep.length === 0) {
        const steps = [...new Set(evals.map((entry) => entry.step))].slice(-10).join(', ');
        throw new MetricsFormatError(`${source}: no evaluation logged at step ${wanted} (evaluations at steps ${steps}). ` +
            `Make eval_steps divide save_steps so every saved checkpoint has been evaluated`);
    }
    // Several eval datasets log separate entries at one step (eval_a_loss, eval_b_loss): merge them.
    const merged = Object.assign({}, ...atStep);
    const out = new Collector('trainer-state', source);
    out.optimised = optimisedMetric(json, evals, source);
    return parseFlat(merged, out);
}
/** The step of best_model_checkpoint (`…/checkpoint-3000`) or best_global_step. */
function bestStep(json) {
    if (typeof json.best_global_step === 'number')
        return json.best_global_step;
    const match = typeof json.best_model_checkpoint === 'string' ? /(\d+)\/?$/.exec(json.best_model_checkpoint) : null;
    return match ? Number(match[1]) : undefined;
}
/**
 * The metric behind best_metric: the eval_* key equal to it at the best step. Which way it is
 * better follows from the history: best_metric is that key's minimum or its maximum.
 */
function optimisedMetric(json, evals, source) {
    const best = numberOf(json.best_metric);
    const step = bestStep(json);
    if (best === undefined || !Number.isFinite(best) || step === undefined)
        return undefined;
    const atBest = Object.assign({}, ...evals.filter((e) => e.step === step));
    const name = Object.keys(atBest).find((key) => key.startsWith('eval_') && !(0,metric_semantics/* isCounter */.vM)(key) && numberOf(atBest[key]) === best);
    if (!name)
        return undefined;
    const history = evals.map((e) => numberOf(e[name])).filter((v) => v !== undefined && Number.isFinite(v));
    const min = Math.min(...history);
    const max = Math.max(...history);
    // With one evaluation (or a flat history) the values can't tell: lower for loss-like names.
    const higherIsBetter = min === max ? (0,metric_semantics/* higherIsBetter */.i2)(name) : best === max;
    const checkpoint = typeof json.best_model_checkpoint === 'string' ? json.best_model_checkpoint.split('/').pop() : undefined;
    return {
        name,
        higherIsBetter,
        source: `best_metric ${best} at ${checkpoint ?? `step ${step}`} in ${source.split(/[\\/]/).slice(-2).join('/')}`
    };
}

;// CONCATENATED MODULE: ./src/evaluate/results/formats/index.ts
// Pure parsers: a metrics JSON document (what an evaluation tool printed or wrote) -> benchmark
// scores + other metrics. No I/O here, so every rule below is testable on literals.
//
// THE RULES (documented for users in the README):
//
// Flat maps `{"name": number, ...}` (a command's stdout, eval_results.json, all_results.json, a
// Trainer log_history entry):
//   - `eval_accuracy` is kept in `metrics` under that name: it is the run's *reported*
//     eval_accuracy, which ranking uses as is instead of averaging benchmarks.
//   - Otherwise one leading `eval_` is stripped (`eval_f1` -> `f1`) unless that would collide with
//     a key already present; the key is then either
//       * bookkeeping -> `metrics`, under the ORIGINAL key (`eval_loss`, `eval_runtime`, `epoch`):
//         loss, epoch, step, runtime, samples, *_per_second, flos, learning_rate, grad_norm,
//         train_*, and names ending in _loss, _runtime, _stderr, _samples, _time, _seconds;
//       * or a benchmark whose id is the (stripped) key, group `Metrics`.
//   - Non-numeric values (strings, booleans, nested objects) are ignored and noted.
// lm-evaluation-harness results (`results -> task -> "acc,none"`):
//   - one benchmark per top-level task or group, scored by its FIRST reported metric (the task's
//     first configured metric, e.g. `acc,none`); its other metrics go to `metrics` as
//     `task/metric,filter`. Subtasks of a group that has a score (mmlu_* under mmlu) go to
//     `metrics` too, so one big group doesn't outweigh the other tasks in eval_accuracy. A group
//     without a score of its own (e.g. `leaderboard`) is looked through: its subtasks become
//     benchmarks with that group as `group`. `higher_is_better` is used when present.
// lighteval results (`results -> "suite|task|shots" -> {metric: value}`):
//   - one benchmark per task (id = task name, `task|shots` if a task appears twice), scored by its
//     first metric, group = the suite; `all` and per-task extras go to `metrics`; when
//     `task:_average` exists its `task:*` subtasks go to `metrics` and the average is the benchmark.
// Trainer `trainer_state.json`: the `log_history` entries with `eval_*` keys at the checkpoint's
// step, merged, then read as a flat map.
// Everywhere: `_stderr` values are dropped; a benchmark score that is NaN/Infinity (Python's
// json writes bare NaN) fails the document; lower-is-better is inferred for names ending in
// loss, perplexity, ppl, bits_per_byte, error, wer, cer, mse, rmse or mae.
//
// This module is the entry: it tells the shapes apart and hands each to its parser (flat.ts,
// trainer-state.ts, lm-eval.ts, lighteval.ts); json.ts reads the text, collector.ts builds the result.









/** Which of the accepted shapes `json` is; null when it is not an object at all. */
function detectMetricsFormat(json) {
    if (!json_isRecord(json))
        return null;
    if (Array.isArray(json.log_history))
        return 'trainer-state';
    const results = json.results;
    if (json_isRecord(results)) {
        if (Object.values(results).every((v) => numberOf(v) !== undefined))
            return 'flat';
        if ('config_general' in json || 'config_tasks' in json || 'summary_tasks' in json)
            return 'lighteval';
        if (Object.keys(results).some((key) => key.includes('|')))
            return 'lighteval';
        return 'lm-eval';
    }
    return 'flat';
}
/**
 * Reads one metrics document. `source` names it in errors (a file path or `stdout of step_100`).
 * Throws MetricsFormatError when the shape is unknown or it holds no usable score.
 */
function parseMetricsDocument(json, source, options = {}) {
    const format = detectMetricsFormat(json);
    if (format === null || !json_isRecord(json)) {
        throw new MetricsFormatError(`${source}: got ${describe(json)}; ${ACCEPTED}`);
    }
    switch (format) {
        case 'trainer-state':
            return parseTrainerState(json, source, options.step);
        case 'lm-eval':
            return parseLmEval(json, source);
        case 'lighteval':
            return parseLighteval(json, source);
        case 'flat':
            return parseFlat(json_isRecord(json.results) ? json.results : json, new Collector('flat', source));
    }
}
/** parseJsonText + parseMetricsDocument. */
function parseMetricsText(text, source, options = {}) {
    return parseMetricsDocument(parseJsonText(text, source), source, options);
}

;// CONCATENATED MODULE: ./src/evaluate/results/files.ts
// Finding results files: a path or glob below a folder, newest first. The results evaluator
// looks for each pattern in a checkpoint folder; the command evaluator for the newest
// `results_*.json` an evaluation tool wrote under {output}.





/**
 * Files matching `pattern` (relative to `base` unless absolute), newest first. Only the pattern
 * is scanned for glob syntax: `base` may contain [ ] ( ) itself.
 */
async function findResultsFiles(base, pattern, { maxDepth }) {
    const { base: literal, glob, isGlob } = globParts(pattern);
    if (!isGlob) {
        const file = external_node_path_default().resolve(base, pattern);
        return (await (0,promises_.stat)(file).catch(() => null))?.isFile() ? [file] : [];
    }
    const matches = picomatch_default()(glob, { dot: true });
    const found = [];
    for await (const entry of walk(external_node_path_default().resolve(base, literal || '.'), { maxDepth })) {
        if (!entry.dirent.isFile() || !matches(entry.rel))
            continue;
        const info = await (0,promises_.stat)(entry.abs).catch(() => null);
        if (info)
            found.push({ file: entry.abs, mtimeMs: info.mtimeMs });
    }
    return found.sort(compareNewest).map((f) => f.file);
}
/** Newest first: by the timestamp in the name (what lm-eval and lighteval sort by), then by mtime. */
function compareNewest(a, b) {
    const stamp = (file) => /(\d{4}-\d{2}-\d{2}T[\d.:-]+)/.exec(external_node_path_default().basename(file))?.[1] ?? '';
    const byStamp = stamp(b.file).localeCompare(stamp(a.file));
    return byStamp !== 0 ? byStamp : b.mtimeMs - a.mtimeMs;
}

;// CONCATENATED MODULE: ./src/evaluate/command/output.ts
// Where a command's metrics are: {output} when it wrote it (a file, or a folder holding an
// lm-eval / lighteval `results_*.json`), else the JSON object at the end of its stdout.




// lm-eval writes <output>/<model>/results_<ts>.json, lighteval <output>/results/<org>/<model>/.
const RESULTS_DEPTH = 5;
/** The metrics a command produced; throws MetricsFormatError saying what it found instead. */
async function readCommandMetrics(input) {
    const { checkpoint, stdout, outputPath, stdoutDroppedBytes = 0 } = input;
    const written = await (0,promises_.stat)(outputPath).catch(() => null);
    if (written?.isFile() && written.size > 0) {
        return parseMetricsText(await (0,promises_.readFile)(outputPath, 'utf8'), outputPath, { step: checkpoint.step });
    }
    if (written?.isDirectory()) {
        const found = await newestResultsFile(outputPath);
        if (found)
            return parseMetricsText(await (0,promises_.readFile)(found, 'utf8'), found, { step: checkpoint.step });
        if (!stdout.trim()) {
            throw new MetricsFormatError(`the command created the folder {output} (${outputPath}) but no results_*.json in it, and printed nothing on stdout`);
        }
    }
    const json = jsonAtEndOfOutput(stdout);
    if (json === null && stdoutDroppedBytes > 0 && looksCutOff(stdout)) {
        const kept = Buffer.byteLength(stdout);
        throw new MetricsFormatError(`the JSON at the end of its stdout is larger than the ${(0,bytes/* formatBytes */.z)(kept)} of stdout that is kept ` +
            `(it printed ${(0,bytes/* formatBytes */.z)(kept + stdoutDroppedBytes)}; only the last ${(0,bytes/* formatBytes */.z)(kept)} are read, so the ` +
            `object's start was dropped). Write the metrics to {output} (${outputPath}) as a results file instead ` +
            '(a file there is read whole), or print only the scores, e.g. {"accuracy": 0.81}, as the last line');
    }
    if (json === null) {
        const last = stdout.trim().split(/\r?\n/).pop()?.trim() ?? '';
        const what = last
            ? `its last stdout line is not a JSON object: ${truncate(last, 200)}`
            : 'it printed nothing on stdout';
        throw new MetricsFormatError(`the command printed no metrics: ${what}. Print a JSON object such as {"accuracy": 0.81} as the last line, or write it to {output}`);
    }
    return parseMetricsText(json, `stdout of ${checkpoint.name}`, { step: checkpoint.step });
}
/**
 * Whether the kept tail of stdout ends inside a JSON document whose start was dropped: its last
 * line began before the kept part (no line break in it), or the text ends like a JSON object.
 */
function looksCutOff(stdout) {
    const text = stdout.trimEnd();
    return !/\r?\n/.test(text) || text.endsWith('}');
}
/** The newest `results_*.json` under `dir` (lm-eval and lighteval name them by timestamp). */
async function newestResultsFile(dir) {
    return (await findResultsFiles(dir, '**/results_*.json', { maxDepth: RESULTS_DEPTH }))[0] ?? null;
}
/** `text`, cut to `max` characters with an ellipsis. */
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}

// EXTERNAL MODULE: ./src/evaluate/command/shell.ts + 1 modules
var shell = __webpack_require__(3236);
;// CONCATENATED MODULE: ./src/evaluate/command/template.ts
// The eval-command template: placeholders, POSIX quoting, and the checks that catch templates
// which would run but evaluate the wrong thing.
//
// Commands always run in a POSIX shell (/bin/sh; on Windows, the Git Bash that GitHub's Windows
// runners put on PATH), so there is exactly one quoting scheme to get right.

const PLACEHOLDERS = (/* unused pure expression or super */ null && (['checkpoint', 'step', 'name', 'output', 'device']));
const PLACEHOLDER = /\{(checkpoint|step|name|output|device)\}/g;
// Characters that mean nothing to sh: values made only of these stay unquoted so the command
// shown in the log reads like the one a person would type.
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** One sh word that expands to exactly `value`: single quotes, with `'` written as `'\''`. */
function quotePosix(value) {
    if (value === '')
        return "''";
    if (SHELL_SAFE.test(value))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/**
 * Replaces every placeholder with its quoted value in one pass, so a value that itself contains
 * `{name}` is never substituted again.
 */
function renderCommand(template, values) {
    return template.replace(PLACEHOLDER, (_match, key) => quotePosix(values[key] ?? ''));
}
/** Throws with a fix when the template can't do what the user meant. */
function checkCommandTemplate(template) {
    if (template.trim() === '') {
        throw new Error('eval-command is empty: give the command that evaluates one checkpoint, e.g. `python eval.py {checkpoint}`');
    }
    const quoted = placeholderInsideQuotes(template);
    if (quoted) {
        throw new Error(`eval-command has {${quoted.placeholder}} inside ${quoted.quote === '"' ? 'double' : 'single'} quotes: placeholders ` +
            `are quoted for the shell already (paths with spaces or quotes are safe), and quoting them again passes the ` +
            `quote characters to your program. Take {${quoted.placeholder}} out of the quotes, e.g. ` +
            `--model_args pretrained={checkpoint},dtype=bfloat16`);
    }
    const dollar = /\$\{(checkpoint|step|name|output|device)\}/.exec(template);
    if (dollar) {
        throw new Error(`eval-command has ${dollar[0]}, which mixes a shell variable with a placeholder. Write {${dollar[1]}}, ` +
            'or use the environment variables CHECKPOINT_PATH, CHECKPOINT_STEP, CHECKPOINT_NAME, EVAL_OUTPUT');
    }
    if (!/\{checkpoint\}|\{name\}|\{step\}|CHECKPOINT_(?:PATH|NAME|STEP)/.test(template)) {
        throw new Error(`eval-command never refers to the checkpoint, so every checkpoint would get the same result: ` +
            `put {checkpoint} where the command takes the model path (or read $CHECKPOINT_PATH in your script). ` +
            `Command: ${template}`);
    }
}
/** The first placeholder written inside '...' or "..." in the template, if any. */
function placeholderInsideQuotes(template) {
    let quote = null;
    for (let i = 0; i < template.length; i++) {
        const ch = template[i];
        if (quote === null) {
            if (ch === '\\')
                i++; // an escaped quote opens nothing
            else if (ch === "'" || ch === '"')
                quote = ch;
            continue;
        }
        if (ch === quote)
            quote = null;
        else if (quote === '"' && ch === '\\')
            i++;
        else if (ch === '{') {
            const match = /^\{(checkpoint|step|name|output|device)\}/.exec(template.slice(i));
            if (match)
                return { placeholder: match[1], quote };
        }
    }
    return null;
}
/** Refuses shells that don't take POSIX quoting: the placeholders would be mis-quoted. */
function checkPosixShell(shell) {
    const base = shell
        .split(/[\\/]/)
        .pop()
        ?.toLowerCase()
        .replace(/\.exe$/, '') ?? '';
    if (['cmd', 'powershell', 'pwsh'].includes(base)) {
        throw new Error(`eval-command needs a POSIX shell, got '${shell}': placeholders are quoted for sh. On Windows runners ` +
            `leave the shell unset (Git Bash, which GitHub's Windows images have on PATH, is used), or call ` +
            `pwsh from the command: pwsh -File eval.ps1 {checkpoint}`);
    }
}
/**
 * sh on POSIX. On Windows, Git Bash by its install path when present: a bare `bash` may resolve
 * to WSL's C:\Windows\System32\bash.exe, which sees another file system.
 */
function defaultShell(platform = process.platform, env = process.env) {
    if (platform !== 'win32')
        return '/bin/sh';
    const gitBash = `${env.ProgramFiles ?? 'C:\\Program Files'}\\Git\\bin\\bash.exe`;
    return (0,external_node_fs_.existsSync)(gitBash) ? gitBash : 'bash';
}

;// CONCATENATED MODULE: ./src/evaluate/command/evaluator.ts
// evaluator: command — runs the user's command once per checkpoint and reads the metrics it
// prints (or writes to {output}). Checkpoints run in parallel; each one's output is buffered and
// logged as one collapsed group when it finishes, so parallel output never interleaves.











const STDERR_LINES_IN_ERROR = 8;
const HOW_TO_DEBUG = 'run the command by hand for that checkpoint (it is shown in its log group) and check that it prints ' +
    'a JSON object such as {"accuracy": 0.81} as its last line';
/** Throws an InputError on eval-command when the template can't do what the user meant. */
function createCommandEvaluator(options) {
    try {
        checkCommandTemplate(options.command);
    }
    catch (error) {
        throw new errors/* InputError */.d('eval-command', (0,errors/* errorMessage */.g)(error));
    }
    const shell = options.shell ?? defaultShell();
    checkPosixShell(shell);
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
        throw new Error(`eval-concurrency must be a whole number ≥ 1, got ${options.concurrency}`);
    }
    if (!(options.timeoutMs > 0))
        throw new Error(`eval-timeout must be a positive duration, got ${options.timeoutMs} ms`);
    if (options.command.includes('{device}') && !options.devices) {
        throw new errors/* InputError */.d('eval-command', 'uses {device} but eval-devices is not set: list the GPUs to share out (e.g. 0,1,2,3, or auto).');
    }
    const info = { kind: 'command', settings: { command: options.command } };
    return {
        info,
        async evaluate(checkpoints, { log, onProgress, onCheckpoint, signal, allFailed }) {
            await (0,promises_.mkdir)(options.outputDir, { recursive: true });
            announceQueued(checkpoints, onCheckpoint);
            const outputs = outputPaths(checkpoints, options.outputDir);
            const progress = countProgress(checkpoints.length, onProgress);
            const devices = options.devices && (await planDevices(options.devices, options.env ?? process.env, log));
            const concurrency = devices ? devices.concurrency : options.concurrency;
            log.info(`evaluating ${checkpoints.length} checkpoint(s) with: ${options.command} ` +
                `(${Math.min(concurrency, checkpoints.length)} at a time, timeout ${formatSeconds(options.timeoutMs)} each)`);
            const outcomes = await mapLimit(checkpoints, concurrency, signal, async (checkpoint, index) => {
                const group = await devices?.pool.acquire();
                try {
                    const device = group?.join(',');
                    onCheckpoint?.({ name: checkpoint.name, state: 'running' });
                    const outcome = await evaluateOne(checkpoint, outputs[index], { ...options, shell, log, signal, device });
                    onCheckpoint?.(outcomeEvent(outcome));
                    progress(checkpoint.name);
                    return outcome;
                }
                finally {
                    if (group)
                        devices?.pool.release(group);
                }
            });
            return finishRun(info, outcomes, { allFailed, howToDebug: HOW_TO_DEBUG });
        }
    };
}
/** Runs the command for one checkpoint, reads its metrics, and logs its output as one group. */
async function evaluateOne(checkpoint, outputPath, context) {
    const started = Date.now();
    // A file left by an earlier run must never pass for this run's result.
    await (0,promises_.rm)(outputPath, { recursive: true, force: true });
    const checkpointPath = external_node_path_default().resolve(checkpoint.path);
    const values = {
        checkpoint: checkpointPath,
        step: String(checkpoint.step),
        name: checkpoint.name,
        output: outputPath,
        device: context.device ?? ''
    };
    const rendered = renderCommand(context.command, values);
    const env = {
        ...commandEnvironment(context.env ?? process.env),
        CHECKPOINT_PATH: checkpointPath,
        CHECKPOINT_STEP: values.step,
        CHECKPOINT_NAME: checkpoint.name,
        EVAL_OUTPUT: outputPath,
        ...(context.device !== undefined ? { CUDA_VISIBLE_DEVICES: context.device } : {})
    };
    const result = await (0,shell/* runShellCommand */.f3)({
        shell: context.shell,
        command: rendered,
        cwd: context.cwd,
        env,
        timeoutMs: context.timeoutMs,
        killGraceMs: context.killGraceMs ?? 2000,
        signal: context.signal,
        stdoutTailBytes: context.stdoutTailBytes
    });
    let parsed;
    let error = failureOf(result, context.timeoutMs);
    if (!error) {
        try {
            parsed = await readCommandMetrics({
                checkpoint,
                stdout: result.stdout,
                stdoutDroppedBytes: result.stdoutDroppedBytes,
                outputPath
            });
        }
        catch (e) {
            error = e instanceof MetricsFormatError ? e.message : `could not read the metrics: ${(0,errors/* errorMessage */.g)(e)}`;
        }
    }
    const durationMs = Date.now() - started;
    const { log } = context;
    // The summary's words: a command the cancel stopped was killed while running, not failed.
    const state = result.aborted ? 'killed while running' : error ? 'failed' : 'ok';
    log.startGroup(`${checkpoint.name} (${state}, ${formatSeconds(durationMs)})`);
    log.info(`$ ${rendered}`);
    if (result.droppedBytes > 0)
        log.info(`… ${(0,bytes/* formatBytes */.z)(result.droppedBytes)} of earlier output not kept`);
    const text = result.output.trimEnd() || '(no output)';
    // The command's own words: shown, never obeyed as workflow commands (an `::error::` it prints
    // is its business, not an annotation of this action).
    if (log.output)
        log.output(text);
    else
        log.info(text);
    if (parsed) {
        log.info(`metrics from ${parsed.source} (${parsed.format})`);
        for (const note of parsed.notes)
            log.debug(`${checkpoint.name}: ${note}`);
    }
    log.endGroup();
    if (error)
        log.warning(`${checkpoint.name}: ${error}`, checkpoint.path);
    else if (result.killed.length > 0) {
        log.warning(`${checkpoint.name}: the command exited but left ${describeKilled(result.killed)} running; killed. ` +
            'Wait for background processes in the command (or stop them) so each evaluation cleans up after itself.', checkpoint.path);
    }
    return { checkpoint, parsed, error, durationMs, ...(result.aborted ? { cancelled: true } : {}) };
}
function failureOf(result, timeoutMs) {
    if (result.spawnError)
        return `could not start the shell: ${result.spawnError}`;
    if (result.timedOut) {
        const also = result.killed.length > 0 ? ` and ${describeKilled(result.killed)} it started` : '';
        return `timed out after ${formatSeconds(timeoutMs)} (eval-timeout); the command${also} were killed. Raise eval-timeout if the evaluation needs longer`;
    }
    if (result.aborted) {
        return result.killed.length > 0 ? `cancelled; killed ${describeKilled(result.killed)}` : 'cancelled';
    }
    if (result.exitCode === 0)
        return undefined;
    const how = result.exitCode !== null ? `exited with code ${result.exitCode}` : `was killed by ${result.exitSignal}`;
    const lines = lastLines(result.stderr || result.output, STDERR_LINES_IN_ERROR);
    return lines
        ? `the command ${how}; last lines of its ${result.stderr ? 'stderr' : 'output'}:\n${lines}`
        : `the command ${how} and printed nothing`;
}
/** A file name for each checkpoint's {output}, unique even if two names sanitize alike. */
function outputPaths(checkpoints, outputDir) {
    const used = new Set();
    return checkpoints.map((checkpoint, index) => {
        let base = checkpoint.name.replace(/[^A-Za-z0-9._-]/g, '_') || 'checkpoint';
        if (used.has(base))
            base = `${base}-${index}`;
        used.add(base);
        // No extension on purpose: lm-eval's --output_path and lighteval's --output-dir treat it as
        // a folder, which readCommandMetrics searches; a command may also write a JSON file there.
        return external_node_path_default().resolve(outputDir, base);
    });
}
/** `2 processes (pid 41 python eval.py, pid 42 sleep 600)`. */
function describeKilled(killed) {
    const shown = killed.slice(0, 5).map((p) => `pid ${p.pid} ${truncate(p.command, 80)}`);
    const more = killed.length > 5 ? `, and ${killed.length - 5} more` : '';
    return `${killed.length} process${killed.length === 1 ? '' : 'es'} (${shown.join(', ')}${more})`;
}
function lastLines(text, count) {
    return text
        .split(/\r?\n/)
        .map((line) => line.trimEnd())
        .filter(Boolean)
        .slice(-count)
        .map((line) => `  ${truncate(line, 300)}`)
        .join('\n');
}
function formatSeconds(ms) {
    return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000}m` : `${(ms / 1000).toFixed(1)}s`;
}
// The runner hands the action its inputs (INPUT_HF-TOKEN among them) and its own service tokens
// through the environment; an evaluation command needs none of them, and a command that logs or
// saves its environment must not be able to leak them. Its own variables (HF_TOKEN set in the
// step's `env:`, PATH, CUDA_*) pass through.
const RUNNER_ONLY = /^(?:INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_URL$)/;
/** `base` without the action's inputs and the runner's service tokens. */
function commandEnvironment(base) {
    return Object.fromEntries(Object.entries(base).filter(([name]) => !RUNNER_ONLY.test(name.toUpperCase())));
}

;// CONCATENATED MODULE: ./src/evaluate/results/evaluator.ts
// evaluator: results — reads metrics that training or an earlier evaluation already wrote next to
// each checkpoint, instead of running anything.
//
// Which file is used, per checkpoint: the first of these that exists and parses:
//   1. `files` when given (in the given order), else
//   2. `**/results_*.json`     lm-evaluation-harness (`<output_path>/<model>/results_<ts>.json`)
//                              and lighteval (`results/<org>/<model>/results_<ts>.json`); newest first
//   3. `**/*{step}*.json`      a results file named by its step (`160m_step1000.json`, as Pythia's
//                              evals are): the step must stand alone as a number in the path
//   4. `eval_results.json`     Trainer.evaluate() / run_*.py scripts
//   5. `all_results.json`      same, with train metrics too
//   6. `trainer_state.json`    the log_history entry with eval_* keys at the checkpoint's step
// A file that exists but can't be read is skipped with a warning when a later one works (so a
// stale or foreign results_*.json doesn't hide the Trainer's numbers); when none works the
// checkpoint fails with every reason and the list of patterns looked for.







const DEFAULT_RESULTS_FILES = [
    '**/results_*.json',
    '**/*{step}*.json',
    'eval_results.json',
    'all_results.json',
    'trainer_state.json'
];
// Results folders are shallow (lighteval: results/<org>/<model>/results_x.json); a cap keeps a
// checkpoint folder with a deep tree from being walked for nothing.
const MAX_GLOB_DEPTH = 6;
const PARALLEL_READS = 8;
function createResultsEvaluator(options = {}) {
    const patterns = options.files && options.files.length > 0 ? options.files : DEFAULT_RESULTS_FILES;
    for (const pattern of patterns) {
        if (pattern.trim() === '')
            throw new Error('results-files has an empty entry: give a path or glob relative to the checkpoint folder');
    }
    const info = { kind: 'results', settings: { files: patterns } };
    return {
        info,
        async evaluate(checkpoints, { log, onProgress, onCheckpoint, signal, allFailed }) {
            const progress = countProgress(checkpoints.length, onProgress);
            const outcomes = await mapLimit(checkpoints, PARALLEL_READS, signal, async (checkpoint) => {
                const started = Date.now();
                const outcome = await readCheckpointResults(checkpoint, patterns);
                for (const skipped of outcome.skipped)
                    log.warning(`${checkpoint.name}: skipped ${skipped}`, checkpoint.path);
                if (outcome.parsed) {
                    log.debug(`${checkpoint.name}: metrics from ${outcome.parsed.source} (${outcome.parsed.format})`);
                    for (const note of outcome.parsed.notes)
                        log.debug(`${checkpoint.name}: ${note}`);
                }
                else {
                    log.warning(`${checkpoint.name}: ${outcome.error}`, checkpoint.path);
                }
                const result = { checkpoint, parsed: outcome.parsed, error: outcome.error, durationMs: Date.now() - started };
                onCheckpoint?.(outcomeEvent(result));
                progress(checkpoint.name);
                return result;
            });
            return finishRun(info, outcomes, {
                allFailed,
                howToDebug: `check that each checkpoint folder holds one of ${patterns.join(', ')} (or set results-files to where your evaluation writes them)`
            });
        }
    };
}
/**
 * `*{step}*` matches `step10000.json` for step 1000 too: keep the files whose path (below the
 * checkpoint folder) has the step as a whole number, and never the Trainer's own files.
 */
function namesStep(checkpoint) {
    const step = new RegExp(`(?<![0-9])${checkpoint.step}(?![0-9])`);
    return (file) => {
        const rel = external_node_path_default().relative(checkpoint.path, file);
        return step.test(rel) && !TRAINER_FILES.test(external_node_path_default().basename(file));
    };
}
// Files a checkpoint folder holds that are never results, even with the step in their path.
const TRAINER_FILES = /^(?:config|generation_config|tokenizer|tokenizer_config|special_tokens_map|adapter_config|preprocessor_config|trainer_state|training_args|added_tokens|vocab)\.json$|\.index\.json$/;
/** The metrics of one checkpoint from the first usable file the patterns match. */
async function readCheckpointResults(checkpoint, patterns) {
    const problems = [];
    for (const pattern of patterns) {
        const resolved = pattern.replace(/\{name\}/g, checkpoint.name).replace(/\{step\}/g, String(checkpoint.step));
        const found = await findResultsFiles(checkpoint.path, resolved, { maxDepth: MAX_GLOB_DEPTH });
        for (const file of pattern.includes('{step}') ? found.filter(namesStep(checkpoint)) : found) {
            try {
                const parsed = parseMetricsText(await (0,promises_.readFile)(file, 'utf8'), file, { step: checkpoint.step });
                return { parsed, skipped: problems };
            }
            catch (error) {
                problems.push((0,errors/* errorMessage */.g)(error));
            }
        }
    }
    const looked = `looked for ${patterns.join(', ')} in ${checkpoint.path}`;
    const error = problems.length === 0
        ? `no results file found (${looked}). Write your evaluation's results into the checkpoint folder, or set results-files`
        : `no usable results file (${looked}):\n${problems.map((p) => `  ${p}`).join('\n')}`;
    return { error, skipped: [] };
}

;// CONCATENATED MODULE: ./src/evaluate/index.ts




function createEvaluator(config, context) {
    switch (config.evaluator) {
        case 'builtin':
            return createBuiltinEvaluator({ benchmarks: config.benchmarks, weights: config.weights });
        case 'command':
            if (!config.command) {
                throw new errors/* InputError */.d('eval-command', "evaluator 'command' needs eval-command, e.g. `python eval.py --model {checkpoint} --out {output}`.");
            }
            return createCommandEvaluator({
                command: config.command,
                concurrency: config.concurrency,
                timeoutMs: config.timeoutMs,
                cwd: context.cwd,
                outputDir: context.outputDir,
                devices: config.devices
            });
        case 'results':
            return createResultsEvaluator({ files: config.resultsFiles });
    }
}

// EXTERNAL MODULE: ./src/report/terminal.ts
var terminal = __webpack_require__(87496);
;// CONCATENATED MODULE: ./src/pipeline/stages.ts
// The stages every run mode shares, on plain data: discover, evaluate, rank -> scores document.










/** The evaluator the config names; input mistakes only it can see are thrown here, before anything runs. */
function evaluatorFor(config) {
    const evaluator = createEvaluator(config.evaluation, { cwd: config.workspace, outputDir: config.outputDir });
    if (evaluator.reports)
        checkMetricName(config.ranking.metric, evaluator.reports);
    return evaluator;
}
/** checkpoint-dir -> checkpoints; skipped folders are warned about, none at all is an error. */
async function discoverCheckpoints(config, log) {
    const discovery = await discover({
        root: config.checkpointDir,
        shownAs: (0,paths/* shownPath */.pS)(config.workspace, config.checkpointDir)
    });
    for (const s of discovery.skipped)
        log.warning(`Skipped checkpoint ${s.name}: ${s.reason}`, s.path);
    if (discovery.ignored.length)
        log.debug(`Not checkpoints (ignored): ${discovery.ignored.join(', ')}`);
    requireCheckpoints(discovery);
    return discovery;
}
/**
 * Evaluates the checkpoints, through the results cache when one is configured: hits reuse the
 * stored scores, misses are evaluated and stored, and the cache is saved afterwards.
 */
async function evaluateCheckpoints({ config, log, run, onProgress, onCheckpoint, signal }, evaluator, checkpoints, { allFailed, shard } = {}) {
    const opened = await openResultsCache({
        config: config.cache,
        evaluator: evaluator.info,
        workspace: config.workspace,
        run: { id: run.github?.runId, attempt: run.github?.runAttempt },
        shard,
        log
    });
    if (!opened)
        return {
            evaluation: await evaluator.evaluate(checkpoints, { log, onProgress, onCheckpoint, signal, allFailed }),
            cacheUsed: false
        };
    try {
        const evaluation = await evaluateWithCache(evaluator, checkpoints, {
            ...opened,
            log,
            onProgress,
            onCheckpoint,
            signal,
            allFailed
        });
        return { evaluation, cacheUsed: true };
    }
    finally {
        await opened.cache.close();
    }
}
/** rank -> the log's score list -> the scores document (with parameter counts for the rows shown in full). */
async function rankEvaluation({ config, run, log }, evaluation, skipped, settings = { ranking: config.ranking, weights: config.evaluation.weights }) {
    const weights = resolveWeights(settings.weights, evaluation.benchmarks);
    const ranking = rank(evaluation, { ...settings.ranking, weights });
    // Parameter counts for the rows the summary shows in full: reading every header of a 10,000-
    // checkpoint run would cost more than discovering it.
    const shown = ranking.entries.slice(0, FULL_ROWS).map((e) => e.evaluation.checkpoint);
    await describeWeights(shown, log);
    const scores = (0,scores_document/* buildScoresDocument */.Jc)({
        run,
        discovery: { skipped },
        evaluation,
        ranking,
        weights,
        workspace: config.workspace
    });
    logRanking(scores, ranking, log);
    return { ranking, scores };
}
/**
 * One line for the summary and the log: which metric ranks, which way, why, and which checkpoints
 * could not be ranked by it (NaN, missing). Kept to one line: the summary quotes it above the table.
 */
function rankingNote(ranking) {
    const { name, greaterIsBetter } = ranking.metric;
    const why = ranking.reason ? `: ${ranking.reason}` : '';
    const unranked = ranking.entries.filter((e) => e.unrankedReason);
    const shown = unranked.slice(0, 5).map((e) => `${e.evaluation.checkpoint.name} (${e.unrankedReason})`);
    if (unranked.length > 5)
        shown.push(`${unranked.length - 5} more`);
    const notRanked = shown.length ? ` Not ranked: ${shown.join(', ')}.` : '';
    return `Ranked by ${name} (${greaterIsBetter ? 'higher' : 'lower'} is better)${why}.${notRanked}`;
}
/** NaN/Infinity in a metric that does not rank: shown once per metric, never fatal. */
function logInvalidValues(ranking, log) {
    const byMetric = new Map();
    for (const e of ranking.entries)
        for (const [metric, value] of Object.entries(e.evaluation.invalid ?? {}))
            byMetric.set(metric, [...(byMetric.get(metric) ?? []), `${e.evaluation.checkpoint.name} (${value})`]);
    for (const [metric, where] of byMetric) {
        const ranks = ranking.entries.some((e) => e.unrankedReason?.startsWith(`${metric} `));
        const tail = ranks ? 'those checkpoints are not ranked' : 'it does not rank, so this only leaves a gap in the table';
        log.warning(`${metric} is not a number in ${where.slice(0, 5).join(', ')}${where.length > 5 ? ', …' : ''}: ${tail}.`);
    }
}
/** The step log's (and the terminal's) ranking: the metric and why, one table, folded, and one winner line. */
function logRanking(scores, ranking, log) {
    log.info(rankingNote(ranking));
    logInvalidValues(ranking, log);
    log.startGroup(`Ranking of ${scores.checkpoints.length} checkpoint${scores.checkpoints.length === 1 ? '' : 's'}`);
    for (const line of (0,terminal/* renderTerminalTable */.ji)(scores).split('\n'))
        log.info(line);
    log.endGroup();
    if (scores.winner)
        log.info((0,terminal/* terminalWinnerLine */.UB)(scores));
    else
        log.warning((0,terminal/* terminalWinnerLine */.UB)(scores));
}

// EXTERNAL MODULE: ./src/domain/repo-id.ts
var repo_id = __webpack_require__(15934);
;// CONCATENATED MODULE: ./src/publish/find-files.ts
// Files on disk that may be uploaded, found with the shared walker. Publish adds what only it
// needs: folders skipped with a reason, and symlinks followed only to files inside a boundary.
// Files are only lstat'ed (weights can be hundreds of GB).




/** Every file under root; symlinks followed only to files inside the boundary. */
async function findFiles(options) {
    const prefix = options.relativeTo ? (0,paths/* toPosix */.d7)(external_node_path_default().relative(options.relativeTo, options.root)) : '';
    const relOf = (rel) => (prefix ? `${prefix}/${rel}` : rel);
    const { wanted } = options;
    const enter = async (folder) => {
        const reason = options.skipFolder(relOf(folder.rel));
        if (reason === undefined)
            return true;
        if (reason !== '' && (!wanted || (await anyWanted(folder.abs, (rel) => wanted(relOf(`${folder.rel}/${rel}`)))))) {
            options.excluded(folder.abs + (external_node_path_default()).sep, reason);
        }
        return false;
    };
    const out = [];
    for await (const entry of walk(options.root, { enter, unreadable: 'throw' })) {
        const rel = relOf(entry.rel);
        if (wanted && !wanted(rel))
            continue;
        const file = await regularFile(entry.abs, options);
        if (file)
            out.push({ rel, abs: entry.abs, size: file.size });
    }
    return out;
}
/** Whether a skipped folder holds anything the globs asked for (so that skipping it is worth saying). */
async function anyWanted(dir, wanted) {
    for await (const entry of walk(dir, { unreadable: 'throw' }))
        if (wanted(entry.rel))
            return true;
    return false;
}
/** lstat, following a symlink only when it resolves to a file inside the boundary. */
async function regularFile(abs, options) {
    const info = await (0,promises_.lstat)(abs);
    if (info.isFile())
        return { size: info.size };
    if (!info.isSymbolicLink()) {
        options.excluded(abs, 'not a regular file');
        return undefined;
    }
    const target = await (0,promises_.realpath)(abs).catch(() => undefined);
    if (!target) {
        options.excluded(abs, 'a broken symlink');
        return undefined;
    }
    if (!(0,paths/* isInside */.FK)(options.boundary, target)) {
        options.excluded(abs, `a symlink to ${target}, outside ${options.boundary}; symlinks are not followed out of the folder`);
        return undefined;
    }
    const targetInfo = await (0,promises_.stat)(target);
    if (!targetInfo.isFile()) {
        options.excluded(abs, 'a symlink to a folder; folders are not followed through symlinks');
        return undefined;
    }
    return { size: targetInfo.size };
}

;// CONCATENATED MODULE: ./src/publish/select-files.ts
// Which files may go up, by their path in the repo: secrets never, other checkpoints' folders
// never, training state not by default, and the user's exclude rules (gitignore-like) on top.



/**
 * Token and credential files of the tools ML jobs use: never uploaded unless an exclude entry
 * `!<path>` names the file exactly (no glob). Matched on the file name, any case.
 */
const SECRET_FILE_PATTERNS = [
    // Hugging Face and generic token files
    'hf_token',
    'hf_token.*',
    '*_token',
    '*_token.txt',
    'token',
    'token.txt',
    '*.token',
    // Environment files (.env, .env.local, .envrc)
    '.env',
    '.env*',
    // Cloud service accounts and OAuth clients (Google Cloud, Firebase, Azure)
    'credentials',
    'credentials.json',
    '*credentials*.json',
    'application_default_credentials.json',
    'service-account*.json',
    'service_account*.json',
    '*-service-account*.json',
    'client_secret*.json',
    'client-secret*.json',
    'azureProfile.json',
    'accessTokens.json',
    // Secrets files of frameworks and tools
    'secrets.yaml',
    'secrets.yml',
    'secrets.json',
    'secrets.toml',
    'secret.yaml',
    'secret.yml',
    'secret.json',
    // Kaggle, W&B, Comet, Neptune, MLflow, Databricks
    'kaggle.json',
    '.comet.config',
    '.databrickscfg',
    // Shell and package-manager credentials
    '.netrc',
    '_netrc',
    '.git-credentials',
    '.npmrc',
    '.pypirc',
    '.yarnrc.yml',
    'pip.conf',
    '.dockercfg',
    '.s3cfg',
    '.boto',
    '.htpasswd',
    // Keys and certificates
    '*.pem',
    '*.key',
    '*.crt',
    '*.cer',
    '*.der',
    '*.p12',
    '*.pfx',
    '*.jks',
    '*.keystore',
    '*.gpg',
    '*.asc',
    'id_rsa*',
    'id_dsa*',
    'id_ecdsa*',
    'id_ed25519*'
];
/** Folders whose whole content is secret (a repo's config can hold a token in a remote URL). */
const SECRET_DIR_NAMES = [
    '.git',
    '.huggingface',
    '.ssh',
    '.aws',
    '.azure',
    '.gnupg',
    '.docker',
    '.kube',
    '.kaggle',
    'gcloud'
];
/** Files secret only in a folder of this name: `wandb/settings` (W&B can keep its API key there), the Hub's `stored_tokens`. */
const SECRET_FILES_IN_DIR = [
    ['wandb', 'settings'],
    ['.docker', 'config.json'],
    ['huggingface', 'stored_tokens']
];
/**
 * Training state that only resuming training needs, often larger than the weights. Left out by
 * default; an exclude entry `!optimizer.pt` brings one back. training_args.bin is a pickle of
 * the Trainer's arguments, which holds `hub_token` when one was passed to the Trainer: it is
 * left out too, so a token can't reach a public repo through it.
 */
const DEFAULT_TRAINING_STATE_EXCLUDES = [
    'optimizer.pt',
    'optimizer.bin',
    'optimizer_*.pt',
    'optimizer_*.bin',
    'scheduler.pt',
    'scheduler.bin',
    'scaler.pt',
    'rng_state*.pth',
    'random_states_*.pkl',
    'training_args.bin'
];
const secretFileMatcher = picomatch_default()([...SECRET_FILE_PATTERNS], { dot: true, nocase: true });
/** Why a repo-relative path is a secret, or undefined. */
function secretReason(relPath) {
    const parts = relPath.split('/');
    const dir = parts.slice(0, -1).find((p) => SECRET_DIR_NAMES.includes(p));
    if (dir)
        return `secret: inside \`${dir}/\`; credential folders are never uploaded`;
    const name = parts[parts.length - 1];
    if (SECRET_DIR_NAMES.includes(name))
        return `secret: \`${name}/\` is never uploaded`;
    const parent = parts[parts.length - 2];
    if (SECRET_FILES_IN_DIR.some(([dir, file]) => parent === dir && name === file)) {
        return `secret: \`${parent}/${name}\` holds credentials; files like it are never uploaded unless \`!${relPath}\` in exclude names it`;
    }
    if (secretFileMatcher(name))
        return `secret: \`${name}\` looks like a token or credential file; these are never uploaded unless \`!${relPath}\` in exclude names it`;
    return undefined;
}
/** The credential folder a path is inside, if any. */
function secretFolderOf(relPath) {
    return relPath
        .split('/')
        .slice(0, -1)
        .find((p) => SECRET_DIR_NAMES.includes(p));
}
/** Why a folder (by its relative path) is not walked at all, as a secret, or undefined. */
function secretFolderReason(rel) {
    return SECRET_DIR_NAMES.includes(external_node_path_default().posix.basename(rel)) ? secretReason(rel) : undefined;
}
/** Why a path is inside another checkpoint's folder, or undefined. */
function checkpointFolderReason(relPath) {
    const folder = relPath.split('/').slice(0, -1).find(isCheckpointLikeName);
    return folder
        ? `inside the checkpoint-like folder \`${folder}/\`; only the winning checkpoint is uploaded (its files at the repo root)`
        : undefined;
}
/** gitignore-like: no slash -> any depth; trailing slash -> a folder; leading slash -> from the root. */
function compileRule(raw, isDefault) {
    let pattern = raw.trim();
    if (!pattern || pattern.startsWith('#'))
        return undefined;
    const negated = pattern.startsWith('!');
    if (negated)
        pattern = pattern.slice(1);
    pattern = pattern.replace(/^\.\//, '');
    const anchored = pattern.startsWith('/');
    if (anchored)
        pattern = pattern.slice(1);
    const folderOnly = pattern.endsWith('/');
    if (folderOnly)
        pattern = pattern.replace(/\/+$/, '');
    const matcher = picomatch_default()(pattern, { dot: true, basename: !anchored && !pattern.includes('/') });
    const test = (p) => {
        const parts = p.split('/');
        // The path itself, or any folder above it (excluding `logs` excludes `logs/a.txt`).
        for (let i = parts.length; i >= 1; i--) {
            if (folderOnly && i === parts.length)
                continue;
            if (matcher(parts.slice(0, i).join('/')))
                return true;
        }
        return false;
    };
    return { pattern: raw.trim(), negated, isDefault, test };
}
/**
 * Why a path in the repo must stay behind, or undefined when it may go up: a secret always; else
 * the last matching exclude rule (the training-state defaults first, then the user's), as in .gitignore.
 */
function uploadFilter(exclude) {
    const rules = [
        ...DEFAULT_TRAINING_STATE_EXCLUDES.map((p) => compileRule(p, true)),
        ...exclude.flatMap((e) => e.split(/\r?\n/)).map((p) => compileRule(p, false))
    ].filter((r) => r !== undefined);
    // `!path` without glob characters names one file: the only way to opt a listed file in.
    const optedIn = new Set(exclude
        .flatMap((e) => e.split(/\r?\n/))
        .map((e) => e.trim())
        .filter((e) => e.startsWith('!') && !/[*?[\]{}]/.test(e))
        .map((e) => e.slice(1).replace(/^\.?\//, '')));
    return (pathInRepo) => {
        const secret = secretReason(pathInRepo);
        // A file in a credential folder (.git/, .ssh/) is never opted in.
        if (secret && !(optedIn.has(pathInRepo) && !secretFolderOf(pathInRepo)))
            return secret;
        let hit;
        for (const rule of rules)
            if (rule.test(pathInRepo))
                hit = rule.negated ? undefined : rule;
        if (!hit)
            return undefined;
        return hit.isDefault
            ? `training state (\`${hit.pattern}\`), left out by default; add \`!${hit.pattern}\` to exclude to upload it`
            : `matches the exclude pattern \`${hit.pattern}\``;
    };
}
const WEIGHTS_FILE = /(\.(safetensors|gguf|ggml|onnx|h5|msgpack|pt|pth|ckpt|tflite|mlmodel)$)|(^(pytorch_model|adapter_model|model|tf_model|flax_model)[^/]*\.bin$)/i;
/** How a checkpoint's file is listed: its weights, or the rest of the checkpoint. */
function kindOf(relPath) {
    return WEIGHTS_FILE.test(external_node_path_default().posix.basename(relPath)) ? 'weights' : 'checkpoint';
}

;// CONCATENATED MODULE: ./src/publish/assets.ts
// The user's extra files (the `assets` input): globs relative to the workspace, uploaded at their
// workspace-relative path. Secrets and checkpoint folders are not walked; a glob matching nothing
// is a problem.








const WINNER_ELSEWHERE = "the winning checkpoint's folder: its files are uploaded at the repo root, not again under this path";
async function assetFiles(options) {
    const { workspace } = options;
    const realWorkspace = await (0,promises_.realpath)(workspace);
    const out = new Map();
    for (const raw of options.patterns.flatMap((p) => p.split(/\r?\n/))) {
        const pattern = raw.trim().replace(/^\.\//, '');
        if (!pattern || pattern.startsWith('#'))
            continue;
        if (external_node_path_default().isAbsolute(pattern) || pattern.split('/').includes('..')) {
            options.problems.push(`assets: "${raw.trim()}" points outside the workspace (${workspace}). Use a glob relative to the workspace.`);
            continue;
        }
        const parts = globParts(pattern);
        const base = external_node_path_default().resolve(workspace, parts.isGlob ? parts.base : pattern);
        const info = await (0,promises_.stat)(base).catch(() => undefined);
        let matchedAny = false;
        const skipFolder = (rel) => {
            const secret = secretFolderReason(rel);
            if (secret)
                return secret;
            const name = external_node_path_default().posix.basename(rel);
            // Dependencies are never model files; walking them would only cost time.
            if (name === 'node_modules' && !(0,paths/* isInside */.FK)(external_node_path_default().join(workspace, rel), base))
                return '';
            if (external_node_path_default().join(workspace, rel) === options.checkpoint)
                return WINNER_ELSEWHERE;
            return isCheckpointLikeName(name) ? checkpointFolderReason(`${rel}/x`) : undefined;
        };
        if (info?.isFile()) {
            const rel = (0,paths/* toPosix */.d7)(external_node_path_default().relative(workspace, base));
            matchedAny = true;
            const file = await regularFile(base, { boundary: realWorkspace, excluded: options.excluded });
            if (file)
                out.set(rel, { rel, abs: base, size: file.size });
        }
        else if (info?.isDirectory()) {
            // A plain folder name means everything in it; a glob means what the glob matches.
            const matcher = parts.isGlob ? picomatch_default()(pattern) : () => true;
            const files = await findFiles({
                root: base,
                relativeTo: workspace,
                boundary: realWorkspace,
                skipFolder,
                excluded: (abs, reason) => {
                    matchedAny = true;
                    options.excluded(abs, reason);
                },
                wanted: matcher
            });
            for (const f of files) {
                matchedAny = true;
                out.set(f.rel, f);
            }
        }
        if (!matchedAny) {
            options.problems.push(`assets: "${raw.trim()}" matched no file under ${workspace}. Fix the glob (it is relative to the workspace), or remove it.`);
        }
    }
    return [...out.values()];
}

// EXTERNAL MODULE: ./src/card/grammar.ts
var grammar = __webpack_require__(80215);
;// CONCATENATED MODULE: ./src/card/near-miss.ts
// Telling a misspelled placeholder ({math_reasonin}, {Math_Reasoning}, {eval-accuracy}) from
// someone else's braces ({x}, {"lr": 1}): a near miss differs from a known name only in case,
// `-`/`_`/spaces, or by an edit or two (one for short names, none for very short ones).
/** Lower case, `-` and spaces as `_`: the differences that never tell two names apart. */
function fold(name) {
    return name.toLowerCase().replace(/[\s-]+/g, '_');
}
/** Edits allowed for a name of this length: short names are too easily one edit from anything. */
function allowedEdits(length) {
    return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}
/** Optimal string alignment distance (a swap of two neighbours is one edit), stopping past `max`. */
function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max)
        return max + 1;
    let prev2 = [];
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        let best = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d = Math.min(d, prev2[j - 2] + 1);
            row.push(d);
            best = Math.min(best, d);
        }
        if (best > max)
            return max + 1;
        prev2 = prev;
        prev = row;
    }
    return prev[b.length];
}
/** The known name `written` most likely meant, or undefined when it is not a near miss of any. */
function closestName(written, known) {
    const folded = fold(written);
    let best;
    for (const k of known) {
        for (const spelling of [k.name, k.alias]) {
            if (spelling === undefined || spelling === written)
                continue;
            const target = fold(spelling);
            const max = allowedEdits(Math.min(target.length, folded.length));
            const edits = target === folded ? 0 : distance(folded, target, max);
            if (edits <= max && (!best || edits < best.edits))
                best = { known: k, edits };
        }
    }
    return best?.known;
}

;// CONCATENATED MODULE: ./src/card/fill.ts
// Placeholders filled in the user's card template. The rule users asked for is that only the
// placeholders change and every other byte stays as they wrote it (README, "Model card"), so
// the card is never parsed and re-rendered: values are spliced into the original text, line
// endings and all. The generated card is in generate.ts, model-index metadata in model-index.ts.





const DEFAULT_TEMPLATE_NAME = 'model card template';
/** Every placeholder that could not be filled, reported together so one edit fixes them all. */
class ModelCardError extends Error {
    problems;
    constructor(problems) {
        const lines = problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
        super(`The model card has ${problems.length} placeholder${problems.length === 1 ? '' : 's'} that can't be filled:\n` +
            lines.map((l) => `  - ${l}`).join('\n'));
        this.name = 'ModelCardError';
        this.problems = problems;
    }
}
// ---------------------------------------------------------------------------------------------
// Placeholders
/** Benchmarks (and eval_accuracy) by every normalized label that names them. */
function labelIndex(benchmarks) {
    const index = new Map();
    index.set((0,domain_labels/* normalizeLabel */.y)(domain_metric/* EVAL_ACCURACY */.py), domain_metric/* EVAL_ACCURACY */.py);
    index.set((0,domain_labels/* normalizeLabel */.y)(domain_metric/* EVAL_ACCURACY_NAME */.Zg), domain_metric/* EVAL_ACCURACY */.py);
    for (const b of benchmarks) {
        for (const label of [b.id, b.name]) {
            const key = (0,domain_labels/* normalizeLabel */.y)(label);
            if (key && !index.has(key))
                index.set(key, b.id);
        }
    }
    return index;
}
// Names with `-` are matched too, only to be reported when they are near misses ({eval-accuracy}).
const fill_PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_-]*)\}/g;
/**
 * A brace group that is someone else's syntax, not ours: `{{step}}` (Jinja, f-string escapes) and
 * LaTeX arguments like `\frac{step}{2}` or `\{step\}`.
 */
function isForeignBraces(text, start, end) {
    if (text[start - 1] === '{' && text[end] === '}')
        return true;
    // Only a backslash shortly before can make it LaTeX; most lines have none.
    const from = Math.max(0, start - 40);
    if (text.lastIndexOf('\\', start - 1) < from)
        return false;
    return /\\[A-Za-z]*$/.test(text.slice(from, start));
}
function placeholdersIn(line) {
    const found = [];
    for (const m of line.matchAll(fill_PLACEHOLDER)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!isForeignBraces(line, start, end))
            found.push({ name: m[1], start, end });
    }
    return found;
}
/**
 * True when the template has at least one placeholder this card data would fill, or a misspelled
 * one (outside code): such a README is the user's template, and filling it reports the typo
 * instead of publishing a generated card in its place.
 */
function hasPlaceholders(options) {
    const names = new Set([
        'RESULT',
        domain_metric/* EVAL_ACCURACY */.py,
        'step',
        'checkpoint',
        ...options.benchmarks.map((b) => b.id),
        ...(options.extraNames ?? [])
    ]);
    const known = knownNames(options.benchmarks, Object.fromEntries((options.extraNames ?? []).map((n) => [n, ''])));
    for (const line of (0,grammar/* cardLines */.yr)(options.template)) {
        if (!line.text.includes('{'))
            continue;
        for (const p of placeholdersIn(line.text)) {
            if (names.has(p.name))
                return true;
            const spans = (0,grammar/* codeSpans */.tE)(line.text);
            const inCode = line.inCode || spans.some(([start, end]) => p.start >= start && p.start < end);
            if (!inCode && closestName(p.name, known))
                return true;
        }
    }
    return false;
}
/** What a misspelled placeholder may have meant: every name we fill, and the benchmarks' labels. */
function knownNames(benchmarks, extra) {
    const names = [
        { name: 'RESULT' },
        { name: domain_metric/* EVAL_ACCURACY */.py, label: domain_metric/* EVAL_ACCURACY_NAME */.Zg },
        { name: 'step' },
        { name: 'checkpoint' },
        ...Object.keys(extra ?? {}).map((name) => ({ name }))
    ];
    for (const b of benchmarks) {
        names.push({ name: b.id, label: b.name });
        // A label may be written as the name: {Math Reasoning} is no placeholder, {MathReasoning} a near miss.
        if (/^[\p{L}\p{N} _-]+$/u.test(b.name))
            names.push({ name: b.id, label: b.name, alias: b.name });
    }
    return names;
}
function fill_describe(benchmarks, id) {
    if (id === domain_metric/* EVAL_ACCURACY */.py)
        return `${domain_metric/* EVAL_ACCURACY_NAME */.Zg} (${domain_metric/* EVAL_ACCURACY */.py})`;
    const b = benchmarks.find((x) => x.id === id);
    return b ? `${b.name} (${b.id})` : id;
}
/** The benchmarks a label that matched nothing might have meant: shared words, else all of them. */
function candidatesFor(labels, benchmarks) {
    const words = new Set(labels.flatMap((l) => l.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3));
    const all = [
        ...benchmarks.map((b) => ({ id: b.id, name: b.name, group: b.group })),
        { id: domain_metric/* EVAL_ACCURACY */.py, name: domain_metric/* EVAL_ACCURACY_NAME */.Zg, group: '' }
    ];
    const close = all.filter((b) => [b.id, b.name, b.group].some((text) => text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .some((w) => words.has(w))));
    return (close.length > 0 ? close : all).map((b) => fill_describe(benchmarks, b.id));
}
function clip(text, max = 80) {
    const t = text.trim();
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
/** Which benchmark a `{RESULT}` cell stands for, from the row's label cells (or its column's header). */
function resolveResultCell(options) {
    const { row, cells, header, offset, labels, benchmarks, normalize } = options;
    if (!row.includes('|')) {
        return {
            problem: `{RESULT} is not in a table row, so no row names its benchmark. ` +
                `Put it in a row like "| Math Reasoning | {RESULT} |", or write the benchmark's id instead, e.g. "{math_reasoning}" or "{${domain_metric/* EVAL_ACCURACY */.py}}".`
        };
    }
    const column = cells.findIndex((c) => offset >= c.start && offset < c.end);
    const labelCells = cells.filter((c) => !c.text.includes('{RESULT}') && normalize(c.text) !== '');
    const named = [...new Set(labelCells.map((c) => labels.get(normalize(c.text))).filter((x) => !!x))];
    const headerCell = header ? options.headerCells(header)[column] : undefined;
    const headerNames = headerCell ? labels.get(normalize(headerCell.text)) : undefined;
    if (named.length === 1 && (!headerNames || headerNames === named[0]))
        return { benchmark: named[0] };
    // A transposed table (benchmarks across the header, one row of results) names it in the column.
    if (named.length === 0 && headerNames)
        return { benchmark: headerNames };
    if (named.length > 1 && headerNames && named.includes(headerNames))
        return { benchmark: headerNames };
    const rowText = `"${clip(row)}"`;
    if (named.length === 0) {
        const labelTexts = labelCells.map((c) => clip(c.text, 40));
        const said = labelTexts.length > 0
            ? `its labels (${labelTexts.map((t) => `"${t}"`).join(', ')}) name no benchmark`
            : 'it has no label cell';
        return {
            problem: `{RESULT} in row ${rowText}: ${said}. It could be: ${candidatesFor(labelTexts, benchmarks).join(', ')}. ` +
                `Label the row with the benchmark's display name or id (case and spacing don't matter), or write "{<benchmark_id>}" instead.`
        };
    }
    const all = headerNames && !named.includes(headerNames) ? [...named, headerNames] : named;
    return {
        problem: `{RESULT} in row ${rowText} could be any of ${all.map((id) => fill_describe(benchmarks, id)).join(', ')}: ` +
            `the row${headerNames && !named.includes(headerNames) ? ' and its column header' : ''} name more than one. ` +
            `Keep one benchmark per row, or write "{<benchmark_id>}" instead.`
    };
}
/**
 * Fills `{RESULT}` table cells and the named placeholders (`{<benchmark_id>}`, `{eval_accuracy}`,
 * `{step}`, `{checkpoint}`, plus `extraValues`). Any other brace text is left alone. Throws a
 * ModelCardError listing every placeholder that can't be filled, with its line.
 *
 * Inside fenced code blocks named placeholders are filled (usage snippets often carry
 * `{checkpoint}`), but `{RESULT}` is left as written: a table in a code block is not a table.
 * Likewise `{RESULT}` in a code span outside a table row is prose about the placeholder.
 */
function fillModelCard(options) {
    const file = options.templatePath ?? DEFAULT_TEMPLATE_NAME;
    const { benchmarks, scores } = options;
    const labels = labelIndex(benchmarks);
    const benchmarkIds = new Set([...benchmarks.map((b) => b.id), ...Object.keys(scores)]);
    const problems = [];
    const filled = [];
    const scoreOf = (id, line, placeholder) => {
        const value = id === domain_metric/* EVAL_ACCURACY */.py ? options.evalAccuracy : scores[id];
        if (typeof value === 'number' && Number.isFinite(value))
            return (0,round/* formatScore */.y)(value);
        problems.push({
            file,
            line,
            message: `${placeholder} stands for ${fill_describe(benchmarks, id)}, which has no score for checkpoint ` +
                `${options.checkpoint} (step ${options.step}). Check that the evaluator reports "${id}", or remove the placeholder.`
        });
        return undefined;
    };
    const named = (name, line, placeholder) => {
        if (name === 'step')
            return { value: String(options.step) };
        if (name === 'checkpoint')
            return { value: options.checkpoint };
        if (name === domain_metric/* EVAL_ACCURACY */.py || benchmarkIds.has(name))
            return { value: scoreOf(name, line, placeholder), benchmark: name };
        const extra = options.extraValues?.[name];
        if (extra !== undefined && Object.hasOwn(options.extraValues ?? {}, name))
            return { value: extra };
        return null; // not ours: someone's braces
    };
    // One pass over the card, everything per line computed once: filling is linear in the card's
    // size, and holds the card, the filled pieces and little else.
    const headerOf = (0,grammar/* tableHeaderTracker */.G7)();
    const known = knownNames(benchmarks, options.extraValues);
    const frontMatter = (0,grammar/* splitFrontMatter */.vQ)(options.template);
    const normalized = new Map();
    const normalize = (text) => {
        let key = normalized.get(text);
        if (key === undefined) {
            // Bounded: a long table repeats a few labels, a huge one holds many different ones.
            if (normalized.size > 10_000)
                normalized.clear();
            normalized.set(text, (key = (0,domain_labels/* normalizeLabel */.y)(text)));
        }
        return key;
    };
    const headerCellsOf = new Map();
    const headerCells = (header) => {
        let cells = headerCellsOf.get(header);
        if (!cells)
            headerCellsOf.set(header, (cells = (0,grammar/* splitTableRow */.FB)(header.text)));
        return cells;
    };
    // The card is the template with each filled placeholder's span replaced: the pieces between
    // placeholders are slices of the template.
    const pieces = [];
    let copied = 0;
    for (const line of (0,grammar/* cardLines */.yr)(options.template)) {
        const header = headerOf(line);
        if (!line.text.includes('{'))
            continue;
        let cells;
        let spans;
        const inCodeSpan = (offset) => (spans ??= (0,grammar/* codeSpans */.tE)(line.text)).some(([start, end]) => offset >= start && offset < end);
        for (const p of placeholdersIn(line.text)) {
            const placeholder = line.text.slice(p.start, p.end);
            let value;
            let benchmark;
            if (p.name === 'RESULT') {
                // Code is literal: a table in a code block is not a table, and `{RESULT}` in prose (outside
                // a table row) is the card talking about the placeholder ("fills the `{RESULT}` cells").
                if (line.inCode || (!line.text.includes('|') && inCodeSpan(p.start)))
                    continue;
                const r = resolveResultCell({
                    row: line.text,
                    cells: (cells ??= (0,grammar/* splitTableRow */.FB)(line.text)),
                    header,
                    offset: p.start,
                    labels,
                    benchmarks,
                    normalize,
                    headerCells
                });
                if ('problem' in r) {
                    problems.push({ file, line: line.number, message: r.problem });
                    continue;
                }
                benchmark = r.benchmark;
                value = scoreOf(r.benchmark, line.number, placeholder);
            }
            else {
                const hit = named(p.name, line.number, placeholder);
                if (!hit) {
                    // Not ours: someone's braces, unless it is a near miss of ours outside code and front matter.
                    const inFrontMatter = frontMatter !== null && line.start < frontMatter.bodyStart;
                    if (line.inCode || inFrontMatter || inCodeSpan(p.start))
                        continue;
                    const near = closestName(p.name, known);
                    if (near) {
                        problems.push({
                            file,
                            line: line.number,
                            message: `${placeholder} is not a placeholder this card can fill; did you mean {${near.name}}` +
                                `${near.label ? ` (${near.label})` : ''}? Fix the name, or put it in \`code\` if it is meant literally.`
                        });
                    }
                    continue;
                }
                value = hit.value;
                benchmark = hit.benchmark;
            }
            if (value === undefined)
                continue;
            pieces.push(options.template.slice(copied, line.start + p.start), value);
            copied = line.start + p.end;
            if (options.listFilled !== false)
                filled.push({ line: line.number, placeholder, ...(benchmark ? { benchmark } : {}), value });
        }
    }
    pieces.push(options.template.slice(copied));
    if (problems.length > 0)
        throw new ModelCardError(problems);
    return { card: pieces.join(''), filled };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/card/generate.ts
// The card written when the user has none: front matter, the scores by group, and how the
// checkpoint was chosen. Generated text, so (unlike fill.ts) it is built, not spliced.




function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
function yamlString(value) {
    return new dist/* Document */.yo(value).toString().trimEnd();
}
/** A card for when the user wrote none: front matter, the scores by group, how it was chosen. */
function generateModelCard(options) {
    const title = options.repoId?.split('/').pop() || options.checkpoint;
    const frontMatter = ['---'];
    if (options.libraryName)
        frontMatter.push(`library_name: ${yamlString(options.libraryName)}`);
    frontMatter.push('tags:', '  - checkpoint-eval', '---');
    const groups = new Map();
    for (const b of options.benchmarks)
        groups.set(b.group, [...(groups.get(b.group) ?? []), b]);
    const rows = [];
    for (const [group, members] of groups) {
        members.forEach((b, i) => {
            const score = options.scores[b.id];
            const shown = typeof score === 'number' && Number.isFinite(score) ? (0,round/* formatScore */.y)(score) : '— (no score)';
            rows.push(`| ${i === 0 ? `**${escapeCell(group)}**` : ''} | ${escapeCell(b.name)} | ${shown} |`);
        });
    }
    const evalAccuracy = options.evalAccuracy === null ? '— (no score)' : (0,round/* formatScore */.y)(options.evalAccuracy);
    const missing = options.benchmarks.filter((b) => typeof options.scores[b.id] !== 'number');
    const body = [
        `# ${title}`,
        '',
        `This model is the checkpoint \`${options.checkpoint}\` (training step ${options.step}), the best of the ` +
            `run's checkpoints by \`${options.metricName}\`.`,
        '',
        '## Results',
        '',
        '| Group | Benchmark | Score |',
        '|---|---|---:|',
        ...rows,
        `| | **${domain_metric/* EVAL_ACCURACY_NAME */.Zg}** | **${evalAccuracy}** |`,
        '',
        ...(missing.length > 0
            ? [`Benchmarks without a score (${missing.map((b) => b.name).join(', ')}) are left out of ${domain_metric/* EVAL_ACCURACY */.py}.`, '']
            : []),
        '## How this checkpoint was chosen',
        '',
        `Every checkpoint of the training run was evaluated on the ${options.benchmarks.length} benchmarks above. ` +
            `\`${domain_metric/* EVAL_ACCURACY */.py}\` combines a checkpoint's benchmark scores (their mean, or their weighted mean when ` +
            `weights are set). The checkpoints were ranked by \`${options.metricName}\` and this one came first.` +
            (options.runUrl ? ` See [the evaluation run](${options.runUrl}) for every checkpoint's scores.` : ''),
        ''
    ];
    return [...frontMatter, ...body].join('\n');
}

;// CONCATENATED MODULE: ./src/card/yaml-text.ts
// The card's YAML as text: offsets of lines and nodes in it, scalars and new blocks written in
// the Hub's own style, and edits applied to ranges of it. model-index.ts patches a card's front
// matter through these, so every byte it doesn't change stays as the card's author wrote it.

/** A metric value as YAML: the number as measured, with at least three decimals (`0.700`). */
function yamlNumber(value) {
    const text = String(value);
    if (/e/i.test(text))
        return text;
    const decimals = text.split('.')[1]?.length ?? 0;
    return decimals >= 3 ? text : value.toFixed(3);
}
/** A string as a YAML scalar, quoted only when it must be. */
function yaml_text_yamlString(value) {
    return new dist/* Document */.yo(value).toString({ lineWidth: 0 }).trimEnd();
}
/** Block YAML for new entries, in the Hub's own style (lists not indented under their key). */
function blockYaml(value, indent, eol) {
    const doc = new dist/* Document */.yo(value);
    (0,dist/* visit */.YR)(doc, {
        Scalar(_, node) {
            if (typeof node.value === 'number')
                node.minFractionDigits = Math.max(3, node.minFractionDigits ?? 0);
        }
    });
    const text = doc.toString({ lineWidth: 0, indentSeq: false });
    return text
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => indent + line + eol)
        .join('');
}
function lineStart(text, offset) {
    return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}
/** The offset just after the line ending of the line holding `offset` (text.length on the last line). */
function nextLineStart(text, offset) {
    for (let i = offset; i < text.length; i++) {
        if (text[i] === '\n')
            return i + 1;
        if (text[i] === '\r')
            return text[i + 1] === '\n' ? i + 2 : i + 1;
    }
    return text.length;
}
function column(text, offset) {
    return offset - lineStart(text, offset);
}
/** Where a new item goes: after the line where `node`'s value ends. */
function afterNode(text, node) {
    const end = node.range?.[1] ?? 0;
    return nextLineStart(text, Math.max(end - 1, 0));
}
/** `- ` before a block sequence's item: its indentation and the spaces after the dash. */
function dashOf(text, item) {
    const start = item.range?.[0] ?? 0;
    const m = /^([ \t]*)-([ \t]+)$/.exec(text.slice(lineStart(text, start), start));
    return m ? { indent: m[1], gap: m[2] } : { indent: ' '.repeat(Math.max(column(text, start) - 2, 0)), gap: ' ' };
}
/** The text with each edit (a replaced range; an empty range inserts) applied, last first. */
function applyEdits(text, edits, eol) {
    // An insertion after the last line of a text without a final newline needs one first.
    const needsEol = edits.some((e) => e.start === text.length && e.text !== '') && !/[\r\n]$/.test(text) && text !== '';
    let out = needsEol ? text + eol : text;
    const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i);
    for (const e of ordered) {
        const start = needsEol && e.start === text.length ? out.length : e.start;
        const end = needsEol && e.end === text.length ? out.length : e.end;
        out = out.slice(0, start) + e.text + out.slice(end);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/card/model-index.ts
// The opt-in `model-index` metadata. A card that already has model-index keeps its entries: the
// measured metrics are merged into the entry for their task and dataset, and only the lines of the
// values that change are rewritten (the yaml package's Document API would re-indent every list and
// requote strings, so the card's YAML is parsed for its node offsets and patched as text). A card
// without model-index gets one built from what is known: the task from the card-task input or
// the card's pipeline_tag, the dataset from the evaluator (lm-eval) or the card-dataset input;
// nothing is invented.




const str = (value) => typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
const record = (value) => value && typeof value === 'object' && !Array.isArray(value) ? value : {};
function titleCase(text) {
    return text.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}
function model_index_metricValue(m) {
    return { type: m.type, value: m.value, name: m.name, verified: false };
}
function newResult(task, group) {
    const { type, name, config, split } = group.dataset;
    return {
        task: { type: task, name: titleCase(task) },
        dataset: { name, type, ...(config ? { config } : {}), ...(split ? { split } : {}) },
        metrics: group.metrics.map(model_index_metricValue)
    };
}
function datasetKey(d) {
    return d ? [d.type.toLowerCase(), d.config ?? '', d.split ?? ''].join('\u0000') : '';
}
function groupMetrics(metrics, input) {
    const groups = new Map();
    for (const m of metrics) {
        const dataset = m.dataset ?? input;
        const key = datasetKey(dataset);
        const group = groups.get(key) ?? { ...(dataset ? { dataset } : {}), metrics: [] };
        group.metrics.push(m);
        groups.set(key, group);
    }
    return [...groups.values()];
}
/** An entry's config: `config`, or `args` when the card puts the config there (`args: mrpc`). */
function entryConfig(dataset) {
    const args = str(dataset.args);
    return str(dataset.config) ?? (args && !/[:\s,]/.test(args) ? args : undefined);
}
function datasetMatches(entry, wanted) {
    if (!wanted)
        return true;
    if (str(entry.type)?.toLowerCase() !== wanted.type.toLowerCase())
        return false;
    const config = entryConfig(entry);
    if (wanted.config && config && config !== wanted.config)
        return false;
    const split = str(entry.split);
    return !(wanted.split && split && split !== wanted.split);
}
function describeEntry(e) {
    const parts = [str(e.task.type) ?? '(no task)', str(e.dataset.type) ?? '(no dataset)', entryConfig(e.dataset)];
    const split = str(e.dataset.split);
    return `"${parts.filter(Boolean).join(' / ')}${split ? ` (${split})` : ''}"`;
}
/** `wer, cer` or `a, b, c, d, e and 11 more`: metric ids as messages list them. */
function listTypes(metrics) {
    const types = metrics.map((m) => m.type);
    return types.length <= 6 ? types.join(', ') : `${types.slice(0, 5).join(', ')} and ${types.length - 5} more`;
}
function describeDataset(d) {
    return [d.type, d.config].filter(Boolean).join(' / ') + (d.split ? ` (${d.split})` : '');
}
function frontMatterError(file, line, message) {
    return new ModelCardError([{ file, line, message }]);
}
/**
 * Merges the measured metrics into the card's model-index (or adds one), changing nothing else:
 * every byte outside the changed values and the added lines stays as written. Throws a
 * ModelCardError (with the card's line) when the front matter can't be read, or when it can't
 * be told where the metrics belong, before anything is uploaded.
 */
function mergeModelIndex(card, options) {
    const file = options.cardPath ?? 'model card';
    const eol = /\r\n|\n|\r/.exec(card)?.[0] ?? '\n';
    const frontMatter = (0,grammar/* splitFrontMatter */.vQ)(card);
    const problems = [];
    const changes = [];
    const groups = groupMetrics(options.metrics, options.dataset);
    if (groups.length === 0)
        return { card, changes: ['model-index: no measured metric to add'] };
    const yamlText = frontMatter?.yaml ?? '';
    const lineOf = (offset) => {
        let line = frontMatter ? 2 : 1;
        for (let i = 0; i < offset && i < yamlText.length; i++)
            if (yamlText[i] === '\n')
                line++;
        return line;
    };
    const doc = (0,dist/* parseDocument */.Tp)(yamlText);
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        throw frontMatterError(file, (e.linePos?.[0].line ?? 1) + 1, // +1: the opening `---`
        `the YAML front matter does not parse (${e.message.split('\n')[0]}). Fix the YAML, or turn card-metadata off.`);
    }
    if (doc.contents !== null && !((0,dist/* isMap */.jh)(doc.contents) && !doc.contents.flow)) {
        throw frontMatterError(file, 2, 'the YAML front matter is not a block of "key: value" lines, so model-index can\'t be added to it. Rewrite it as keys, or turn card-metadata off.');
    }
    const pipelineTag = str(doc.get('pipeline_tag'));
    const task = options.task ?? pipelineTag;
    const index = doc.get('model-index', true);
    // No model-index yet: one entry per dataset, each needing a task and a dataset.
    if (index === undefined || ((0,dist/* isScalar */.jn)(index) && index.value === null)) {
        const results = [];
        for (const group of groups) {
            const groupTask = task ?? (group.metrics.every((m) => m.dataset) ? 'text-generation' : undefined);
            if (!group.dataset || !groupTask) {
                const what = [!groupTask ? 'which task' : '', !group.dataset ? 'which dataset' : '']
                    .filter(Boolean)
                    .join(' or ');
                const fix = [
                    !groupTask ? 'card-task (e.g. text-classification; or add pipeline_tag to the card)' : '',
                    !group.dataset ? 'card-dataset (e.g. nyu-mll/glue:mrpc:validation)' : ''
                ].filter(Boolean);
                problems.push({
                    file,
                    line: 1,
                    message: `card-metadata is model-index and the card has no model-index yet, but nothing says ${what} ` +
                        `${listTypes(group.metrics)} ${group.metrics.length === 1 ? 'was' : 'were'} measured on, and a made-up one would mislead readers of the Hub. ` +
                        `Set ${fix.join(' and ')}.`
                });
                continue;
            }
            results.push(newResult(groupTask, { ...group, dataset: group.dataset }));
            changes.push(`model-index: added ${listTypes(group.metrics)} for ${groupTask} on ${describeDataset(group.dataset)}`);
        }
        if (problems.length > 0)
            throw new ModelCardError(problems);
        const block = blockYaml({ 'model-index': [{ name: options.modelName, results }] }, '', eol);
        if (!frontMatter) {
            const bom = card.startsWith('\uFEFF') ? '\uFEFF' : '';
            return { card: `${bom}---${eol}${block}---${eol}${card.slice(bom.length)}`, changes };
        }
        let newYaml;
        if (index !== undefined) {
            // `model-index:` with no value: the key's line is replaced by the block.
            const pair = doc.contents.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === 'model-index');
            const keyStart = lineStart(yamlText, pair.key.range[0]);
            newYaml = yamlText.slice(0, keyStart) + block + yamlText.slice(nextLineStart(yamlText, keyStart));
        }
        else {
            const needsEol = yamlText !== '' && !/[\r\n]$/.test(yamlText);
            newYaml = yamlText + (needsEol ? eol : '') + block;
        }
        return { card: card.slice(0, frontMatter.yamlStart) + newYaml + card.slice(frontMatter.yamlEnd), changes };
    }
    // An existing model-index: merge into its entries.
    const flowError = (node, what) => {
        problems.push({
            file,
            line: lineOf(node.range?.[0] ?? 0),
            message: `${what} is written in flow style ([...] or {...}), which can't be updated without rewriting it. Write it as block YAML ("- " items), or turn card-metadata off.`
        });
    };
    if (!(0,dist/* isSeq */.oP)(index) || index.flow) {
        flowError(index, 'model-index');
        throw new ModelCardError(problems);
    }
    const entries = [];
    let firstResults;
    for (const model of index.items) {
        if (!(0,dist/* isMap */.jh)(model))
            continue;
        const results = model.get('results', true);
        if (!(0,dist/* isSeq */.oP)(results))
            continue;
        if (results.flow) {
            flowError(results, 'model-index results');
            continue;
        }
        firstResults ??= results;
        for (const result of results.items) {
            if (!(0,dist/* isMap */.jh)(result))
                continue;
            if (result.flow) {
                flowError(result, 'a model-index result');
                continue;
            }
            const js = record(result.toJSON());
            entries.push({
                modelName: str(model.get('name')) ?? '',
                result,
                task: record(js.task),
                dataset: record(js.dataset)
            });
        }
    }
    const edits = [];
    for (const group of groups) {
        const candidates = entries.filter((e) => datasetMatches(e.dataset, group.dataset) && (!task || str(e.task.type) === task));
        const names = listTypes(group.metrics);
        if (candidates.length === 1) {
            mergeInto(yamlText, candidates[0], group.metrics, eol, edits, changes, problems, file, lineOf);
            continue;
        }
        if (candidates.length > 1) {
            problems.push({
                file,
                line: lineOf(candidates[0].result.range?.[0] ?? 0),
                message: `model-index has ${candidates.length} entries that ${names} could go to: ${candidates.map(describeEntry).join(', ')}. ` +
                    `Set card-task${group.dataset ? '' : ' or card-dataset'} to pick one (e.g. card-task: ${str(candidates[0].task.type) ?? 'text-classification'}).`
            });
            continue;
        }
        const groupTask = task ?? (group.metrics.every((m) => m.dataset) ? 'text-generation' : undefined);
        if (!group.dataset || !groupTask || !firstResults) {
            const line = lineOf(index.range?.[0] ?? 0);
            problems.push({
                file,
                line,
                message: `none of model-index's entries (${entries.map(describeEntry).join(', ') || 'none'}) matches ` +
                    `${group.dataset ? `the dataset ${describeDataset(group.dataset)}` : 'the measured metrics'}${task ? ` and task ${task}` : ''}, ` +
                    `and nothing says ${!group.dataset ? 'which dataset' : 'which task'} ${names} ${group.metrics.length === 1 ? 'was' : 'were'} measured on. ` +
                    `Set ${!group.dataset ? 'card-dataset (e.g. nyu-mll/glue:mrpc:validation)' : 'card-task (e.g. text-classification)'}.`
            });
            continue;
        }
        const last = firstResults.items[firstResults.items.length - 1];
        const { indent } = dashOf(yamlText, last);
        edits.push({
            start: afterNode(yamlText, last),
            end: afterNode(yamlText, last),
            text: blockYaml([newResult(groupTask, { ...group, dataset: group.dataset })], indent, eol)
        });
        changes.push(`model-index: added an entry for ${groupTask} on ${describeDataset(group.dataset)} with ${names}`);
    }
    if (problems.length > 0)
        throw new ModelCardError(problems);
    const newYaml = applyEdits(yamlText, edits, eol);
    return { card: card.slice(0, frontMatter.yamlStart) + newYaml + card.slice(frontMatter.yamlEnd), changes };
}
/** Updates the entry's metrics of the same type (value, `verified: false`), appends the others. */
function mergeInto(text, entry, metrics, eol, edits, changes, problems, file, lineOf) {
    const where = `"${entry.modelName}" ${describeEntry(entry)}`;
    const seq = entry.result.get('metrics', true);
    const items = (0,dist/* isSeq */.oP)(seq) ? seq.items.filter((i) => (0,dist/* isMap */.jh)(i)) : [];
    if ((0,dist/* isSeq */.oP)(seq) && seq.flow && seq.items.length > 0) {
        problems.push({
            file,
            line: lineOf(seq.range?.[0] ?? 0),
            message: `the metrics of model-index entry ${where} are written in flow style ([...]), which can't be updated without rewriting them. Write them as block YAML ("- " items), or turn card-metadata off.`
        });
        return;
    }
    const toAdd = [];
    for (const m of metrics) {
        const same = items.filter((i) => str(i.get('type'))?.toLowerCase() === m.type.toLowerCase());
        const target = same.find((i) => str(i.get('name'))?.toLowerCase() === m.name.toLowerCase()) ?? same[0];
        if (!target) {
            toAdd.push(m);
            continue;
        }
        const valueNode = target.get('value', true);
        if ((0,dist/* isScalar */.jn)(valueNode) && valueNode.value === m.value) {
            changes.push(`model-index: ${m.type} in ${where} is already ${yamlNumber(m.value)}`);
            continue;
        }
        if ((0,dist/* isScalar */.jn)(valueNode) && valueNode.range) {
            edits.push({ start: valueNode.range[0], end: valueNode.range[1], text: yamlNumber(m.value) });
        }
        else {
            toAdd.push(m);
            continue;
        }
        // The number is ours now, not the Hub evaluation service's: it is not verified.
        const verified = target.get('verified', true);
        if ((0,dist/* isScalar */.jn)(verified) && verified.range) {
            if (verified.value !== false)
                edits.push({ start: verified.range[0], end: verified.range[1], text: 'false' });
        }
        else {
            const at = afterNode(text, target);
            edits.push({ start: at, end: at, text: `${' '.repeat(column(text, target.range[0]))}verified: false${eol}` });
        }
        const token = target.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === 'verifyToken');
        const tokenKey = token?.key;
        if (token && tokenKey?.range && token.value && token.value.range) {
            const start = lineStart(text, tokenKey.range[0]);
            if (text.slice(start, tokenKey.range[0]).trim() === '') {
                edits.push({ start, end: nextLineStart(text, token.value.range[1] - 1), text: '' });
            }
        }
        changes.push(`model-index: updated ${m.type} in ${where} to ${yamlNumber(m.value)}`);
    }
    if (toAdd.length === 0)
        return;
    const block = toAdd.map(model_index_metricValue);
    if (items.length > 0) {
        const last = items[items.length - 1];
        const { indent, gap } = dashOf(text, items[0]);
        // New metrics list their keys in the order the card's first metric does.
        const order = items[0].items.map((p) => ((0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : '')).filter((k) => k in block[0]);
        const keys = [...order, ...Object.keys(block[0]).filter((k) => !order.includes(k))];
        const rendered = block
            .map((m) => keys
            .map((k, i) => {
            const v = m[k];
            const value = typeof v === 'number' ? yamlNumber(v) : typeof v === 'string' ? yaml_text_yamlString(v) : String(v);
            const lead = i === 0 ? `${indent}-${gap}` : ' '.repeat(indent.length + 1 + gap.length);
            return `${lead}${k}: ${value}${eol}`;
        })
            .join(''))
            .join('');
        const at = afterNode(text, last);
        edits.push({ start: at, end: at, text: rendered });
    }
    else {
        // No metrics yet (`metrics:` empty, `metrics: []`, or no key): a block under the entry.
        const keyColumn = ' '.repeat(column(text, entry.result.range[0]));
        const pair = entry.result.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === 'metrics');
        const items = blockYaml(block, keyColumn, eol);
        if (pair && (0,dist/* isScalar */.jn)(pair.key) && pair.key.range) {
            const start = lineStart(text, pair.key.range[0]);
            const end = nextLineStart(text, (pair.value?.range?.[1] ?? pair.key.range[1]) - 1);
            edits.push({ start, end, text: `${keyColumn}metrics:${eol}${items}` });
        }
        else {
            const at = afterNode(text, entry.result);
            edits.push({ start: at, end: at, text: `${keyColumn}metrics:${eol}${items}` });
        }
    }
    changes.push(`model-index: added ${listTypes(toAdd)} to ${where}`);
}

;// CONCATENATED MODULE: ./src/card/metrics.ts
// The metrics a run measured, as the Hub's model-index names them: `{type, name, value}` under their
// real metric id (`wer`, `accuracy`, `acc_norm`), with the dataset when the evaluator knows it.
// The names come from the metric-semantics module, the same one the ranking asks.


/**
 * The winner's numbers as model-index metrics. Each scored benchmark goes under its metric's id
 * (lm-eval: the task's metric, e.g. `acc_norm`; otherwise the benchmark id without `eval_`, so
 * `eval_wer` is `wer`). `eval_accuracy` goes in as `accuracy` when the evaluator reported it;
 * the action's own mean goes in as `eval_accuracy` only when it is a mean of two or more
 * higher-is-better benchmarks on one dataset, never as a stand-in for one metric (a WER is not
 * an accuracy).
 */
function measuredMetrics(input) {
    const metrics = [];
    const scored = input.benchmarks.filter((b) => isNumber(input.scores[b.id]));
    for (const b of scored) {
        // An lm-eval task keeps lm-eval's own metric id (`acc`, `acc_norm`), as leaderboard cards write it.
        const { type: known, name } = (0,metric_semantics/* modelIndexMetric */.ux)(b.metric ?? b.id);
        const type = b.metric ? (0,metric_semantics/* bareMetricName */.ut)(b.metric) : known;
        metrics.push({ type, name, value: input.scores[b.id], ...(b.dataset ? { dataset: b.dataset } : {}) });
    }
    const reported = input.reported?.[domain_metric/* EVAL_ACCURACY */.py];
    if (isNumber(reported) && !metrics.some((m) => m.type === 'accuracy' && !m.dataset)) {
        metrics.push({ ...(0,metric_semantics/* modelIndexMetric */.ux)(domain_metric/* EVAL_ACCURACY */.py), value: reported });
    }
    else if (!isNumber(reported) &&
        isNumber(input.evalAccuracy) &&
        scored.length >= 2 &&
        scored.every((b) => b.higherIsBetter !== false && !b.dataset)) {
        metrics.push({ type: domain_metric/* EVAL_ACCURACY */.py, name: domain_metric/* EVAL_ACCURACY_NAME */.Zg, value: input.evalAccuracy });
    }
    return metrics;
}
function isNumber(value) {
    return typeof value === 'number' && Number.isFinite(value);
}

;// CONCATENATED MODULE: ./src/publish/links.ts
// The local files a model card links (images, notes), checked to exist and to stay inside the
// template's folder; they are uploaded at the path the link gives. Bad links are problems.





const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Local files the card links, checked to exist and to stay inside the template's folder. */
async function linkedFiles(options) {
    const templateDir = external_node_path_default().dirname(options.templatePath);
    const realTemplateDir = await (0,promises_.realpath)(templateDir);
    const found = new Map();
    for (const link of (0,grammar/* findCardLinks */.fH)(options.card)) {
        const where = `${options.templateLabel}:${link.line}`;
        const target = link.target.trim();
        if (target.startsWith('#') || target.startsWith('//') || URL_SCHEME.test(target))
            continue;
        const withoutQuery = target.replace(/[?#].*$/s, '');
        if (withoutQuery === '')
            continue;
        let decoded;
        try {
            decoded = decodeURIComponent(withoutQuery);
        }
        catch {
            options.problems.push(`${where}: the link "${target}" has a broken %-escape. Fix the link's escaping.`);
            continue;
        }
        if (decoded.startsWith('/') || external_node_path_default().isAbsolute(decoded)) {
            options.problems.push(`${where}: the link "${target}" is an absolute path; a model card may only link files inside its own folder (${templateDir}). ` +
                `Copy the file next to the card and link it relatively, or link an https:// URL.`);
            continue;
        }
        const abs = external_node_path_default().resolve(templateDir, decoded);
        if (!(0,paths/* isInside */.FK)(templateDir, abs)) {
            options.problems.push(`${where}: the link "${target}" leaves the card's folder (${templateDir}); files from elsewhere on the runner are never published. ` +
                `Move the file under ${templateDir} and link it relatively.`);
            continue;
        }
        const info = await (0,promises_.lstat)(abs).catch(() => undefined);
        if (!info) {
            options.problems.push(`${where}: the card links "${target}", but ${abs} does not exist. Add the file, or fix or remove the link.`);
            continue;
        }
        const real = await (0,promises_.realpath)(abs).catch(() => undefined);
        if (!real || !(0,paths/* isInside */.FK)(realTemplateDir, real)) {
            options.problems.push(`${where}: the link "${target}" is a symlink ${real ? `to ${real}, outside the card's folder` : 'that is broken'}. ` +
                `Replace the symlink with the file itself.`);
            continue;
        }
        const realInfo = await (0,promises_.stat)(real);
        const pathInRepo = (0,paths/* toPosix */.d7)(external_node_path_default().relative(templateDir, abs));
        if (realInfo.isDirectory()) {
            options.excluded(abs + (external_node_path_default()).sep, `a folder linked at ${where}; folders are not uploaded through links (link files, or add them with assets)`);
            continue;
        }
        if (abs === external_node_path_default().normalize(options.templatePath) || pathInRepo === 'README.md')
            continue; // the card itself
        const secret = secretReason(pathInRepo);
        if (secret) {
            options.problems.push(`${where}: the card links "${target}", which is never uploaded (${secret}). Remove the link.`);
            continue;
        }
        found.set(pathInRepo, { pathInRepo, abs, size: realInfo.size });
    }
    return [...found.values()];
}

;// CONCATENATED MODULE: ./src/publish/errors.ts
// The publish stage's errors: a plan that can't be uploaded lists every problem at once.

/** Everything wrong with the plan, reported together; nothing is uploaded. */
class UploadPlanError extends Error {
    problems;
    constructor(problems) {
        super(`Nothing was uploaded: ${problems.length} problem${problems.length === 1 ? '' : 's'} with what would be published:\n` +
            problems.map((p) => `  - ${p}`).join('\n'));
        this.name = 'UploadPlanError';
        this.problems = problems;
    }
}
/** Publish never resolves against the process's folder: config hands it absolute paths. */
function assertAbsolute(dir, what) {
    if (!external_node_path_default().isAbsolute(dir))
        throw new Error(`${what} must be an absolute path (config resolves it), got "${dir}"`);
    return dir;
}

;// CONCATENATED MODULE: ./src/publish/template.ts
// Which model card template the upload fills: the model-card input, the checkpoint's README.md,
// a README.md with placeholders beside the checkpoints, or none (the card is generated).





const isFile = async (p) => (await (0,promises_.stat)(p).catch(() => undefined))?.isFile() ?? false;
/**
 * The model-card input; else README.md in the winning checkpoint; else a README.md with
 * placeholders in the folder holding the checkpoint folders (checkpointDir) or the folder above
 * it (the common `workspace/checkpoints/step_*` layout). The folder above is searched when it is
 * in the workspace, or when checkpoint-dir itself is outside the workspace (an absolute path
 * the user chose, e.g. `/mnt/runs/exp1/checkpoints`); else none (generated).
 */
async function chooseTemplate(options) {
    const workspace = assertAbsolute(options.workspaceDir, 'workspaceDir');
    if (options.modelCardInput && options.modelCardInput.trim() !== '') {
        const input = external_node_path_default().resolve(workspace, options.modelCardInput.trim());
        const info = await (0,promises_.stat)(input).catch(() => undefined);
        if (!info?.isFile()) {
            throw new UploadPlanError([
                `model-card: "${(0,paths/* shownPath */.pS)(workspace, input)}" (${input}) ${info ? 'is not a file' : 'does not exist'}. ` +
                    `Give the template's path relative to the workspace (${workspace}), or leave model-card empty to use README.md.`
            ]);
        }
        return { source: 'input', path: input, why: `Model card: ${(0,paths/* shownPath */.pS)(workspace, input)} (the model-card input).` };
    }
    const inCheckpoint = external_node_path_default().join(external_node_path_default().resolve(workspace, options.checkpointPath), 'README.md');
    if (await isFile(inCheckpoint)) {
        return {
            source: 'checkpoint',
            path: inCheckpoint,
            why: `Model card: ${(0,paths/* shownPath */.pS)(workspace, inCheckpoint)} (the README.md in the winning checkpoint).`
        };
    }
    const holder = external_node_path_default().resolve(workspace, options.checkpointDir);
    const folders = [holder];
    const above = external_node_path_default().dirname(holder);
    if (above !== holder && ((0,paths/* isInside */.FK)(workspace, above) || !(0,paths/* isInside */.FK)(workspace, holder)))
        folders.push(above);
    const looked = [`${(0,paths/* shownPath */.pS)(workspace, inCheckpoint)} does not exist`];
    for (const folder of folders) {
        const readme = external_node_path_default().join(folder, 'README.md');
        const shown = (0,paths/* shownPath */.pS)(workspace, readme);
        if (!(await isFile(readme))) {
            looked.push(`${shown} does not exist`);
            continue;
        }
        const template = await readTemplate(readme, shown);
        if (hasPlaceholders({ template, benchmarks: options.benchmarks, extraNames: options.extraNames })) {
            return {
                source: 'workspace',
                path: readme,
                why: `Model card: ${shown} (a README.md with placeholders beside the checkpoint folders).`
            };
        }
        looked.push(`${shown} has no placeholders ({RESULT}, {eval_accuracy}, {step}, ...)`);
    }
    return {
        source: 'generated',
        why: `Model card: generated, because the model-card input is not set, ${looked.join(', ')}.`
    };
}
/** Reads a card template; its bytes must survive a round trip, so it must be UTF-8. */
async function readTemplate(file, label) {
    const bytes = await (0,promises_.readFile)(file);
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) {
        throw new UploadPlanError([
            `${label}: the model card template is not valid UTF-8, so it can't be kept byte for byte. Save it as UTF-8.`
        ]);
    }
    return text;
}

;// CONCATENATED MODULE: ./src/publish/card.ts
// The model card that goes up as README.md: the chosen template filled with the winner's scores
// (or a generated card), model-index added when asked, and the local files the card links.







/** Values for the placeholders beyond the scores: `{metric_name}`, `{repo_id}`, `{run_url}`. */
function extraCardValues(options) {
    const values = { metric_name: options.metricName };
    if (options.repoId)
        values.repo_id = options.repoId;
    if (options.runUrl)
        values.run_url = options.runUrl;
    return values;
}
/** Card errors are collected with the plan's other problems, as `file:line: message`. */
function collectCardProblems(problems, make) {
    try {
        return make();
    }
    catch (e) {
        if (!(e instanceof ModelCardError))
            throw e;
        problems.push(...e.problems.map((p) => `${p.file}:${p.line}: ${p.message}`));
        return undefined;
    }
}
async function buildCard(options, context) {
    const { chosen, problems } = context;
    const data = {
        benchmarks: options.benchmarks,
        scores: options.scores,
        evalAccuracy: options.evalAccuracy,
        step: options.step,
        checkpoint: options.checkpointName
    };
    let content;
    let links = [];
    let templateLabel;
    if (chosen.source === 'generated' || !chosen.path) {
        content = generateModelCard({
            ...data,
            metricName: options.metricName,
            repoId: options.repoId,
            runUrl: options.runUrl,
            libraryName: context.libraryName
        });
    }
    else {
        templateLabel = (0,paths/* shownPath */.pS)(context.workspace, chosen.path);
        const template = await readTemplate(chosen.path, templateLabel);
        const extraValues = extraCardValues(options);
        const filled = collectCardProblems(problems, () => fillModelCard({ ...data, template, templatePath: templateLabel, extraValues, listFilled: false }).card);
        content = filled ?? template;
        // Links are read from the filled card, so `figures/loss_{step}.png` names the real file.
        links = await linkedFiles({
            card: content,
            templatePath: chosen.path,
            templateLabel,
            problems,
            excluded: context.excluded
        });
    }
    const notes = [];
    if (options.cardMetadata === 'model-index') {
        const card = content;
        const merged = collectCardProblems(problems, () => mergeModelIndex(card, {
            modelName: options.repoId?.split('/').pop() || options.checkpointName,
            metrics: measuredMetrics({
                benchmarks: options.benchmarks,
                scores: options.scores,
                evalAccuracy: options.evalAccuracy,
                reported: options.reported
            }),
            task: options.cardTask,
            dataset: options.cardDataset,
            cardPath: templateLabel
        }));
        if (merged) {
            content = merged.card;
            notes.push(...merged.changes);
        }
    }
    return { content, links, notes };
}

;// CONCATENATED MODULE: ./src/publish/plan.ts
// What gets uploaded, decided locally before any network: the winning checkpoint's files, the
// filled model card, the files the card links, and the user's assets, minus what must never leave
// the runner. Composes the pieces; every problem is collected and thrown together.










/** Hub `library_name` from the files a checkpoint carries. */
function libraryNameOf(files) {
    const names = new Set(files.map((f) => f.rel));
    if (names.has('adapter_config.json'))
        return 'peft';
    if (names.has('config.json'))
        return 'transformers';
    return undefined;
}
const byPath = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
async function planUpload(options) {
    const workspace = assertAbsolute(options.workspaceDir, 'workspaceDir');
    const checkpoint = external_node_path_default().resolve(workspace, options.checkpointPath);
    const problems = [];
    const excludedMap = new Map();
    const excluded = (abs, reason) => {
        const folder = abs.endsWith((external_node_path_default()).sep);
        const key = (0,paths/* shownPath */.pS)(workspace, folder ? abs.slice(0, -1) : abs) + (folder ? '/' : '');
        if (!excludedMap.has(key))
            excludedMap.set(key, reason);
    };
    const leftOutBecause = uploadFilter(options.exclude);
    if (!(await (0,promises_.stat)(checkpoint).catch(() => undefined))?.isDirectory()) {
        throw new UploadPlanError([
            `the winning checkpoint ${checkpoint} is not a folder that exists. Check checkpoint-dir.`
        ]);
    }
    // The winning checkpoint, at the repo root.
    const checkpointFiles = await findFiles({
        root: checkpoint,
        boundary: await (0,promises_.realpath)(checkpoint),
        skipFolder: (rel) => {
            const secret = secretFolderReason(rel);
            if (secret)
                return secret;
            return isCheckpointLikeName(external_node_path_default().posix.basename(rel))
                ? `another checkpoint (or DeepSpeed state) inside the winning one; only the winner's own files are uploaded`
                : undefined;
        },
        excluded
    });
    const chosen = await chooseTemplate({ ...options, extraNames: Object.keys(extraCardValues(options)) });
    const card = await buildCard(options, {
        workspace,
        chosen,
        libraryName: libraryNameOf(checkpointFiles),
        problems,
        excluded
    });
    // Everything else, by repo path; two different local files for one repo path is an error.
    const files = new Map();
    const add = (file, from) => {
        const existing = files.get(file.pathInRepo);
        if (existing && existing.localPath !== file.localPath) {
            problems.push(`two files would be uploaded as "${file.pathInRepo}": ${(0,paths/* shownPath */.pS)(workspace, existing.localPath ?? 'the model card')} and ${(0,paths/* shownPath */.pS)(workspace, file.localPath ?? '')} (${from}). ` +
                `Rename one, or exclude one with an exclude pattern.`);
            return;
        }
        files.set(file.pathInRepo, file);
    };
    const keep = (pathInRepo, abs, note = '') => {
        const reason = leftOutBecause(pathInRepo);
        if (reason)
            excluded(abs, reason + note);
        return !reason;
    };
    for (const f of checkpointFiles) {
        if (f.rel === 'README.md') {
            if (chosen.source !== 'checkpoint')
                excluded(f.abs, 'replaced by the model card');
            continue;
        }
        if (keep(f.rel, f.abs))
            add({ pathInRepo: f.rel, localPath: f.abs, size: f.size, kind: kindOf(f.rel) }, 'the checkpoint');
    }
    for (const l of card.links) {
        if (keep(l.pathInRepo, l.abs, '; the card links it, so the Hub will show a broken link')) {
            add({ pathInRepo: l.pathInRepo, localPath: l.abs, size: l.size, kind: 'asset' }, 'linked from the card');
        }
    }
    const assets = await assetFiles({ workspace, checkpoint, patterns: options.assets, problems, excluded });
    for (const a of assets) {
        if (a.rel === 'README.md') {
            if (a.abs !== chosen.path)
                excluded(a.abs, 'README.md in the repo is the model card');
            continue;
        }
        const other = (0,paths/* isInside */.FK)(checkpoint, a.abs) ? WINNER_ELSEWHERE : checkpointFolderReason(a.rel);
        if (other) {
            excluded(a.abs, other);
            continue;
        }
        if (keep(a.rel, a.abs))
            add({ pathInRepo: a.rel, localPath: a.abs, size: a.size, kind: 'asset' }, 'an asset');
    }
    if (problems.length > 0)
        throw new UploadPlanError(problems);
    const cardFile = {
        pathInRepo: 'README.md',
        content: card.content,
        size: Buffer.byteLength(card.content, 'utf8'),
        kind: 'card'
    };
    const sorted = [cardFile, ...[...files.values()].sort((a, b) => byPath(a.pathInRepo, b.pathInRepo))];
    return {
        files: sorted,
        card: {
            source: chosen.source,
            ...(chosen.path ? { templatePath: chosen.path } : {}),
            content: card.content,
            notes: [chosen.why, ...card.notes]
        },
        excluded: [...excludedMap].map(([p, reason]) => ({ path: p, reason })).sort((a, b) => (a.path < b.path ? -1 : 1)),
        totalBytes: sorted.reduce((sum, f) => sum + f.size, 0)
    };
}

// EXTERNAL MODULE: ./src/util/progress.ts
var progress = __webpack_require__(65365);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/util/file-pass.ts
var file_pass = __webpack_require__(78808);
// EXTERNAL MODULE: ./src/util/needle-search.ts
var needle_search = __webpack_require__(3914);
;// CONCATENATED MODULE: ./src/publish/secret-scan.ts
// The content check of the upload: no file goes up that holds a secret this run knows (the
// hf-token, the CLI's token, the GitHub tokens) in any of the forms it travels in (raw,
// JSON-escaped, URL-encoded, base64). Each file is read once in 1 MiB reads, hashed and searched
// for every form at once (util/file-pass.ts, util/needle-search.ts), so memory stays bounded
// whatever the size and the upload reuses the hash. With several large files (a sharded
// checkpoint), threads hash some of them while this one hashes another (util/read-thread.ts).







/** Files read at once on this thread: one is hashed while the other's next read is in flight. */
const secret_scan_PARALLEL_READS = 2;
/** From this size a file is worth a thread of its own (util/read-thread.ts). */
const THREAD_MIN_BYTES = 64 * 1024 * 1024;
/** Threads at most, whatever the cores: each costs ~12 MiB of RSS. */
const MAX_THREADS = 3;
/**
 * Threads that hash large files beside this one: one per core but this one's, one per large
 * file but one (this thread takes a file too), three at most. None for a single large file: its
 * hash can't be shared, and a thread costs memory and ~0.1 s to start.
 */
function readThreadsFor(files, cores = (0,external_node_os_.availableParallelism)()) {
    const large = files.filter((f) => f.localPath !== undefined && f.size >= THREAD_MIN_BYTES).length;
    return Math.max(0, Math.min(large - 1, cores - 1, MAX_THREADS));
}
/**
 * Whether `file` contains any of `needles`: one read, which also hashes the file, so the upload
 * that follows sends that sha256 without reading it again.
 */
async function fileContainsAny(file, needles, options) {
    if (Array.isArray(needles) && needles.length === 0)
        return false;
    return (await (0,file_pass/* scanFile */.WN)(file, needles, options)).found;
}
/** The bytes the check reads: every planned file on disk (the card is text in hand). */
function bytesToCheck(files) {
    return files.reduce((sum, f) => sum + (f.localPath !== undefined ? f.size : 0), 0);
}
/**
 * Throws (nothing is sent) when a planned file holds a secret the run knows, naming each such
 * file. `onProgress` hears the bytes checked so far, of all files, and the file being read.
 */
async function assertNoHeldSecrets(files, workspace, secrets = (0,redact/* heldSecrets */.hH)(), onProgress) {
    if (secrets.length === 0)
        return;
    const needles = [...new Set(secrets.flatMap(redact/* encodedForms */.wV))].filter((n) => n.length >= 4).map((n) => Buffer.from(n));
    // One search for every file: its table is built once.
    const search = (0,needle_search/* needleSearch */.C)(needles);
    const total = bytesToCheck(files);
    const threads = await startReadThreads(readThreadsFor(files));
    const free = [...threads];
    let checked = 0;
    const holding = await mapLimit(files, secret_scan_PARALLEL_READS + threads.length, undefined, async (file) => {
        const thread = file.size >= THREAD_MIN_BYTES ? free.pop() : undefined;
        try {
            const found = file.content !== undefined
                ? needles.some((n) => Buffer.from(file.content).includes(n))
                : file.localPath !== undefined &&
                    (await fileContainsAny(file.localPath, search, {
                        thread,
                        onRead: (bytes) => {
                            checked += bytes;
                            onProgress?.(Math.min(checked, total), total, file.pathInRepo);
                        }
                    }));
            return found ? file : undefined;
        }
        finally {
            if (thread)
                free.push(thread);
        }
    }).finally(() => Promise.all(threads.map((t) => t.close())));
    const problems = holding
        .filter((f) => f !== undefined)
        .map((f) => `${f.localPath ? (0,paths/* shownPath */.pS)(workspace, f.localPath) : 'the model card'} (as ${f.pathInRepo}) contains a token this run holds (hf-token or another secret). ` +
        'Remove the token from the file (and revoke it if it was ever shared), or leave the file out with exclude.');
    if (problems.length > 0)
        throw new UploadPlanError(problems);
}
/** `count` threads; their module is loaded only when a check has large files to share out. */
async function startReadThreads(count) {
    if (count === 0)
        return [];
    const { startReadThread } = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 91131));
    return Array.from({ length: count }, () => startReadThread());
}

;// CONCATENATED MODULE: ./src/publish/stage.ts










/** `2h`, `90m`, `45s`: how a duration input reads. */
function stage_formatDuration(ms) {
    if (ms % 3_600_000 === 0)
        return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0)
        return `${ms / 60_000}m`;
    return `${Math.round(ms / 1000)}s`;
}
/** The whole publish's deadline (publish-timeout), which a cancelled run also ends. */
function publishDeadline(ms, cancel) {
    const controller = new AbortController();
    let expired = false;
    const timer = setTimeout(() => {
        expired = true;
        controller.abort(new Error(`publish-timeout (${stage_formatDuration(ms)}) ran out`));
    }, Math.min(ms, 2 ** 31 - 1));
    timer.unref();
    const onCancel = () => controller.abort(cancel?.reason);
    cancel?.addEventListener('abort', onCancel, { once: true });
    return {
        signal: controller.signal,
        get expired() {
            return expired;
        },
        dispose() {
            clearTimeout(timer);
            cancel?.removeEventListener('abort', onCancel);
        }
    };
}
class PublishError extends Error {
}
/** Files below this size get no progress lines. */
const PROGRESS_MIN_BYTES = 1024 * 1024;
/** Below this the check of the files takes well under a second: no progress lines. */
const CHECK_PROGRESS_MIN_BYTES = 256 * 1024 * 1024;
/** Why this run does not publish, or null when it should. */
function skipReason(options) {
    const { config, winner, github, blockedBecause } = options;
    if (config.mode === 'never')
        return "publish is 'never'";
    if (!config.repo)
        return 'no repo-id is set';
    if (blockedBecause)
        return blockedBecause;
    if (!winner)
        return 'no checkpoint could be ranked';
    if (config.mode === 'auto' && !config.dryRun && !(0,github_context/* releaseTag */.aF)(github)) {
        return "publish is 'auto' and this run is not for a release tag (set publish: always to publish from any run)";
    }
    return null;
}
function defaultCommitTitle(winner, metric) {
    const c = winner.evaluation.checkpoint;
    const value = `${metric.name} ${(0,domain_metric/* formatRankingValue */.v7)(metric.name, winner)}`;
    return `Publish ${c.name} (step ${c.step}, ${value})`;
}
/** Token from the input or this machine, else trusted publishing (OIDC), else null. */
async function credentials(options, repoId, fetch) {
    const { config, github, localToken } = options;
    if (config.token)
        return { token: config.token, source: 'hf-token' };
    if (localToken)
        return { token: localToken, source: 'local token' };
    if (github?.oidc) {
        if (!repoId) {
            throw new PublishError(`Trusted publishing needs the full repo id: set repo-id to 'namespace/${config.repo?.name}' (the token is scoped to that repo).`);
        }
        const { exchangeOidcToken } = await Promise.all(/* import() */[__webpack_require__.e(9), __webpack_require__.e(497)]).then(__webpack_require__.bind(__webpack_require__, 32497));
        const token = await exchangeOidcToken({
            hubUrl: config.hubUrl,
            repoId,
            idTokenRequestUrl: github.oidc.requestUrl,
            idTokenRequestToken: github.oidc.requestToken,
            fetch
        });
        options.onSecret(token);
        return { token, source: 'trusted publishing (OIDC)' };
    }
    return null;
}
async function publishStage(options) {
    const { config, winner, log } = options;
    const reason = skipReason(options);
    if (reason)
        return { status: 'skipped', reason };
    const repo = config.repo;
    const best = winner;
    const checkpoint = best.evaluation.checkpoint;
    const fullRepoId = repo.namespace ? `${repo.namespace}/${repo.name}` : null;
    // Local and complete before any request: a bad card or link stops here with nothing sent.
    const plan = await planUpload({
        checkpointPath: checkpoint.path,
        checkpointDir: options.checkpointDir,
        modelCardInput: config.modelCard,
        benchmarks: options.benchmarks,
        scores: best.evaluation.scores,
        evalAccuracy: best.evalAccuracy,
        reported: best.evaluation.metrics,
        cardTask: config.cardTask,
        cardDataset: config.cardDataset,
        step: checkpoint.step,
        checkpointName: checkpoint.name,
        exclude: config.exclude,
        assets: config.assets,
        workspaceDir: options.workspaceDir,
        cardMetadata: config.cardMetadata,
        metricName: options.metric.name,
        repoId: fullRepoId ?? repo.name,
        runUrl: (0,github_context/* runUrl */.Vp)(options.github)
    });
    for (const note of plan.card.notes ?? [])
        log.info(note);
    // Before anything is sent (a dry run too): no file that holds a token this run knows goes up,
    // whatever its name (a config the training wrote, a copied credentials file).
    const checkBytes = bytesToCheck(plan.files);
    let checkProgress;
    if (checkBytes >= CHECK_PROGRESS_MIN_BYTES && (0,redact/* heldSecrets */.hH)().length > 0) {
        log.info(`Checking ${plan.files.length} files (${(0,bytes/* formatBytes */.z)(checkBytes)}) for the tokens this run holds, hashing them for the upload…`);
        checkProgress = (0,progress/* progressReporter */.x)({ write: (line) => log.info(line), verb: 'checked for tokens', unit: 'bytes' });
    }
    await assertNoHeldSecrets(plan.files, options.workspaceDir, undefined, checkProgress);
    if (config.dryRun) {
        log.info(`Dry run: ${plan.files.length} files would be published to ${fullRepoId ?? `<token owner>/${repo.name}`}; nothing was sent.`);
        return { status: 'dry-run', plan, repoId: fullRepoId ?? `<token owner>/${repo.name}` };
    }
    options.signal?.throwIfAborted();
    // The Hub client is loaded only when something is sent: the one lazy entry, one bundle chunk.
    const hub = await Promise.all(/* import() */[__webpack_require__.e(9), __webpack_require__.e(497)]).then(__webpack_require__.bind(__webpack_require__, 32497));
    const deadline = publishDeadline(config.publishTimeoutMs, options.signal);
    try {
        const fetch = hub.createTimedFetch({
            fetch: options.fetch,
            timeoutMs: config.hubTimeoutMs,
            signal: deadline.signal,
            onWaiting: (message) => log.info(message)
        });
        // Single calls (whoami, the OIDC exchange) get the retries publishToHub adds for itself.
        const retrying = hub.createHubFetch({
            fetch,
            onRetry: (e) => log.info(`Hub request ${e.method} ${e.url} failed (${e.reason}); retry ${e.attempt} of ${e.maxAttempts - 1} in ${hub.formatDelay(e.delayMs)}`)
        });
        return await publishWith(options, { plan, fullRepoId, fetch, retrying, hub, signal: deadline.signal });
    }
    catch (error) {
        if (deadline.expired) {
            throw new PublishError(`the publish did not finish within ${stage_formatDuration(config.publishTimeoutMs)} (publish-timeout): ${(0,errors/* errorMessage */.g)(error)}. ` +
                'Raise publish-timeout for very large uploads, or check the Hub status.');
        }
        throw error;
    }
    finally {
        deadline.dispose();
    }
}
async function publishWith(options, context) {
    const { config, log } = options;
    const { plan, fullRepoId, fetch, retrying } = context;
    const repo = config.repo;
    const best = options.winner;
    const checkpoint = best.evaluation.checkpoint;
    const auth = await credentials(options, fullRepoId, retrying);
    if (!auth) {
        const why = 'no Hugging Face credentials: hf-token is empty and trusted publishing is not available (the job lacks `permissions: id-token: write`, or this is a pull request from a fork)';
        if (config.mode === 'always') {
            throw new PublishError(`publish is 'always' but there are ${why}. Pass hf-token: \${{ secrets.HF_TOKEN }}, or grant id-token: write for trusted publishing.`);
        }
        log.notice(`Not publishing: ${why}.`);
        return { status: 'skipped', reason: why };
    }
    log.info(`Publishing with ${auth.source}.`);
    const { assertCanWrite, publishToHub, whoami } = context.hub;
    const me = await whoami({ hubUrl: config.hubUrl, accessToken: auth.token, fetch: retrying });
    const repoId = (0,repo_id/* resolveRepoId */.E)(repo, me.name);
    assertCanWrite(me, { hubUrl: config.hubUrl, repoId });
    const tag = config.hubTag ? (0,github_context/* releaseTag */.aF)(options.github) : null;
    if (config.hubTag && !tag)
        log.notice('hub-tag is set but this run is not for a tag: the Hub commit is not tagged.');
    const link = (0,github_context/* runUrl */.Vp)(options.github);
    // The Hub client throttles per file (a line a second at most), so every call it makes is shown.
    const uploadProgress = (0,progress/* progressReporter */.x)({
        write: (line) => log.info(line),
        verb: 'uploaded',
        unit: 'bytes',
        intervalMs: 0
    });
    const result = await publishToHub({
        hubUrl: config.hubUrl,
        accessToken: auth.token,
        repoId,
        private: config.private,
        revision: config.revision,
        createPr: config.createPr,
        commitTitle: (0,redact/* redact */.E$)(config.commitMessage || defaultCommitTitle(best, options.metric)),
        commitDescription: (0,redact/* redact */.E$)(`Selected by checkpoint-eval-action from ${(0,paths/* shownPath */.pS)(options.workspaceDir, checkpoint.path)}${link ? ` in ${link}` : ''}.`),
        files: plan.files.map((f) => ({ pathInRepo: f.pathInRepo, localPath: f.localPath, content: f.content })),
        hubTag: tag ?? undefined,
        log,
        fetch,
        signal: context.signal,
        idleTimeoutMs: config.hubTimeoutMs,
        // Large files only: small ones go inside the commit itself and finish at once.
        onProgress: ({ path, uploadedBytes, totalBytes }) => {
            if (totalBytes >= PROGRESS_MIN_BYTES)
                uploadProgress(uploadedBytes, totalBytes, path);
        }
    });
    log.info(`Published ${checkpoint.name} to ${result.repoUrl}: ${result.prUrl ?? result.commitUrl}`);
    return { status: 'published', plan, result };
}

;// CONCATENATED MODULE: ./src/pipeline/conclude.ts
// What a full run and an aggregate run do once the checkpoints are ranked: compare with the
// baseline, gate, publish, write the summary, and deliver it (artifact, pull request comment).

















/** Errors before the summary is written throw; later ones come back as `failure`. */
async function conclude(options, outcome) {
    const { config, log } = options;
    const { ranking, evaluation } = outcome;
    const winner = ranking.winner;
    const baseline = await loadBaseline({
        config,
        metric: ranking.metric,
        benchmarks: evaluation.benchmarks,
        log,
        localToken: options.localToken,
        fetch: options.fetch,
        signal: options.signal
    });
    const gate = evaluateGate({
        metric: ranking.metric,
        winnerValue: winner?.value ?? null,
        winnerScores: winner?.evaluation.scores ?? {},
        minScore: config.gate.minScore,
        // The gate's checks are shown in the summary and the comment: name the baseline as a reader can find it.
        baseline: baseline && { ...baseline, source: baselineShownAs(baseline.source, config.workspace) },
        baselineRequested: config.gate.baseline !== undefined,
        maxRegression: config.gate.maxRegression
    });
    const comparisonMarkdown = baseline && winner
        ? renderComparisonMarkdown(compareWithBaseline({
            benchmarks: evaluation.benchmarks,
            winner: { scores: winner.evaluation.scores, evalAccuracy: winner.evalAccuracy, value: winner.value },
            baseline,
            metric: ranking.metric
        }), { baselineSource: baselineLabel(baseline.source, config.workspace, repositoryLink(options)) })
        : undefined;
    const failures = gate.status === 'failed' ? [`Gate failed: ${gate.reasons.join('; ')}`] : [];
    let publish;
    try {
        publish = await publishStage({
            config: config.publish,
            winner,
            benchmarks: evaluation.benchmarks,
            metric: ranking.metric,
            checkpointDir: config.checkpointDir,
            workspaceDir: config.workspace,
            github: options.github,
            localToken: options.localToken,
            blockedBecause: options.signal?.aborted
                ? 'the run was cancelled'
                : gate.status === 'failed'
                    ? 'the gate failed'
                    : undefined,
            log,
            onSecret: options.onSecret ?? (() => { }),
            fetch: options.fetch,
            signal: options.signal
        });
    }
    catch (error) {
        failures.push(`Publishing failed: ${(0,errors/* errorMessage */.g)(error)}`);
        publish = { status: 'skipped', reason: `publishing failed: ${(0,errors/* errorMessage */.g)(error)}` };
    }
    const baselineState = baseline ? 'found' : baseline === null ? 'none-yet' : 'not-asked';
    const sections = [
        renderEvaluationSummary({
            scores: outcome.scores,
            results: resultsLocation(options, outcome),
            notes: [rankingNote(ranking)]
        }),
        cacheSection(outcome.scores, outcome.cacheUsed ?? false),
        comparisonSection(comparisonMarkdown, baselineState),
        gateSection(gate),
        publishSection(publish)
    ];
    const summary = (0,redact/* redact */.E$)(sections.filter(Boolean).join('\n\n') + '\n');
    const summaryFile = external_node_path_default().join(config.outputDir, 'summary.md');
    try {
        await (0,job_files/* writeJobFile */.XB)('the summary copy (output-dir)', summaryFile, summary);
    }
    catch (error) {
        // After a publish, a report that can't be written must not hide that the model went up.
        const done = publish.status === 'published'
            ? ` The model WAS published: ${publish.result.prUrl ?? publish.result.commitUrl}.`
            : '';
        failures.push(`${(0,errors/* errorMessage */.g)(error)}.${done}`);
    }
    const artifact = await uploadRunArtifact({
        github: options.github,
        name: config.report.artifactName,
        outputDir: config.outputDir,
        files: [outcome.files.json, outcome.files.csv, summaryFile],
        log
    });
    let comment;
    try {
        comment = await commentOnPullRequest({
            github: options.github,
            report: config.report,
            log,
            metric: ranking.metric,
            winner,
            gate,
            scores: outcome.scores,
            comparisonMarkdown,
            baselineMissing: baseline === null,
            artifactUrl: artifact?.status === 'uploaded' ? artifact.url : undefined
        });
    }
    catch (error) {
        failures.push((0,errors/* errorMessage */.g)(error));
    }
    if (options.signal?.aborted)
        failures.push((0,errors/* errorMessage */.g)(options.signal.reason));
    const failure = failures.length > 0 ? failures.join('\n') : undefined;
    return { ...outcome, baseline, gate, publish, failure, artifact, comment, summary };
}
/** The checked-out commit on GitHub, for links to files in it (a committed baseline). */
function repositoryLink({ github, run }) {
    const sha = run.github?.sha;
    return github?.repository && sha ? { serverUrl: github.serverUrl, repository: github.repository, sha } : undefined;
}
/** In Actions the scores are in the run's artifact (its name is known before the upload); locally, on disk. */
function resultsLocation({ config, github }, outcome, artifactName = config.report.artifactName ?? github?.defaultArtifactName) {
    return github?.artifactsAvailable && artifactName
        ? { artifactName, runUrl: (0,github_context/* runUrl */.Vp)(github) }
        : { scoresFile: (0,paths/* shownPath */.pS)(config.workspace, outcome.files.json) };
}

;// CONCATENATED MODULE: ./src/pipeline/aggregate.ts
// The aggregate job of a matrix: ranks the shards' partial scores as one run, then gates,
// publishes and reports like a plain run.









async function runAggregate(options, source) {
    const { config, log } = options;
    const files = await shardFiles(config, source, log);
    const shards = await aggregateShards({
        files,
        checkpointDir: config.checkpointDir,
        local: await localCheckpoints(config, log)
    });
    log.info(`Aggregating ${shards.documents.length} shards: ${files.map((f) => (0,paths/* shownPath */.pS)(config.workspace, f)).join(', ')}`);
    const settings = rankingSettings(config, shards, log);
    const { evaluation, skipped } = shards;
    const { ranking, scores } = await rankEvaluation(options, evaluation, skipped, settings);
    const written = await (0,scores_document/* writeScoresFiles */.uD)(scores, config.outputDir);
    return conclude(options, {
        discovery: { root: config.checkpointDir, skipped },
        evaluation,
        ranking,
        scores,
        files: written
    });
}
/** `artifacts`: this run's shard artifacts, fetched into <output-dir>/shards first; else files in the workspace. */
async function shardFiles(config, source, log) {
    if (source.kind === 'files')
        return findShardFiles(source.pattern, source.given);
    const destination = external_node_path_default().join(config.outputDir, 'shards');
    const folder = await fetchShardArtifacts({ base: config.report.artifactName, destination, log });
    return findShardFiles(folder, (0,paths/* shownPath */.pS)(config.workspace, folder));
}
/** The aggregate job's own copy of the checkpoints, when it has one (it publishes from there). */
async function localCheckpoints(config, log) {
    try {
        return new Map((await discover({ root: config.checkpointDir })).checkpoints.map((c) => [c.name, c]));
    }
    catch {
        log.notice(`checkpoint-dir '${(0,paths/* shownPath */.pS)(config.workspace, config.checkpointDir)}' is not on this runner: ` +
            "the shards' records are ranked, but nothing can be published from here.");
        return undefined;
    }
}
/**
 * The aggregate ranks as the shards did: their metric and weights, unless this job's inputs set
 * others (metric other than the default eval_accuracy, weights, greater-is-better), which then
 * re-rank the shards' scores. Without this an aggregate job that does not repeat the shard
 * jobs' inputs would silently rank differently from an unsharded run.
 */
function rankingSettings(config, shards, log) {
    const ownMetric = config.ranking.metric !== undefined;
    const ownWeights = Object.keys(config.evaluation.weights).length > 0;
    const metric = config.ranking.metric ?? shards.metric.name;
    const sameMetric = metric === shards.metric.name;
    const ranking = {
        metric,
        greaterIsBetter: config.ranking.greaterIsBetter ?? (sameMetric ? shards.metric.greaterIsBetter : undefined),
        ...(ownMetric || !shards.metricReason ? {} : { reason: shards.metricReason })
    };
    if (ownMetric && !sameMetric) {
        log.info(`Ranking by ${metric} (this job's metric input); the shards ranked by ${shards.metric.name}.`);
    }
    if (!ownWeights && Object.keys(shards.weights).length > 0) {
        const listed = Object.entries(shards.weights).map(([b, w]) => `${b}=${w}`);
        log.info(`Using the shards' weights: ${listed.join(', ')}.`);
    }
    return { ranking, weights: ownWeights ? config.evaluation.weights : shards.weights };
}

;// CONCATENATED MODULE: ./src/pipeline/full.ts
// A plain run: every checkpoint of checkpoint-dir, evaluated here.



async function runFull(options) {
    const { config, log } = options;
    const evaluator = evaluatorFor(config);
    const discovery = await discoverCheckpoints(config, log);
    const skipped = discovery.skipped.length ? ` (${discovery.skipped.length} skipped)` : '';
    log.info(`Found ${discovery.checkpoints.length} checkpoints in ${discovery.shownAs}${skipped}`);
    const { evaluation, cacheUsed } = await evaluateCheckpoints(options, evaluator, discovery.checkpoints);
    const { ranking, scores } = await rankEvaluation(options, evaluation, discovery.skipped);
    const files = await (0,scores_document/* writeScoresFiles */.uD)(scores, config.outputDir);
    return conclude(options, { discovery, evaluation, ranking, scores, files, cacheUsed });
}

;// CONCATENATED MODULE: ./src/pipeline/shard.ts
// A shard job of a matrix: evaluates its slice of the checkpoints, writes a partial scores file
// and uploads it for the aggregate job. It never gates or publishes: it sees only part of the run.










async function runShard(options, shard) {
    const { config, log } = options;
    const part = `shard ${shard.index}/${shard.count}`;
    const evaluator = evaluatorFor(config);
    const discovery = await discoverCheckpoints(config, log);
    const listing = discovery.checkpoints.map((c) => c.name);
    const checkpoints = shardSlice(discovery.checkpoints, shard);
    log.info(`Shard ${shard.index}/${shard.count}: ${checkpoints.length} of ${listing.length} checkpoints ` +
        `(${checkpoints.map((c) => c.name).join(', ') || 'none'})`);
    // Checkpoints that all fail are still reported: the aggregate job decides, as one run would.
    const { evaluation, cacheUsed } = await evaluateCheckpoints(options, evaluator, checkpoints, {
        allFailed: 'return',
        shard
    });
    if (evaluation.results.length > 0 && evaluation.results.every((r) => r.status === 'failed')) {
        log.warning(`All ${evaluation.results.length} checkpoints of ${part} failed; the aggregate job fails too ` +
            'unless other shards have checkpoints that could be evaluated.');
    }
    const { ranking, scores } = await rankEvaluation(options, evaluation, discovery.skipped);
    scores.shard = { index: shard.index, count: shard.count, listing };
    const files = await (0,scores_document/* writeScoresFiles */.uD)(scores, config.outputDir, shardFileBase(shard));
    const artifactName = shardArtifactName(config.report.artifactName ?? DEFAULT_SHARD_ARTIFACT_BASE, shard);
    const evaluationSummary = renderEvaluationSummary({
        scores,
        results: resultsLocation(options, { files }, artifactName),
        title: `Checkpoint evaluation (${part})`,
        note: `Shard ${shard.index} of ${shard.count}: these are this job's checkpoints only. The aggregate job ranks all of them, gates and publishes.`,
        notes: [rankingNote(ranking)]
    });
    const summaryFile = external_node_path_default().join(config.outputDir, `${shardFileBase(shard)}.summary.md`);
    const cache = cacheSection(scores, cacheUsed);
    const summary = cache ? `${evaluationSummary.trimEnd()}\n\n${cache}\n` : evaluationSummary;
    await (0,promises_.writeFile)(summaryFile, summary);
    const artifact = await uploadRunArtifact({
        github: options.github,
        name: artifactName,
        outputDir: config.outputDir,
        files: [files.json, files.csv, summaryFile],
        log
    });
    return {
        discovery,
        evaluation,
        ranking,
        scores,
        files,
        baseline: undefined,
        gate: { status: 'skipped', reasons: ['a shard job does not gate: the aggregate job does'], checks: [] },
        publish: { status: 'skipped', reason: 'a shard job never publishes: the aggregate job does' },
        artifact,
        summary
    };
}

;// CONCATENATED MODULE: ./src/pipeline/run.ts
// The pipeline, chosen once per run by its mode:
//   full:      discover -> evaluate -> rank -> scores -> baseline/gate -> publish -> report
//   shard:     discover -> evaluate my slice -> rank -> partial scores -> artifact
//   aggregate: shards' partial scores -> rank -> scores -> baseline/gate -> publish -> report
// The entry points (action.ts, cli.ts) supply the config, the logger and what they know of
// GitHub, and turn the result into outputs or a terminal report.



async function runPipeline(options) {
    const { shard, aggregate } = options.config;
    if (shard)
        return runShard(options, shard);
    if (aggregate)
        return runAggregate(options, aggregate);
    return runFull(options);
}


/***/ }),

/***/ 84733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ renderCancelledTerminal),
/* harmony export */   m: () => (/* binding */ renderCancelledSummary)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54285);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70626);


/** Scores shown per finished checkpoint; the scores file of a finished run has them all. */
const SCORES_SHOWN = 4;
/** Rows of the table; the rest are counted. */
const ROWS_SHOWN = 100;
function renderCancelledSummary(signalName, checkpoints) {
    const lines = [
        '## Cancelled',
        '',
        `The run was cancelled (${signalName}) before it finished: no new evaluation was started, running ` +
            'evaluations were killed with every process they started, and **nothing was published**.'
    ];
    if (checkpoints.length === 0) {
        lines.push('', 'No checkpoint had started evaluating.');
        return `${lines.join('\n')}\n`;
    }
    const count = (state) => checkpoints.filter((c) => c.state === state).length;
    const counts = [
        `${count('ok')} evaluated`,
        `${count('failed')} failed`,
        `${count('cancelled') + count('running')} killed while running`,
        `${count('queued')} not started`
    ];
    lines.push('', `What was known when it stopped (${checkpoints.length} checkpoints): ${counts.join(', ')}.`, '');
    const rows = checkpoints.slice(0, ROWS_SHOWN).map((c) => [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(c.name), describeState(c), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(detail(c))]);
    lines.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(['Checkpoint', 'State', 'Scores or reason'], rows));
    if (checkpoints.length > ROWS_SHOWN)
        lines.push('', `…and ${checkpoints.length - ROWS_SHOWN} more checkpoints.`);
    return `${lines.join('\n')}\n`;
}
/** The same for a terminal (the CLI on Ctrl-C): one line per checkpoint that had started. */
function renderCancelledTerminal(checkpoints) {
    const started = checkpoints.filter((c) => c.state !== 'queued');
    const waiting = checkpoints.length - started.length;
    const lines = started.slice(0, ROWS_SHOWN).map((c) => `  ${c.name}: ${describeState(c)}; ${detail(c)}`);
    if (started.length > ROWS_SHOWN)
        lines.push(`  …and ${started.length - ROWS_SHOWN} more`);
    if (waiting > 0)
        lines.push(`  ${waiting} checkpoint${waiting === 1 ? '' : 's'} not started`);
    return lines.length > 0 ? `Known when it stopped (nothing was published):\n${lines.join('\n')}\n` : '';
}
function describeState({ state, cached }) {
    switch (state) {
        case 'ok':
            return cached ? 'evaluated (cached)' : 'evaluated';
        case 'failed':
            return 'failed';
        case 'cancelled':
        case 'running':
            return 'killed while running';
        case 'queued':
            return 'not started';
    }
}
function detail({ state, scores, error }) {
    if (state === 'ok') {
        const shown = Object.entries(scores ?? {}).filter((e) => e[1] !== null);
        const text = shown.slice(0, SCORES_SHOWN).map(([name, value]) => `${name} ${(0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .SP)(value)}`);
        if (shown.length > SCORES_SHOWN)
            text.push(`${shown.length - SCORES_SHOWN} more`);
        return text.join(', ') || '(no scores)';
    }
    if (state === 'running')
        return 'it was running when the run stopped; killed with its processes';
    return error ? firstLine(error) : '';
}
function firstLine(text) {
    const line = text.split('\n')[0];
    return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}


/***/ }),

/***/ 54285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ PAGE_WIDTH_PX),
/* harmony export */   F1: () => (/* binding */ cellWidthPx),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   Yy: () => (/* binding */ columnWidthsPx),
/* harmony export */   dp: () => (/* binding */ byteLength),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
// Small helpers for GitHub-flavoured markdown that the summary and PR comment share.
/** Text safe inside a table cell: pipes escaped, line breaks flattened, HTML neutralised. */
function cell(text) {
    return text
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/[\r\n]+/g, ' ')
        .replace(/</g, '&lt;');
}
function table(header, rows, align) {
    const rule = header.map((_, i) => ({ l: ':---', r: '---:', c: ':---:' })[align?.[i] ?? 'l']);
    return [header, rule, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
const byteLength = (text) => Buffer.byteLength(text, 'utf8');
/** GitHub's widest content column for a job summary or comment; no table may need more. */
const PAGE_WIDTH_PX = 960;
/**
 * A cautious guess of a table cell's rendered width in px (GitHub: 16 px text, 13 px padding on
 * each side). GitHub lays tables out at their content's width without wrapping, so a table is as
 * wide as the sum of its columns' widest cells; `npm run render` measures the real thing.
 */
function cellWidthPx(markdown) {
    const text = markdown
        .replace(/\*\*|`/g, '')
        .replace(/\\\|/g, '|')
        .replace(/&lt;/g, '<');
    let px = 0;
    for (const ch of text)
        px += ch.codePointAt(0) > 0x2000 ? 22 : /[A-Z0-9_#@%&mwMW]/.test(ch) ? 11 : 8.5;
    return Math.ceil(px) + 27;
}
/** The width of the widest cell of each column. */
function columnWidthsPx(rows) {
    return rows[0].map((_, i) => Math.max(...rows.map((r) => cellWidthPx(r[i] ?? ''))));
}


/***/ }),

/***/ 87496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UB: () => (/* binding */ terminalWinnerLine),
/* harmony export */   _m: () => (/* binding */ renderTerminalFiles),
/* harmony export */   ji: () => (/* binding */ renderTerminalTable),
/* harmony export */   zg: () => (/* binding */ renderTerminalOutcome)
/* harmony export */ });
/* unused harmony export TERMINAL_ROWS */
/* harmony import */ var _util_bytes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1671);
/* harmony import */ var _domain_metric_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98478);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70626);
// The terminal's report (and the step log's): one ranking table with fixed-width columns, one
// winner line, then the gate and the Hub. Numbers follow values.ts.



const plain = (v) => ((0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(v) === _values_js__WEBPACK_IMPORTED_MODULE_1__/* .MISSING */ .lV ? '-' : (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(v));
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
/** The ranking as a fixed-width table, best first: the terminal's and the step log's one table. */
function renderTerminalTable(doc) {
    const metric = doc.metric.name;
    const showValue = !(0,_domain_metric_js__WEBPACK_IMPORTED_MODULE_0__/* .isEvalAccuracy */ .GB)(metric);
    const header = ['#', 'checkpoint', 'step', 'size', ...(showValue ? [metric] : []), _domain_metric_js__WEBPACK_IMPORTED_MODULE_0__/* .EVAL_ACCURACY */ .py, 'status'];
    const rows = doc.checkpoints
        .slice(0, TERMINAL_ROWS)
        .map((c) => [
        c.rank === null ? '-' : String(c.rank),
        c.name,
        String(c.step),
        (0,_util_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(c.sizeBytes),
        ...(showValue ? [plain(c.value)] : []),
        plain(c.evalAccuracy),
        c.status === 'ok' ? 'ok' : `failed: ${(c.error ?? '').split('\n')[0].slice(0, 60)}`
    ]);
    const out = [columns([header, ...rows], ['r', 'l', 'r', 'r', ...(showValue ? ['r'] : []), 'r', 'l'])];
    if (doc.checkpoints.length > TERMINAL_ROWS)
        out.push(`… and ${doc.checkpoints.length - TERMINAL_ROWS} more (see scores.csv)`);
    return out.join('\n');
}
/** `Best checkpoint: step_1000 (step 1000), eval_accuracy 0.712`: the one winner line. */
function terminalWinnerLine(doc) {
    const w = doc.winner;
    if (!w)
        return `No checkpoint could be ranked by ${doc.metric.name}.`;
    const value = (0,_domain_metric_js__WEBPACK_IMPORTED_MODULE_0__/* .isEvalAccuracy */ .GB)(doc.metric.name) ? w.evalAccuracy : w.value;
    return `Best checkpoint: ${w.name} (step ${w.step}), ${doc.metric.name} ${(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(value)}`;
}
/** Where the files are, after the outcome. */
function renderTerminalFiles(scoresFile) {
    return `Scores: ${scoresFile} (and scores.csv)\n`;
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
            lines.push(`  ${f.pathInRepo.padEnd(40)} ${(0,_util_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(f.size).padStart(10)}  ${f.kind}`);
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


/***/ }),

/***/ 70626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SP: () => (/* binding */ shown),
/* harmony export */   c_: () => (/* binding */ shownChange),
/* harmony export */   lV: () => (/* binding */ MISSING)
/* harmony export */ });
/* harmony import */ var _domain_round_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7976);
// How every number in the report is shown: one rule for the summary, the PR comment, the
// comparison and the terminal, so the same score never appears as 0.9875 in one table and 0.988
// in the next. The exact values are in scores.json.

/** Shown for a missing value (no score, failed checkpoint). */
const MISSING = '–';
/**
 * Three decimals, rounded as Python's round(v, 3) (the rounding of published model cards); a
 * non-zero value too small for three decimals keeps two significant digits (1.2e-4) rather than
 * showing as 0.000.
 */
function shown(value) {
    if (value === null || value === undefined || !Number.isFinite(value))
        return MISSING;
    const text = (0,_domain_round_js__WEBPACK_IMPORTED_MODULE_0__/* .formatScore */ .y)(value);
    if (value !== 0 && Number(text) === 0)
        return value.toExponential(1);
    return text;
}
/** `+0.012` / `-0.005` / `0.000`: a change, by the same rule, always signed when non-zero. */
function shownChange(delta) {
    const text = shown(Math.abs(delta));
    return Number(text) === 0 && !text.includes('e') ? text : `${delta < 0 ? '-' : '+'}${text}`;
}


/***/ }),

/***/ 55950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jc: () => (/* binding */ buildScoresDocument),
/* harmony export */   uD: () => (/* binding */ writeScoresFiles),
/* harmony export */   vK: () => (/* binding */ readScoresDocument)
/* harmony export */ });
/* unused harmony exports SCORES_SCHEMA, SCORES_VERSION, renderScoresCsv */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _domain_round_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7976);
/* harmony import */ var _domain_metric_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98478);
/* harmony import */ var _util_job_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15913);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(24964);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(50767);
// scores.json and scores.csv: the run's results as files that later jobs, later runs (baselines)
// and the aggregate job of a sharded run read back. The JSON schema is versioned.







const SCORES_SCHEMA = 'checkpoint-eval/scores';
const SCORES_VERSION = 1;
function buildScoresDocument({ run, discovery, evaluation, ranking, weights, workspace }) {
    const shown = (p) => (workspace ? (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .shownPath */ .pS)(workspace, p) : p);
    const checkpoints = ranking.entries.map(({ evaluation: e, evalAccuracy, value, rank }) => ({
        name: e.checkpoint.name,
        path: shown(e.checkpoint.path),
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
        ...(e.checkpoint.parameters !== undefined
            ? { parameters: e.checkpoint.parameters, dtype: e.checkpoint.dtype }
            : {}),
        durationMs: Math.round(e.durationMs),
        ...(e.cached ? { cached: { evaluatedAt: e.cached.evaluatedAt, savedMs: Math.round(e.cached.savedMs) } } : {})
    }));
    const w = ranking.winner;
    return {
        schema: SCORES_SCHEMA,
        version: SCORES_VERSION,
        run,
        evaluator: evaluation.evaluator,
        metric: ranking.metric,
        ...(ranking.reason ? { metricReason: ranking.reason } : {}),
        weights,
        benchmarks: evaluation.benchmarks,
        checkpoints,
        skipped: discovery.skipped.map(({ name, path: p, step, reason }) => ({ name, path: shown(p), step, reason })),
        winner: w && {
            name: w.evaluation.checkpoint.name,
            path: shown(w.evaluation.checkpoint.path),
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
    const metricColumn = (0,_domain_metric_js__WEBPACK_IMPORTED_MODULE_3__/* .isEvalAccuracy */ .GB)(doc.metric.name) ? [] : [doc.metric.name];
    const header = [
        'rank',
        'checkpoint',
        'step',
        'status',
        _domain_metric_js__WEBPACK_IMPORTED_MODULE_3__/* .EVAL_ACCURACY */ .py,
        ...metricColumn,
        ...doc.benchmarks.map((b) => b.id),
        'size_bytes',
        'path',
        'error'
    ];
    const rows = doc.checkpoints.map((c) => [
        c.rank === null ? '' : String(c.rank),
        c.name,
        String(c.step),
        c.status,
        (0,_domain_round_js__WEBPACK_IMPORTED_MODULE_2__/* .formatScore */ .y)(c.evalAccuracy),
        ...(metricColumn.length ? [c.value === null ? '' : String(c.value)] : []),
        ...doc.benchmarks.map((b) => (0,_domain_round_js__WEBPACK_IMPORTED_MODULE_2__/* .formatScore */ .y)(c.scores[b.id])),
        String(c.sizeBytes),
        c.path,
        c.error ?? ''
    ]);
    return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
async function writeScoresFiles(doc, outputDir, baseName = 'scores') {
    const files = { json: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outputDir, `${baseName}.json`), csv: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outputDir, `${baseName}.csv`) };
    // Error messages of evaluations end up here: they pass the one redaction point like the log.
    await (0,_util_job_files_js__WEBPACK_IMPORTED_MODULE_4__/* .writeJobFile */ .XB)('the scores (output-dir)', files.json, (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_6__/* .redact */ .E$)(JSON.stringify(doc, null, 2) + '\n'));
    await (0,_util_job_files_js__WEBPACK_IMPORTED_MODULE_4__/* .writeJobFile */ .XB)('the scores (output-dir)', files.csv, (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_6__/* .redact */ .E$)(renderScoresCsv(doc)));
    return files;
}
/**
 * Read a scores.json written by this action. `what` names the input it came from and `hint`
 * says what that input should hold; both go into every error.
 */
async function readScoresDocument(file, what, hint = 'Give the path of a scores.json written by this action.') {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new Error(`${what}: ${file} ${code === 'ENOENT' ? 'file not found' : `can't be read (${error.message})`}. ${hint}`, { cause: error });
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${what}: ${file} is not valid JSON (${error.message}). ${hint}`, { cause: error });
    }
    const doc = (parsed ?? {});
    if (typeof parsed !== 'object' || parsed === null || doc.schema !== SCORES_SCHEMA) {
        const found = typeof doc.schema === 'string' ? `schema "${doc.schema}"` : 'no "schema" field';
        throw new Error(`${what}: ${file} is not a checkpoint-eval scores file (expected "schema": "${SCORES_SCHEMA}", found ${found}). ${hint}`);
    }
    if (doc.version !== SCORES_VERSION) {
        throw new Error(`${what}: ${file} is scores.json version ${String(doc.version)}, this action reads version ${SCORES_VERSION}. ` +
            'Regenerate it with this version of the action, or pin the action version that wrote it.');
    }
    if (doc.winner !== null && typeof doc.winner !== 'object') {
        throw new Error(`${what}: ${file} has no "winner" object (null when nothing was ranked); the file looks truncated or hand-edited.`);
    }
    return doc;
}


/***/ }),

/***/ 1671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
// Sizes as people read them (binary units, three significant digits).
/** 1536 -> "1.50 KiB", 300 MiB -> "300 MiB": binary units, three significant digits. */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${units[unit]}`;
}


/***/ }),

/***/ 24436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dJ: () => (/* binding */ cancelOnSignals),
/* harmony export */   iB: () => (/* binding */ isCancellation)
/* harmony export */ });
/* unused harmony export CancelledError */
// Cancellation by signal: GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later, then
// SIGKILL. On the first signal the run stops starting work and aborts what runs (evaluations are
// killed with their descendants, Hub requests aborted), then reports and exits non-zero. If that
// takes longer than a few seconds, `onForce` kills what is left and the process exits anyway.
/** Why the run stopped early; the pipeline's stages throw it (or an AbortError) when cancelled. */
class CancelledError extends Error {
    signalName;
    constructor(signalName) {
        super(`Cancelled by ${signalName}: no new work was started and running evaluations were killed.`);
        this.signalName = signalName;
        this.name = 'CancelledError';
    }
}
function cancelOnSignals(options) {
    const controller = new AbortController();
    let received;
    const handler = (name) => {
        if (received) {
            // A second signal: the user means it.
            options.say(`Received ${name} again: killing what is left and exiting now.`);
            options.onForce();
            process.exit(options.exitCode ?? 1);
        }
        received = name;
        options.say(`Received ${name}: stopping. No new evaluation starts; running ones are killed with their processes.`);
        controller.abort(new CancelledError(name));
        setTimeout(() => {
            options.say(`Still running ${options.graceMs ?? 4000} ms after ${name}: killing what is left and exiting.`);
            options.onForce();
            process.exit(options.exitCode ?? 1);
        }, options.graceMs ?? 4000).unref();
    };
    process.on('SIGTERM', handler);
    process.on('SIGINT', handler);
    return {
        signal: controller.signal,
        get received() {
            return received;
        },
        dispose() {
            process.off('SIGTERM', handler);
            process.off('SIGINT', handler);
        }
    };
}
/** Whether `error` is the run's cancellation (a CancelledError or an abort caused by one). */
function isCancellation(error, signal) {
    return error?.name === 'CancelledError' || Boolean(signal?.aborted);
}


/***/ }),

/***/ 70017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError),
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
/**
 * A setting the user must change: the message names the input (`Input 'weights': …`) and says
 * how to fix it. Raised before any side effect.
 */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(`Input '${input}': ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}


/***/ }),

/***/ 78808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ hashFileOnce),
/* harmony export */   WN: () => (/* binding */ scanFile),
/* harmony export */   vA: () => (/* binding */ READ_CHUNK)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _needle_search_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3914);
// One read of a file: its hash and, when asked, whether it holds any of some byte strings (the
// secret check of the upload). A file is read once per run: the sha256 the secret check computed
// is the one the upload sends. Reads are double-buffered: the thread pool reads the next 1 MiB
// while this thread hashes and searches the last, so the pass runs at the speed of the hash.
// A check of several large files may hand some to threads (read-thread.ts), which read and hash
// them while this thread searches their bytes; everything else runs here: the hash of a file not
// yet read (the library used without a held token) interleaves with the uploads in flight well
// enough (each read is hashed in ~0.7 ms), and a thread costs ~12 MiB of RSS.



/** Reads of this size hash at the speed of `openssl dgst` (larger ones only cost memory). */
const READ_CHUNK = 1024 * 1024;
/**
 * The read: each buffer starts with the last `longest - 1` bytes of the read before, so a
 * needle that straddles two reads is found. Small files get buffers of their size.
 */
async function readOnce(path, algorithm, prefix, { size, search, onRead } = {}) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm);
    if (prefix)
        hash.update(prefix);
    const overlap = search ? Math.max(0, search.longest - 1) : 0;
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
    const known = size ?? (await handle.stat().catch(() => undefined))?.size ?? READ_CHUNK;
    const chunk = Math.max(1, Math.min(READ_CHUNK, known));
    // Slow (unpooled) buffers start on their own allocation: word-aligned, as the search needs.
    const buffers = [Buffer.allocUnsafeSlow(chunk + overlap), Buffer.allocUnsafeSlow(chunk + overlap)];
    let reading = handle.read(buffers[0], 0, chunk, 0);
    try {
        let bytes = 0;
        let current = 0;
        let kept = 0;
        for (;;) {
            const { bytesRead } = await reading;
            if (bytesRead === 0)
                break;
            const buffer = buffers[current];
            const end = kept + bytesRead;
            bytes += bytesRead;
            const next = buffers[current ^ 1];
            const nextKept = Math.min(overlap, end);
            if (nextKept)
                buffer.copy(next, 0, end - nextKept, end);
            reading = handle.read(next, nextKept, chunk, bytes);
            hash.update(buffer.subarray(kept, end));
            if (search?.foundIn(buffer, end))
                return { bytes, found: true };
            onRead?.(bytesRead);
            current ^= 1;
            kept = nextKept;
        }
        return { digest: hash.digest('hex'), bytes, found: false };
    }
    finally {
        // A read still in flight writes into a buffer of this pass: the file closes after it.
        await reading.catch(() => undefined);
        await handle.close();
    }
}
// The sha256 of each file read this run, with the size and mtime it had then: a later ask gets
// it without a second read, unless the file changed since.
const sha256s = new Map();
async function stamp(path) {
    const { size, mtimeMs } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path);
    return { size, mtimeMs };
}
/**
 * Reads `path` once: whether it holds any of the needles (given as they are, or as a search
 * built once for many files), and its sha256 (kept for `hashFileOnce`).
 */
async function scanFile(path, needles, { onRead, thread } = {}) {
    const search = Array.isArray(needles) ? (0,_needle_search_js__WEBPACK_IMPORTED_MODULE_2__/* .needleSearch */ .C)(needles) : needles;
    const before = await stamp(path);
    const result = thread
        ? thread.pass(path, { size: before.size, search, onRead })
        : readOnce(path, 'sha256', '', { size: before.size, search, onRead });
    sha256s.set(path, { ...before, result });
    const done = await result;
    if (done.found)
        sha256s.delete(path);
    return done;
}
/**
 * The hex digest of `prefix` followed by the file's bytes, and how many bytes were read. A sha256
 * of a file the secret check already read (and unchanged since) costs no second read.
 */
async function hashFileOnce(algorithm, path, prefix = '') {
    if (algorithm === 'sha256' && !prefix) {
        const known = sha256s.get(path);
        if (known) {
            const now = await stamp(path).catch(() => undefined);
            const result = await known.result.catch(() => undefined);
            if (now && result?.digest && now.size === known.size && now.mtimeMs === known.mtimeMs)
                return result;
        }
        const before = await stamp(path);
        const result = readOnce(path, algorithm, prefix, { size: before.size });
        sha256s.set(path, { ...before, result });
        return result;
    }
    return readOnce(path, algorithm, prefix);
}


/***/ }),

/***/ 15913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SQ: () => (/* binding */ describeFileError),
/* harmony export */   XB: () => (/* binding */ writeJobFile)
/* harmony export */ });
/* unused harmony export JobFileError */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);
// Writing the job's own files (scores, summary, outputs): a failure names the file, what it is
// for, and the cause in words, instead of a bare `EISDIR: illegal operation on a directory`.



const CAUSES = {
    EISDIR: 'it is a folder, not a file',
    ENOTDIR: 'a part of the path is a file, not a folder',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOENT: 'its folder does not exist',
    ENAMETOOLONG: 'the path is too long'
};
/** `path: cause (CODE)`, for an error of the file system. */
function describeFileError(file, error) {
    const code = error?.code;
    const cause = typeof code === 'string' && CAUSES[code];
    return cause ? `${file}: ${cause} (${code})` : `${file}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}`;
}
class JobFileError extends Error {
    what;
    file;
    constructor(what, file, cause) {
        super(`Could not write ${what} to ${describeFileError(file, cause)}`);
        this.what = what;
        this.file = file;
        this.name = 'JobFileError';
    }
}
/** Writes (creating its folder) or throws a JobFileError naming `what` it is. */
async function writeJobFile(what, file, content) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, content);
    }
    catch (error) {
        throw new JobFileError(what, file, error);
    }
}


/***/ }),

/***/ 29906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ redactingLogger)
/* harmony export */ });
/* unused harmony export silentLogger */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50767);

/** A logger that records nothing; for stages called where nobody reads the log (tests, bench). */
const silentLogger = {
    info: () => { },
    warning: () => { },
    notice: () => { },
    debug: () => { },
    startGroup: () => { },
    endGroup: () => { }
};
/** `log` with every line passed through the one redaction point (util/redact.ts) first. */
function redactingLogger(log) {
    return {
        info: (m) => log.info((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(m)),
        warning: (m, file) => log.warning((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(m), file),
        notice: (m) => log.notice((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(m)),
        debug: (m) => log.debug((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(m)),
        startGroup: (t) => log.startGroup((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(t)),
        endGroup: () => log.endGroup(),
        ...(log.output && { output: (text) => log.output((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(text)) })
    };
}


/***/ }),

/***/ 3914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ needleSearch)
/* harmony export */ });
// Whether a buffer holds any of several byte strings (the held tokens, in every encoded form),
// at a cost that does not grow with how many there are. One Buffer.includes per needle reads
// the whole buffer once per needle: with a token's raw and base64 forms, and the runner's tokens
// in Actions, that was most of the time the pre-upload secret check took.
//
// The filter samples one aligned 4-byte word every `stride` words and looks it up in a bitmap
// of every 4-byte window of every needle. A needle of length n covers n - 3 consecutive word
// starts, so a stride of floor((shortest - 3) / 4) words cannot step over one; a hit (rare on
// weights: about one in 30,000 samples) is confirmed with Buffer.includes around it.
/** log2 of the bitmap's size in bits: 32 KiB, small enough to stay in the CPU's cache. */
const TABLE_BITS = 18;
/** Needles shorter than this are searched for directly (the stride would be under one word). */
const MIN_FILTERED_LENGTH = 8;
const windowHash = (word) => Math.imul(word, 0x9e3779b1) >>> (32 - TABLE_BITS);
/** The needles that matter: no empty ones, and none that holds another (finding the shorter is enough). */
function essential(needles) {
    const unique = [...new Map(needles.map((n) => [Buffer.from(n).toString('hex'), Buffer.from(n)])).values()];
    const kept = unique.filter((n) => n.length > 0).sort((a, b) => a.length - b.length);
    return kept.filter((n, i) => !kept.slice(0, i).some((shorter) => n.includes(shorter)));
}
/** A search for `needles` in buffers read one after another (see `longest` for the overlap to keep). */
function needleSearch(needles) {
    const all = essential(needles);
    const direct = all.filter((n) => n.length < MIN_FILTERED_LENGTH);
    const filtered = all.filter((n) => n.length >= MIN_FILTERED_LENGTH);
    const longest = Math.max(0, ...all.map((n) => n.length));
    if (filtered.length === 0) {
        return { longest, foundIn: (buffer, end) => direct.some((n) => buffer.subarray(0, end).includes(n)) };
    }
    const shortest = filtered[0].length;
    const stride = Math.floor((shortest - 3) / 4);
    const maxFiltered = filtered[filtered.length - 1].length;
    const table = new Int32Array(1 << (TABLE_BITS - 5));
    // A word read through a Uint32Array is in the machine's byte order: read the needles' the same way.
    const word = new Uint32Array(1);
    const wordBytes = new Uint8Array(word.buffer);
    for (const needle of filtered) {
        for (let j = 0; j + 4 <= needle.length; j++) {
            wordBytes.set(needle.subarray(j, j + 4));
            const h = windowHash(word[0]);
            table[h >>> 5] |= 1 << (h & 31);
        }
    }
    const confirm = (buffer, at, end) => {
        const around = buffer.subarray(Math.max(0, at - maxFiltered + 4), Math.min(end, at + maxFiltered));
        return filtered.some((n) => around.includes(n));
    };
    return {
        longest,
        foundIn(buffer, end) {
            if (buffer.byteOffset % 4 !== 0)
                throw new Error('needleSearch: the buffer must start on a 4-byte boundary');
            if (direct.some((n) => buffer.subarray(0, end).includes(n)))
                return true;
            const words = new Uint32Array(buffer.buffer, buffer.byteOffset, end >>> 2);
            for (let w = 0; w < words.length; w += stride) {
                const h = windowHash(words[w]);
                if ((table[h >>> 5] >>> (h & 31)) & 1 && confirm(buffer, w << 2, end))
                    return true;
            }
            return false;
        }
    };
}


/***/ }),

/***/ 24964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   d7: () => (/* binding */ toPosix),
/* harmony export */   pS: () => (/* binding */ shownPath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
// Path questions asked in several stages, answered once.

/** True when `target` is `root` itself or inside it (both absolute, or both relative to one place). */
function isInside(root, target) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(root, target);
    return relative === '' || (!relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(relative));
}
/** `/a/b` -> `a/b` style for messages and repo paths: always forward slashes. */
function toPosix(p) {
    return p.split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
}
/** How a path is shown to the user: relative to the workspace when inside it ('.' for the workspace), else absolute. */
function shownPath(workspace, p) {
    return isInside(workspace, p) ? toPosix(node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(workspace, p)) || '.' : p;
}


/***/ }),

/***/ 65365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ progressReporter)
/* harmony export */ });
/* harmony import */ var _bytes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1671);
// The one progress reporter: evaluation (checkpoints done) and upload (bytes sent) both report
// through it, to the step's log in Actions and to the terminal in the CLI, so a long run shows
// it is alive without flooding either.

function progressReporter(options) {
    const { write, verb, unit = 'count', intervalMs = 5000, live = false, now = Date.now } = options;
    const amount = (n) => (unit === 'bytes' ? (0,_bytes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(n) : String(n));
    let last = -Infinity;
    return (done, total, label) => {
        const finished = done >= total;
        const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
        const line = `${verb} ${amount(done)}/${amount(total)} (${percent}%)${label ? `: ${label}` : ''}`;
        if (live) {
            // Pad over the previous line's leftovers; end the line when done.
            write(`\r${line.padEnd(79)}${finished ? '\n' : ''}`);
            return;
        }
        const t = now();
        if (!finished && t - last < intervalMs)
            return;
        last = t;
        write(line);
    };
}


/***/ }),

/***/ 50767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ addSecret),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   hH: () => (/* binding */ heldSecrets),
/* harmony export */   wV: () => (/* binding */ encodedForms)
/* harmony export */ });
/* unused harmony export forgetSecrets */
// The one redaction point. Every secret the run holds (tokens from inputs, the CLI's token file,
// the OIDC exchange) is registered here the moment it exists; every text that leaves the
// process (log lines, annotations, the summary, the PR comment, outputs, scores files, commit
// messages, Hub error bodies) passes through `redact`. A secret is replaced in the forms it
// travels in: raw, JSON-escaped (once and twice), URL-encoded (path and form style, either hex
// case) and base64.
const MASK = '***';
/** Shorter strings are not secrets worth masking (masking `a` would garble every line). */
const MIN_SECRET_LENGTH = 4;
/**
 * A Hub token nobody registered: `hf_` and 30+ random letters and digits, mixed case with a
 * digit (so names like `hf_tokenizer_config` or `hf_checkpoint_1000` are left alone).
 */
const HUB_TOKEN_SHAPE = /\bhf_(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{30,}\b/g;
const secrets = new Set();
/** Every encoded form of every secret, longest first (a form containing another goes first). */
let forms = [];
/** The forms `secret` can appear in, in text a server or a tool wrote. */
function encodedForms(secret) {
    const json = JSON.stringify(secret).slice(1, -1);
    const jsonTwice = JSON.stringify(json).slice(1, -1);
    // Python's json.dumps (ensure_ascii) writes non-ASCII as \uXXXX; Go's encoder and HTML-safe
    // writers write <, > and & that way.
    const u = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    const jsonAscii = json.replace(/[\u0080-\uffff]/g, u);
    const jsonHtml = json.replace(/[<>&\u2028\u2029]/g, u);
    const jsonBoth = jsonAscii.replace(/[<>&]/g, u);
    const upperHex = (t) => t.replace(/\\u([0-9a-f]{4})/g, (_, hex) => `\\u${hex.toUpperCase()}`);
    const uri = encodeURIComponent(secret);
    const form = new URLSearchParams({ s: secret }).toString().slice(2);
    const lower = (s) => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
    const uriAll = secret.replace(/[^A-Za-z0-9]/g, (c) => [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
    const base64 = Buffer.from(secret, 'utf8').toString('base64');
    const base64Url = Buffer.from(secret, 'utf8').toString('base64url');
    return [
        secret,
        json,
        jsonTwice,
        jsonAscii,
        jsonHtml,
        jsonBoth,
        upperHex(jsonAscii),
        upperHex(jsonBoth),
        // PHP and some gateways escape slashes.
        json.replace(/\//g, '\\/'),
        uri,
        lower(uri),
        encodeURI(secret),
        form,
        lower(form),
        uriAll,
        lower(uriAll),
        base64,
        base64.replace(/=+$/, ''),
        base64Url
    ];
}
/** Registers a secret: from now on `redact` masks it in every form. */
function addSecret(secret) {
    const value = secret?.trim();
    if (!value || value.length < MIN_SECRET_LENGTH || secrets.has(value))
        return;
    secrets.add(value);
    const all = new Set(forms);
    for (const form of encodedForms(value))
        if (form.length >= MIN_SECRET_LENGTH)
            all.add(form);
    forms = [...all].sort((a, b) => b.length - a.length);
}
/** The secrets registered so far (raw), e.g. for the content check of files to upload. */
function heldSecrets() {
    return [...secrets];
}
/**
 * `text` with every registered secret (and `extra` ones) masked in every form, and anything
 * shaped like a Hub token masked too (defence in depth: a token we were never told about).
 */
function redact(text, ...extra) {
    for (const secret of extra)
        addSecret(secret);
    let out = text;
    for (const form of forms)
        if (out.includes(form))
            out = out.split(form).join(MASK);
    return out.replace(HUB_TOKEN_SHAPE, 'hf_***');
}
/** Only for tests: forget every secret. */
function forgetSecrets() {
    secrets.clear();
    forms = [];
}


/***/ }),

/***/ 76092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ TOOL_NAME),
/* harmony export */   w: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
// Written into scores.json so a later run knows which action produced it (kept equal to
// package.json's version by a test).
const TOOL_NAME = 'checkpoint-eval-action';
const TOOL_VERSION = '0.1.0';


/***/ })

};
