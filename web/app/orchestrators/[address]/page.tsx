import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import Link from 'next/link'
import { Suspense } from 'react'
import { getAccountEvents } from '@/lib/data/events'
import { getOrchestrator } from '@/lib/data/orchestrators'
import { feeCutPpm, formatEth, formatLpt, formatNumber, formatPpm, parseAddress, toNumber } from '@/lib/format'
import { ChartCard } from '@/ui/charts/chart-card'
import { RewardCalls } from '@/ui/charts/reward-calls'
import { AddressLink } from '@/ui/common/address-link'
import { EmptyState } from '@/ui/common/empty-state'
import { PageTitle } from '@/ui/common/page-title'
import { Section } from '@/ui/common/section'
import { StatCard } from '@/ui/common/stat-card'
import { EventList } from '@/ui/events/event-list'
import { BenchmarkTable } from '@/ui/performance/benchmark-table'
import { TableSkeleton } from '@/ui/skeletons'

type Params = { params: Promise<{ address: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Orchestrator ${(await params).address.slice(0, 10)}` }
}

async function Events({ address }: { address: string }) {
  return <EventList events={await getAccountEvents({ address, first: 40 })} empty="No events name this orchestrator." />
}

export default async function OrchestratorPage({ params }: Params) {
  const address = parseAddress(decodeURIComponent((await params).address))
  if (!address) notFound()
  const { transcoder, cutHistory, benchmarks, currentRound } = await getOrchestrator(address)
  if (!transcoder) notFound()
  // Oldest first; the current round is excluded from the reward-call record (spec §6.2, §12 #11).
  const pools = [...transcoder.pools].reverse()
  const past = pools.filter((pool) => pool.round.id !== currentRound)
  const last30 = past.slice(-30)
  return (
    <>
      <PageTitle title={<>Orchestrator <span className="mono">{address}</span></>} sub={transcoder.serviceURI ?? 'no service URI'}>
        <Link prefetch={false} className="button" href={`/accounts/${address}`}>
          Account view →
        </Link>
      </PageTitle>
      <div className="grid" data-testid="orchestrator-stats">
        <StatCard label="Total stake" value={formatLpt(transcoder.totalStake)} />
        <StatCard label="Status" value={transcoder.active ? <span className="badge ok">active</span> : <span className="badge">inactive</span>} sub={`since round ${transcoder.activationRound}`} />
        <StatCard label="Reward cut" value={formatPpm(transcoder.rewardCut)} />
        <StatCard label="Fee cut" value={formatPpm(feeCutPpm(transcoder.feeShare))} />
        <StatCard label="Reward calls (30)" value={`${last30.filter((p) => p.rewardTokens !== null).length}/${last30.length}`} sub={`last reward round ${transcoder.lastRewardRound?.id ?? '—'}`} />
        <StatCard label="Fees earned" value={formatEth(transcoder.totalVolumeETH)} sub={`90d ${formatEth(transcoder.ninetyDayVolumeETH)}`} />
        <StatCard label="Commission kept" value={formatLpt(transcoder.rewardCommission)} sub={formatEth(transcoder.feeCommission)} />
        <StatCard label="Delegators" value={formatNumber(transcoder.delegators.length, 0)} sub={transcoder.delegators.length >= 100 ? 'top 100 shown' : undefined} />
      </div>
      <Section title="Reward calls per round" testId="reward-call-history">
        <div className="card">
          {past.length === 0 ? (
            <EmptyState>No finished round in the active set yet.</EmptyState>
          ) : (
            <>
              <RewardCalls pools={past.map((p) => ({ round: p.round.id, called: p.rewardTokens !== null }))} />
              <div className="sub muted">
                Rounds {past[0]!.round.id}–{past[past.length - 1]!.round.id} (current round excluded): green called, red missed.
              </div>
            </>
          )}
        </div>
      </Section>
      <div className="grid-2">
        <ChartCard
          title="Reward and fee cut history"
          format="percent"
          xLabel="Round"
          testId="cut-history"
          empty="The cuts were never changed."
          series={[{ key: 'rewardCut', label: 'reward cut', color: '#27d67e', kind: 'step' }, { key: 'feeCut', label: 'fee cut', color: '#4aa3ff', kind: 'step' }]}
          data={[
            ...cutHistory.map((e) => ({ x: e.round.id, rewardCut: toNumber(e.rewardCut) / 1e6, feeCut: feeCutPpm(e.feeShare) / 1e6 })),
            // The cuts in force now, so a single change still draws a line up to the current round.
            ...(cutHistory.length > 0 && currentRound !== undefined ? [{ x: currentRound, rewardCut: toNumber(transcoder.rewardCut) / 1e6, feeCut: feeCutPpm(transcoder.feeShare) / 1e6 }] : []),
          ]}
        />
        <ChartCard title="Fees per round" format="eth" xLabel="Round" testId="fees-history" series={[{ key: 'fees', label: 'fees', color: '#27d67e', kind: 'bar' }]} data={pools.map((p) => ({ x: p.round.id, fees: toNumber(p.fees) }))} />
        <ChartCard title="Rewards per round" format="lpt" xLabel="Round" series={[{ key: 'reward', label: 'minted', color: '#f5a524', kind: 'bar' }, { key: 'kept', label: 'kept', color: '#c084fc', kind: 'bar' }]} data={pools.map((p) => ({ x: p.round.id, reward: p.rewardTokens === null ? 0 : toNumber(p.rewardTokens), kept: toNumber(p.rewardCommission) }))} />
        <ChartCard title="Stake per round" format="lpt" xLabel="Round" series={[{ key: 'stake', label: 'stake', color: '#4aa3ff' }]} data={pools.map((p) => ({ x: p.round.id, stake: toNumber(p.totalStake) }))} />
      </div>
      <Section title="Performance (benchmarks)" testId="orchestrator-performance">
        <BenchmarkTable rows={benchmarks} empty="No benchmark samples for this orchestrator yet." showOrchestrator={false} />
      </Section>
      <Section title="Delegators" testId="delegators">
        {transcoder.delegators.length === 0 ? (
          <EmptyState>No delegators.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Delegator</th>
                  <th className="num">Bonded</th>
                  <th className="num">Pending stake</th>
                  <th className="num">Since round</th>
                </tr>
              </thead>
              <tbody>
                {transcoder.delegators.map((d) => (
                  <tr key={d.id}>
                    <td><AddressLink address={d.id} /></td>
                    <td className="num">{formatLpt(d.bondedAmount)}</td>
                    <td className="num">{formatLpt(d.pendingStake)}</td>
                    <td className="num">{d.startRound}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title="Events" testId="orchestrator-events">
        <Suspense fallback={<TableSkeleton />}>
          <Events address={address} />
        </Suspense>
      </Section>
    </>
  )
}
