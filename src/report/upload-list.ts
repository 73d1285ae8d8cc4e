// The upload list shown in the job summary and the dry run: what goes up, and what was left out.
import type { UploadPlan } from '../domain/publication.js'
import { formatBytes } from '../util/bytes.js'

function codeCell(text: string): string {
  const escaped = text.replace(/\|/g, '\\|')
  return text.includes('`') ? escaped : `\`${escaped}\``
}

/** A markdown table of the files (and what was left out); long lists are cut at maxRows. */
export function formatUploadList(plan: UploadPlan, options: { maxRows?: number } = {}): string {
  const maxRows = options.maxRows ?? 200
  const out = ['| File | Size | Kind |', '|---|---:|---|']
  for (const f of plan.files.slice(0, maxRows))
    out.push(`| ${codeCell(f.pathInRepo)} | ${formatBytes(f.size)} | ${f.kind} |`)
  const rest = plan.files.slice(maxRows)
  if (rest.length > 0) {
    out.push(
      `| … and ${rest.length} more file${rest.length === 1 ? '' : 's'} | ${formatBytes(rest.reduce((s, f) => s + f.size, 0))} | |`
    )
  }
  out.push(
    `| **${plan.files.length} file${plan.files.length === 1 ? '' : 's'}** | **${formatBytes(plan.totalBytes)}** | |`
  )
  if (plan.excluded.length > 0) {
    out.push('', '**Not uploaded**', '', '| Path | Why |', '|---|---|')
    for (const e of plan.excluded.slice(0, maxRows))
      out.push(`| ${codeCell(e.path)} | ${e.reason.replace(/\|/g, '\\|')} |`)
    if (plan.excluded.length > maxRows) out.push(`| … and ${plan.excluded.length - maxRows} more | |`)
  }
  return out.join('\n') + '\n'
}
