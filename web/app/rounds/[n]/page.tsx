import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getRound } from '@/lib/data/rounds'
import { feeCutPpm, formatEth, formatLpt, formatPercent, formatPpb, formatPpm, formatTimestamp, toNumber } from '@/lib/format'
import { AddressLink } from '@/ui/common/address-link'
import { EmptyState } from '@/ui/common/empty-state'
import { PageTitle } from '@/ui/common/page-title'
import { Section } from '@/ui/common/section'
import { StatCard } from '@/ui/common/stat-card'

type Params = { params: Promise<{ n: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Round ${(await params).n}` }
}

export default async function RoundPage({ params }: Params) {
  const { n } = await params
  if (!/^\d{1,10}$/.test(n)) notFound()
  const round = await getRound(String(Number(n)))
  if (!round) notFound()
  const called = round.pools.filter((p) => p.rewardTokens !== null)
  const minted = called.reduce((sum, p) => sum + toNumber(p.rewardTokens), 0)
  const number = Number(round.id)
  return (
    <>
      <PageTitle title={`Round ${round.id}`} sub={`Started ${formatTimestamp(round.startTimestamp)} at block ${round.startBlock}`}>
        <div className="filters">
          {number > 0 ? <Link prefetch={false} href={`/rounds/${number - 1}`}>← {number - 1}</Link> : null}
          <Link prefetch={false} href={`/rounds/${number + 1}`}>{number + 1} →</Link>
        </div>
      </PageTitle>
      <div className="grid" data-testid="round-stats">
        <StatCard label="State" value={round.initialized ? <span className="badge ok">initialized</span> : <span className="badge warn">not initialized</span>} sub={`${round.length} blocks`} />
        <StatCard label="Reward calls" value={`${called.length}/${round.pools.length}`} />
        <StatCard label="Rewards minted" value={formatLpt(minted)} sub={`mintable ${formatLpt(round.mintableTokens)}`} />
        <StatCard label="Fees" value={formatEth(round.volumeETH)} />
        <StatCard label="Active stake" value={formatLpt(round.totalActiveStake)} sub={`participation ${formatPercent(round.participationRate)}`} />
        <StatCard label="Inflation" value={formatPpb(round.inflation)} />
      </div>
      <Section title="Pools" testId="round-pools">
        {round.pools.length === 0 ? (
          <EmptyState>No pools in this round (it has not been initialized, or no orchestrator was active).</EmptyState>
        ) : (
          <div className="table-wrap">
            <table data-testid="pools-table">
              <thead>
                <tr>
                  <th>Orchestrator</th>
                  <th className="num">Stake</th>
                  <th>Reward</th>
                  <th className="num">Rewards</th>
                  <th className="num">Kept</th>
                  <th className="num">Fees</th>
                  <th className="num">Reward cut</th>
                  <th className="num">Fee cut</th>
                </tr>
              </thead>
              <tbody>
                {round.pools.map((p) => (
                  <tr key={p.id} data-testid="pool-row">
                    <td><AddressLink address={p.delegate.id} kind="orchestrator" /></td>
                    <td className="num">{formatLpt(p.totalStake)}</td>
                    <td>{p.rewardTokens !== null ? <span className="badge ok">called</span> : <span className="badge bad">missed</span>}</td>
                    <td className="num">{p.rewardTokens === null ? '—' : formatLpt(p.rewardTokens)}</td>
                    <td className="num">{p.rewardCommission === null ? '—' : formatLpt(p.rewardCommission)}</td>
                    <td className="num">{formatEth(p.fees)}</td>
                    <td className="num">{formatPpm(p.rewardCut)}</td>
                    <td className="num">{formatPpm(feeCutPpm(p.feeShare))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
  )
}
