import type { Metadata } from 'next'
import Link from 'next/link'
import { getRounds } from '@/lib/data/rounds'
import { formatEth, formatLpt, formatPercent, formatTimestamp } from '@/lib/format'
import { EmptyState } from '@/ui/common/empty-state'
import { PageTitle } from '@/ui/common/page-title'

export const metadata: Metadata = { title: 'Rounds' }

export default async function RoundsPage() {
  const rounds = await getRounds({ first: 100 })
  return (
    <>
      <PageTitle title="Rounds" sub="Newest first: reward calls, minted LPT and fees per round" />
      {rounds.length === 0 ? (
        <EmptyState>No round indexed yet.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table data-testid="rounds-table">
            <thead>
              <tr>
                <th>Round</th>
                <th>Started</th>
                <th className="num">Start block</th>
                <th>State</th>
                <th className="num">Reward calls</th>
                <th className="num">Rewards</th>
                <th className="num">Fees</th>
                <th className="num">Active stake</th>
                <th className="num">Participation</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => {
                const called = r.pools.filter((p) => p.rewardTokens !== null)
                return (
                  <tr key={r.id} data-testid="round-row">
                    <td><Link prefetch={false} href={`/rounds/${r.id}`}>#{r.id}</Link></td>
                    <td>{formatTimestamp(r.startTimestamp)}</td>
                    <td className="num">{r.startBlock}</td>
                    <td>{r.initialized ? <span className="badge ok">initialized</span> : <span className="badge warn">not initialized</span>}</td>
                    <td className="num">{called.length}/{r.pools.length}</td>
                    <td className="num">{formatLpt(called.reduce((sum, p) => sum + Number(p.rewardTokens), 0))}</td>
                    <td className="num">{formatEth(r.volumeETH)}</td>
                    <td className="num">{formatLpt(r.totalActiveStake)}</td>
                    <td className="num">{formatPercent(r.participationRate)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
