import Link from 'next/link'

const links = [
  ['/', 'Overview'],
  ['/orchestrators', 'Orchestrators'],
  ['/gateways', 'Gateways'],
  ['/transactions', 'Transactions'],
  ['/rounds', 'Rounds'],
  ['/performance', 'Performance'],
] as const

/** Site header: navigation and the address search (a plain GET form: no client JS). */
export function Header() {
  return (
    <header className="header">
      <Link prefetch={false} href="/" className="brand">
        Peer<span>scope</span>
      </Link>
      <nav className="nav">
        {links.map(([href, label]) => (
          <Link prefetch={false} key={href} href={href}>
            {label}
          </Link>
        ))}
      </nav>
      <form className="search" action="/search" method="get" role="search">
        <input name="q" placeholder="Search address 0x…" aria-label="Search an address" autoComplete="off" spellCheck={false} />
        <button type="submit">Go</button>
      </form>
    </header>
  )
}
