// The job summary's sections after the evaluation itself: the baseline comparison, the gate, the Hub.
import path from 'node:path'
import type { GateResult } from '../domain/gate.js'
import type { PublishOutcome } from '../domain/publication.js'
import { formatUploadList } from './upload-list.js'
import { cell } from './markdown.js'

/** The change against the baseline: the table, or a line saying there is no baseline yet (null). Undefined: none asked for. */
export function comparisonSection(
  comparisonMarkdown: string | undefined,
  baseline: 'found' | 'none-yet' | 'not-asked'
): string {
  if (comparisonMarkdown) return `### Change against the baseline\n\n${comparisonMarkdown}`
  return baseline === 'none-yet' ? '### Change against the baseline\n\nNo baseline yet: nothing to compare with.' : ''
}

export function gateSection(gate: GateResult): string {
  if (gate.status === 'skipped') return ''
  const icon = gate.status === 'passed' ? '✅' : '❌'
  const rows = gate.checks.map((c) => `- ${c.passed ? '✅' : '❌'} **${c.name}**: ${c.detail}`)
  return [`### ${icon} Gate ${gate.status}`, rows.join('\n') || gate.reasons.map((r) => `- ${r}`).join('\n')].join(
    '\n\n'
  )
}

export function publishSection(publish: PublishOutcome): string {
  switch (publish.status) {
    case 'skipped': {
      // A plan error lists every problem on its own line: keep them readable as a list.
      const [first, ...rest] = publish.reason.split('\n').filter((l) => l.trim())
      const list = rest.map((l) => `- ${l.replace(/^\s*-\s*/, '')}`).join('\n')
      return `### Hub\n\nNot published: ${first}${rest.length ? `\n\n${list}` : '.'}`
    }
    case 'dry-run': {
      const { card } = publish.plan
      const template = card.templatePath ? `, \`${cell(path.basename(card.templatePath))}\`` : ''
      return `### Hub (dry run: nothing was sent)\n\nWould publish to \`${publish.repoId}\` (model card: ${card.source}${template}):\n\n${formatUploadList(publish.plan)}`
    }
    case 'published': {
      const r = publish.result
      const where = r.prUrl ? `pull request ${r.prUrl}` : `commit [\`${r.commitSha.slice(0, 10)}\`](${r.commitUrl})`
      return `### 🤗 Published to [${r.repoId}](${r.repoUrl})\n\n${where}, verified after upload.\n\n${formatUploadList(publish.plan)}`
    }
  }
}
