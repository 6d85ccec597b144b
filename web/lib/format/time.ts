/** Seconds since the epoch as "2026-11-24 17:06 UTC". */
export function formatTimestamp(seconds: number | string): string {
  const date = new Date(Number(seconds) * 1000)
  if (Number.isNaN(date.getTime())) return '—'
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** Seconds since the epoch as "2026-11-24". */
export function formatDate(seconds: number | string): string {
  const date = new Date(Number(seconds) * 1000)
  return Number.isNaN(date.getTime()) ? '—' : date.toISOString().slice(0, 10)
}

/** "3 min ago", relative to `now` (seconds). */
export function formatAgo(seconds: number, now = Date.now() / 1000): string {
  const delta = Math.max(0, Math.round(now - seconds))
  if (delta < 60) return `${delta} s ago`
  if (delta < 3600) return `${Math.round(delta / 60)} min ago`
  if (delta < 86_400) return `${Math.round(delta / 3600)} h ago`
  return `${Math.round(delta / 86_400)} d ago`
}
