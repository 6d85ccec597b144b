import type { ReactNode } from 'react'

/** What a list or chart shows when there is nothing to show, and why. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="empty" data-testid="empty-state">
      {children}
    </div>
  )
}
