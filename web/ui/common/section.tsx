import type { ReactNode } from 'react'

/** A titled block of a page. */
export function Section({ title, children, aside, testId }: { title: string; children: ReactNode; aside?: ReactNode; testId?: string }) {
  return (
    <section className="section" data-testid={testId}>
      <div className="page-head" style={{ marginBottom: 8 }}>
        <h2>{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  )
}
