import Link from 'next/link'
import { shortAddress } from '@/lib/format'

/** An address linking to its orchestrator or account page. */
export function AddressLink({ address, kind = 'account', full = false }: { address: string; kind?: 'account' | 'orchestrator'; full?: boolean }) {
  const href = kind === 'orchestrator' ? `/orchestrators/${address}` : `/accounts/${address}`
  return (
    <Link prefetch={false} href={href} className="mono" title={address}>
      {full ? address : shortAddress(address)}
    </Link>
  )
}
