// lm-evaluation-harness results (`results -> task -> "acc,none"`): one benchmark per top-level
// task or scored group; see the rules in index.ts.
import { higherIsBetterFromName } from '../../../domain/metric-semantics.js'
import { benchmarkOf, Collector, type ParsedMetrics } from './collector.js'
import { isRecord } from './json.js'
import type { DatasetRef } from '../../../domain/types.js'
import { metricEntries, metricLabel, type MetricEntry } from './task-metrics.js'

export function parseLmEval(json: Record<string, unknown>, source: string): ParsedMetrics {
  const out = new Collector('lm-eval', source)
  const results = json.results as Record<string, unknown>
  const groups = isRecord(json.groups) ? json.groups : {}
  const hierarchy = isRecord(json.group_subtasks) ? json.group_subtasks : {}
  const higher = isRecord(json.higher_is_better) ? json.higher_is_better : {}
  const configs = isRecord(json.configs) ? json.configs : {}

  const entryOf = (name: string): Record<string, unknown> | undefined => {
    const candidates = [results[name], groups[name]].filter(isRecord)
    return candidates.find((c) => metricEntries(c).length > 0) ?? candidates[0]
  }
  const subtasksOf = (name: string): string[] =>
    Array.isArray(hierarchy[name])
      ? (hierarchy[name] as unknown[]).filter((s): s is string => typeof s === 'string' && s !== name)
      : []
  const parent = new Map<string, string>()
  for (const name of Object.keys(hierarchy))
    for (const child of subtasksOf(name)) if (!parent.has(child)) parent.set(child, name)
  const topOf = (name: string): string => {
    const seen = new Set<string>()
    while (parent.has(name) && !seen.has(name)) {
      seen.add(name)
      name = parent.get(name) as string
    }
    return name
  }

  // What the file says about each metric's direction (lm-eval >= 0.4), recorded for every metric
  // it lists so a `metric:` naming any of them ranks the right way.
  const said = (name: string, metric: string): boolean | undefined => {
    const known = isRecord(higher[name]) ? higher[name][metric] : undefined
    return typeof known === 'boolean' ? known : undefined
  }
  const addDetail = (name: string, m: MetricEntry): void => {
    out.addMetric(`${name}/${m.key}`, m.value)
    const direction = said(name, m.metric)
    if (direction !== undefined) out.directions[`${name}/${m.key}`] = direction
  }

  const visited = new Set<string>()
  // Everything under a scored group is detail: its numbers go to `metrics`.
  const collectDetail = (name: string): void => {
    if (visited.has(name)) return
    visited.add(name)
    const entry = entryOf(name)
    if (entry) for (const m of metricEntries(entry)) addDetail(name, m)
    for (const child of subtasksOf(name)) collectDetail(child)
  }
  const walk = (name: string, group: string | null): void => {
    if (visited.has(name)) return
    visited.add(name)
    const entry = entryOf(name)
    const metrics = entry ? metricEntries(entry) : []
    if (metrics.length > 0 && entry) {
      const [primary, ...rest] = metrics
      const alias = typeof entry.alias === 'string' ? entry.alias.trim().replace(/^-\s*/, '') : ''
      const known = said(name, primary.metric)
      const higherIsBetter = known ?? higherIsBetterFromName(primary.metric)
      const label = `${alias || name} (${metricLabel(primary)})`
      out.addBenchmark(
        {
          ...benchmarkOf(name, label, group ?? 'lm-evaluation-harness', higherIsBetter, primary.key),
          dataset: datasetOf(name, configs[name])
        },
        primary.value,
        `task '${name}' metric '${primary.key}'`
      )
      if (known !== undefined) out.directions[name] = known
      for (const m of rest) addDetail(name, m)
      for (const child of subtasksOf(name)) collectDetail(child)
      return
    }
    const children = subtasksOf(name)
    if (children.length === 0) {
      out.notes.push(`task '${name}' has no numeric metric; ignored`)
      return
    }
    for (const child of children) walk(child, name)
  }

  // The results' order is lm-eval's display order (a group before its subtasks).
  for (const name of [...Object.keys(results), ...Object.keys(groups), ...Object.keys(hierarchy)])
    walk(topOf(name), null)
  return out.finish()
}

/**
 * The dataset a task ran on, from the task config lm-eval writes beside its results
 * (`dataset_path`, `dataset_name`, `test_split`); the task's own name when there is none.
 */
function datasetOf(task: string, config: unknown): DatasetRef {
  const text = (key: string): string | undefined => {
    const value = isRecord(config) ? config[key] : undefined
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  }
  const type = text('dataset_path') ?? task
  const subset = text('dataset_name')
  const split = text('test_split') ?? text('validation_split')
  return { type, name: task, ...(subset ? { config: subset } : {}), ...(split ? { split } : {}) }
}
