import type { Metadata } from 'next'
import { getGateways } from '@/lib/data/gateways'
import { formatDate, formatEth } from '@/lib/format'
import { AddressLink } from '@/ui/common/address-link'
import { EmptyState } from '@/ui/common/empty-state'
import { PageTitle } from '@/ui/common/page-title'

export const metadata: Metadata = { title: 'Gateways' }

export default async function GatewaysPage() {
  const gateways = await getGateways()
  return (
    <>
      <PageTitle title="Gateways" sub="Broadcasters that fund deposits and pay orchestrators with winning tickets" />
      {gateways.length === 0 ? (
        <EmptyState>No gateway has funded a deposit yet.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table data-testid="gateway-table">
            <thead>
              <tr>
                <th>Gateway</th>
                <th className="num">Deposit</th>
                <th className="num">Reserve</th>
                <th className="num">30d fees</th>
                <th className="num">90d fees</th>
                <th className="num">Total fees</th>
                <th className="num">First funded</th>
              </tr>
            </thead>
            <tbody>
              {gateways.map((g) => (
                <tr key={g.id} data-testid="gateway-row">
                  <td><AddressLink address={g.id} /></td>
                  <td className="num">{formatEth(g.deposit)}</td>
                  <td className="num">{formatEth(g.reserve)}</td>
                  <td className="num">{formatEth(g.thirtyDayVolumeETH)}</td>
                  <td className="num">{formatEth(g.ninetyDayVolumeETH)}</td>
                  <td className="num">{formatEth(g.totalVolumeETH)}</td>
                  <td className="num">{g.firstFundedDay ? formatDate(g.firstFundedDay * 86_400) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
