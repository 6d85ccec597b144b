import type { Metadata, Viewport } from 'next'
import { Suspense, type ReactNode } from 'react'
import { Header } from '@/ui/layout/header'
import { LagBanner } from '@/ui/layout/lag-banner'
import './globals.css'

export const metadata: Metadata = { title: { default: 'Peerscope', template: '%s · Peerscope' }, description: 'Livepeer network explorer and analytics' }
export const viewport: Viewport = { width: 'device-width', initialScale: 1 }
// Every page reads live indexer data: render on request, never at build time.
export const dynamic = 'force-dynamic'

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Header />
        <Suspense fallback={null}>
          <LagBanner />
        </Suspense>
        <main>{children}</main>
      </body>
    </html>
  )
}
