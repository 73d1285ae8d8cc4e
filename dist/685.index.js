export const id = 685;
export const ids = [685];
export const modules = {

/***/ 75685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadBaselineFromFile: () => (/* reexport */ loadBaselineFromFile),
  loadBaselineFromHub: () => (/* reexport */ loadBaselineFromHub)
});

// UNUSED EXPORTS: parseBaselineFromModelCard

// EXTERNAL MODULE: ./src/domain/metric.ts
var domain_metric = __webpack_require__(98478);
// EXTERNAL MODULE: ./src/scores/document.ts
var scores_document = __webpack_require__(55950);
;// CONCATENATED MODULE: ./src/baseline/file.ts
// A baseline from an earlier run's scores.json (e.g. fetched with actions/download-artifact).


/**
 * Reads an earlier run's scores.json. A file whose run had no winner gives all-null numbers
 * (the gate then reports there was nothing to compare with).
 */
async function loadBaselineFromFile(path, options = {}) {
    const metric = options.metric ?? domain_metric/* EVAL_ACCURACY_SPEC */.fz;
    const scores = await (0,scores_document/* readScoresDocument */.vK)(path, 'baseline', 'The `baseline` input must name a scores.json written by an earlier run (e.g. fetched with actions/download-artifact), ' +
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
    if ((0,domain_metric/* isEvalAccuracy */.GB)(metric.name))
        return finiteOrNull(winner.evalAccuracy);
    const entry = (document.checkpoints ?? []).find((checkpoint) => checkpoint.name === winner.name);
    return finiteOrNull(entry?.metrics?.[metric.name]);
}
function finiteOrNull(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/card/grammar.ts
var grammar = __webpack_require__(80215);
// EXTERNAL MODULE: ./src/domain/labels.ts
var domain_labels = __webpack_require__(85745);
// EXTERNAL MODULE: ./src/domain/metric-semantics.ts
var metric_semantics = __webpack_require__(8318);
;// CONCATENATED MODULE: ./src/baseline/card-scores.ts
// A baseline read back out of a published model card: the numbers in its `model-index` front
// matter, its table rows and `eval_accuracy: 0.712` lines. The markdown structure (front matter,
// code blocks, table cells) is card/grammar.ts, the same one the card was written with.





/**
 * Reads the scores back out of a published model card. The `model-index` front matter wins when
 * it has a number for something; markdown table rows (a cell naming a benchmark by display name or
 * id, compared ignoring case, spaces, `_`, `-` and emphasis; the first number cell after it) and
 * `eval_accuracy: 0.712` text fill in what it lacks. Returns null when nothing could be read.
 */
function parseBaselineFromModelCard(card, benchmarks, options = {}) {
    const metric = options.metric ?? domain_metric/* EVAL_ACCURACY_SPEC */.fz;
    const frontMatter = (0,grammar/* splitFrontMatter */.vQ)(card);
    // Lines outside fenced code blocks: numbers shown as code are not results.
    const body = (0,grammar/* splitCardLines */.U5)(frontMatter ? card.slice(frontMatter.bodyStart) : card)
        .filter((line) => !line.inCode)
        .map((line) => line.text);
    const sources = [modelIndexNumbers(parseFrontMatter(frontMatter?.yaml)), tableNumbers(body), inlineNumbers(body)];
    const lookup = (...labels) => {
        const keys = labels.map(domain_labels/* normalizeLabel */.y);
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
    // The card writes a reported eval_accuracy, and any metric, under its model-index type
    // (`accuracy`, `wer`): look for the name the run uses and the type the card uses.
    const evalAccuracy = lookup(domain_metric/* EVAL_ACCURACY */.py, (0,metric_semantics/* modelIndexMetric */.ux)(domain_metric/* EVAL_ACCURACY */.py).type);
    const value = (0,domain_metric/* isEvalAccuracy */.GB)(metric.name) ? evalAccuracy : lookup(metric.name, (0,metric_semantics/* modelIndexMetric */.ux)(metric.name).type);
    const anything = evalAccuracy !== null || value !== null || Object.values(scores).some((score) => score !== null);
    if (!anything)
        return null;
    return { source: options.source ?? 'model card', evalAccuracy, value, scores };
}
function parseFrontMatter(yaml) {
    if (yaml === undefined)
        return null;
    try {
        return (0,dist/* parse */.qg)(yaml);
    }
    catch {
        // A card with broken YAML still has its tables; the Hub itself shows such cards.
        return null;
    }
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
                    if (typeof label === 'string' && !numbers.has((0,domain_labels/* normalizeLabel */.y)(label)))
                        numbers.set((0,domain_labels/* normalizeLabel */.y)(label), value);
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
function tableNumbers(lines) {
    const numbers = new Map();
    for (const line of lines) {
        if (!isTableRow(line))
            continue;
        const cells = (0,grammar/* splitTableRow */.FB)(line).map((cell) => cell.text.trim());
        const values = cells.map(parseCellNumber);
        cells.forEach((cell, index) => {
            const label = (0,domain_labels/* normalizeLabel */.y)(cell);
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
function inlineNumbers(lines) {
    const numbers = new Map();
    const pattern = /([A-Za-z][\w-]*)[\s*`:=]+([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)(%?)/g;
    for (const line of lines) {
        if (isTableRow(line))
            continue;
        for (const match of line.matchAll(pattern)) {
            const label = (0,domain_labels/* normalizeLabel */.y)(match[1]);
            const value = Number(match[2]) / (match[3] === '%' ? 100 : 1);
            if (Number.isFinite(value) && !numbers.has(label))
                numbers.set(label, value);
        }
    }
    return numbers;
}
/** The rows this reader takes for table rows: those written with a leading pipe. */
function isTableRow(line) {
    return line.trim().startsWith('|');
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

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
;// CONCATENATED MODULE: ./src/baseline/hub.ts
// A baseline from the model card published on the Hugging Face Hub. The card is read with the
// one Hub downloader (hub/), through the retrying transport and the injected fetch, so a 429
// while reading it is retried like every other Hub request.


/**
 * The published model card as a baseline. Null (not an error) when the repo, revision or its
 * README.md doesn't exist yet, or when the card has no numbers this action can read.
 */
async function loadBaselineFromHub(options) {
    const { repoId, accessToken, fetch, retry } = options;
    const { hubUrl } = options;
    const revision = options.revision ?? 'main';
    const source = `${hubUrl}/${repoId}/blob/${revision}/README.md`;
    let card;
    try {
        // Loaded only when a Hub baseline is asked for (start-up time).
        const { downloadRepoFile } = await Promise.all(/* import() */[__webpack_require__.e(9), __webpack_require__.e(497)]).then(__webpack_require__.bind(__webpack_require__, 32497));
        card = await downloadRepoFile({ hubUrl, repoId, revision, path: 'README.md', accessToken, fetch, retry });
    }
    catch (error) {
        throw new Error(`baseline: could not read README.md of ${repoId}@${revision} from ${hubUrl} (${(0,errors/* errorMessage */.g)(error)}). ` +
            'Check `repo-id` and, for a private repo, that `hf-token` can read it; or set `baseline` to a scores.json instead of `hub`.', { cause: error });
    }
    if (card === null) {
        options.log?.notice(`No baseline yet: ${repoId}@${revision} has no README.md on ${hubUrl} (first publish).`);
        return null;
    }
    const baseline = parseBaselineFromModelCard(card, options.benchmarks, { metric: options.metric, source });
    if (baseline === null) {
        options.log?.notice(`No baseline: the model card at ${source} has no scores this action can read ` +
            '(no model-index metrics, no table row naming a benchmark, no eval_accuracy line).');
    }
    return baseline;
}

;// CONCATENATED MODULE: ./src/baseline/index.ts
// What "before" was, as plain numbers for the gate: an earlier run's scores.json, or the scores
// in the model card published on the Hub.





/***/ })

};
