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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64389);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1027);
/* harmony import */ var _domain_ledger_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(32707);
/* harmony import */ var _domain_round_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7976);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(19556);
/* harmony import */ var _pipeline_run_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(74855);
/* harmony import */ var _report_cancelled_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(84733);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(70017);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(24964);
/* harmony import */ var _util_progress_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(65365);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_11___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_11__);
/* harmony import */ var _evaluate_command_shell_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3236);
/* harmony import */ var _util_cancel_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(24436);
/* harmony import */ var _util_job_files_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(15913);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(29906);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(50767);
// run(): the action. Reads INPUT_* into a Config, runs the pipeline, writes outputs and the job
// summary, and fails the step with a message that says how to fix the problem.



















/**
 * The step's log, with warnings as annotations (on files named relative to the workspace) and
 * groups folded. Every line passes the one redaction point; text other programs printed is
 * wrapped in `::stop-commands::` so that an `::error::` in it is not an annotation of ours.
 */
function actionsLogger(workspace) {
    return (0,_util_log_js__WEBPACK_IMPORTED_MODULE_15__/* .redactingLogger */ .S)({
        info: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(m),
        warning: (m, file) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m, file ? { file: (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_10__/* .shownPath */ .pS)(workspace, file) } : undefined),
        notice: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(m),
        debug: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m),
        startGroup: (t) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(t),
        endGroup: () => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4(),
        output: (text) => {
            const resume = (0,node_crypto__WEBPACK_IMPORTED_MODULE_11__.randomUUID)();
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`::stop-commands::${resume}`);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(text);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`::${resume}::`);
        }
    });
}
/** Masks a secret in the runner's log and registers it with our own redaction. */
function holdSecret(value) {
    if (!value)
        return;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
    (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_16__/* .addSecret */ .Ck)(value);
}
/** Inputs, with every secret masked before anything can print it. */
function readInput(name) {
    const value = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
    if (_config_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .mc[name].kind === 'secret')
        holdSecret(value);
    return value;
}
/** Writes a job file of the runner (outputs, summary); a failure says what it was and whether the publish happened. */
function jobFileError(what, error, result) {
    const file = what === 'the job summary' ? process.env.GITHUB_STEP_SUMMARY : process.env.GITHUB_OUTPUT;
    const cause = file ? (0,_util_job_files_js__WEBPACK_IMPORTED_MODULE_14__/* .describeFileError */ .SQ)(file, error) : (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .errorMessage */ .g)(error);
    const published = result?.publish.status === 'published'
        ? ` The model WAS published: ${result.publish.result.prUrl ?? result.publish.result.commitUrl}.`
        : result
            ? ' Nothing was published.'
            : '';
    return `Could not write ${what} (${what === 'the job summary' ? 'GITHUB_STEP_SUMMARY' : 'GITHUB_OUTPUT'}) to ${cause}.${published}`;
}
function setOutputs(result, workspace) {
    const { ranking, scores, files, gate, publish, artifact, comment } = result;
    const w = ranking.winner;
    const set = (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_16__/* .redact */ .E$)(value ?? ''));
    const published = publish.status === 'published' ? publish.result : undefined;
    set('best-checkpoint', w ? (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_10__/* .shownPath */ .pS)(workspace, w.evaluation.checkpoint.path) : undefined);
    set('best-step', w ? String(w.evaluation.checkpoint.step) : '');
    set('eval-accuracy', (0,_domain_round_js__WEBPACK_IMPORTED_MODULE_5__/* .formatScore */ .y)(w?.evalAccuracy));
    set('metric-value', w?.value === null || w?.value === undefined ? '' : String(w.value));
    set('scores-file', files.json);
    set('checkpoints-evaluated', String(scores.checkpoints.filter((c) => c.status === 'ok').length));
    set('checkpoints-cached', String(scores.checkpoints.filter((c) => c.cached).length));
    set('evaluations-run', String(scores.checkpoints.filter((c) => !c.cached).length));
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
    // Secrets GitHub hands the process: masked and redacted before anything prints.
    holdSecret(process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    holdSecret(process.env.ACTIONS_RUNTIME_TOKEN);
    const cancel = (0,_util_cancel_js__WEBPACK_IMPORTED_MODULE_13__/* .cancelOnSignals */ .dJ)({
        say: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(m),
        onForce: () => {
            for (const p of (0,_evaluate_command_shell_js__WEBPACK_IMPORTED_MODULE_12__/* .killAllRunningCommands */ .Vm)())
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`killed pid ${p.pid} (${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_16__/* .redact */ .E$)(p.command)})`);
        }
    });
    let result;
    // What each checkpoint came to so far: a cancelled run has no ranking, but it can say this.
    const ledger = new _domain_ledger_js__WEBPACK_IMPORTED_MODULE_17__/* .EvaluationLedger */ .M();
    try {
        const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
        const runnerTemp = process.env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir();
        const config = (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseConfig */ .o4)(readInput, {
            // Relative paths mean the repository checkout, wherever the runner started this process.
            workspace,
            outputDir: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(runnerTemp, 'checkpoint-eval'),
            actionsCacheDir: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(runnerTemp, 'checkpoint-eval-cache'),
            hubUrl: process.env.HF_ENDPOINT,
            // Read paths stay in the job's folders; output-dir, only written, may also be in /tmp.
            confineTo: { roots: [workspace, runnerTemp], writableRoots: [node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir()] }
        });
        const log = actionsLogger(config.workspace);
        result = await (0,_pipeline_run_js__WEBPACK_IMPORTED_MODULE_7__/* .runPipeline */ .a)({
            ...(0,_github_context_js__WEBPACK_IMPORTED_MODULE_6__/* .actionRun */ .mY)(process.env),
            config,
            log,
            onProgress: (0,_util_progress_js__WEBPACK_IMPORTED_MODULE_18__/* .progressReporter */ .x)({ write: (line) => log.info(line), verb: 'evaluated' }),
            onSecret: holdSecret,
            onCheckpoint: ledger.record,
            signal: cancel.signal
        });
        const failures = result.failure ? [result.failure] : [];
        try {
            setOutputs(result, config.workspace);
        }
        catch (error) {
            failures.push(jobFileError('the outputs', error, result));
        }
        try {
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_16__/* .redact */ .E$)(result.summary)).write();
        }
        catch (error) {
            failures.push(jobFileError('the job summary', error, result));
        }
        if (failures.length > 0)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_16__/* .redact */ .E$)(failures.join('\n')));
    }
    catch (error) {
        if ((0,_util_cancel_js__WEBPACK_IMPORTED_MODULE_13__/* .isCancellation */ .iB)(error, cancel.signal))
            await writeCancelledSummary(cancel.received ?? 'a signal', ledger);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_16__/* .redact */ .E$)((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .errorMessage */ .g)(error)));
    }
    finally {
        cancel.dispose();
        // Cancelled: exit now (a handle left by an aborted request must not keep the runner waiting).
        if (cancel.received)
            process.exit(1);
    }
}
/** What a cancelled run knows: each checkpoint's state and scores so far, and that nothing was published. */
async function writeCancelledSummary(signalName, ledger) {
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z
        .addRaw((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_16__/* .redact */ .E$)((0,_report_cancelled_js__WEBPACK_IMPORTED_MODULE_8__/* .renderCancelledSummary */ .m)(signalName, ledger.entries())))
        .write()
        .catch((error) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(jobFileError('the job summary', error, undefined)));
}


/***/ })

};
