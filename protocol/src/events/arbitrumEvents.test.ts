import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { decodeEventLog, encodeAbiParameters, encodeEventTopics, keccak256, parseAbiItem, toBytes, type AbiEvent, type Hex } from 'viem'
import { arbitrumEventCatalogue, arbitrumEventsAbi, arbitrumEventsByContract } from './arbitrumEvents.ts'

/** `Name(type1,type2)`: the string topic0 hashes (spec §1.1), rebuilt from the parsed signature. */
function canonical(event: AbiEvent): string {
  return `${event.name}(${event.inputs.map((input) => input.type).join(',')})`
}

describe('arbitrumEventCatalogue', () => {
  for (const row of arbitrumEventCatalogue) {
    test(`behavior: ${row.contract}.${row.name} topic0 is keccak256 of its canonical signature`, () => {
      const item = parseAbiItem(row.signature as string) as AbiEvent
      assert.equal(item.type, 'event')
      assert.equal(item.name, row.name)
      assert.equal(keccak256(toBytes(canonical(item))), row.topic0)
    })
  }

  test('behavior: every signature names every parameter', () => {
    for (const row of arbitrumEventCatalogue) {
      const item = parseAbiItem(row.signature as string) as AbiEvent
      for (const input of item.inputs) assert.ok(input.name, `${row.signature} has an unnamed parameter`)
    }
  })

  test('behavior: indexed flags match the spec for the layout-sensitive events', () => {
    const indexed = (name: string) =>
      (arbitrumEventsAbi.find((item) => item.name === name) as AbiEvent).inputs.map((input) => Boolean(input.indexed))
    assert.deepEqual(indexed('NewRound'), [true, false])
    assert.deepEqual(indexed('WithdrawFees'), [true, false, false])
    assert.deepEqual(indexed('Bond'), [true, true, true, false, false])
    assert.deepEqual(indexed('EarningsClaimed'), [true, true, false, false, false, false])
    assert.deepEqual(indexed('WinningTicketRedeemed'), [true, true, false, false, false, false, false])
    assert.deepEqual(indexed('RoleAdminChanged'), [true, true, true])
    assert.deepEqual(indexed('SetContractInfo'), [false, false, false])
  })

  test('behavior: groups cover every contract and carry the shared Manager events', () => {
    assert.deepEqual(Object.keys(arbitrumEventsByContract), [
      'BondingManager',
      'RoundsManager',
      'Minter',
      'TicketBroker',
      'ServiceRegistry',
      'LivepeerToken',
      'Controller',
    ])
    for (const contract of ['BondingManager', 'RoundsManager', 'Minter', 'TicketBroker'] as const) {
      const names: readonly string[] = arbitrumEventsByContract[contract].map((row) => row.name)
      assert.ok(names.includes('ParameterUpdate') && names.includes('SetController'), contract)
      for (const row of arbitrumEventsByContract[contract]) assert.equal(row.contract, contract)
    }
    const bondingManager: readonly string[] = arbitrumEventsByContract.BondingManager.map((row) => row.name)
    for (const name of ['TreasuryReward', 'TranscoderSlashed', 'RewardCallerSet']) assert.ok(bondingManager.includes(name))
    const token: readonly string[] = arbitrumEventsByContract.LivepeerToken.map((row) => row.name)
    for (const name of ['RoleGranted', 'RoleRevoked', 'RoleAdminChanged']) assert.ok(token.includes(name))
    // BondingManager 14 + 2 shared, RoundsManager 1 + 2, Minter 1 + 2, TicketBroker 8 + 2, ServiceRegistry 1, LPT 7, Controller 4
    assert.equal(arbitrumEventCatalogue.length, 44)
  })

  test('behavior: one topic0 per name, and the ABI lists each signature once', () => {
    const byName = new Map<string, string>()
    for (const row of arbitrumEventCatalogue) {
      const seen = byName.get(row.name)
      if (seen) assert.equal(seen, row.topic0, row.name)
      byName.set(row.name, row.topic0)
    }
    assert.equal(arbitrumEventsAbi.length, byName.size)
    assert.equal(new Set(arbitrumEventCatalogue.map((row) => row.topic0)).size, byName.size)
  })
})

describe('arbitrumEventsAbi', () => {
  test('behavior: decodes a Bond log with named, typed args', () => {
    const args = {
      newDelegate: '0x1111111111111111111111111111111111111111',
      oldDelegate: '0x0000000000000000000000000000000000000000',
      delegator: '0x2222222222222222222222222222222222222222',
    } as const
    const topics = encodeEventTopics({ abi: arbitrumEventsAbi, eventName: 'Bond', args })
    assert.equal(topics[0], '0xe5917769f276ddca9f2ee7c6b0b33e1d1e1b61008010ce622c632dd20d168a23')
    const data = encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [5n, 12n])
    const decoded = decodeEventLog({ abi: arbitrumEventsAbi, data, topics: topics as [Hex, ...Hex[]] })
    assert.equal(decoded.eventName, 'Bond')
    if (decoded.eventName !== 'Bond') return
    assert.equal(decoded.args.additionalAmount, 5n)
    assert.equal(decoded.args.bondedAmount, 12n)
    assert.equal(decoded.args.delegator, args.delegator)
  })

  test('behavior: decodes NewRound with the round as a topic', () => {
    const topics = encodeEventTopics({ abi: arbitrumEventsAbi, eventName: 'NewRound', args: { round: 4253n } })
    const blockHash = `0x${'ab'.repeat(32)}` as const
    const decoded = decodeEventLog({ abi: arbitrumEventsAbi, data: blockHash, topics: topics as [Hex, ...Hex[]] })
    assert.deepEqual(decoded, { eventName: 'NewRound', args: { round: 4253n, blockHash } })
  })
})
