export const id = 860;
export const ids = [860];
export const modules = {

/***/ 89860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadBaselineFromFile: () => (/* binding */ loadBaselineFromFile),
/* harmony export */   loadBaselineFromHub: () => (/* binding */ loadBaselineFromHub)
/* harmony export */ });
/* unused harmony exports parseBaselineFromModelCard, hubFileFetcher */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _huggingface_hub__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1429);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94584);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35670);
/* harmony import */ var _report_scores_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91787);
// Where "what we had before" comes from: a scores.json written by an earlier run, or the model
// card of the model published on the Hugging Face Hub. Both end up as the same plain numbers.






const DEFAULT_METRIC = { name: _metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .EVAL_ACCURACY */ .p, greaterIsBetter: true };
/**
 * Reads an earlier run's scores.json. A file whose run had no winner gives all-null numbers
 * (the gate then reports there was nothing to compare with).
 */
async function loadBaselineFromFile(path, options = {}) {
    const metric = options.metric ?? DEFAULT_METRIC;
    const scores = await (0,_report_scores_js__WEBPACK_IMPORTED_MODULE_3__/* .readScoresDocument */ .vK)(path, 'baseline', 'The `baseline` input must name a scores.json written by an earlier run (e.g. fetched with actions/download-artifact), ' +
        'or be `hub` to compare with the published model card.');
    const winner = scores.winner;
    if (winner === null) {
        return { source: path, evalAccuracy: null, value: null, scores: {} };
    }
    return {
        source: path,
        evalAccuracy: finiteOrNull(winner.evalAccuracy),
        value: winnerValueFor(scores, metric),
        scores: Object.fromEntries(Object.entries(winner.scores ?? {}).map(([id, score]) => [id, finiteOrNull(score)]))
    };
}
function winnerValueFor(document, metric) {
    const winner = document.winner;
    if (winner === null)
        return null;
    if (document.metric?.name === metric.name)
        return finiteOrNull(winner.value);
    if (metric.name === _metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .EVAL_ACCURACY */ .p)
        return finiteOrNull(winner.evalAccuracy);
    const entry = (document.checkpoints ?? []).find((checkpoint) => checkpoint.name === winner.name);
    return finiteOrNull(entry?.metrics?.[metric.name]);
}
/**
 * Reads the scores back out of a published model card. The `model-index` front matter wins when
 * it has a number for something; markdown table rows (a cell naming a benchmark by display name or
 * id, compared ignoring case, spaces, `_`, `-` and emphasis; the first number cell after it) and
 * `eval_accuracy: 0.712` text fill in what it lacks. Returns null when nothing could be read.
 */
function parseBaselineFromModelCard(card, benchmarks, options = {}) {
    const metric = options.metric ?? DEFAULT_METRIC;
    const { frontMatter, body } = splitFrontMatter(card);
    const sources = [modelIndexNumbers(frontMatter), tableNumbers(body), inlineNumbers(body)];
    const lookup = (...labels) => {
        const keys = labels.map(_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeLabel */ .y);
        for (const numbers of sources) {
            for (const key of keys) {
                const found = numbers.get(key);
                if (found !== undefined)
                    return found;
            }
        }
        return null;
    };
    const scores = {};
    for (const benchmark of benchmarks)
        scores[benchmark.id] = lookup(benchmark.id, benchmark.name);
    const evalAccuracy = lookup(_metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .EVAL_ACCURACY */ .p);
    const value = metric.name === _metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .EVAL_ACCURACY */ .p ? evalAccuracy : lookup(metric.name);
    const anything = evalAccuracy !== null || value !== null || Object.values(scores).some((score) => score !== null);
    if (!anything)
        return null;
    return { source: options.source ?? 'model card', evalAccuracy, value, scores };
}
function splitFrontMatter(card) {
    const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(card);
    if (!match)
        return { frontMatter: null, body: card };
    let frontMatter = null;
    try {
        frontMatter = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(match[1]);
    }
    catch {
        // A card with broken YAML still has its tables; the Hub itself shows such cards.
        frontMatter = null;
    }
    return { frontMatter, body: card.slice(match[0].length) };
}
/**
 * model-index: [{ results: [{ dataset: {name, type}, metrics: [{type, name, value}] }] }].
 * A metric is filed under its own name and type, and under the dataset's name and type unless
 * its type is a generic one the dataset would then be mistaken for (e.g. `accuracy`).
 */
function modelIndexNumbers(frontMatter) {
    const numbers = new Map();
    const models = frontMatter?.['model-index'];
    if (!Array.isArray(models))
        return numbers;
    for (const model of models) {
        const results = model?.results;
        if (!Array.isArray(results))
            continue;
        for (const result of results) {
            const dataset = result?.dataset ?? {};
            const metrics = result?.metrics;
            if (!Array.isArray(metrics))
                continue;
            for (const entry of metrics) {
                const value = parseNumber(entry?.value);
                if (value === null)
                    continue;
                const own = [entry.type, entry.name];
                const labels = metrics.length === 1 ? [...own, dataset.type, dataset.name] : own;
                for (const label of labels) {
                    if (typeof label === 'string' && !numbers.has((0,_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeLabel */ .y)(label)))
                        numbers.set((0,_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeLabel */ .y)(label), value);
                }
            }
        }
    }
    return numbers;
}
/**
 * Every markdown table row, by each text cell that could be its label -> the first number cell
 * after it. Any cell may be the label, not just the first: generated cards lead with a Group
 * column (`| **Core Reasoning Tasks** | Math Reasoning | 0.712 |`). First occurrence wins.
 */
function tableNumbers(body) {
    const numbers = new Map();
    for (const line of withoutCodeBlocks(body).split(/\r?\n/)) {
        const trimmed = line.trim();
        if (!trimmed.startsWith('|'))
            continue;
        const cells = splitRow(trimmed);
        const values = cells.map(parseCellNumber);
        cells.forEach((cell, index) => {
            const label = (0,_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeLabel */ .y)(cell);
            if (label === '' || values[index] !== null || numbers.has(label))
                return;
            const value = values.slice(index + 1).find((found) => found !== null);
            if (value !== undefined && value !== null)
                numbers.set(label, value);
        });
    }
    return numbers;
}
/** `eval_accuracy: 0.712`, `**eval_accuracy** = 0.712`, `eval_loss 0.41`. */
function inlineNumbers(body) {
    const numbers = new Map();
    const pattern = /([A-Za-z][\w-]*)[\s*`:=]+([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)(%?)/g;
    for (const line of withoutCodeBlocks(body).split(/\r?\n/)) {
        if (line.trim().startsWith('|'))
            continue;
        for (const match of line.matchAll(pattern)) {
            const label = (0,_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeLabel */ .y)(match[1]);
            const value = Number(match[2]) / (match[3] === '%' ? 100 : 1);
            if (Number.isFinite(value) && !numbers.has(label))
                numbers.set(label, value);
        }
    }
    return numbers;
}
function splitRow(row) {
    const inner = row.replace(/^\|/, '').replace(/\|\s*$/, '');
    return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}
/** `0.712`, `**0.712**`, `` `0.712` ``, `71.2%`, `0.712 (±0.01)`; not `step_1000` or `—`. */
function parseCellNumber(cell) {
    const text = cell.replace(/[*_`]/g, '').trim();
    const match = /^([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)(%?)(?:\s.*)?$/.exec(text);
    if (!match)
        return null;
    const value = Number(match[1]) / (match[2] === '%' ? 100 : 1);
    return Number.isFinite(value) ? value : null;
}
function parseNumber(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : null;
    if (typeof value === 'string')
        return parseCellNumber(value);
    return null;
}
function withoutCodeBlocks(body) {
    return body.replace(/^(```|~~~)[\s\S]*?^\1[ \t]*$/gm, '');
}
function finiteOrNull(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
/**
 * The published model card as a baseline. Null (not an error) when the repo or its README.md
 * doesn't exist yet, or when the card has no numbers this action can read.
 */
async function loadBaselineFromHub(options) {
    const hubUrl = (options.hubUrl ?? 'https://huggingface.co').replace(/\/+$/, '');
    const revision = options.revision ?? 'main';
    const fetchFile = options.fetchFile ?? hubFileFetcher({ hubUrl, repoId: options.repoId, revision, accessToken: options.accessToken });
    const source = `${hubUrl}/${options.repoId}/blob/${revision}/README.md`;
    let card;
    try {
        card = await fetchFile('README.md');
    }
    catch (error) {
        throw new Error(`baseline: could not read README.md of ${options.repoId}@${revision} from ${hubUrl} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(error)}). ` +
            'Check `repo-id` and, for a private repo, that `hf-token` can read it; or set `baseline` to a scores.json instead of `hub`.');
    }
    if (card === null) {
        options.log?.notice(`No baseline yet: ${options.repoId}@${revision} has no README.md on ${hubUrl} (first publish).`);
        return null;
    }
    const baseline = parseBaselineFromModelCard(card, options.benchmarks, { metric: options.metric, source });
    if (baseline === null) {
        options.log?.notice(`No baseline: the model card at ${source} has no scores this action can read ` +
            '(no model-index metrics, no table row naming a benchmark, no eval_accuracy line).');
    }
    return baseline;
}
/**
 * The default fetchFile: @huggingface/hub's downloadFile, which returns null for a missing file.
 * A missing repo or revision also means "nothing published yet": 404, or the 401 the Hub gives
 * (X-Error-Code RepoNotFound) so as not to reveal whether a private repo exists.
 */
function hubFileFetcher(options) {
    return async (path) => {
        let errorCode = null;
        // downloadFile's errors keep the status but not X-Error-Code; note it on the way past.
        const noteErrorCode = async (input, init) => {
            const response = await fetch(input, init);
            errorCode = response.headers.get('x-error-code');
            return response;
        };
        try {
            const blob = await (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_1__/* .downloadFile */ .PE)({
                repo: { type: 'model', name: options.repoId },
                path,
                revision: options.revision,
                hubUrl: options.hubUrl,
                accessToken: options.accessToken,
                fetch: noteErrorCode
            });
            return blob === null ? null : await blob.text();
        }
        catch (error) {
            const status = error.statusCode;
            if (status === 404)
                return null;
            if (status === 401 && /^Repo(sitory)?NotFound$/.test(errorCode ?? ''))
                return null;
            throw error;
        }
    };
}


/***/ })

};
