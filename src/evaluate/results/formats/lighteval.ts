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
  const said = statedDirections(json.config_tasks)
  /** What config_tasks says of a metric's direction, recorded so a `metric:` naming it ranks the right way. */
  const direction = (key: string, metric: string): boolean | undefined => said.get(key)?.get(metric)
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
      for (const m of metrics) {
        out.addMetric(`all/${m.key}`, m.value)
        const agreed = agreedDirection(said, m.metric)
        if (agreed !== undefined) out.directions[`all/${m.key}`] = agreed
      }
      continue
    }
    const isAverage = p.task.endsWith(AVERAGE)
    const task = isAverage ? p.task.slice(0, -AVERAGE.length) : p.task
    const id = (taskCounts.get(p.task) ?? 0) > 1 && p.shots !== null ? `${task}|${p.shots}` : task
    const addDetail = (m: (typeof metrics)[number]) => {
      out.addMetric(`${id}/${m.key}`, m.value)
      const known = direction(p.key, m.metric)
      if (known !== undefined) out.directions[`${id}/${m.key}`] = known
    }
    if (!isAverage && task.includes(':') && averaged.has(task.split(':')[0])) {
      for (const m of metrics) addDetail(m)
      continue
    }
    if (metrics.length === 0) {
      out.notes.push(`task '${p.key}' has no numeric metric; ignored`)
      continue
    }
    const [primary, ...rest] = metrics
    const shots = p.shots !== null ? `, ${p.shots}-shot` : ''
    const label = `${task}${isAverage ? ' average' : ''} (${metricLabel(primary)}${shots})`
    const known = direction(p.key, primary.metric)
    out.addBenchmark(
      benchmarkOf(id, label, p.suite ?? 'lighteval', known ?? higherIsBetterFromName(primary.metric), primary.key),
      primary.value,
      `task '${p.key}' metric '${primary.key}'`
    )
    if (known !== undefined) out.directions[id] = known
    for (const m of rest) addDetail(m)
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

/**
 * `config_tasks -> "suite|task|shots" -> metrics[]`: each entry names its metric(s) (`metric_name`,
 * a string or a list) and says `higher_is_better` (a boolean, or one per metric name). Task key ->
 * metric -> higher is better; entries that say nothing are left out.
 */
function statedDirections(configTasks: unknown): Map<string, Map<string, boolean>> {
  const said = new Map<string, Map<string, boolean>>()
  if (!isRecord(configTasks)) return said
  for (const [key, config] of Object.entries(configTasks)) {
    if (!isRecord(config) || !Array.isArray(config.metrics)) continue
    const directions = new Map<string, boolean>()
    for (const metric of config.metrics) {
      if (!isRecord(metric)) continue
      const names = [metric.metric_name].flat().filter((n): n is string => typeof n === 'string')
      const higher = metric.higher_is_better
      for (const name of names) {
        const value = isRecord(higher) ? higher[name] : higher
        if (typeof value === 'boolean') directions.set(name, value)
      }
    }
    if (directions.size > 0) said.set(key, directions)
  }
  return said
}

/** The direction every task that states one gives `metric` (for the `all` block), if they agree. */
function agreedDirection(said: Map<string, Map<string, boolean>>, metric: string): boolean | undefined {
  const stated = new Set([...said.values()].map((d) => d.get(metric)).filter((v) => v !== undefined))
  return stated.size === 1 ? [...stated][0] : undefined
}
