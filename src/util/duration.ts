/** A time span as people read it: 850 ms -> `0.9s`, 125 s -> `2m 5s`, 2 h -> `2h 0m`. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`
}
