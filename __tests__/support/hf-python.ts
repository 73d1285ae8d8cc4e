// The Hub's own Python parser (huggingface_hub), for checking the cards we publish. Installed from
// the wheel on this machine (no index) into a virtualenv in the temp folder, made once and reused.
import { execFile, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Where the wheels are: HF_HUB_WHEELS, else the machine's local package folder. */
const WHEELS = process.env.HF_HUB_WHEELS || '/opt/pypi/files'
const VENV = path.join(os.tmpdir(), 'checkpoint-eval-huggingface-hub-venv')
const venvPython = (venv: string): string =>
  path.join(venv, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python')

/** Why the check can't run here, or null when python3 and the huggingface_hub wheel are present. */
export function hubPythonUnavailable(): string | null {
  const python = spawnSync('python3', ['--version'], { encoding: 'utf8', timeout: 10_000 })
  if (python.status !== 0) return 'python3 is not installed'
  const wheels = existsSync(WHEELS) ? readdirSync(WHEELS).filter((f) => /^huggingface_hub-.*\.whl$/.test(f)) : []
  if (wheels.length === 0) return `no huggingface_hub wheel in ${WHEELS} (set HF_HUB_WHEELS to a folder holding one)`
  return null
}

/** The virtualenv's python, with huggingface_hub installed (made on first use). */
export async function hubPython(): Promise<string> {
  const python = venvPython(VENV)
  const works = async (): Promise<boolean> =>
    run(python, ['-c', 'import huggingface_hub'], { timeout: 60_000 }).then(
      () => true,
      () => false
    )
  if (existsSync(python) && (await works())) return python
  // Built beside and renamed into place, so a half-made venv is never used.
  const building = `${VENV}.${process.pid}`
  await rm(building, { recursive: true, force: true })
  await run('python3', ['-m', 'venv', building], { timeout: 120_000 })
  await run(
    venvPython(building),
    ['-m', 'pip', 'install', '--quiet', '--no-index', '--find-links', WHEELS, 'huggingface_hub'],
    { timeout: 300_000 }
  )
  await rm(VENV, { recursive: true, force: true })
  await rename(building, VENV)
  return python
}

/** What huggingface_hub reads from a card's model-index. */
export interface HubParsedCard {
  modelName: string
  results: Array<{
    task_type: string
    dataset_type: string
    dataset_name: string
    dataset_config: string | null
    dataset_split: string | null
    metric_type: string
    metric_name: string | null
    metric_value: number
    verified: boolean | null
  }>
  /** eval_results_to_model_index(model_index_to_eval_results(x)) == x */
  roundTrips: boolean
}

const CHECK = `
import json, sys
from huggingface_hub import ModelCard
from huggingface_hub.repocard import metadata_load
from huggingface_hub.repocard_data import eval_results_to_model_index, model_index_to_eval_results

out = []
for path in sys.argv[1:]:
    card = ModelCard.load(path)  # parses the front matter and model-index as the Hub library does
    meta = metadata_load(path)
    name, results = model_index_to_eval_results(meta["model-index"])
    keys = ["task_type", "dataset_type", "dataset_name", "dataset_config", "dataset_split",
            "metric_type", "metric_name", "metric_value", "verified"]
    out.append({
        "modelName": name,
        "cardResults": len(card.data.eval_results or []),
        "results": [{k: getattr(r, k) for k in keys} for r in results],
        "roundTrips": eval_results_to_model_index(name, results) == meta["model-index"],
    })
print(json.dumps(out))
`

/** Loads each card with ModelCard.load and metadata_load, and round-trips its model-index. */
export async function parseWithHubPython(python: string, files: string[]): Promise<HubParsedCard[]> {
  const { stdout } = await run(python, ['-c', CHECK, ...files], { timeout: 120_000, maxBuffer: 1 << 26 })
  return JSON.parse(stdout) as HubParsedCard[]
}
