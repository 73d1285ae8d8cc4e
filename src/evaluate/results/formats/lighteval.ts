// lighteval results (`results -> "suite|task|shots" -> {metric: value}`): one benchmark per task;
// see the rules in index.ts.
import { higherIsBetterFromName } from '../../../domain/metric-semantics.js'
import { benchmarkOf, Collector, type ParsedMetrics } from './collector.js'
import { isRecord } from './json.js'
import { metricEntries, metricLabel } from './task-metrics.js'

const AVERAGE = ':_average'

export function parseLighteval(json: Record<string, unknown>, source: string): ParsedMetrics {
  const out = new Collector('lighteval', source)
  const results = json.results as Record<string, unknown>
  const parsed = Object.entries(results)
    .filter((pair): pair is [string, Record<string, unknown>] => isRecord(pair[1]))
    .map(([key, entry]) => ({ key, entry, ...splitLightevalKey(key) }))
  // `mmlu:_average` stands for every `mmlu:*` subtask: those become detail.
  const averaged = new Set(parsed.filter((p) => p.task.endsWith(AVERAGE)).map((p) => p.task.slice(0, -AVERAGE.length)))
  const taskCounts = new Map<string, number>()
  for (const p of parsed) taskCounts.set(p.task, (taskCounts.get(p.task) ?? 0) + 1)

  for (const p of parsed) {
    const metrics = metricEntries(p.entry)
    if (p.key === 'all') {
      for (const m of metrics) out.addMetric(`all/${m.key}`, m.value)
      continue
    }
    const isAverage = p.task.endsWith(AVERAGE)
    const task = isAverage ? p.task.slice(0, -AVERAGE.length) : p.task
    const id = (taskCounts.get(p.task) ?? 0) > 1 && p.shots !== null ? `${task}|${p.shots}` : task
    if (!isAverage && task.includes(':') && averaged.has(task.split(':')[0])) {
      for (const m of metrics) out.addMetric(`${id}/${m.key}`, m.value)
      continue
    }
    if (metrics.length === 0) {
      out.notes.push(`task '${p.key}' has no numeric metric; ignored`)
      continue
    }
    const [primary, ...rest] = metrics
    const shots = p.shots !== null ? `, ${p.shots}-shot` : ''
    const label = `${task}${isAverage ? ' average' : ''} (${metricLabel(primary)}${shots})`
    out.addBenchmark(
      benchmarkOf(id, label, p.suite ?? 'lighteval', higherIsBetterFromName(primary.metric), primary.key),
      primary.value,
      `task '${p.key}' metric '${primary.key}'`
    )
    for (const m of rest) out.addMetric(`${id}/${m.key}`, m.value)
  }
  return out.finish()
}

/** `leaderboard|arc:challenge|25` / `gsm8k|0` / `ifeval` -> suite, task, shots. */
function splitLightevalKey(key: string): { suite: string | null; task: string; shots: string | null } {
  const parts = key.split('|')
  if (parts.length >= 3) return { suite: parts[0], task: parts.slice(1, -1).join('|'), shots: parts[parts.length - 1] }
  if (parts.length === 2) {
    return /^\d+$/.test(parts[1])
      ? { suite: null, task: parts[0], shots: parts[1] }
      : { suite: parts[0], task: parts[1], shots: null }
  }
  return { suite: null, task: key, shots: null }
}
