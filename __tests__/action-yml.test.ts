// action.yml is what GitHub reads; src/inputs.ts and src/outputs.ts are what the code reads.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import YAML from 'yaml'
import { INPUT_HELP, Inputs } from '../src/config/inputs.js'
import { Outputs } from '../src/config/outputs.js'
import { TOOL_VERSION } from '../src/util/version.js'
import { ROOT } from './support/action-runner.js'

describe('action.yml', () => {
  it('declares exactly the inputs and outputs the code reads, each described', async () => {
    const action = YAML.parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8'))
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort())
    expect(Object.keys(INPUT_HELP).sort()).toEqual(Object.values(Inputs).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort())
    for (const [name, spec] of Object.entries<{ description: string; default?: string }>(action.inputs)) {
      expect(`${name}: ${spec.description ?? ''}`.length).toBeGreaterThan(name.length + 20)
    }
  })

  it('keeps the version in scores.json equal to package.json', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'))
    expect(TOOL_VERSION).toBe(pkg.version)
  })
})
