/** One cell per round: green = reward called, red = missed, grey = not active. Oldest first. */
export function RewardCalls({ pools, testId }: { pools: { round: string; called: boolean | null }[]; testId?: string }) {
  return (
    <div className="calls" data-testid={testId} role="img" aria-label={`${pools.filter((p) => p.called).length} of ${pools.filter((p) => p.called !== null).length} reward calls`}>
      {pools.map((pool) => (
        <span key={pool.round} className={pool.called === null ? 'idle' : pool.called ? '' : 'miss'} title={`Round ${pool.round}: ${pool.called === null ? 'not active' : pool.called ? 'reward called' : 'missed'}`} />
      ))}
    </div>
  )
}
