import type { Metadata } from 'next'
import Link from 'next/link'
import { Suspense } from 'react'
import { getAccount, type Account } from '@/lib/data/accounts'
import { getAccountEvents } from '@/lib/data/events'
import { feeCutPpm, formatDate, formatEth, formatLpt, formatPercent, formatPpm, parseAddress, toNumber } from '@/lib/format'
import { ChartCard } from '@/ui/charts/chart-card'
import { AddressLink } from '@/ui/common/address-link'
import { EmptyState } from '@/ui/common/empty-state'
import { PageTitle } from '@/ui/common/page-title'
import { Section } from '@/ui/common/section'
import { StatCard } from '@/ui/common/stat-card'
import { EventList } from '@/ui/events/event-list'
import { TableSkeleton } from '@/ui/skeletons'

type Params = { params: Promise<{ address: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Account ${(await params).address.slice(0, 10)}` }
}

async function History({ address }: { address: string }) {
  return <EventList events={await getAccountEvents({ address, first: 50 })} empty="No history for this account." />
}

function Delegating({ account }: { account: Account }) {
  const d = account.delegator!
  const currentRound = Number(account.currentRound ?? 0)
  const rewards = toNumber(d.pendingStake) + toNumber(d.unbonded) - toNumber(d.principal)
  const earnings = [...(account.earnings?.rounds ?? [])].sort((a, b) => a.round - b.round)
  return (
    <>
      <div className="grid" data-testid="delegator-stats">
        <StatCard label="Delegated to" value={d.delegate ? <AddressLink address={d.delegate.id} kind="orchestrator" /> : 'unbonded'} sub={d.delegate ? `reward cut ${formatPpm(d.delegate.rewardCut)} · fee cut ${formatPpm(feeCutPpm(d.delegate.feeShare))}` : undefined} />
        <StatCard label="Stake" value={formatLpt(d.pendingStake)} sub={`bonded ${formatLpt(d.bondedAmount)} · rewards ${formatLpt(rewards)}`} />
        <StatCard label="Pending fees" value={formatEth(d.pendingFees)} sub={`withdrawn ${formatEth(d.withdrawnFees)}`} />
        <StatCard label="Network equity" value={formatPercent(toNumber(account.totalActiveStake) > 0 ? toNumber(d.pendingStake) / toNumber(account.totalActiveStake) : 0, 4)} sub={`since round ${d.startRound}`} />
        {account.earnings ? <StatCard label="Earned (indexed rounds)" value={formatLpt(account.earnings.totalReward)} sub={formatEth(account.earnings.totalFees)} /> : null}
      </div>
      <div className="grid-2">
        <ChartCard title="Earnings per round" format="lpt" xLabel="Round" testId="earnings-chart" empty="No earnings recorded yet." series={[{ key: 'reward', label: 'LPT reward', color: '#27d67e', kind: 'bar' }]} data={earnings.map((e) => ({ x: String(e.round), reward: toNumber(e.reward) }))} />
        <ChartCard title="Fees earned per round" format="eth" xLabel="Round" empty="No fees earned yet." series={[{ key: 'fees', label: 'ETH fees', color: '#4aa3ff', kind: 'bar' }]} data={earnings.filter((e) => toNumber(e.fees) > 0).map((e) => ({ x: String(e.round), fees: toNumber(e.fees) }))} />
      </div>
      <Section title="Unbonding locks" testId="unbonding-locks">
        {d.unbondingLocks.length === 0 ? (
          <EmptyState>No unbonding locks.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr><th>Lock</th><th className="num">Amount</th><th>From</th><th className="num">Withdraw round</th><th>Status</th></tr>
              </thead>
              <tbody>
                {d.unbondingLocks.map((lock) => (
                  <tr key={lock.id}>
                    <td>#{lock.unbondingLockId}</td>
                    <td className="num">{formatLpt(lock.amount)}</td>
                    <td><AddressLink address={lock.delegate.id} kind="orchestrator" /></td>
                    <td className="num">{lock.withdrawRound}</td>
                    <td>{Number(lock.withdrawRound) <= currentRound ? <span className="badge ok">withdrawable</span> : <span className="badge">{Number(lock.withdrawRound) - currentRound} rounds left</span>}</td>
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

function Gateway({ account }: { account: Account }) {
  const g = account.gateway!
  return (
    <Section title="Gateway" testId="gateway-stats">
      <div className="grid">
        <StatCard label="Deposit" value={formatEth(g.deposit)} />
        <StatCard label="Reserve" value={formatEth(g.reserve)} />
        <StatCard label="Fees paid" value={formatEth(g.totalVolumeETH)} sub={`90d ${formatEth(g.ninetyDayVolumeETH)}`} />
        <StatCard label="First funded" value={g.firstFundedDay ? formatDate(g.firstFundedDay * 86_400) : '—'} />
      </div>
      <ChartCard title="Fees paid per round" format="eth" xLabel="Round" empty="No winning tickets paid yet." series={[{ key: 'fees', label: 'fees', color: '#27d67e', kind: 'bar' }]} data={account.feesPaid.map((p) => ({ x: String(p.round), fees: p.fees }))} />
    </Section>
  )
}

export default async function AccountPage({ params }: Params) {
  const raw = decodeURIComponent((await params).address)
  const address = parseAddress(raw)
  if (!address) {
    return (
      <>
        <PageTitle title="Account" />
        <EmptyState>
          <span data-testid="invalid-address">&quot;{raw}&quot; is not an address: enter 0x followed by 40 hex characters.</span>
        </EmptyState>
      </>
    )
  }
  const account = await getAccount(address)
  const known = account.delegator || account.gateway || account.isOrchestrator
  return (
    <>
      <PageTitle title={<>Account <span className="mono">{address}</span></>} sub={[account.isOrchestrator && 'orchestrator', account.delegator && 'delegator', account.gateway && 'gateway'].filter(Boolean).join(' · ') || 'no protocol activity'}>
        {account.isOrchestrator ? <Link prefetch={false} className="button" href={`/orchestrators/${address}`}>Orchestrator view →</Link> : null}
      </PageTitle>
      {!known ? <EmptyState>This address has not bonded, orchestrated or funded a deposit on the indexed chain.</EmptyState> : null}
      {account.delegator ? <Delegating account={account} /> : null}
      {account.gateway ? <Gateway account={account} /> : null}
      <Section title="History" testId="account-history">
        <Suspense fallback={<TableSkeleton />}>
          <History address={address} />
        </Suspense>
      </Section>
    </>
  )
}
