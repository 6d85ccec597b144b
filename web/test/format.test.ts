import assert from 'node:assert/strict'
import { test } from 'node:test'
import { feeCutPpm, formatEth, formatLpt, formatPercent, formatPpb, formatPpm, formatWeiPerPixel, parseAddress, shortAddress, formatTimestamp } from '../lib/format/index.ts'
import { describeEvent } from '../lib/events/describeEvent.ts'
import { eventTypes } from '../lib/events/catalog.ts'

test('unit: LPT and ETH amounts are grouped, tiny fees keep significant digits', () => {
  assert.equal(formatLpt('1234567.891'), '1,234,567.89 LPT')
  assert.equal(formatLpt('0', { unit: false }), '0')
  assert.equal(formatEth('0.5'), '0.5 ETH')
  assert.equal(formatEth('0.0000012344'), '0.000001234 ETH')
  assert.equal(formatEth(null), '0 ETH')
  assert.equal(formatEth('not a number'), '0 ETH')
})

test('unit: cuts (ppm), inflation (ppb) and fractions format as percentages', () => {
  assert.equal(formatPpm('250000'), '25%')
  assert.equal(formatPpm(feeCutPpm('900000')), '10%', 'fee cut = 1 - feeShare')
  assert.equal(formatPpm('123456'), '12.35%')
  assert.equal(formatPpb('500000'), '0.05%')
  assert.equal(formatPercent('0.123456'), '12.35%')
  assert.equal(formatPercent(null), '—')
  assert.equal(formatPercent('6.645764828690459e+20'), '6.65E22%')
  assert.equal(formatWeiPerPixel('1200'), '1,200 wei/px')
  assert.equal(formatWeiPerPixel(null), '—')
})

test('unit: addresses are validated and shortened; timestamps are UTC', () => {
  assert.equal(parseAddress(' 0xAbCdEf0123456789abcdef0123456789ABCDEF01 '), '0xabcdef0123456789abcdef0123456789abcdef01')
  assert.equal(parseAddress('0x123'), null)
  assert.equal(parseAddress(undefined), null)
  assert.equal(shortAddress('0xabcdef0123456789abcdef0123456789abcdef01'), '0xabcd…ef01')
  assert.equal(formatTimestamp(0), '1970-01-01 00:00 UTC')
})

test('unit: events read as sentences with their accounts linked', () => {
  const base = { id: '0xaa-1', timestamp: 1, round: { id: '7' }, transaction: { id: '0xaa', from: '0xf' } }
  const bond = describeEvent({ ...base, __typename: 'BondEvent', delegator: { id: '0xd' }, newDelegate: { id: '0xo' }, additionalAmount: '10', bondedAmount: '25' })
  assert.equal(bond.label, 'Bond')
  assert.deepEqual(bond.parts, [{ account: '0xd' }, { text: ' bonded 10 LPT to ' }, { account: '0xo' }, { text: ' (total 25 LPT)' }])
  const update = describeEvent({ ...base, __typename: 'TranscoderUpdateEvent', delegate: { id: '0xo' }, rewardCut: '50000', feeShare: '750000' })
  assert.deepEqual(update.parts[1], { text: ' set reward cut 5%, fee cut 25%' })
  const unknown = describeEvent({ ...base, __typename: 'SomethingNewEvent' })
  assert.equal(unknown.label, 'SomethingNew')
})

test('unit: every feed event type has a plural root field and account fields it selects', () => {
  const names = new Set<string>()
  for (const type of eventTypes) {
    assert.equal(type.plural, `${type.typename[0]!.toLowerCase()}${type.typename.slice(1)}s`)
    assert.ok(!names.has(type.typename), `${type.typename} listed once`)
    names.add(type.typename)
    for (const field of type.accountFields) assert.match(type.fields, new RegExp(`\\b${field} \\{ id \\}`), `${type.typename}.${field} is selected`)
  }
})
