#!/usr/bin/env node
// Renders job summaries as GitHub shows them and checks what a reader would see: the mermaid
// blocks with the real mermaid package in headless Chromium (a parse error fails), the markdown
// as GitHub-flavoured HTML with GitHub's stylesheet, light and dark, in GitHub's 960 px column.
// It fails when a mermaid block doesn't parse or render, a chart's x-axis labels overlap, a chart
// line lacks the report's colour, or any table is wider than the column (GitHub would make it
// scroll sideways); it writes PNG screenshots for people to look at.
//
//   npm run render                          examples/workspace, examples/real and a 200-checkpoint
//                                           run, through dist/index.js -> docs/screenshots/*.png
//   node scripts/render-report.mjs --check a.md [b.md ...] [--out DIR]
//                                           any markdown files (screenshots only with --out)
//   --open-details                          screenshots with every <details> unfolded
//
// The browser is the system's Chromium (Debian: `apt-get install chromium`; GitHub's runners have
// google-chrome), found on PATH or at $CHROMIUM_PATH: playwright-core downloads no browser.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { marked } from 'marked'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const WIDTH = 960
/** The report's line colour (src/report/chart.ts LINE_COLOUR). */
const LINE_COLOUR = '#ea580c'
const THEMES = {
  light: { css: 'github-markdown-light.css', background: '#ffffff', mermaid: 'default' },
  dark: { css: 'github-markdown-dark.css', background: '#0d1117', mermaid: 'dark' }
}

function findBrowser() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()
    if (found) return found
  }
  throw new Error('No Chromium found: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.')
}

/** The three runs the README's screenshots show, through the bundle as users run it. */
function exampleSummaries(work) {
  // Output inside the (git-ignored) eval-results/, so the summaries show paths as a user's would.
  const cli = (args, name) => {
    const out = path.join('eval-results', 'render', name)
    execFileSync(process.execPath, ['dist/index.js', ...args, '--output-dir', out], { cwd: root, stdio: 'ignore' })
    return readFileSync(path.join(root, out, 'summary.md'), 'utf8')
  }
  // 200 checkpoints at uneven steps (dense early, sparse late), scored by the built-in suite.
  const many = path.join(work, 'checkpoints-200')
  const source = path.join(root, 'examples/workspace/checkpoints/step_100')
  for (let i = 0; i < 200; i++) {
    const step = i < 100 ? 10 * (i + 1) : 1000 + 90 * (i - 99)
    const dir = path.join(many, `checkpoint-${step}`)
    mkdirSync(dir, { recursive: true })
    for (const file of ['model.safetensors', 'config.json']) copyFileSync(path.join(source, file), path.join(dir, file))
  }
  return [
    { name: 'workspace', markdown: cli(['--checkpoint-dir', 'examples/workspace/checkpoints'], 'workspace') },
    {
      name: 'real',
      markdown: cli(
        [
          '--checkpoint-dir',
          'examples/real/checkpoints',
          '--evaluator',
          'command',
          '--eval-command',
          'node examples/real/evaluate.mjs {checkpoint}',
          '--metric',
          'accuracy'
        ],
        'real'
      )
    },
    { name: '200-checkpoints', markdown: cli(['--checkpoint-dir', many], '200-checkpoints') }
  ]
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function html(markdown, theme) {
  marked.use({
    renderer: {
      code({ text, lang }) {
        return lang === 'mermaid'
          ? `<div class="mermaid-source" hidden>${escapeHtml(text)}</div>`
          : `<pre><code>${escapeHtml(text)}</code></pre>`
      }
    }
  })
  const css = readFileSync(require.resolve(`github-markdown-css/${THEMES[theme].css}`), 'utf8')
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style><style>
    body { margin: 0; padding: 16px; background: ${THEMES[theme].background}; }
    .markdown-body { box-sizing: content-box; width: ${WIDTH}px; }
    .mermaid-chart { margin-bottom: 16px; }
  </style></head><body><article class="markdown-body">${marked.parse(markdown, { gfm: true })}</article></body></html>`
}

/* global document, mermaid -- the two functions below run in the page, not in Node */

/** In the page: renders every mermaid source as GitHub does (mermaid's theme follows GitHub's). */
async function renderMermaid(theme) {
  const problems = []
  mermaid.initialize({ startOnLoad: false, theme, securityLevel: 'strict' })
  let n = 0
  for (const source of document.querySelectorAll('.mermaid-source')) {
    const text = source.textContent
    const chart = document.createElement('div')
    chart.className = 'mermaid-chart'
    source.replaceWith(chart)
    try {
      await mermaid.parse(text)
      chart.innerHTML = (await mermaid.render(`chart-${n++}`, text)).svg
    } catch (error) {
      problems.push(
        `mermaid block ${n}: ${String(error?.message ?? error)
          .split('\n')
          .slice(0, 3)
          .join(' ')}`
      )
    }
  }
  return problems
}

/** In the page: what a reader would trip over. */
function inspect({ width, lineColour, openDetails }) {
  const problems = []
  const details = [...document.querySelectorAll('details')]
  for (const d of details) d.open = true
  document.querySelectorAll('table').forEach((table, i) => {
    const head = table.querySelector('tr')?.textContent.trim().replace(/\s+/g, ' ').slice(0, 60)
    if (table.scrollWidth > table.clientWidth + 1 || table.getBoundingClientRect().width > width + 1) {
      problems.push(`table ${i + 1} (${head}) is ${table.scrollWidth} px wide: more than the ${width} px column`)
    }
  })
  document.querySelectorAll('.mermaid-chart svg').forEach((svg, i) => {
    if (svg.getBoundingClientRect().width > width + 1) problems.push(`chart ${i + 1} is wider than ${width} px`)
    const lines = [...svg.querySelectorAll('.line-plot-0 path, [class*="line-plot"] path')]
    if (lines.length === 0) problems.push(`chart ${i + 1} has no line`)
    for (const line of lines) {
      if (line.getAttribute('stroke')?.toLowerCase() !== lineColour) {
        problems.push(`chart ${i + 1}: line colour ${line.getAttribute('stroke')}, not ${lineColour}`)
      }
    }
    for (const axis of ['bottom-axis', 'left-axis']) {
      const boxes = [...svg.querySelectorAll(`.${axis} .label text`)].map((t) => t.getBoundingClientRect())
      for (let a = 1; a < boxes.length; a++) {
        const p = boxes[a - 1]
        const q = boxes[a]
        if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) {
          problems.push(`chart ${i + 1}: ${axis} labels ${a} and ${a + 1} overlap`)
        }
      }
    }
  })
  for (const d of details) d.open = openDetails
  return problems
}

async function main() {
  const args = process.argv.slice(2)
  const outAt = args.indexOf('--out')
  const out = outAt >= 0 ? path.resolve(args[outAt + 1]) : undefined
  const checkAt = args.indexOf('--check')
  // Screenshots show what a reader sees first (folded); --open-details unfolds every <details>.
  const openDetails = args.includes('--open-details')
  const work = mkdtempSync(path.join(os.tmpdir(), 'render-report-'))
  let problems = []
  const browser = await chromium.launch({ executablePath: findBrowser(), args: ['--no-sandbox'] })
  try {
    const cases =
      checkAt >= 0
        ? args
            .slice(checkAt + 1)
            .filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--out')
            .map((file) => ({ name: path.basename(file, '.md'), markdown: readFileSync(file, 'utf8') }))
        : exampleSummaries(work)
    const screenshots = checkAt >= 0 ? out : (out ?? path.join(root, 'docs/screenshots'))
    if (screenshots) mkdirSync(screenshots, { recursive: true })
    for (const { name, markdown } of cases) {
      for (const theme of Object.keys(THEMES)) {
        const page = await browser.newPage({ viewport: { width: WIDTH + 32, height: 800 }, deviceScaleFactor: 1 })
        await page.setContent(html(markdown, theme))
        await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') })
        const found = [
          ...(await page.evaluate(renderMermaid, THEMES[theme].mermaid)),
          ...(await page.evaluate(inspect, { width: WIDTH, lineColour: LINE_COLOUR, openDetails }))
        ]
        problems.push(...found.map((p) => `${name} (${theme}): ${p}`))
        if (screenshots) {
          const file = path.join(screenshots, `${name}-${theme}.png`)
          await page.screenshot({ path: file, fullPage: true })
          console.log(`wrote ${path.relative(process.cwd(), file)}`)
        }
        await page.close()
      }
    }
    console.log(`rendered ${cases.length} summaries in light and dark at ${WIDTH} px`)
  } finally {
    await browser.close()
    rmSync(work, { recursive: true, force: true })
  }
  problems = [...new Set(problems)]
  for (const p of problems) console.error(`render check: ${p}`)
  if (problems.length) process.exit(1)
}

main().catch((error) => {
  console.error(`render check: ${error?.stack ?? error}`)
  process.exit(1)
})
