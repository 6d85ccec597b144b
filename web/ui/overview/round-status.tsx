import Link from 'next/link'
import { getOverview } from '@/lib/data/overview'
import { formatEth, formatLpt, formatNumber, formatPercent, formatPpb, toNumber } from '@/lib/format'
import { EmptyState } from '@/ui/common/empty-state'
import { StatCard } from '@/ui/common/stat-card'

/** Current round (number, block progress, initialized) and network totals. */
export async function RoundStatus() {
  const { protocol, headBlock, currentRoundRewards, currentRoundPools } = await getOverview()
  if (!protocol) return <EmptyState>The indexer has not seen the protocol yet: no round has started.</EmptyState>
  const round = protocol.currentRound
  const length = toNumber(round.length) || toNumber(protocol.roundLength)
  const elapsed = headBlock === null ? 0 : Math.min(length, Math.max(0, headBlock - toNumber(round.startBlock)))
  const progress = length > 0 ? elapsed / length : 0
  return (
    <>
      <div className="grid" data-testid="round-status">
        <div className="card">
          <div className="label">Current round</div>
          <div className="value">
            <Link prefetch={false} href={`/rounds/${round.id}`} data-testid="current-round">
              #{round.id}
            </Link>{' '}
            {round.initialized ? <span className="badge ok">initialized</span> : <span className="badge warn">not initialized</span>}
          </div>
          <div className="progress" aria-label="Round progress">
            <div style={{ width: `${(progress * 100).toFixed(1)}%` }} />
          </div>
          <div className="sub">
            {formatNumber(elapsed, 0)} / {formatNumber(length, 0)} blocks ({formatPercent(progress, 0)})
          </div>
        </div>
        <StatCard label="Rewards this round" value={formatLpt(currentRoundRewards)} sub={`${currentRoundPools} pools · mintable ${formatLpt(round.mintableTokens)}`} />
        <StatCard label="Fees this round" value={formatEth(round.volumeETH)} />
        <StatCard label="Participation" value={formatPercent(protocol.participationRate)} sub={`${formatLpt(protocol.totalActiveStake)} bonded`} />
        <StatCard label="Inflation / round" value={formatPpb(protocol.inflation)} sub={`change ${formatPpb(protocol.inflationChange)}`} />
        <StatCard label="Total supply" value={formatLpt(protocol.totalSupply)} />
        <StatCard label="Total fees" value={formatEth(protocol.totalVolumeETH)} sub={`${formatNumber(protocol.winningTicketCount, 0)} winning tickets`} />
        <StatCard label="Orchestrators" value={`${formatNumber(protocol.activeTranscoderCount, 0)} active`} sub={`of ${formatNumber(protocol.numActiveTranscoders, 0)} seats`} />
        <StatCard label="Delegators" value={formatNumber(protocol.delegatorsCount, 0)} />
      </div>
    </>
  )
}
