// Checkpoint runs built from the real results files in fixtures/results-real (see each SOURCE.md):
// every checkpoint folder gets tiny weights plus the real file(s) the layout names, where the tool
// that wrote them would have put them.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeCheckpoint, tempDir } from './workspace.js'

export const REAL_RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'results-real')

/** Checkpoint folder -> (file inside it -> fixture path below results-real). */
export type RealLayout = Record<string, Record<string, string>>

const each = (names: string[], files: Record<string, string>): RealLayout =>
  Object.fromEntries(names.map((n) => [n, files]))

/** The runs the tests use, one per kind of results file. */
export const REAL_LAYOUTS = {
  whisper: each(
    [1000, 2000, 3000, 4000, 5000].map((s) => `checkpoint-${s}`),
    { 'trainer_state.json': 'whisper-trainer-state/trainer_state.json' }
  ),
  classifier: each(
    [50, 100, 150, 200, 250, 300].map((s) => `checkpoint-${s}`),
    { 'trainer_state.json': 'classifier-trainer-state/trainer_state.json' }
  ),
  sft: each(['checkpoint-50', 'checkpoint-100'], {
    'trainer_state.json': 'qlora-sft-trainer-state/trainer_state.json'
  }),
  t5: { 'checkpoint-1000': { 'all_results.json': 't5-all-results/all_results.json' } },
  pythia: {
    step8: { '160m_step8.json': 'pythia-lm-eval-v0.3/160m_step8.json' },
    step123000: { '160m_step123000.json': 'pythia-lm-eval-v0.3/160m_step123000.json' }
  },
  lmEval: {
    'checkpoint-100': {
      'lm_eval/ckpt/results_2024-05-01T10-00-00.000000.json': 'lm-eval-v0.4/cpu_regression_expected.json'
    }
  },
  // Three reasoning-effort settings of one model on one task, standing in for three checkpoints.
  lighteval: {
    'checkpoint-100': {
      'lighteval/results/openrouter/openai/gpt-5.1-none/results_2025-11-27T12-45-43.073668.json':
        'lighteval-idk/gpt-5.1-none/results_2025-11-27T12-45-43.073668.json'
    },
    'checkpoint-200': {
      'lighteval/results/openrouter/openai/gpt-5.1-low/results_2025-11-27T13-01-02.095862.json':
        'lighteval-idk/gpt-5.1-low/results_2025-11-27T13-01-02.095862.json'
    },
    'checkpoint-300': {
      'lighteval/results/openrouter/openai/gpt-5.1-medium/results_2025-11-27T13-08-05.787773.json':
        'lighteval-idk/gpt-5.1-medium/results_2025-11-27T13-08-05.787773.json'
    }
  },
  lmEvalGroup: {
    'checkpoint-100': {
      'lm_eval/ckpt/results_2024-05-01T10-00-00.000000.json': 'lm-eval-v0.4/cpu_group_regression_expected.json'
    }
  }
} satisfies Record<string, RealLayout>

/** A temp folder with `checkpoints/<name>/…` laid out as `layout` says; `edit` may change a file's text first. */
export async function realRun(
  layout: RealLayout,
  edit: (checkpoint: string, file: string, text: string) => string = (_c, _f, text) => text
): Promise<{ dir: string; checkpointDir: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir('real-results-')
  const checkpointDir = path.join(dir, 'checkpoints')
  for (const [name, files] of Object.entries(layout)) {
    const extraFiles: Record<string, string> = {}
    for (const [file, fixture] of Object.entries(files))
      extraFiles[file] = edit(name, file, await readFile(path.join(REAL_RESULTS, fixture), 'utf8'))
    await makeCheckpoint(checkpointDir, name, { extraFiles })
  }
  return { dir, checkpointDir, cleanup }
}
