export const id = 952;
export const ids = [952];
export const modules = {

/***/ 80215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FB: () => (/* binding */ splitTableRow),
/* harmony export */   U5: () => (/* binding */ splitCardLines),
/* harmony export */   VK: () => (/* binding */ tableHeaderFor),
/* harmony export */   Vb: () => (/* binding */ isInCodeSpan),
/* harmony export */   fH: () => (/* binding */ findCardLinks),
/* harmony export */   vQ: () => (/* binding */ splitFrontMatter)
/* harmony export */ });
/* unused harmony export isDelimiterRow */
// Just enough markdown structure for the model card: lines with their exact endings, fenced code
// blocks, table rows and cells, and the local files a card links. A full markdown parser would
// re-render the card; we must not, because every byte outside a placeholder stays as written.
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** Splits text into lines, keeping each line's own ending so that joining them gives the text back. */
function splitCardLines(text) {
    const lines = [];
    const ending = /\r\n|\n|\r/g;
    let start = 0;
    let fence = null;
    const push = (end, eol) => {
        const lineText = text.slice(start, end);
        let inCode = fence !== null;
        if (fence) {
            const close = FENCE_CLOSE.exec(lineText);
            if (close && close[1][0] === fence.char && close[1].length >= fence.length)
                fence = null;
        }
        else {
            const open = FENCE_OPEN.exec(lineText);
            // A backtick fence's info string may not contain backticks (CommonMark); such a line is inline code.
            if (open && !(open[1][0] === '`' && lineText.slice(open[0].length).includes('`'))) {
                fence = { char: open[1][0], length: open[1].length };
                inCode = true;
            }
        }
        lines.push({ number: lines.length + 1, start, text: lineText, eol, inCode });
        start = end + eol.length;
    };
    for (let m = ending.exec(text); m; m = ending.exec(text))
        push(m.index, m[0]);
    if (start < text.length || lines.length === 0)
        push(text.length, '');
    return lines;
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
    const lines = splitCardLines(card);
    const close = lines.find((l, i) => i > 0 && FRONT_MATTER_CLOSE.test(l.text));
    if (!close)
        return null;
    const yamlStart = lines[1].start;
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
 * The header row of the table that `index` (0-based, into lines) belongs to: walks up through
 * the contiguous pipe rows to the delimiter row. Undefined when the row is not under a header.
 */
function tableHeaderFor(lines, index) {
    for (let j = index - 1; j >= 0; j--) {
        const line = lines[j];
        if (line.inCode || !line.text.includes('|'))
            return undefined;
        if (isDelimiterRow(line.text)) {
            const header = lines[j - 1];
            return header && !header.inCode && header.text.includes('|') ? header : undefined;
        }
    }
    return undefined;
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
/** Whether the character at `offset` of a line is inside an inline code span (`like this`). */
function isInCodeSpan(line, offset) {
    for (const m of line.matchAll(CODE_SPAN)) {
        if (offset >= m.index && offset < m.index + m[0].length)
            return true;
    }
    return false;
}
function unwrapAngle(target) {
    return target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target;
}
/** Every link and image target in the card, outside code blocks and code spans. */
function findCardLinks(text) {
    const lines = splitCardLines(text);
    // Mask code with spaces, keeping offsets, then search the whole text so that an HTML tag
    // spread over several lines (`<img\n  src="a.png">`) is still found.
    const masked = lines.map((l) => (l.inCode ? ' '.repeat(l.text.length) : blankCodeSpans(l.text)) + l.eol).join('');
    const lineAt = (offset) => {
        let lo = 0;
        let hi = lines.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (lines[mid].start <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lines[lo].number;
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
        description: 'evaluator=command: how many checkpoints are evaluated at once. Default: the number of CPUs.'
    },
    'eval-timeout': {
        kind: 'duration',
        default: '60m',
        description: 'evaluator=command: time limit per checkpoint, e.g. 90s, 30m, 2h (a bare number is seconds).'
    },
    'results-files': {
        kind: 'list',
        description: 'evaluator=results: files to read in each checkpoint folder instead of the default list (globs; {name} and {step} are filled in). Default: **/results_*.json, eval_results.json, all_results.json, trainer_state.json.'
    },
    metric: {
        kind: 'text',
        default: 'eval_accuracy',
        description: 'The metric that ranks checkpoints (the eval_ prefix is optional).'
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

/***/ 5374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o4: () => (/* binding */ parseConfig)
});

// UNUSED EXPORTS: AGGREGATE_FROM_ARTIFACTS, parseShard

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
            const n = Number(value);
            if (!Number.isFinite(n))
                throw new errors/* InputError */.d(name, `'${value}' is not a number; write e.g. ${example}.`);
            return n;
        }),
        count: (name) => ifSet(name, (value) => {
            const n = Number(value);
            if (!Number.isSafeInteger(n) || n < 1)
                throw new errors/* InputError */.d(name, `'${value}' must be a whole number of at least 1.`);
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
        timeoutMs: inputs.duration('eval-timeout')
    };
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
/** http(s) only, without a trailing slash (the client appends paths): the one place it is stripped. */
function parseHubUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* InputError */.d('hub-url', `'${value}' is not a URL; write e.g. https://huggingface.co.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* InputError */.d('hub-url', `'${value}' must be an http(s) URL, e.g. https://huggingface.co.`);
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
        assets: inputs.list('assets'),
        exclude: inputs.list('exclude'),
        dryRun: inputs.yesNo('dry-run'),
        hubTag: inputs.yesNo('hub-tag')
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
    return {
        workspace,
        checkpointDir: external_node_path_default().resolve(workspace, checkpointDirGiven),
        outputDir: inputs.path('output-dir') ?? external_node_path_default().resolve(workspace, defaults.outputDir),
        evaluation: parseEvaluation(inputs, defaults),
        ranking: {
            metric: inputs.withDefault('metric'),
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

/***/ 98478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $O: () => (/* binding */ higherIsBetterFromName),
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
// Losses, perplexities, error rates and regression errors: lower wins. The name must end in one
// of these as a word (`eval_loss`, `word_perplexity`), not merely in the letters (`tracer`).
const LOWER_IS_BETTER = /(?:^|[^a-z])(?:loss|perplexity|ppl|bits_per_byte|error|wer|cer|mse|rmse|mae)$/i;
/** False for names that are lower-is-better by convention; undefined when the name doesn't say. */
function higherIsBetterFromName(name) {
    return LOWER_IS_BETTER.test(name) ? false : undefined;
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
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351), __webpack_require__.e(659), __webpack_require__.e(645)]).then(__webpack_require__.bind(__webpack_require__, 9645));
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

/***/ 59847:
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

// EXTERNAL MODULE: ./src/domain/metric.ts
var domain_metric = __webpack_require__(98478);
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
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351), __webpack_require__.e(659), __webpack_require__.e(645)]).then(__webpack_require__.bind(__webpack_require__, 9645));
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
            durationMs: record.durationMs
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
        weights: reference.doc.weights
    };
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

;// CONCATENATED MODULE: ./src/report/markdown.ts
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

;// CONCATENATED MODULE: ./src/report/comparison.ts
// The comparison table shown in the PR comment and the job summary: rows from domain/compare.ts
// rendered as markdown.


/**
 * `| Benchmark | Baseline | This run | Change |`. The arrow shows which way the number moved
 * (▲ up, ▼ down); ✅ / ❌ say whether that is good, so a falling loss reads `▼ -0.030 ✅`.
 */
function renderComparisonMarkdown(rows, options = {}) {
    const lines = ['| Benchmark | Baseline | This run | Change |', '| --- | ---: | ---: | :--- |'];
    for (const row of rows) {
        const label = row.id === domain_metric/* EVAL_ACCURACY */.py ? `**${cell(row.label)}**` : cell(row.label);
        lines.push(`| ${label} | ${formatCell(row.baseline)} | ${formatCell(row.current)} | ${formatChange(row)} |`);
    }
    if (options.baselineSource)
        lines.push('', `Baseline: ${cell(options.baselineSource)}`);
    return lines.join('\n');
}
/** The Change cell on its own, e.g. `▲ +0.012 ✅`. */
function formatChange(row) {
    switch (row.change) {
        case 'n/a':
            return '—';
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
/** `+0.012` / `-0.005`: three decimals, always signed. */
function formatSigned(delta) {
    const text = (0,domain_metric/* formatMetricValue */.dd)(Math.abs(delta));
    return `${delta < 0 ? '-' : '+'}${text}`;
}
function formatCell(value) {
    return value === null ? '—' : (0,domain_metric/* formatMetricValue */.dd)(value);
}

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
            const template = card.templatePath ? `, \`${cell(external_node_path_default().basename(card.templatePath))}\`` : '';
            return `### Hub (dry run: nothing was sent)\n\nWould publish to \`${publish.repoId}\` (model card: ${card.source}${template}):\n\n${formatUploadList(publish.plan)}`;
        }
        case 'published': {
            const r = publish.result;
            const where = r.prUrl ? `pull request ${r.prUrl}` : `commit [\`${r.commitSha.slice(0, 10)}\`](${r.commitUrl})`;
            return `### 🤗 Published to [${r.repoId}](${r.repoUrl})\n\n${where}, verified after upload.\n\n${formatUploadList(publish.plan)}`;
        }
    }
}

// EXTERNAL MODULE: ./src/domain/round.ts
var round = __webpack_require__(7976);
;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: the winner, a chart of the metric against step, the score table and the
// checkpoints that were skipped or failed. GitHub drops a step's whole summary above 1 MiB, so
// the table folds and finally cuts rows to stay under a byte budget, pointing to scores.csv.




/** GitHub's cap is 1 MiB per step; leave room for the other sections (gate, publish). */
const EVALUATION_SUMMARY_BUDGET = 700 * 1024;
/** Checkpoints shown with every benchmark before the rest fold away. */
const FULL_ROWS = 20;
/** Points in the chart; more are sampled evenly (the winner always kept). */
const CHART_POINTS = 60;
const metricLabel = (doc) => doc.metric.name;
function formatValue(doc, c) {
    if ((0,domain_metric/* isEvalAccuracy */.GB)(doc.metric.name))
        return (0,round/* formatScore */.y)(c.evalAccuracy);
    return c.value === null
        ? ''
        : Number.isInteger(c.value * 1000)
            ? (0,round/* formatScore */.y)(c.value)
            : String(Number(c.value.toPrecision(6)));
}
function headline(doc) {
    const evaluated = doc.checkpoints.length;
    const failed = doc.checkpoints.filter((c) => c.status === 'failed').length;
    const counts = [
        `${evaluated} evaluated`,
        failed ? `${failed} failed` : '',
        doc.skipped.length ? `${doc.skipped.length} skipped` : ''
    ]
        .filter(Boolean)
        .join(' · ');
    const evaluator = doc.evaluator.kind === 'builtin'
        ? `built-in suite, ${doc.benchmarks.length} benchmarks`
        : `${doc.evaluator.kind} evaluator`;
    const w = doc.winner;
    if (!w)
        return `**No checkpoint could be ranked** by ${metricLabel(doc)} (${counts}; ${evaluator}).`;
    const metric = (0,domain_metric/* isEvalAccuracy */.GB)(doc.metric.name)
        ? `eval_accuracy **${(0,round/* formatScore */.y)(w.evalAccuracy)}**`
        : `${metricLabel(doc)} **${formatValue(doc, w)}**${w.evalAccuracy === null ? '' : ` · eval_accuracy ${(0,round/* formatScore */.y)(w.evalAccuracy)}`}`;
    return `🏆 **Best checkpoint: \`${w.name}\`** (step ${w.step}) — ${metric}\n\n${counts} · ${evaluator} · ${doc.metric.greaterIsBetter ? 'higher' : 'lower'} is better`;
}
/** A mermaid xychart of the metric against step (GitHub renders mermaid in summaries). */
function renderChart(doc) {
    const points = doc.checkpoints
        .filter((c) => c.value !== null)
        .sort((a, b) => a.step - b.step || (a.name < b.name ? -1 : 1));
    if (points.length < 2)
        return '';
    let shown = points;
    if (points.length > CHART_POINTS) {
        const stride = (points.length - 1) / (CHART_POINTS - 1);
        const picked = new Set(Array.from({ length: CHART_POINTS }, (_, i) => Math.round(i * stride)));
        shown = points.filter((c, i) => picked.has(i) || c.rank === 1);
    }
    const values = shown.map((c) => c.value);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const pad = Math.max((hi - lo) * 0.1, 0.01);
    const round2 = (v, dir) => (dir === 'down' ? Math.floor(v * 100) : Math.ceil(v * 100)) / 100;
    const label = metricLabel(doc).replace(/"/g, "'");
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${label} by step${shown.length < points.length ? ` (${shown.length} of ${points.length} checkpoints)` : ''}"`,
        `  x-axis "step" [${shown.map((c) => `"${c.step}"`).join(', ')}]`,
        `  y-axis "${label}" ${round2(lo - pad, 'down')} --> ${round2(hi + pad, 'up')}`,
        `  line [${values.map((v) => Number(v.toPrecision(6))).join(', ')}]`,
        '```'
    ].join('\n');
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
    return c.rank === 1 ? `🏆 \`${cell(c.name)}\`` : `\`${cell(c.name)}\``;
}
/** Checkpoints compared side by side in the grouped benchmark table (more would not fit a page). */
const SIDE_BY_SIDE = 5;
const scoreCell = (v) => (v === null || v === undefined ? '–' : (0,round/* formatScore */.y)(v));
const paramsCell = (c) => c.parameters === undefined ? '–' : `${formatCount(c.parameters)}${c.dtype ? ` ${c.dtype}` : ''}`;
/** The first columns of every per-checkpoint row: rank, name, step, size, parameters. */
function identityCells(c) {
    return [
        c.rank === null ? '–' : String(c.rank),
        checkpointLabel(c),
        String(c.step),
        (0,bytes/* formatBytes */.z)(c.sizeBytes),
        paramsCell(c)
    ];
}
/** The columns that say which checkpoint a row is, leading every table. */
const CHECKPOINT_COLUMNS = ['#', 'Checkpoint', 'Step', 'Size', 'Params'];
/** The ranking: one narrow row per checkpoint, best first; failed ones say why. */
function rankingTable(doc, rows) {
    const extra = (0,domain_metric/* isEvalAccuracy */.GB)(doc.metric.name) ? [] : [cell(doc.metric.name)];
    const anyFailed = rows.some((c) => c.status === 'failed');
    const header = [...CHECKPOINT_COLUMNS, ...extra, domain_metric/* EVAL_ACCURACY */.py, ...(anyFailed ? ['Status'] : [])];
    const body = rows.map((c) => [
        ...identityCells(c),
        ...(extra.length ? [formatValue(doc, c) || '–'] : []),
        c.rank === 1 ? `**${(0,round/* formatScore */.y)(c.evalAccuracy)}**` : (0,round/* formatScore */.y)(c.evalAccuracy) || '–',
        ...(anyFailed
            ? [c.status === 'failed' ? `❌ ${cell((c.error ?? 'failed').split('\n')[0].slice(0, 120))}` : 'ok']
            : [])
    ]);
    return table(header, body, ['r', 'l', 'r', 'r', 'r', ...extra.map(() => 'r'), 'r', 'l']);
}
/**
 * The benchmarks down the side, grouped as the suite groups them, and the best checkpoints
 * across: a reviewer reads one benchmark's row to compare them.
 */
function benchmarkTable(doc) {
    const shown = doc.checkpoints.filter((c) => c.rank !== null).slice(0, SIDE_BY_SIDE);
    if (shown.length === 0 || doc.benchmarks.length === 0)
        return '';
    const grouped = new Set(doc.benchmarks.map((b) => b.group)).size > 1;
    const lead = (label, group = '') => (grouped ? [group, label] : [label]);
    const rows = [
        [
            ...lead('**eval_accuracy**'),
            ...shown.map((c) => (c.rank === 1 ? `**${(0,round/* formatScore */.y)(c.evalAccuracy)}**` : (0,round/* formatScore */.y)(c.evalAccuracy) || '–'))
        ],
        ...doc.benchmarks.map((b, i) => [
            ...lead(cell(b.name), i === 0 || doc.benchmarks[i - 1].group !== b.group ? `**${cell(b.group)}**` : ''),
            ...shown.map((c) => scoreCell(c.scores[b.id]))
        ])
    ];
    const header = [...(grouped ? ['Group'] : []), 'Benchmark', ...shown.map((c) => checkpointLabel(c))];
    const title = shown.length > 1 ? `### Benchmarks of the best ${shown.length}` : '### Benchmarks';
    return `${title}\n\n${table(header, rows, [...(grouped ? ['l'] : []), 'l', ...shown.map(() => 'r')])}`;
}
/** Every benchmark per checkpoint, best first (wide: folded, for the record). */
function fullTable(doc, rows) {
    if (doc.benchmarks.length === 0)
        return '';
    const header = [...CHECKPOINT_COLUMNS, domain_metric/* EVAL_ACCURACY */.py, ...doc.benchmarks.map((b) => cell(b.name))];
    const body = rows.map((c) => [
        ...identityCells(c),
        c.rank === 1 ? `**${(0,round/* formatScore */.y)(c.evalAccuracy)}**` : (0,round/* formatScore */.y)(c.evalAccuracy) || '–',
        ...doc.benchmarks.map((b) => scoreCell(c.scores[b.id]))
    ]);
    const what = rows.length < doc.checkpoints.length
        ? `Every benchmark of the best ${rows.length}`
        : 'Every benchmark of every checkpoint';
    return details(what, table(header, body, ['r', 'l', 'r', 'r', 'r', 'r', ...doc.benchmarks.map(() => 'r')]));
}
/** One short row per checkpoint, for the folded rest; cut at the byte budget. */
function compactRows(doc, rows, budget) {
    const header = table(['#', 'Checkpoint', 'Step', metricLabel(doc)], [], ['r', 'l', 'r', 'r']);
    const lines = [header];
    let size = byteLength(header);
    let i = 0;
    for (; i < rows.length; i++) {
        const c = rows[i];
        const line = `| ${c.rank ?? '–'} | ${checkpointLabel(c)} | ${c.step} | ${formatValue(doc, c) || '–'} |`;
        size += byteLength(line) + 1;
        if (size > budget)
            break;
        lines.push(line);
    }
    return { text: lines.join('\n'), cut: rows.length - i };
}
function problemsSection(doc) {
    const parts = [];
    const failed = doc.checkpoints.filter((c) => c.status === 'failed');
    if (failed.length) {
        const rows = failed.slice(0, 200).map((c) => [`\`${cell(c.name)}\``, cell((c.error ?? '').slice(0, 300))]);
        parts.push(`### ❌ Failed (${failed.length})\n\n` +
            table(['Checkpoint', 'Why'], rows) +
            (failed.length > 200 ? `\n\n…and ${failed.length - 200} more in scores.json.` : ''));
    }
    if (doc.skipped.length) {
        const rows = doc.skipped.slice(0, 200).map((s) => [`\`${cell(s.name)}\``, cell(s.reason)]);
        parts.push(`### ⚠️ Skipped (${doc.skipped.length})\n\n` +
            table(['Folder', 'Why'], rows) +
            (doc.skipped.length > 200 ? `\n\n…and ${doc.skipped.length - 200} more in scores.json.` : ''));
    }
    return parts.join('\n\n');
}
function renderEvaluationSummary(options) {
    const { scores: doc, budget = EVALUATION_SUMMARY_BUDGET, scoresFile, title = 'Checkpoint evaluation', note } = options;
    const ranked = doc.checkpoints;
    const top = ranked.slice(0, FULL_ROWS);
    const rest = ranked.slice(FULL_ROWS);
    const head = [
        note ? `> ${note}\n\n## ${title}` : `## ${title}`,
        headline(doc),
        renderChart(doc),
        `### Ranking${rest.length ? ` (best ${top.length} of ${ranked.length})` : ''}`,
        rankingTable(doc, top)
    ];
    const tail = [
        benchmarkTable(doc),
        fullTable(doc, top),
        problemsSection(doc),
        scoresFile ? `Full results: \`${scoresFile}\` and scores.csv beside it.` : ''
    ];
    let text = head.filter(Boolean).join('\n\n');
    const tailText = tail.filter(Boolean).join('\n\n');
    if (rest.length) {
        const room = budget - byteLength(text) - byteLength(tailText) - 400;
        const { text: rows, cut } = compactRows(doc, rest, Math.max(room, 0));
        const note = cut
            ? `\n\n${cut} more checkpoints are not shown here (the summary must stay under GitHub's 1 MiB); they are in scores.csv.`
            : '';
        text += '\n\n' + details(`The other ${rest.length} checkpoints`, rows + note);
    }
    return `${text}\n\n${tailText}\n`;
}

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
    let namespace = repo.namespace;
    if (!namespace && token) {
        const { whoami } = await Promise.all(/* import() */[__webpack_require__.e(9), __webpack_require__.e(337)]).then(__webpack_require__.bind(__webpack_require__, 51337));
        namespace = (await whoami({ hubUrl, accessToken: token, fetch: options.fetch })).name;
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
        fetch: options.fetch
    });
}

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
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
 * The comment body: verdict, winner, changes since the baseline, the gate's checks, and the full
 * table folded away. Always fits `maxLength`: the full table, then the comparison, lose rows first,
 * with a note pointing at the run summary.
 */
function renderPullRequestComment(options) {
    const marker = options.marker ?? COMMENT_MARKER;
    const budget = Math.min(options.maxLength ?? COMMENT_BUDGET, MAX_COMMENT_LENGTH);
    const summaryLink = options.runUrl ? `[the run summary](${options.runUrl})` : 'the run summary';
    const head = [marker, `### ${gateHeadline(options.gate)}`, '', winnerLine(options), ''].join('\n');
    const gate = ['', comment_body_gateSection(options.gate), ''].join('\n');
    const footer = options.runUrl ? `\n[Full report in the run summary](${options.runUrl})\n` : '';
    const omitted = `\n_The table of all checkpoints is too long for a comment: see ${summaryLink}._\n`;
    // Keep room for at least the pointer to the full table, so a huge comparison can't hide it.
    let remaining = budget - head.length - gate.length - footer.length;
    const reserved = options.fullTableMarkdown ? omitted.length : 0;
    let comparison = '';
    if (options.comparisonMarkdown) {
        const title = '**Compared with the baseline**\n\n';
        const room = Math.max(0, remaining - reserved - title.length - 1);
        comparison = `${title}${fitLines(options.comparisonMarkdown, room, summaryLink)}\n`;
    }
    else if (options.baselineNote) {
        comparison = `${options.baselineNote}\n`;
    }
    remaining -= comparison.length;
    let details = '';
    if (options.fullTableMarkdown) {
        const open = '\n<details><summary>All checkpoints</summary>\n\n';
        const close = '\n\n</details>\n';
        const room = remaining - open.length - close.length;
        details =
            room >= 400
                ? `${open}${fitLines(options.fullTableMarkdown, room, summaryLink)}${close}`
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
function winnerLine(options) {
    const { winner, metric } = options;
    if (winner === null)
        return `**No winner:** no checkpoint could be ranked by ${metric.name}.`;
    const step = winner.step !== undefined ? ` (step ${winner.step})` : '';
    const numbers = [
        `${domain_metric/* EVAL_ACCURACY */.py} **${winner.evalAccuracy === null ? '—' : (0,domain_metric/* formatMetricValue */.dd)(winner.evalAccuracy)}**`
    ];
    if (!(0,domain_metric/* isEvalAccuracy */.GB)(metric.name)) {
        numbers.push(`${metric.name} **${winner.value === null ? '—' : (0,domain_metric/* formatMetricValue */.dd)(winner.value)}**`);
    }
    return `**Winner:** \`${winner.name.replace(/`/g, "'")}\`${step}: ${numbers.join(', ')}`;
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
        log.info('Scores artifact: not uploaded outside GitHub Actions (the files are in the output folder).');
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
        runUrl: (0,context/* runUrl */.Vp)(github),
        fullTableMarkdown: renderEvaluationSummary({ scores: options.scores, budget: 40_000 })
    });
    const outcome = await upsertPullRequestComment({
        token: report.githubToken ?? '',
        owner: pr.owner,
        repo: pr.repo,
        issueNumber: pr.number,
        body,
        log,
        apiUrl: github.apiUrl
    });
    if (outcome.action === 'skipped' && report.comment === 'always') {
        throw new Error(`comment is 'always' but the pull request comment could not be written: ${outcome.reason}`);
    }
    return outcome;
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



/** Token and credential files: never uploaded, whatever the globs say. Matched per path segment. */
const SECRET_FILE_PATTERNS = [
    'hf_token',
    'hf_token.*',
    '*_token',
    '*_token.txt',
    'token',
    '*.token',
    '.env',
    '.env.*',
    '*.pem',
    '*.key',
    '*.p12',
    '*.pfx',
    'id_rsa*',
    'id_dsa*',
    'id_ecdsa*',
    'id_ed25519*',
    '.netrc',
    '_netrc',
    '.git-credentials',
    '.npmrc',
    '.pypirc'
];
/** Folders whose whole content is secret (a repo's config can hold a token in a remote URL). */
const SECRET_DIR_NAMES = ['.git', '.huggingface', '.ssh', '.aws', '.gnupg', '.docker'];
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
    if (secretFileMatcher(name))
        return `secret: \`${name}\` looks like a token or credential file; these are never uploaded`;
    return undefined;
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
    return (pathInRepo) => {
        const secret = secretReason(pathInRepo);
        if (secret)
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

// EXTERNAL MODULE: ./src/domain/labels.ts
var domain_labels = __webpack_require__(85745);
// EXTERNAL MODULE: ./src/card/grammar.ts
var grammar = __webpack_require__(80215);
;// CONCATENATED MODULE: ./src/card/fill.ts
// Placeholders filled in the user's card template. The rule users asked for is that only the
// placeholders change and every other byte stays as they wrote it (docs: /work/shared/spec/model-card.md),
// so the card is never parsed and re-rendered: values are spliced into the original text, line
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
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
/**
 * A brace group that is someone else's syntax, not ours: `{{step}}` (Jinja, f-string escapes) and
 * LaTeX arguments like `\frac{step}{2}` or `\{step\}`.
 */
function isForeignBraces(text, start, end) {
    if (text[start - 1] === '{' && text[end] === '}')
        return true;
    return /\\[A-Za-z]*$/.test(text.slice(Math.max(0, start - 40), start));
}
function placeholdersIn(line) {
    const found = [];
    for (const m of line.matchAll(PLACEHOLDER)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!isForeignBraces(line, start, end))
            found.push({ name: m[1], start, end });
    }
    return found;
}
/** True when the template has at least one placeholder this card data would fill. */
function hasPlaceholders(options) {
    const names = new Set([
        'RESULT',
        domain_metric/* EVAL_ACCURACY */.py,
        'step',
        'checkpoint',
        ...options.benchmarks.map((b) => b.id),
        ...(options.extraNames ?? [])
    ]);
    return (0,grammar/* splitCardLines */.U5)(options.template).some((l) => placeholdersIn(l.text).some((p) => names.has(p.name)));
}
function describe(benchmarks, id) {
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
    return (close.length > 0 ? close : all).map((b) => describe(benchmarks, b.id));
}
function clip(text, max = 80) {
    const t = text.trim();
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
/** Which benchmark a `{RESULT}` cell stands for, from the row's label cells (or its column's header). */
function resolveResultCell(options) {
    const { lines, index, offset, labels, benchmarks } = options;
    const row = lines[index].text;
    if (!row.includes('|')) {
        return {
            problem: `{RESULT} is not in a table row, so no row names its benchmark. ` +
                `Put it in a row like "| Math Reasoning | {RESULT} |", or write the benchmark's id instead, e.g. "{math_reasoning}" or "{${domain_metric/* EVAL_ACCURACY */.py}}".`
        };
    }
    const cells = (0,grammar/* splitTableRow */.FB)(row);
    const column = cells.findIndex((c) => offset >= c.start && offset < c.end);
    const labelCells = cells.filter((c) => !c.text.includes('{RESULT}') && (0,domain_labels/* normalizeLabel */.y)(c.text) !== '');
    const named = [...new Set(labelCells.map((c) => labels.get((0,domain_labels/* normalizeLabel */.y)(c.text))).filter((x) => !!x))];
    const header = (0,grammar/* tableHeaderFor */.VK)(lines, index);
    const headerCell = header ? (0,grammar/* splitTableRow */.FB)(header.text)[column] : undefined;
    const headerNames = headerCell ? labels.get((0,domain_labels/* normalizeLabel */.y)(headerCell.text)) : undefined;
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
        problem: `{RESULT} in row ${rowText} could be any of ${all.map((id) => describe(benchmarks, id)).join(', ')}: ` +
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
    const lines = (0,grammar/* splitCardLines */.U5)(options.template);
    const problems = [];
    const filled = [];
    const scoreOf = (id, line, placeholder) => {
        const value = id === domain_metric/* EVAL_ACCURACY */.py ? options.evalAccuracy : scores[id];
        if (typeof value === 'number' && Number.isFinite(value))
            return (0,round/* formatScore */.y)(value);
        problems.push({
            file,
            line,
            message: `${placeholder} stands for ${describe(benchmarks, id)}, which has no score for checkpoint ` +
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
    const out = [];
    lines.forEach((line, index) => {
        let text = '';
        let last = 0;
        for (const p of placeholdersIn(line.text)) {
            const placeholder = line.text.slice(p.start, p.end);
            let value;
            let benchmark;
            if (p.name === 'RESULT') {
                // Code is literal: a table in a code block is not a table, and `{RESULT}` in prose (outside
                // a table row) is the card talking about the placeholder ("fills the `{RESULT}` cells").
                if (line.inCode || (!line.text.includes('|') && (0,grammar/* isInCodeSpan */.Vb)(line.text, p.start)))
                    continue;
                const r = resolveResultCell({ lines, index, offset: p.start, labels, benchmarks });
                if ('problem' in r) {
                    problems.push({ file, line: line.number, message: r.problem });
                    continue;
                }
                benchmark = r.benchmark;
                value = scoreOf(r.benchmark, line.number, placeholder);
            }
            else {
                const hit = named(p.name, line.number, placeholder);
                if (!hit)
                    continue;
                value = hit.value;
                benchmark = hit.benchmark;
            }
            if (value === undefined)
                continue;
            text += line.text.slice(last, p.start) + value;
            last = p.end;
            filled.push({ line: line.number, placeholder, ...(benchmark ? { benchmark } : {}), value });
        }
        out.push(text + line.text.slice(last) + line.eol);
    });
    if (problems.length > 0)
        throw new ModelCardError(problems);
    return { card: out.join(''), filled };
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

;// CONCATENATED MODULE: ./src/card/model-index.ts
// The opt-in `model-index` metadata: the value the Hub validates, and adding it to a card's YAML
// front matter while keeping the user's other keys, comments and body byte for byte.





function slug(text) {
    return (text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'evaluation');
}
function titleCase(text) {
    return text.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}
/** The `model-index` value the Hub validates: one result, one metric per scored benchmark. */
function buildModelIndex(options) {
    const datasetName = options.datasetName ?? 'Checkpoint evaluation';
    const taskType = options.taskType ?? 'text-generation';
    const metrics = [];
    for (const b of options.benchmarks) {
        const score = options.scores[b.id];
        // The Hub rejects a metric without a numeric value, so unscored benchmarks are left out.
        if (typeof score === 'number' && Number.isFinite(score))
            metrics.push({ type: b.id, value: score, name: b.name });
    }
    if (options.evalAccuracy !== null && Number.isFinite(options.evalAccuracy)) {
        metrics.push({ type: domain_metric/* EVAL_ACCURACY */.py, value: options.evalAccuracy, name: domain_metric/* EVAL_ACCURACY_NAME */.Zg });
    }
    return [
        {
            name: options.modelName,
            results: [
                {
                    task: { type: taskType, name: titleCase(taskType) },
                    dataset: { type: slug(datasetName), name: datasetName },
                    metrics
                }
            ]
        }
    ];
}
/** Scores as `0.700` in YAML too, as everywhere else. */
function threeDecimals(node) {
    (0,dist/* visit */.YR)(node, {
        Pair(_, pair) {
            if ((0,dist/* isScalar */.jn)(pair.key) &&
                pair.key.value === 'value' &&
                (0,dist/* isScalar */.jn)(pair.value) &&
                typeof pair.value.value === 'number') {
                pair.value.minFractionDigits = 3;
            }
        }
    });
}
function frontMatterError(file, line, message) {
    return new ModelCardError([{ file, line, message }]);
}
/**
 * Adds (or replaces) `model-index` in the card's YAML front matter, creating the front matter when
 * the card has none. The user's other keys, comments and the body are kept byte for byte: when
 * there is no `model-index` yet the new key is appended as text after their keys; an existing one
 * is replaced through yaml's Document API, which keeps comments and key order.
 */
function addModelIndex(card, options) {
    const file = options.cardPath ?? 'model card';
    const value = buildModelIndex(options);
    const frontMatter = (0,grammar/* splitFrontMatter */.vQ)(card);
    // The card's own line ending (the opening `---` line's, when there is front matter).
    const eol = /\r\n|\n|\r/.exec(card)?.[0] ?? '\n';
    const block = () => {
        const doc = new dist/* Document */.yo({ 'model-index': value });
        threeDecimals(doc);
        return doc.toString({ lineWidth: 0 }).replace(/\n/g, eol);
    };
    if (!frontMatter) {
        const bom = card.startsWith('\uFEFF') ? '\uFEFF' : '';
        return `${bom}---${eol}${block()}---${eol}${card.slice(bom.length)}`;
    }
    const { yaml: yamlText, yamlStart, yamlEnd } = frontMatter;
    const doc = (0,dist/* parseDocument */.Tp)(yamlText, { keepSourceTokens: false });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const line = (e.linePos?.[0].line ?? 1) + 1; // +1: the opening `---`
        throw frontMatterError(file, line, `the YAML front matter does not parse (${e.message.split('\n')[0]}). Fix the YAML, or turn card-metadata off.`);
    }
    if (doc.contents !== null && !((0,dist/* isMap */.jh)(doc.contents) && !doc.contents.flow)) {
        throw frontMatterError(file, 2, 'the YAML front matter is not a block of "key: value" lines, so model-index can\'t be added to it. Rewrite it as keys, or turn card-metadata off.');
    }
    let newYaml;
    if (doc.has('model-index')) {
        doc.set('model-index', doc.createNode(value));
        threeDecimals(doc);
        newYaml = doc.toString({ lineWidth: 0 }).replace(/\r?\n/g, eol);
    }
    else {
        const needsEol = yamlText !== '' && !/[\r\n]$/.test(yamlText);
        newYaml = yamlText + (needsEol ? eol : '') + block();
    }
    return card.slice(0, yamlStart) + newYaml + card.slice(yamlEnd);
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
 * placeholders in the folder holding the checkpoint folders (checkpointDir) or, for the common
 * `workspace/checkpoints/step_*` layout, the folder above it when that is still in the workspace;
 * else none (generated).
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
        return { source: 'input', path: input };
    }
    const inCheckpoint = external_node_path_default().join(external_node_path_default().resolve(workspace, options.checkpointPath), 'README.md');
    if (await isFile(inCheckpoint))
        return { source: 'checkpoint', path: inCheckpoint };
    const holder = external_node_path_default().resolve(workspace, options.checkpointDir);
    const folders = [holder];
    const above = external_node_path_default().dirname(holder);
    if (above !== holder && (0,paths/* isInside */.FK)(workspace, above))
        folders.push(above);
    for (const folder of folders) {
        const readme = external_node_path_default().join(folder, 'README.md');
        if (!(await isFile(readme)))
            continue;
        const template = await readTemplate(readme, (0,paths/* shownPath */.pS)(workspace, readme));
        if (hasPlaceholders({ template, benchmarks: options.benchmarks, extraNames: options.extraNames })) {
            return { source: 'workspace', path: readme };
        }
    }
    return { source: 'generated' };
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
        const filled = collectCardProblems(problems, () => fillModelCard({ ...data, template, templatePath: templateLabel, extraValues }).card);
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
    if (options.cardMetadata === 'model-index') {
        const card = content;
        const withIndex = collectCardProblems(problems, () => addModelIndex(card, {
            modelName: options.repoId?.split('/').pop() || options.checkpointName,
            benchmarks: options.benchmarks,
            scores: options.scores,
            evalAccuracy: options.evalAccuracy,
            datasetName: options.datasetName,
            cardPath: templateLabel
        }));
        content = withIndex ?? content;
    }
    return { content, links };
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
        card: { source: chosen.source, ...(chosen.path ? { templatePath: chosen.path } : {}), content: card.content },
        excluded: [...excludedMap].map(([p, reason]) => ({ path: p, reason })).sort((a, b) => (a.path < b.path ? -1 : 1)),
        totalBytes: sorted.reduce((sum, f) => sum + f.size, 0)
    };
}

// EXTERNAL MODULE: ./src/util/progress.ts
var progress = __webpack_require__(65365);
;// CONCATENATED MODULE: ./src/publish/stage.ts






class PublishError extends Error {
}
/** Files below this size get no progress lines. */
const PROGRESS_MIN_BYTES = 1024 * 1024;
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
    if (config.mode === 'auto' && !config.dryRun && !(0,context/* releaseTag */.aF)(github)) {
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
async function credentials(options, repoId) {
    const { config, github, localToken } = options;
    if (config.token)
        return { token: config.token, source: 'hf-token' };
    if (localToken)
        return { token: localToken, source: 'local token' };
    if (github?.oidc) {
        if (!repoId) {
            throw new PublishError(`Trusted publishing needs the full repo id: set repo-id to 'namespace/${config.repo?.name}' (the token is scoped to that repo).`);
        }
        const { exchangeOidcToken } = await Promise.all(/* import() */[__webpack_require__.e(9), __webpack_require__.e(337)]).then(__webpack_require__.bind(__webpack_require__, 51337));
        const token = await exchangeOidcToken({
            hubUrl: config.hubUrl,
            repoId,
            idTokenRequestUrl: github.oidc.requestUrl,
            idTokenRequestToken: github.oidc.requestToken,
            fetch: options.fetch
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
        step: checkpoint.step,
        checkpointName: checkpoint.name,
        exclude: config.exclude,
        assets: config.assets,
        workspaceDir: options.workspaceDir,
        cardMetadata: config.cardMetadata,
        metricName: options.metric.name,
        repoId: fullRepoId ?? repo.name,
        runUrl: (0,context/* runUrl */.Vp)(options.github)
    });
    if (config.dryRun) {
        log.info(`Dry run: ${plan.files.length} files would be published to ${fullRepoId ?? `<token owner>/${repo.name}`}; nothing was sent.`);
        return { status: 'dry-run', plan, repoId: fullRepoId ?? `<token owner>/${repo.name}` };
    }
    const auth = await credentials(options, fullRepoId);
    if (!auth) {
        const why = 'no Hugging Face credentials: hf-token is empty and trusted publishing is not available (the job lacks `permissions: id-token: write`, or this is a pull request from a fork)';
        if (config.mode === 'always') {
            throw new PublishError(`publish is 'always' but there are ${why}. Pass hf-token: \${{ secrets.HF_TOKEN }}, or grant id-token: write for trusted publishing.`);
        }
        log.notice(`Not publishing: ${why}.`);
        return { status: 'skipped', reason: why };
    }
    log.info(`Publishing with ${auth.source}.`);
    // The Hub client is loaded only when something is sent: the one lazy entry, one bundle chunk.
    const { assertCanWrite, publishToHub, whoami } = await Promise.all(/* import() */[__webpack_require__.e(9), __webpack_require__.e(337)]).then(__webpack_require__.bind(__webpack_require__, 51337));
    const me = await whoami({ hubUrl: config.hubUrl, accessToken: auth.token, fetch: options.fetch });
    const repoId = (0,repo_id/* resolveRepoId */.E)(repo, me.name);
    assertCanWrite(me, { hubUrl: config.hubUrl, repoId });
    const tag = config.hubTag ? (0,context/* releaseTag */.aF)(options.github) : null;
    if (config.hubTag && !tag)
        log.notice('hub-tag is set but this run is not for a tag: the Hub commit is not tagged.');
    const link = (0,context/* runUrl */.Vp)(options.github);
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
        commitTitle: config.commitMessage || defaultCommitTitle(best, options.metric),
        commitDescription: `Selected by checkpoint-eval-action from ${(0,paths/* shownPath */.pS)(options.workspaceDir, checkpoint.path)}${link ? ` in ${link}` : ''}.`,
        files: plan.files.map((f) => ({ pathInRepo: f.pathInRepo, localPath: f.localPath, content: f.content })),
        hubTag: tag ?? undefined,
        log,
        fetch: options.fetch,
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
        fetch: options.fetch
    });
    const gate = evaluateGate({
        metric: ranking.metric,
        winnerValue: winner?.value ?? null,
        winnerScores: winner?.evaluation.scores ?? {},
        minScore: config.gate.minScore,
        baseline,
        baselineRequested: config.gate.baseline !== undefined,
        maxRegression: config.gate.maxRegression
    });
    const comparisonMarkdown = baseline && winner
        ? renderComparisonMarkdown(compareWithBaseline({
            benchmarks: evaluation.benchmarks,
            winner: { scores: winner.evaluation.scores, evalAccuracy: winner.evalAccuracy, value: winner.value },
            baseline,
            metric: ranking.metric
        }), { baselineSource: baseline.source })
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
            blockedBecause: gate.status === 'failed' ? 'the gate failed' : undefined,
            log,
            onSecret: options.onSecret ?? (() => { }),
            fetch: options.fetch
        });
    }
    catch (error) {
        failures.push(`Publishing failed: ${(0,errors/* errorMessage */.g)(error)}`);
        publish = { status: 'skipped', reason: `publishing failed: ${(0,errors/* errorMessage */.g)(error)}` };
    }
    const baselineState = baseline ? 'found' : baseline === null ? 'none-yet' : 'not-asked';
    const sections = [
        renderEvaluationSummary({ scores: outcome.scores, scoresFile: outcome.files.json }),
        comparisonSection(comparisonMarkdown, baselineState),
        gateSection(gate),
        publishSection(publish)
    ];
    const summary = sections.filter(Boolean).join('\n\n') + '\n';
    const summaryFile = external_node_path_default().join(config.outputDir, 'summary.md');
    await (0,promises_.writeFile)(summaryFile, summary);
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
            baselineMissing: baseline === null
        });
    }
    catch (error) {
        failures.push((0,errors/* errorMessage */.g)(error));
    }
    const failure = failures.length > 0 ? failures.join('\n') : undefined;
    return { ...outcome, baseline, gate, publish, failure, artifact, comment, summary };
}

// EXTERNAL MODULE: ./src/util/map-limit.ts
var map_limit = __webpack_require__(9992);
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
    await (0,map_limit/* mapLimit */.s)(checkpoints, concurrency, undefined, async (checkpoint) => {
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

;// CONCATENATED MODULE: ./src/domain/rank.ts
// rank(): evaluation results -> the checkpoints in order and the winner.

/** Ranking uses eval_accuracy unless the user names another metric. */
const DEFAULT_METRIC = domain_metric/* EVAL_ACCURACY */.py;
/** The value of `metric` for one result: a benchmark score or a reported metric, prefix-blind. */
function metricValue(result, metric, accuracy) {
    const bare = (0,domain_metric/* stripEvalPrefix */.b_)(metric);
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
/** Lower wins for losses, perplexities, error rates and benchmarks the evaluator marks so. */
function resolveMetric(run, options) {
    const name = options.metric?.trim() || DEFAULT_METRIC;
    if (options.greaterIsBetter !== undefined)
        return { name, greaterIsBetter: options.greaterIsBetter };
    const bare = (0,domain_metric/* stripEvalPrefix */.b_)(name);
    const benchmark = run.benchmarks.find((b) => b.id === name || b.id === bare || b.id === `eval_${bare}`);
    if (benchmark?.higherIsBetter !== undefined)
        return { name, greaterIsBetter: benchmark.higherIsBetter };
    return { name, greaterIsBetter: (0,domain_metric/* higherIsBetterFromName */.$O)(bare) ?? true };
}
/** eval_accuracy of one result: what the evaluator reported, else the (weighted) benchmark mean. */
function accuracyOf(run, result, weights) {
    if (result.status !== 'ok')
        return null;
    const reported = result.metrics[DEFAULT_METRIC];
    if (typeof reported === 'number')
        return reported;
    return (0,domain_metric/* evalAccuracy */.ix)(run.benchmarks, result.scores, weights);
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
        return { checkpoint, status: 'ok', scores, metrics: { ...parsed.metrics }, durationMs };
    });
    return { evaluator, benchmarks, results };
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
        async evaluate(checkpoints, { log, onProgress }) {
            const progress = countProgress(checkpoints.length, onProgress);
            const results = checkpoints.map((checkpoint) => {
                const started = performance.now();
                const scores = builtinScores(checkpoint.step, selected);
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
function benchmarkOf(id, name, group, higherIsBetter) {
    return { id, name, group, ...(higherIsBetter === undefined ? {} : { higherIsBetter }) };
}
class Collector {
    format;
    source;
    benchmarks = [];
    scores = {};
    metrics = {};
    notes = [];
    constructor(format, source) {
        this.format = format;
        this.source = source;
    }
    /** `where` names the score in the document, for the error when it is NaN or infinite. */
    addBenchmark(benchmark, score, where) {
        if (!Number.isFinite(score)) {
            throw new MetricsFormatError(`${this.source}: ${where} is ${score}, not a usable score: the evaluation produced no result for ` +
                `'${benchmark.id}' (check the tool's log for errors or empty data)`);
        }
        if (benchmark.id in this.scores) {
            this.notes.push(`'${benchmark.id}' appears twice; kept the first score`);
            return;
        }
        this.benchmarks.push(benchmark);
        this.scores[benchmark.id] = score;
    }
    addMetric(name, value) {
        if (!Number.isFinite(value)) {
            this.notes.push(`metric '${name}' is ${value}; left out`);
            return;
        }
        if (!(name in this.metrics))
            this.metrics[name] = value;
    }
    finish() {
        if (this.benchmarks.length === 0 && Object.keys(this.metrics).length === 0) {
            throw new MetricsFormatError(`${this.source}: found no numeric scores (${ACCEPTED})`);
        }
        const { format, source, benchmarks, scores, metrics, notes } = this;
        return { format, source, benchmarks, scores, metrics, notes };
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
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** `an array`, `null`, `a string`: what a value is, for messages. */
function json_describe(value) {
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
        return isRecord(parseJsonText(text, ''));
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
const BOOKKEEPING = new RegExp('^(?:loss|epoch|step|global_step|runtime|samples|num_samples|total_flos|flos|learning_rate|lr|grad_norm|' +
    'num_input_tokens_seen|samples_per_second|steps_per_second|tokens_per_second|train_.+|' +
    '.+_(?:loss|runtime|samples_per_second|steps_per_second|tokens_per_second|stderr|flos|samples|time|seconds))$', 'i');
/** Where a flat map's key goes: see the rules in index.ts. */
function classifyFlatKey(key, siblings = new Set()) {
    if ((0,domain_metric/* isEvalAccuracy */.GB)(key))
        return { kind: 'metric' };
    const stripped = key.startsWith('eval_') && key.length > 5 && !siblings.has(key.slice(5)) ? key.slice(5) : key;
    if (BOOKKEEPING.test(stripped) || BOOKKEEPING.test(key))
        return { kind: 'metric' };
    return { kind: 'benchmark', id: stripped };
}
function parseFlat(map, out) {
    const keys = new Set(Object.keys(map));
    for (const [key, raw] of Object.entries(map)) {
        const value = numberOf(raw);
        if (value === undefined) {
            out.notes.push(`'${key}' is ${json_describe(raw)}, not a number; ignored`);
            continue;
        }
        const kind = classifyFlatKey(key, keys);
        if (kind.kind === 'metric')
            out.addMetric(key, value);
        else
            out.addBenchmark(benchmarkOf(kind.id, displayName(kind.id), 'Metrics', (0,domain_metric/* higherIsBetterFromName */.$O)(kind.id)), value, `'${key}'`);
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
function task_metrics_metricLabel(entry) {
    return entry.filter && entry.filter !== 'none' ? `${entry.metric}, ${entry.filter}` : entry.metric;
}

;// CONCATENATED MODULE: ./src/evaluate/results/formats/lighteval.ts
// lighteval results (`results -> "suite|task|shots" -> {metric: value}`): one benchmark per task;
// see the rules in index.ts.




const AVERAGE = ':_average';
function parseLighteval(json, source) {
    const out = new Collector('lighteval', source);
    const results = json.results;
    const parsed = Object.entries(results)
        .filter((pair) => isRecord(pair[1]))
        .map(([key, entry]) => ({ key, entry, ...splitLightevalKey(key) }));
    // `mmlu:_average` stands for every `mmlu:*` subtask: those become detail.
    const averaged = new Set(parsed.filter((p) => p.task.endsWith(AVERAGE)).map((p) => p.task.slice(0, -AVERAGE.length)));
    const taskCounts = new Map();
    for (const p of parsed)
        taskCounts.set(p.task, (taskCounts.get(p.task) ?? 0) + 1);
    for (const p of parsed) {
        const metrics = metricEntries(p.entry);
        if (p.key === 'all') {
            for (const m of metrics)
                out.addMetric(`all/${m.key}`, m.value);
            continue;
        }
        const isAverage = p.task.endsWith(AVERAGE);
        const task = isAverage ? p.task.slice(0, -AVERAGE.length) : p.task;
        const id = (taskCounts.get(p.task) ?? 0) > 1 && p.shots !== null ? `${task}|${p.shots}` : task;
        if (!isAverage && task.includes(':') && averaged.has(task.split(':')[0])) {
            for (const m of metrics)
                out.addMetric(`${id}/${m.key}`, m.value);
            continue;
        }
        if (metrics.length === 0) {
            out.notes.push(`task '${p.key}' has no numeric metric; ignored`);
            continue;
        }
        const [primary, ...rest] = metrics;
        const shots = p.shots !== null ? `, ${p.shots}-shot` : '';
        const label = `${task}${isAverage ? ' average' : ''} (${task_metrics_metricLabel(primary)}${shots})`;
        out.addBenchmark(benchmarkOf(id, label, p.suite ?? 'lighteval', (0,domain_metric/* higherIsBetterFromName */.$O)(primary.metric)), primary.value, `task '${p.key}' metric '${primary.key}'`);
        for (const m of rest)
            out.addMetric(`${id}/${m.key}`, m.value);
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

;// CONCATENATED MODULE: ./src/evaluate/results/formats/lm-eval.ts
// lm-evaluation-harness results (`results -> task -> "acc,none"`): one benchmark per top-level
// task or scored group; see the rules in index.ts.




function parseLmEval(json, source) {
    const out = new Collector('lm-eval', source);
    const results = json.results;
    const groups = isRecord(json.groups) ? json.groups : {};
    const hierarchy = isRecord(json.group_subtasks) ? json.group_subtasks : {};
    const higher = isRecord(json.higher_is_better) ? json.higher_is_better : {};
    const entryOf = (name) => {
        const candidates = [results[name], groups[name]].filter(isRecord);
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
    const visited = new Set();
    // Everything under a scored group is detail: its numbers go to `metrics`.
    const collectDetail = (name) => {
        if (visited.has(name))
            return;
        visited.add(name);
        const entry = entryOf(name);
        if (entry)
            for (const m of metricEntries(entry))
                out.addMetric(`${name}/${m.key}`, m.value);
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
            const known = isRecord(higher[name]) ? higher[name][primary.metric] : undefined;
            const higherIsBetter = typeof known === 'boolean' ? known : (0,domain_metric/* higherIsBetterFromName */.$O)(primary.metric);
            const label = `${alias || name} (${task_metrics_metricLabel(primary)})`;
            out.addBenchmark(benchmarkOf(name, label, group ?? 'lm-evaluation-harness', higherIsBetter), primary.value, `task '${name}' metric '${primary.key}'`);
            for (const m of rest)
                out.addMetric(`${name}/${m.key}`, m.value);
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

;// CONCATENATED MODULE: ./src/evaluate/results/formats/trainer-state.ts
// Trainer `trainer_state.json`: the log_history entries with eval_* keys at the checkpoint's
// step, merged, then read as a flat map.



function parseTrainerState(json, source, step) {
    const history = json.log_history.filter(isRecord);
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
    return parseFlat(merged, new Collector('trainer-state', source));
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
    if (!isRecord(json))
        return null;
    if (Array.isArray(json.log_history))
        return 'trainer-state';
    const results = json.results;
    if (isRecord(results)) {
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
    if (format === null || !isRecord(json)) {
        throw new MetricsFormatError(`${source}: got ${json_describe(json)}; ${ACCEPTED}`);
    }
    switch (format) {
        case 'trainer-state':
            return parseTrainerState(json, source, options.step);
        case 'lm-eval':
            return parseLmEval(json, source);
        case 'lighteval':
            return parseLighteval(json, source);
        case 'flat':
            return parseFlat(isRecord(json.results) ? json.results : json, new Collector('flat', source));
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
    const { checkpoint, stdout, outputPath } = input;
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
    if (json === null) {
        const last = stdout.trim().split(/\r?\n/).pop()?.trim() ?? '';
        const what = last
            ? `its last stdout line is not a JSON object: ${truncate(last, 200)}`
            : 'it printed nothing on stdout';
        throw new MetricsFormatError(`the command printed no metrics: ${what}. Print a JSON object such as {"accuracy": 0.81} as the last line, or write it to {output}`);
    }
    return parseMetricsText(json, `stdout of ${checkpoint.name}`, { step: checkpoint.step });
}
/** The newest `results_*.json` under `dir` (lm-eval and lighteval name them by timestamp). */
async function newestResultsFile(dir) {
    return (await findResultsFiles(dir, '**/results_*.json', { maxDepth: RESULTS_DEPTH }))[0] ?? null;
}
/** `text`, cut to `max` characters with an ellipsis. */
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/evaluate/command/shell.ts
// Owning one child process: runs a command in a POSIX shell in its own process group, keeps the
// tail of its output, and on a timeout or abort kills the shell and everything it started
// (SIGTERM, then SIGKILL after a grace period).


const LOG_TAIL_BYTES = 64 * 1024;
// Enough for an lm-eval results document printed to stdout; older output is dropped.
const STDOUT_TAIL_BYTES = 4 * 1024 * 1024;
const STDERR_TAIL_BYTES = 16 * 1024;
/**
 * Runs `command` with `shell -c` in its own process group (detached) so that a timeout can kill
 * the shell AND everything it started: killing only the shell would leave e.g. a python child
 * running and holding the output pipes open.
 */
function runShellCommand(run) {
    return new Promise((resolve) => {
        const stdout = new TailBuffer(STDOUT_TAIL_BYTES);
        const stderr = new TailBuffer(STDERR_TAIL_BYTES);
        const output = new TailBuffer(LOG_TAIL_BYTES);
        let timedOut = false;
        let aborted = false;
        let exitCode = null;
        let exitSignal = null;
        let graceTimer;
        let settled = false;
        const child = (0,external_node_child_process_.spawn)(run.shell, ['-c', run.command], {
            cwd: run.cwd,
            env: run.env,
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
            windowsHide: true
        });
        const finish = (spawnError) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            clearTimeout(graceTimer);
            run.signal?.removeEventListener('abort', onAbort);
            resolve({
                exitCode,
                exitSignal,
                timedOut,
                aborted,
                spawnError,
                stdout: stdout.toString(),
                stderr: stderr.toString(),
                output: output.toString(),
                droppedBytes: output.dropped
            });
        };
        const stop = () => {
            if (child.pid === undefined)
                return;
            killProcessGroup(child.pid, 'SIGTERM');
            graceTimer = setTimeout(() => child.pid !== undefined && killProcessGroup(child.pid, 'SIGKILL'), run.killGraceMs);
        };
        // setTimeout fires at once for delays past 2^31-1 ms (~24.8 days): clamp to "practically never".
        const timer = setTimeout(() => {
            timedOut = true;
            stop();
        }, Math.min(run.timeoutMs, 2 ** 31 - 1));
        const onAbort = () => {
            aborted = true;
            if (child.pid !== undefined)
                killProcessGroup(child.pid, 'SIGKILL');
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
            exitCode = code;
            exitSignal = signal;
            // Anything the command left running in its group would keep our pipes open (and keep
            // burning CPU): end it now. After a timeout the grace timer does that instead.
            if (!timedOut && child.pid !== undefined)
                killProcessGroup(child.pid, 'SIGKILL');
        });
        child.on('close', () => finish());
    });
}
/** Signals the whole process group led by `pid`; on Windows, taskkill /T does the tree. */
function killProcessGroup(pid, signal) {
    if (process.platform === 'win32') {
        (0,external_node_child_process_.spawn)('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => { });
        return;
    }
    try {
        process.kill(-pid, signal);
    }
    catch {
        // ESRCH: the group is already gone.
    }
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

;// CONCATENATED MODULE: ./src/evaluate/command/template.ts
// The eval-command template: placeholders, POSIX quoting, and the checks that catch templates
// which would run but evaluate the wrong thing.
//
// Commands always run in a POSIX shell (/bin/sh; on Windows, the Git Bash that GitHub's Windows
// runners put on PATH), so there is exactly one quoting scheme to get right.

const PLACEHOLDERS = (/* unused pure expression or super */ null && (['checkpoint', 'step', 'name', 'output']));
const template_PLACEHOLDER = /\{(checkpoint|step|name|output)\}/g;
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
    return template.replace(template_PLACEHOLDER, (_match, key) => quotePosix(values[key]));
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
    const dollar = /\$\{(checkpoint|step|name|output)\}/.exec(template);
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
            const match = /^\{(checkpoint|step|name|output)\}/.exec(template.slice(i));
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
    const info = { kind: 'command', settings: { command: options.command } };
    return {
        info,
        async evaluate(checkpoints, { log, onProgress, signal, allFailed }) {
            await (0,promises_.mkdir)(options.outputDir, { recursive: true });
            const outputs = outputPaths(checkpoints, options.outputDir);
            const progress = countProgress(checkpoints.length, onProgress);
            log.info(`evaluating ${checkpoints.length} checkpoint(s) with: ${options.command} ` +
                `(${Math.min(options.concurrency, checkpoints.length)} at a time, timeout ${formatSeconds(options.timeoutMs)} each)`);
            const outcomes = await (0,map_limit/* mapLimit */.s)(checkpoints, options.concurrency, signal, async (checkpoint, index) => {
                const outcome = await evaluateOne(checkpoint, outputs[index], { ...options, shell, log, signal });
                progress(checkpoint.name);
                return outcome;
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
        output: outputPath
    };
    const rendered = renderCommand(context.command, values);
    const env = {
        ...(context.env ?? process.env),
        CHECKPOINT_PATH: checkpointPath,
        CHECKPOINT_STEP: values.step,
        CHECKPOINT_NAME: checkpoint.name,
        EVAL_OUTPUT: outputPath
    };
    const result = await runShellCommand({
        shell: context.shell,
        command: rendered,
        cwd: context.cwd,
        env,
        timeoutMs: context.timeoutMs,
        killGraceMs: context.killGraceMs ?? 2000,
        signal: context.signal
    });
    let parsed;
    let error = failureOf(result, context.timeoutMs);
    if (!error) {
        try {
            parsed = await readCommandMetrics({ checkpoint, stdout: result.stdout, outputPath });
        }
        catch (e) {
            error = e instanceof MetricsFormatError ? e.message : `could not read the metrics: ${(0,errors/* errorMessage */.g)(e)}`;
        }
    }
    const durationMs = Date.now() - started;
    const { log } = context;
    log.startGroup(`${checkpoint.name} (${error ? 'failed' : 'ok'}, ${formatSeconds(durationMs)})`);
    log.info(`$ ${rendered}`);
    if (result.droppedBytes > 0)
        log.info(`… ${result.droppedBytes} earlier bytes of output not kept`);
    log.info(result.output.trimEnd() || '(no output)');
    if (parsed) {
        log.info(`metrics from ${parsed.source} (${parsed.format})`);
        for (const note of parsed.notes)
            log.debug(`${checkpoint.name}: ${note}`);
    }
    log.endGroup();
    if (error)
        log.warning(`${checkpoint.name}: ${error}`, checkpoint.path);
    return { checkpoint, parsed, error, durationMs };
}
function failureOf(result, timeoutMs) {
    if (result.spawnError)
        return `could not start the shell: ${result.spawnError}`;
    if (result.timedOut) {
        return `timed out after ${formatSeconds(timeoutMs)} (eval-timeout); the command and every process it started were killed. Raise eval-timeout if the evaluation needs longer`;
    }
    if (result.aborted)
        return 'cancelled';
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

;// CONCATENATED MODULE: ./src/evaluate/results/evaluator.ts
// evaluator: results — reads metrics that training or an earlier evaluation already wrote next to
// each checkpoint, instead of running anything.
//
// Which file is used, per checkpoint: the first of these that exists and parses:
//   1. `files` when given (in the given order), else
//   2. `**/results_*.json`     lm-evaluation-harness (`<output_path>/<model>/results_<ts>.json`)
//                              and lighteval (`results/<org>/<model>/results_<ts>.json`); newest first
//   3. `eval_results.json`     Trainer.evaluate() / run_*.py scripts
//   4. `all_results.json`      same, with train metrics too
//   5. `trainer_state.json`    the log_history entry with eval_* keys at the checkpoint's step
// A file that exists but can't be read is skipped with a warning when a later one works (so a
// stale or foreign results_*.json doesn't hide the Trainer's numbers); when none works the
// checkpoint fails with every reason and the list of patterns looked for.






const DEFAULT_RESULTS_FILES = [
    '**/results_*.json',
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
        async evaluate(checkpoints, { log, onProgress, signal, allFailed }) {
            const progress = countProgress(checkpoints.length, onProgress);
            const outcomes = await (0,map_limit/* mapLimit */.s)(checkpoints, PARALLEL_READS, signal, async (checkpoint) => {
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
                progress(checkpoint.name);
                return { checkpoint, parsed: outcome.parsed, error: outcome.error, durationMs: Date.now() - started };
            });
            return finishRun(info, outcomes, {
                allFailed,
                howToDebug: `check that each checkpoint folder holds one of ${patterns.join(', ')} (or set results-files to where your evaluation writes them)`
            });
        }
    };
}
/** The metrics of one checkpoint from the first usable file the patterns match. */
async function readCheckpointResults(checkpoint, patterns) {
    const problems = [];
    for (const pattern of patterns) {
        const resolved = pattern.replace(/\{name\}/g, checkpoint.name).replace(/\{step\}/g, String(checkpoint.step));
        for (const file of await findResultsFiles(checkpoint.path, resolved, { maxDepth: MAX_GLOB_DEPTH })) {
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
                outputDir: context.outputDir
            });
        case 'results':
            return createResultsEvaluator({ files: config.resultsFiles });
    }
}

;// CONCATENATED MODULE: ./src/pipeline/stages.ts









/** The evaluator the config names; input mistakes only it can see are thrown here, before anything runs. */
function evaluatorFor(config) {
    return createEvaluator(config.evaluation, { cwd: config.workspace, outputDir: config.outputDir });
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
/** rank -> the log's score list -> the scores document (with parameter counts for the rows shown in full). */
async function rankEvaluation({ config, run, log }, evaluation, skipped, settings = { ranking: config.ranking, weights: config.evaluation.weights }) {
    const weights = resolveWeights(settings.weights, evaluation.benchmarks);
    const ranking = rank(evaluation, { ...settings.ranking, weights });
    logRanking(ranking, log);
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
    return { ranking, scores };
}
function logRanking(ranking, log) {
    const metric = ranking.metric.name;
    log.startGroup(`Scores of ${ranking.entries.length} checkpoints`);
    const byStep = [...ranking.entries].sort((a, b) => a.evaluation.checkpoint.step - b.evaluation.checkpoint.step);
    for (const e of byStep) {
        const c = e.evaluation.checkpoint;
        const status = e.evaluation.status === 'failed'
            ? `failed: ${e.evaluation.error}`
            : `${metric}=${(0,domain_metric/* formatRankingValue */.v7)(metric, e) || 'n/a'}`;
        log.info(`${c.name} (step ${c.step}): ${status}${e.rank === 1 ? '  <- best' : ''}`);
    }
    log.endGroup();
    const w = ranking.winner;
    if (w) {
        const c = w.evaluation.checkpoint;
        log.info(`Best checkpoint: ${c.name} (step ${c.step}), ${metric} ${(0,domain_metric/* formatRankingValue */.v7)(metric, w)}`);
    }
    else {
        log.warning(`No checkpoint could be ranked by ${metric}.`);
    }
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
    const ownMetric = !(0,domain_metric/* isEvalAccuracy */.GB)(config.ranking.metric);
    const ownWeights = Object.keys(config.evaluation.weights).length > 0;
    const metric = ownMetric ? config.ranking.metric : shards.metric.name;
    const sameMetric = metric === shards.metric.name;
    const ranking = {
        metric,
        greaterIsBetter: config.ranking.greaterIsBetter ?? (sameMetric ? shards.metric.greaterIsBetter : undefined)
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
    const evaluation = await evaluator.evaluate(discovery.checkpoints, { log, onProgress: options.onProgress });
    const { ranking, scores } = await rankEvaluation(options, evaluation, discovery.skipped);
    const files = await (0,scores_document/* writeScoresFiles */.uD)(scores, config.outputDir);
    return conclude(options, { discovery, evaluation, ranking, scores, files });
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
    const evaluation = await evaluator.evaluate(checkpoints, { log, onProgress: options.onProgress, allFailed: 'return' });
    if (evaluation.results.length > 0 && evaluation.results.every((r) => r.status === 'failed')) {
        log.warning(`All ${evaluation.results.length} checkpoints of ${part} failed; the aggregate job fails too ` +
            'unless other shards have checkpoints that could be evaluated.');
    }
    const { ranking, scores } = await rankEvaluation(options, evaluation, discovery.skipped);
    scores.shard = { index: shard.index, count: shard.count, listing };
    const files = await (0,scores_document/* writeScoresFiles */.uD)(scores, config.outputDir, shardFileBase(shard));
    const summary = renderEvaluationSummary({
        scores,
        scoresFile: files.json,
        title: `Checkpoint evaluation (${part})`,
        note: `Shard ${shard.index} of ${shard.count}: these are this job's checkpoints only. The aggregate job ranks all of them, gates and publishes.`
    });
    const summaryFile = external_node_path_default().join(config.outputDir, `${shardFileBase(shard)}.summary.md`);
    await (0,promises_.writeFile)(summaryFile, summary);
    const artifact = await uploadRunArtifact({
        github: options.github,
        name: shardArtifactName(config.report.artifactName ?? DEFAULT_SHARD_ARTIFACT_BASE, shard),
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
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24964);
// scores.json and scores.csv: the run's results as files that later jobs, later runs (baselines)
// and the aggregate job of a sharded run read back. The JSON schema is versioned.





const SCORES_SCHEMA = 'checkpoint-eval/scores';
const SCORES_VERSION = 1;
function buildScoresDocument({ run, discovery, evaluation, ranking, weights, workspace }) {
    const shown = (p) => (workspace ? (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .shownPath */ .pS)(workspace, p) : p);
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
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(outputDir, { recursive: true });
    const files = { json: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outputDir, `${baseName}.json`), csv: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outputDir, `${baseName}.csv`) };
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(files.json, JSON.stringify(doc, null, 2) + '\n');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(files.csv, renderScoresCsv(doc));
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

/***/ 9992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
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
