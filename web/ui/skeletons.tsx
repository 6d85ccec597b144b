/** Placeholders shown while a server component's data loads (one per widget). */
export function CardsSkeleton({ count = 4 }: { count?: number }) {
  return (
    <div className="grid" aria-busy="true" aria-label="Loading">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: 78 }} />
      ))}
    </div>
  )
}

export function ChartSkeleton() {
  return <div className="skeleton" style={{ height: 262 }} aria-busy="true" aria-label="Loading chart" />
}

export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return <div className="skeleton" style={{ height: 40 + rows * 36 }} aria-busy="true" aria-label="Loading table" />
}

export function PageSkeleton() {
  return (
    <div>
      <div className="skeleton" style={{ height: 30, width: 240, marginBottom: 16 }} />
      <CardsSkeleton />
      <TableSkeleton />
    </div>
  )
}
