import type { BenchmarkEntry, OrchestratorComparison, Transcoder } from '@/lib/definitions'
import { feeCutPpm, formatEth, formatLpt, formatNumber, formatPercent, formatPpm, formatWeiPerPixel, shortAddress, toNumber } from '@/lib/format'
import { summarizeBenchmarks } from '@/lib/data/orchestrators'
import { AddressLink } from '@/ui/common/address-link'
import { Section } from '@/ui/common/section'
import { ChartCard } from '@/ui/charts/chart-card'
import { RewardCalls } from '@/ui/charts/reward-calls'
import { comparePalette } from './palette'

type Props = { ids: string[]; comparisons: OrchestratorComparison[]; transcoders: Transcoder[]; benchmarks: BenchmarkEntry[]; principal: number }

/** Orchestrators side by side: figures, cut history, reward calls, per-round earnings, benchmarks. */
export function CompareView({ ids, comparisons, transcoders, benchmarks, principal }: Props) {
  const byId = new Map(comparisons.map((c) => [c.id, c]))
  const transcoderById = new Map(transcoders.map((t) => [t.id, t]))
  const bench = summarizeBenchmarks(benchmarks)
  const present = ids.filter((id) => byId.has(id))
  const rounds = [...new Set(present.flatMap((id) => byId.get(id)!.rounds.map((r) => r.round)))].sort((a, b) => a - b)
  const key = (id: string) => `o${ids.indexOf(id)}`
  const series = present.map((id) => ({ key: key(id), label: shortAddress(id), color: comparePalette[ids.indexOf(id)] ?? '#888' }))
  const perRound = (pick: (r: OrchestratorComparison['rounds'][number]) => number | null) =>
    rounds.map((round) => ({
      x: String(round),
      ...Object.fromEntries(present.map((id) => {
        const row = byId.get(id)!.rounds.find((r) => r.round === round)
        return [key(id), row ? pick(row) : null]
      })),
    }))
  const row = (label: string, cell: (c: OrchestratorComparison, t: Transcoder | undefined) => string) => (
    <tr>
      <th>{label}</th>
      {present.map((id) => (
        <td key={id} className="num">
          {cell(byId.get(id)!, transcoderById.get(id))}
        </td>
      ))}
    </tr>
  )
  const first = comparisons[0]
  return (
    <>
      <div className="table-wrap section">
        <table data-testid="compare-table">
          <thead>
            <tr>
              <th>Rounds {first ? `${first.fromRound}–${first.toRound}` : ''}</th>
              {present.map((id) => (
                <th key={id} className="num" style={{ color: comparePalette[ids.indexOf(id)] }}>
                  <AddressLink address={id} kind="orchestrator" />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {row('Stake', (c, t) => formatLpt(t?.totalStake ?? c.stake))}
            {row('Reward cut', (c) => formatPpm(c.rewardCut))}
            {row('Fee cut', (c) => formatPpm(feeCutPpm(c.feeShare)))}
            {row('Reward calls', (c) => `${c.rewardCalls}/${c.activeRounds} (${c.missedRewardCalls} missed)`)}
            {row('Rewards minted', (c) => formatLpt(c.rewardTokens))}
            {row('Kept as commission', (c) => formatLpt(c.rewardCommission))}
            {row('To delegators / round', (c) => formatLpt(c.delegatorsRewardPerRound))}
            {row(`${formatNumber(principal)} LPT would earn / round`, (c) => formatLpt(toNumber(c.averageDelegatorsRewardRate) * principal))}
            {row('Fees', (c) => formatEth(c.fees))}
            {row('Fees to delegators', (c) => formatEth(c.delegatorsFees))}
            {row('Fees 90d', (_c, t) => formatEth(t?.ninetyDayVolumeETH ?? 0))}
            {row('Benchmark score', (c) => (bench.get(c.id)?.score === null || !bench.get(c.id) ? '—' : formatNumber((bench.get(c.id)!.score ?? 0) * 10, 2)))}
            {row('Latency p50', (c) => {
              const rows = benchmarks.filter((b) => b.orchestrator === c.id)
              return rows.length ? `${formatNumber(Math.min(...rows.map((b) => b.latencyP50Ms)), 0)} ms` : '—'
            })}
            {row('Price', (c) => formatWeiPerPixel(bench.get(c.id)?.pricePerPixel ?? null))}
          </tbody>
        </table>
      </div>
      <Section title="Reward calls per round" testId="compare-reward-calls">
        <div className="card">
          {present.map((id) => (
            <div key={id} style={{ display: 'flex', gap: 10, alignItems: 'center', marginBottom: 8, flexWrap: 'wrap' }}>
              <span className="mono" style={{ color: comparePalette[ids.indexOf(id)], width: 110 }}>{shortAddress(id)}</span>
              <RewardCalls pools={byId.get(id)!.rounds.map((r) => ({ round: String(r.round), called: r.active ? r.rewardCalled : null }))} />
            </div>
          ))}
        </div>
      </Section>
      <div className="grid-2">
        <ChartCard title={`What ${formatNumber(principal)} LPT delegated earned per round`} format="lpt" xLabel="Round" series={series} data={perRound((r) => (r.delegatorsRewardRate === null ? null : toNumber(r.delegatorsRewardRate) * principal))} testId="compare-earnings" />
        <ChartCard title="Fees per round" format="eth" xLabel="Round" series={series.map((s) => ({ ...s, kind: 'bar' as const }))} data={perRound((r) => toNumber(r.fees))} />
        <ChartCard title="Stake per round" format="lpt" xLabel="Round" series={series} data={perRound((r) => (r.stake === null ? null : toNumber(r.stake)))} />
        <ChartCard title="Reward cut per round" format="percent" xLabel="Round" series={series.map((s) => ({ ...s, kind: 'step' as const }))} data={cutSeries(present, byId, rounds, key)} testId="compare-cuts" />
      </div>
    </>
  )
}

/** Reward cut in force at each round, from the current cut walked back through the range's changes. */
function cutSeries(ids: string[], byId: Map<string, OrchestratorComparison>, rounds: number[], key: (id: string) => string) {
  return rounds.map((round) => ({
    x: String(round),
    ...Object.fromEntries(ids.map((id) => {
      const c = byId.get(id)!
      const change = [...c.cutChanges].reverse().find((ch) => ch.round <= round)
      const before = c.cutChanges.find((ch) => ch.round > round)
      // Before the first change in range the cut is unknown from this answer unless nothing changed.
      const cut = change ? change.rewardCut : before ? null : c.rewardCut
      return [key(id), cut === null ? null : toNumber(cut) / 1e6]
    })),
  }))
}
