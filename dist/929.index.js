export const id = 929;
export const ids = [929];
export const modules = {

/***/ 22929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsLogger: () => (/* binding */ actionsLogger),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91659);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64389);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5374);
/* harmony import */ var _domain_round_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7976);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(19556);
/* harmony import */ var _pipeline_run_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(59847);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(70017);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(24964);
/* harmony import */ var _util_progress_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(65365);
// run(): the action. Reads INPUT_* into a Config, runs the pipeline, writes outputs and the job
// summary, and fails the step with a message that says how to fix the problem.











/** The step's log, with warnings as annotations (on files named relative to the workspace) and groups folded. */
function actionsLogger(workspace) {
    return {
        info: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(m),
        warning: (m, file) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m, file ? { file: (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_9__/* .shownPath */ .pS)(workspace, file) } : undefined),
        notice: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(m),
        debug: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m),
        startGroup: (t) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(t),
        endGroup: () => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4()
    };
}
/** Inputs, with every secret masked before anything can print it. */
function readInput(name) {
    const value = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
    if (value && _config_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .mc[name].kind === 'secret')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
    return value;
}
function setOutputs(result, workspace) {
    const { ranking, scores, files, gate, publish, artifact, comment } = result;
    const w = ranking.winner;
    const set = (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value ?? '');
    const published = publish.status === 'published' ? publish.result : undefined;
    set('best-checkpoint', w ? (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_9__/* .shownPath */ .pS)(workspace, w.evaluation.checkpoint.path) : undefined);
    set('best-step', w ? String(w.evaluation.checkpoint.step) : '');
    set('eval-accuracy', (0,_domain_round_js__WEBPACK_IMPORTED_MODULE_5__/* .formatScore */ .y)(w?.evalAccuracy));
    set('metric-value', w?.value === null || w?.value === undefined ? '' : String(w.value));
    set('scores-file', files.json);
    set('checkpoints-evaluated', String(scores.checkpoints.filter((c) => c.status === 'ok').length));
    set('checkpoints-skipped', String(scores.skipped.length));
    set('checkpoints-failed', String(scores.checkpoints.filter((c) => c.status === 'failed').length));
    set('gate', gate.status);
    set('artifact-id', artifact?.status === 'uploaded' ? String(artifact.id) : '');
    set('artifact-url', artifact?.status === 'uploaded' ? artifact.url : '');
    set('comment-url', comment && comment.action !== 'skipped' ? comment.url : '');
    set('published', String(publish.status === 'published'));
    set('repo-url', published?.repoUrl);
    set('commit-sha', published?.commitSha);
    set('commit-url', published?.commitUrl);
    set('pr-url', published?.prUrl);
}
async function run() {
    try {
        const config = (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseConfig */ .o4)(readInput, {
            // Relative paths mean the repository checkout, wherever the runner started this process.
            workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
            outputDir: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(process.env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'checkpoint-eval'),
            hubUrl: process.env.HF_ENDPOINT
        });
        const log = actionsLogger(config.workspace);
        const result = await (0,_pipeline_run_js__WEBPACK_IMPORTED_MODULE_7__/* .runPipeline */ .a)({
            ...(0,_github_context_js__WEBPACK_IMPORTED_MODULE_6__/* .actionRun */ .mY)(process.env),
            config,
            log,
            onProgress: (0,_util_progress_js__WEBPACK_IMPORTED_MODULE_10__/* .progressReporter */ .x)({ write: (line) => log.info(line), verb: 'evaluated' }),
            onSecret: (secret) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret)
        });
        setOutputs(result, config.workspace);
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(result.summary).write();
        if (result.failure)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(result.failure);
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .g)(error));
    }
}


/***/ })

};
