import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ClickHouseClient } from '@clickhouse/client'
import { createClickhouse } from '../createClickhouse.ts'
import type { FactLog } from '../types.ts'

/** Addresses used by the fixtures. */
export const orchestratorA = '0x00000000000000000000000000000000000000a1'
export const orchestratorB = '0x00000000000000000000000000000000000000b2'
export const delegatorA = '0x00000000000000000000000000000000000000d1'
export const broadcaster = '0x00000000000000000000000000000000000000c3'
export const bondingManager = '0x0000000000000000000000000000000000000b0b'
export const ticketBroker = '0x00000000000000000000000000000000000007b7'
export const treasury = '0x0000000000000000000000000000000000000e7e'

/** 2026-01-01T00:00:00Z; blocks are one hour apart, so heights 0–23 are day 1, 24–47 day 2. */
export const genesisMs = Date.UTC(2026, 0, 1)

/** A 32-byte block hash for `height` on the chain `fork` (different forks, different hashes). */
export function blockHash(height: number, fork = 0): string {
  return `0x${fork.toString(16).padStart(4, '0')}${height.toString(16).padStart(60, '0')}`
}

/** A decoded log at (height, logIndex). */
export function log(height: number, logIndex: number, eventName: string, args: Record<string, unknown>, options: { fork?: number; round?: bigint } = {}): FactLog {
  const contract = ['WinningTicketRedeemed', 'WinningTicketTransfer', 'DepositFunded'].includes(eventName) ? ticketBroker : bondingManager
  return {
    block: { height, hash: blockHash(height, options.fork), timestamp: genesisMs + height * 3_600_000 },
    transaction: { hash: `0x${(height * 1000 + logIndex).toString(16).padStart(64, '0')}`, index: logIndex, from: delegatorA },
    logIndex,
    address: contract,
    contractName: contract === ticketBroker ? 'TicketBroker' : 'BondingManager',
    eventName,
    args,
    round: options.round ?? BigInt(Math.floor(height / 10)),
  }
}

/** Reward, TreasuryReward, Bond and a winning ticket at `height` (log indexes 0–4). */
export function blockOfLogs(height: number, options: { fork?: number; reward?: bigint } = {}): FactLog[] {
  const reward = options.reward ?? 1_000_000_000_000_000_000n
  return [
    log(height, 0, 'TreasuryReward', { transcoder: orchestratorA, treasury, amount: reward / 10n }, options),
    log(height, 1, 'Reward', { transcoder: orchestratorA, amount: reward }, options),
    log(height, 2, 'Bond', { newDelegate: orchestratorA, oldDelegate: orchestratorB, delegator: delegatorA, additionalAmount: 5n, bondedAmount: 105n }, options),
    log(height, 3, 'WinningTicketRedeemed', {
      sender: broadcaster, recipient: orchestratorB, faceValue: 7_000n, winProb: 2n ** 255n, senderNonce: 1n, recipientRand: 2n, auxData: '0x',
    }, options),
    log(height, 4, 'WinningTicketTransfer', { sender: broadcaster, recipient: orchestratorB, amount: 7_000n }, options),
  ]
}

/** One chDB directory per test file (one per process is all chDB allows), a database per test. */
export function createChdbFixture() {
  const path = mkdtempSync(join(tmpdir(), 'peerscope-chdb-'))
  const clients: ClickHouseClient[] = []
  let databases = 0
  return {
    path,
    /** A client on a fresh database of the shared directory. */
    async client(): Promise<ClickHouseClient> {
      const client = await createClickhouse({ path, database: `test_${process.pid}_${++databases}` })
      clients.push(client)
      return client
    },
    async cleanup(): Promise<void> {
      for (const client of clients) await client.close()
      rmSync(path, { recursive: true, force: true })
    },
  }
}
