import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDocument } from 'yaml'
import { fillModelCard, hasPlaceholders } from '../src/card/fill.js'
import { cardError } from './support/card-error.js'
import { generateModelCard } from '../src/card/generate.js'
import { mergeModelIndex } from '../src/card/model-index.js'
import { measuredMetrics } from '../src/card/metrics.js'
import { findCardLinks, splitCardLines, splitFrontMatter } from '../src/card/grammar.js'
import { step1000, SUITE } from './fixtures/cards/suite.js'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'cards')
const fixture = (name: string): Promise<string> => readFile(path.join(fixtures, name), 'utf8')

describe('fillModelCard', () => {
  it('fills {RESULT} rows by the benchmark they name, in any order, with odd spacing and emphasis', async () => {
    const template = await fixture('shuffled.md')
    const { card, filled } = fillModelCard({ ...step1000(), template, templatePath: 'README.md' })
    expect(card).toBe(await fixture('shuffled.expected.md'))
    const results = filled.filter((f) => f.placeholder === '{RESULT}').map((f) => [f.line, f.benchmark, f.value])
    expect(results).toEqual([
      [12, 'code_generation', '0.650'],
      [13, 'math_reasoning', '0.550'],
      [14, 'common_sense', '0.736'],
      [15, 'reading_comprehension', '0.700'],
      [16, 'safety_evaluation', '0.739'],
      [17, 'eval_accuracy', '0.712']
    ])
  })

  it('writes every score with exactly three decimals', () => {
    const { card } = fillModelCard({
      ...step1000(),
      scores: { math_reasoning: 0.7, common_sense: 1, translation: 0.8125 },
      evalAccuracy: 0.5,
      template: '{math_reasoning} {common_sense} {translation} {eval_accuracy}'
    })
    // 0.8125 is an exact binary tie: Python's round(…, 3) gives 0.812 (ties to even).
    expect(card).toBe('0.700 1.000 0.812 0.500')
  })

  it('finds the benchmark from the column header in a transposed table', async () => {
    const { card } = fillModelCard({ ...step1000(), template: await fixture('transposed.md') })
    expect(card.split('\n')[2]).toBe('| ours | 0.550 | 0.736 | 0.712 |')
  })

  it('keeps every other byte: BOM, CRLF, trailing spaces, no final newline', () => {
    const template =
      '\uFEFF# Card  \r\n\r\n| Benchmark | Score |\r\n|---|---|\r\n| Translation\t| {RESULT} |  \r\nStep {step}\rlast line without newline {checkpoint}'
    const { card } = fillModelCard({ ...step1000(), template })
    const expected =
      '\uFEFF# Card  \r\n\r\n| Benchmark | Score |\r\n|---|---|\r\n| Translation\t| 0.804 |  \r\nStep 1000\rlast line without newline step_1000'
    expect(Buffer.from(card, 'utf8').equals(Buffer.from(expected, 'utf8'))).toBe(true)
  })

  it('returns a card without placeholders unchanged', () => {
    const template = '# No placeholders {here}\n\n```json\n{"a": {"b": 1}}\n```\n\\frac{a}{b}'
    expect(fillModelCard({ ...step1000(), template }).card).toBe(template)
  })

  it('reports every unfillable placeholder at once, with file, line and the benchmarks it could be', async () => {
    const scores = { ...step1000().scores, translation: null }
    const error = cardError(() =>
      fillModelCard({ ...step1000(), scores, template: brokenTemplate, templatePath: 'cards/README.md' })
    )
    expect(error.problems.map((p) => p.line)).toEqual([6, 7, 8, 10])
    expect(error.problems.every((p) => p.file === 'cards/README.md')).toBe(true)
    const [math, average, translation, loose] = error.problems.map((p) => p.message)
    expect(math).toContain('"Math"')
    expect(math).toContain('It could be: Math Reasoning (math_reasoning).')
    // "Average" is not taken for eval_accuracy: with weights it isn't a plain average.
    expect(average).toContain('Eval Accuracy (eval_accuracy)')
    expect(average).toContain('Safety Evaluation (safety_evaluation)')
    expect(translation).toContain('Translation (translation), which has no score for checkpoint step_1000')
    expect(loose).toContain('not in a table row')
    expect(error.message).toContain('cards/README.md:6:')
    expect(error.message).toContain('cards/README.md:10:')
  })

  it('reports a row that names two benchmarks', () => {
    const template = '| Math Reasoning | Common Sense | {RESULT} |\n'
    const error = cardError(() => fillModelCard({ ...step1000(), template }))
    expect(error.problems[0].message).toContain(
      'could be any of Math Reasoning (math_reasoning), Common Sense (common_sense)'
    )
  })

  it('errors on a named placeholder whose benchmark has no score (missing or null)', () => {
    const scores: Record<string, number | null> = { math_reasoning: null }
    const error = cardError(() =>
      fillModelCard({
        ...step1000(),
        scores,
        evalAccuracy: null,
        template: 'a {math_reasoning}\nb {common_sense}\nc {eval_accuracy}'
      })
    )
    expect(error.problems.map((p) => [p.file, p.line])).toEqual([
      ['model card template', 1],
      ['model card template', 2],
      ['model card template', 3]
    ])
  })

  it('fills extra values but never lets them shadow the built-in names', () => {
    const { card } = fillModelCard({
      ...step1000(),
      template: '{repo_id} {step}',
      extraValues: { repo_id: 'me/tiny', step: 'x' }
    })
    expect(card).toBe('me/tiny 1000')
  })

  it('says whether a template has placeholders', () => {
    expect(hasPlaceholders({ template: '| x | {RESULT} |', benchmarks: SUITE })).toBe(true)
    expect(hasPlaceholders({ template: 'see {translation}', benchmarks: SUITE })).toBe(true)
    expect(hasPlaceholders({ template: '{"a": 1} \\frac{step}{2} {{step}}', benchmarks: SUITE })).toBe(false)
  })
})

describe('misspelled placeholders', () => {
  const fill = (template: string) =>
    fillModelCard({ ...step1000(), template, templatePath: 'README.md', extraValues: { repo_id: 'me/m' } })

  it('stop the fill, naming file, line, the placeholder and the closest match', () => {
    const template = [
      '# Card', // 1
      'Math: {math_reasonin}', // 2: an edit away
      'Math again: {Math_Reasoning}', // 3: case
      'Overall: {eval-accuracy}', // 4: - for _
      'Repo: {repo-id}, at {stpe}', // 5: an extra value's name; a swap in a short name
      '| Logical Reasoning | {RESULTS} |', // 6
      'Common: {CommonSense}' // 7: the display name without its space
    ].join('\n')
    const error = cardError(() => fill(template))
    expect(
      error.problems.map(
        (p) => `${p.file}:${p.line}: ${p.message.split(';')[0]}; ${p.message.split('? ')[0].split('mean ')[1]}`
      )
    ).toEqual([
      'README.md:2: {math_reasonin} is not a placeholder this card can fill; {math_reasoning} (Math Reasoning)',
      'README.md:3: {Math_Reasoning} is not a placeholder this card can fill; {math_reasoning} (Math Reasoning)',
      'README.md:4: {eval-accuracy} is not a placeholder this card can fill; {eval_accuracy} (Eval Accuracy)',
      'README.md:5: {repo-id} is not a placeholder this card can fill; {repo_id}',
      'README.md:5: {stpe} is not a placeholder this card can fill; {step}',
      'README.md:6: {RESULTS} is not a placeholder this card can fill; {RESULT}',
      'README.md:7: {CommonSense} is not a placeholder this card can fill; {common_sense} (Common Sense)'
    ])
    expect(error.message).toContain('put it in `code` if it is meant literally')
  })

  it('leave braces alone in code, inline code, front matter, and when they are not near any name', () => {
    const template = [
      '---',
      'widget: "{math_reasonin}"',
      'prompt_template: "{Instruction}: {input}"',
      '---',
      'Write `{math_reasonin}` to mean the placeholder; {x}, {name}, {config}, {{eval-accuracy}}',
      '```python',
      'print(f"{eval-accuracy} {Math_Reasoning}")',
      '```',
      'Score {math_reasoning}'
    ].join('\n')
    const { card } = fill(template)
    expect(card).toBe(template.replace('Score {math_reasoning}', 'Score 0.550'))
  })
})

const brokenTemplate = [
  '# Card with mistakes',
  '',
  '| Benchmark | Score |',
  '|---|---|',
  '| Math Reasoning | {RESULT} |',
  '| Math | {RESULT} |',
  '| Average | {RESULT} |',
  '| Translation | {RESULT} |',
  '',
  'Loose result: {RESULT}',
  ''
].join('\n')

describe('the broken.md fixture', () => {
  it('matches the inline copy used above', async () => {
    expect(await fixture('broken.md')).toBe(brokenTemplate)
  })
})

describe('generateModelCard', () => {
  it('writes front matter, the scores by group, eval_accuracy and how the checkpoint was chosen', () => {
    const data = step1000()
    data.scores.translation = null
    const card = generateModelCard({
      ...data,
      repoId: 'me/tiny-model',
      metricName: 'eval_accuracy',
      runUrl: 'https://github.com/me/r/actions/runs/1',
      libraryName: 'transformers'
    })
    const front = parseDocument(card.split('---')[1]).toJS()
    expect(front).toEqual({ library_name: 'transformers', tags: ['checkpoint-eval'] })
    expect(card).toContain('# tiny-model')
    expect(card).toContain('| **Core Reasoning Tasks** | Math Reasoning | 0.550 |')
    expect(card).toContain('|  | Logical Reasoning | 0.819 |')
    expect(card).toContain('| **Specialized Capabilities** | Translation | — (no score) |')
    expect(card).toContain('| | **Eval Accuracy** | **0.712** |')
    expect(card).toContain('ranked by `eval_accuracy`')
    expect(card).toContain('(https://github.com/me/r/actions/runs/1)')
    // Groups appear in the order the suite lists them.
    const groups = [...card.matchAll(/^\| \*\*(.+?)\*\* \|/gm)].map((m) => m[1])
    expect(groups).toEqual([
      'Core Reasoning Tasks',
      'Language Understanding',
      'Generation Tasks',
      'Specialized Capabilities'
    ])
  })
})

describe('mergeModelIndex (front matter handling)', () => {
  const options = {
    modelName: 'tiny-model',
    metrics: measuredMetrics({ benchmarks: SUITE, scores: step1000().scores, evalAccuracy: 0.712 }),
    task: 'text-generation',
    dataset: { type: 'me/eval-set', name: 'Eval set' }
  }

  it("adds model-index after the user's keys, keeping their bytes, comments and the body", async () => {
    const card = await fixture('frontmatter-comments.md')
    const out = mergeModelIndex(card, options).card
    const [, userYaml, body] = card.split(/^---\n/m)
    expect(out.startsWith(`---\n${userYaml}model-index:\n`)).toBe(true)
    expect(out.endsWith(`---\n${body}`)).toBe(true)
    const yamlText = out.split(/^---\n/m)[1]
    const meta = parseDocument(yamlText).toJS()
    expect(meta.license).toBe('apache-2.0')
    expect(meta.tags).toEqual(['tiny', 'quoted tag'])
    const [entry] = meta['model-index']
    expect(entry.name).toBe('tiny-model')
    expect(entry.results[0].task).toEqual({ type: 'text-generation', name: 'Text Generation' })
    expect(entry.results[0].dataset).toEqual({ type: 'me/eval-set', name: 'Eval set' })
    expect(entry.results[0].metrics[0]).toEqual({
      type: 'math_reasoning',
      value: 0.55,
      name: 'Math Reasoning',
      verified: false
    })
    expect(entry.results[0].metrics.at(-1)).toEqual({
      type: 'eval_accuracy',
      value: 0.712,
      name: 'Eval Accuracy',
      verified: false
    })
    expect(yamlText).toContain('value: 0.550')
  })

  it('fills an empty model-index key in place, keeping comments and the order of the other keys', () => {
    const card = '---\n# about\nlicense: mit # why\nmodel-index:\nthumbnail: x.png\n---\nBody\n'
    const out = mergeModelIndex(card, options).card
    const yamlText = out.split('---\n')[1]
    expect(yamlText.startsWith('# about\nlicense: mit # why\nmodel-index:\n- name: tiny-model\n')).toBe(true)
    expect(yamlText.endsWith('thumbnail: x.png\n')).toBe(true)
    const meta = parseDocument(yamlText).toJS()
    expect(meta['model-index'][0].results[0].dataset).toEqual({ type: 'me/eval-set', name: 'Eval set' })
    expect(out.endsWith('---\nBody\n')).toBe(true)
  })

  it('creates front matter when the card has none, keeping BOM and CRLF', () => {
    const card = '\uFEFF# Title\r\n\r\ntext'
    const metrics = measuredMetrics({
      benchmarks: SUITE.slice(0, 2),
      scores: { math_reasoning: 0.5 },
      evalAccuracy: null
    })
    const out = mergeModelIndex(card, { ...options, metrics }).card
    expect(out.startsWith('\uFEFF---\r\nmodel-index:\r\n')).toBe(true)
    expect(out.endsWith('---\r\n# Title\r\n\r\ntext')).toBe(true)
    const meta = parseDocument(out.slice(1).split('---\r\n')[1]).toJS()
    // Unscored benchmarks are left out: the Hub rejects a metric without a value.
    expect(meta['model-index'][0].results[0].metrics).toEqual([
      { type: 'math_reasoning', value: 0.5, name: 'Math Reasoning', verified: false }
    ])
  })

  it('names the line of front matter YAML that does not parse', () => {
    const error = cardError(() =>
      mergeModelIndex('---\nlicense: mit\ntags: [a\n---\nBody', { ...options, cardPath: 'README.md' })
    )
    expect(error.problems[0].file).toBe('README.md')
    expect(error.problems[0].line).toBeGreaterThanOrEqual(3)
    expect(error.message).toContain('does not parse')
  })
})

describe('markdown helpers', () => {
  it('splits lines so that joining them gives the text back, and marks code fences', () => {
    // A fence closes only with at least as many of its own characters: ``` inside ```` is content.
    const text = 'a\r\n````\n{x}\n```\n````\nb\rc'
    const lines = splitCardLines(text)
    expect(lines.map((l) => l.text + l.eol).join('')).toBe(text)
    expect(lines.map((l) => l.inCode)).toEqual([false, true, true, true, true, false, false])
  })

  it('splits YAML front matter closed by --- or ..., after a BOM, with any line endings', () => {
    const card = '\uFEFF---\r\nlicense: mit\r\n...\r\n# Title\r\n'
    const fm = splitFrontMatter(card)!
    expect(fm.yaml).toBe('license: mit\r\n')
    expect(card.slice(fm.yamlEnd, fm.bodyStart)).toBe('...\r\n')
    expect(card.slice(fm.bodyStart)).toBe('# Title\r\n')
    expect(splitFrontMatter('---\n---\nBody')).toEqual({ yaml: '', yamlStart: 4, yamlEnd: 4, bodyStart: 8 })
    expect(splitFrontMatter('---\rtags: []\r---')?.yaml).toBe('tags: []\r')
    // A lone `---` first line is a horizontal rule; `----` is not a fence.
    expect(splitFrontMatter('---\n# Title\n')).toBeNull()
    expect(splitFrontMatter('----\na: 1\n---\n')).toBeNull()
    expect(splitFrontMatter('# Title\n---\na: 1\n---\n')).toBeNull()
  })

  it('finds markdown, reference and HTML links outside code', () => {
    const card = [
      '![loss](figures/loss.png "Loss") and [notes](docs/notes.md#top)',
      '[![badge](badge.svg)](https://ci) `![not](code.png)`',
      '<img width="300"',
      '  src="figures/b.png">',
      '[ref]: <figures/with space.png>',
      '[^1]: A footnote, not a link.',
      '```',
      '![inside](fence.png)',
      '```'
    ].join('\n')
    expect(findCardLinks(card).map((l) => [l.line, l.target])).toEqual([
      [1, 'figures/loss.png'],
      [1, 'docs/notes.md#top'],
      [2, 'badge.svg'],
      [2, 'https://ci'],
      [4, 'figures/b.png'],
      [5, 'figures/with space.png']
    ])
  })
})
