import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="empty" data-testid="not-found">
      <h2>Not found</h2>
      <p>Nothing is indexed under this address or number.</p>
      <Link prefetch={false} href="/">Back to the overview</Link>
    </div>
  )
}
