import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bondingManagerAbi, livepeerTokenAbi } from '@peerscope/protocol/abi'
import { toEventSelector, type AbiEvent, type Address, type Hex } from 'viem'
import type { RawLog } from '../chain/createTransactionSender.ts'
import { createEventStats } from './createEventStats.ts'
import { missingEvents } from './protocolContracts.ts'

const bm = '0x00000000000000000000000000000000000000b1' as Address
const lpt = '0x00000000000000000000000000000000000000c1' as Address
const topic = (abi: readonly { type: string; name?: string }[], name: string) => toEventSelector(abi.find((item) => item.type === 'event' && item.name === name) as AbiEvent)
const log = (address: Address, topic0: Hex): RawLog => ({ address, topics: [topic0], data: '0x', blockNumber: '0x1', transactionHash: `0x${'1'.repeat(64)}`, transactionIndex: '0x0', logIndex: '0x0' })

test('behavior: counts logs by event name and by contract, unknown ones apart', () => {
  const stats = createEventStats({ contracts: [{ name: 'BondingManager', address: bm, abi: bondingManagerAbi }, { name: 'LivepeerToken', address: lpt, abi: livepeerTokenAbi }] })
  const bond = topic(bondingManagerAbi, 'Bond')
  const transfer = topic(livepeerTokenAbi, 'Transfer')
  stats.record({ fromBlock: 1n, toBlock: 2n, sent: 3, logs: [log(bm, bond), log(bm, bond), log(lpt, transfer), log(bm, transfer)] })
  const snapshot = stats.snapshot()
  assert.equal(snapshot.events, 4)
  assert.equal(snapshot.transactions, 3)
  assert.equal(snapshot.blocks, 2)
  assert.deepEqual(snapshot.eventsByContract.BondingManager, { Bond: 2 })
  assert.deepEqual(snapshot.eventsByContract.LivepeerToken, { Transfer: 1 })
  assert.deepEqual(snapshot.eventsByContract.unknown, { [transfer]: 1 })
  assert.equal(snapshot.eventsByName.Bond, 2)
})

test('behavior: missingEvents lists ABI events never seen, except unreachable ones', () => {
  const missing = missingEvents({ eventsByContract: { BondingManager: { Bond: 1 } } })
  assert.ok(missing.includes('BondingManager.Unbond'))
  assert.ok(!missing.includes('BondingManager.Bond'))
  assert.ok(!missing.includes('ServiceRegistry.ParameterUpdate'))
  assert.ok(missing.includes('ServiceRegistry.ServiceURIUpdate'))
})
