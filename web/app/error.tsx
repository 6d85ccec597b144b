'use client'

/**
 * A page's data failed to load (API down, bad answer): say so and offer a retry. Production builds
 * hide server error messages (only a digest crosses to the browser), so the text stays generic then.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-box" role="alert" data-testid="error-state">
      <h2>Could not load this page</h2>
      <p className="muted">
        {error.digest ? 'The Peerscope API did not answer or rejected the query. The server log has the details.' : error.message.split('\n')[0]}
      </p>
      {error.digest ? <p className="muted mono">digest {error.digest}</p> : null}
      <button type="button" onClick={() => reset()}>
        Try again
      </button>
    </div>
  )
}
