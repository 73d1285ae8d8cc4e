// action.yml is what GitHub reads; src/config/inputs.ts is the table the code reads. They must
// say the same: names, defaults and descriptions of every input, and every output.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import YAML from 'yaml'
import { INPUTS, OUTPUTS, type InputSpec } from '../src/config/inputs.js'
import { usage } from '../src/cli.js'
import { TOOL_VERSION } from '../src/util/version.js'
import { ROOT } from './support/action-runner.js'

interface YamlInput {
  description: string
  required?: boolean
  default?: string
}

const action = YAML.parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as {
  name: string
  author: string
  description: string
  branding: { icon: string; color: string }
  runs: unknown
  inputs: Record<string, YamlInput>
  outputs: Record<string, { description: string }>
}

// The rules of GitHub's action metadata syntax (and SchemaStore's github-action.json) that a
// JavaScript action can break: the keys allowed at each level, what is required, the runtimes.
describe('action.yml against the action metadata syntax', () => {
  it('has only the keys GitHub reads, with name, description and runs', () => {
    for (const key of Object.keys(action))
      expect(['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding']).toContain(key)
    expect(action.name).toEqual(expect.any(String))
    expect(action.description.length).toBeLessThanOrEqual(125) // the Marketplace's limit
    // The author is who made it, not the package name.
    expect(action.author).not.toBe('checkpoint-eval-action')
    expect(['node20', 'node24']).toContain((action.runs as { using: string }).using)
  })

  it('declares inputs and outputs as GitHub reads them', () => {
    for (const [id, input] of Object.entries(action.inputs)) {
      expect(id).toMatch(/^[_a-zA-Z][a-zA-Z0-9_-]*$/)
      for (const key of Object.keys(input))
        expect(['description', 'required', 'default', 'deprecationMessage']).toContain(key)
      expect(typeof input.description).toBe('string')
      if (input.default !== undefined) expect(typeof input.default).toBe('string')
    }
    for (const [id, output] of Object.entries(action.outputs)) {
      expect(id).toMatch(/^[_a-zA-Z][a-zA-Z0-9_-]*$/)
      expect(Object.keys(output)).toEqual(['description'])
    }
  })

  it('brands with a Feather icon and one of the Marketplace colours', () => {
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(
      action.branding.color
    )
    expect(action.branding.icon).toBe('award')
  })
})

describe('action.yml against the input table', () => {
  it('runs the bundle under node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs of the table, in its order', () => {
    expect(Object.keys(action.inputs)).toEqual(Object.keys(INPUTS))
  })

  it.each(Object.keys(INPUTS))('%s: same default and description, not required', (name) => {
    const spec: InputSpec = INPUTS[name as keyof typeof INPUTS]
    const declared = action.inputs[name]
    expect(declared.description).toBe(spec.description)
    expect(declared.default === undefined ? undefined : String(declared.default)).toBe(spec.default)
    expect(declared.required).toBe(false)
  })

  it('gives every choice input its choices and every input a useful description', () => {
    for (const [name, spec] of Object.entries<InputSpec>(INPUTS)) {
      expect(spec.description.length).toBeGreaterThan(20)
      if (spec.kind === 'choice') {
        expect(spec.choices?.length).toBeGreaterThan(1)
        if (spec.default !== undefined) expect(spec.choices).toContain(spec.default)
      } else {
        expect({ name, choices: spec.choices }).toEqual({ name, choices: undefined })
      }
    }
  })

  it('declares exactly the outputs of the table, with the same descriptions', () => {
    expect(Object.keys(action.outputs)).toEqual(Object.keys(OUTPUTS))
    for (const [name, description] of Object.entries(OUTPUTS))
      expect(action.outputs[name].description).toBe(description)
  })

  it('builds the CLI help from the same table: a flag per input outside Actions-only ones', () => {
    const help = usage()
    for (const [name, spec] of Object.entries<InputSpec>(INPUTS)) {
      if (spec.actionOnly) expect(help).not.toContain(`--${name} `)
      else expect(help).toMatch(new RegExp(`^  --${name}\\b`, 'm'))
    }
    const text = help.replace(/\s+/g, ' ')
    expect(text).toContain('Default: checkpoints.')
    expect(text).toContain('From a terminal the default is ./eval-results.')
  })

  it("lists every input and output in the README's tables, with the table's default", async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8')
    const section = (title: string) =>
      readme.slice(readme.indexOf(`## ${title}\n`), readme.indexOf('\n## ', readme.indexOf(`## ${title}\n`) + 3))
    const rows = (title: string) =>
      new Map(
        [...section(title).matchAll(/^\| `([a-z-]+)`(?:, `[a-z-]+`)? \| (.*?) \|/gm)].map((m) => [m[1], m[2]] as const)
      )
    const inputs = rows('Inputs')
    expect([...inputs.keys()]).toEqual(Object.keys(INPUTS))
    for (const [name, spec] of Object.entries<InputSpec>(INPUTS)) {
      if (spec.default !== undefined)
        expect({ name, readme: inputs.get(name) }).toEqual({ name, readme: expect.stringContaining(spec.default) })
    }
    const outputs = [...section('Outputs').matchAll(/`([a-z-]+)`/g)].map((m) => m[1])
    for (const name of Object.keys(OUTPUTS)) expect(outputs).toContain(name)
  })

  it('keeps the version in scores.json equal to package.json', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'))
    expect(TOOL_VERSION).toBe(pkg.version)
  })
})
