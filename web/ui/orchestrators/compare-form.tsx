'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent, type ReactNode } from 'react'

/**
 * Wraps the orchestrator table: its row checkboxes (`name="ids"`) pick 2–4 orchestrators to compare.
 * Without JS the form still submits `?ids=a&ids=b`, which /compare accepts too.
 */
export function CompareForm({ children }: { children: ReactNode }) {
  const router = useRouter()
  const [count, setCount] = useState(0)
  const selected = (form: HTMLFormElement) => [...form.querySelectorAll<HTMLInputElement>('input[name="ids"]:checked')].map((input) => input.value)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const ids = selected(event.currentTarget)
    if (ids.length >= 2 && ids.length <= 4) router.push(`/compare?ids=${ids.join(',')}`)
  }
  const ready = count >= 2 && count <= 4
  return (
    <form action="/compare" method="get" onSubmit={onSubmit} onChange={(event) => setCount(selected(event.currentTarget).length)}>
      <div className="compare-bar">
        <button type="submit" disabled={!ready} data-testid="compare-button">
          Compare {count > 0 ? `(${count})` : ''}
        </button>
        <span className="muted" data-testid="compare-hint">
          {count > 4 ? 'Pick at most 4 orchestrators.' : count < 2 ? 'Tick 2–4 rows to compare them side by side.' : 'Ready to compare.'}
        </span>
      </div>
      {children}
    </form>
  )
}
