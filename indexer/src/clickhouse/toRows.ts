import { InvalidFactError } from './errors.ts'
import { eventColumns, eventParameters } from './eventColumns.ts'
import type { DelegatorRoundRow, EntityHistoryRow, FactBatch, FactBlock, FactLog, OrchestratorRoundRow } from './types.ts'

/** Rows per table, in the JSONEachRow shape ClickHouse reads (integers ≥ 2^53 as decimal strings). */
export type TableRows = {
  events: Record<string, unknown>[]
  orchestrator_rounds: Record<string, unknown>[]
  delegator_rounds: Record<string, unknown>[]
  entity_history: Record<string, unknown>[]
}

const maxUint256 = (1n << 256n) - 1n
/** DateTime64(3) holds 1900–2299; ISO formatting of years past 9999 breaks earlier. Stay well inside. */
const maxDateTime64 = Date.UTC(2262, 0, 1)
const hexPattern = /^0x[0-9a-fA-F]*$/
const addressPattern = /^0x[0-9a-fA-F]{40}$/

/**
 * Validates a batch and turns it into table rows. Throws {@link InvalidFactError} on the first
 * problem, before anything is written: an unknown event, a missing or mistyped argument, a bad
 * block/transaction field, or a precomputed row pointing at a block outside the batch.
 *
 * @example
 * const rows = toRows({ logs })
 */
export function toRows(batch: FactBatch): TableRows {
  const blocks = new Map<number, FactBlock>()
  const events = batch.logs.map((log) => {
    checkLog(log)
    blocks.set(log.block.height, log.block)
    return eventRow(log)
  })
  const orchestrator_rounds = [
    ...batch.logs.flatMap(derivedOrchestratorRows),
    ...(batch.orchestratorRounds ?? []).map((row) => orchestratorRow(row, blockOf(blocks, row.blockNumber, row.logIndex, 'orchestrator round'))),
  ]
  const delegator_rounds = (batch.delegatorRounds ?? []).map((row) => delegatorRow(row, blockOf(blocks, row.blockNumber, row.logIndex, 'delegator round')))
  const entity_history = (batch.entityHistory ?? []).map(historyRow)
  return { events, orchestrator_rounds, delegator_rounds, entity_history }
}

const historyEntities = new Set(['Protocol', 'Transcoder', 'Delegator'])

function historyRow(row: EntityHistoryRow): Record<string, unknown> {
  const invalid = (reason: string) => new InvalidFactError({ blockNumber: row.blockNumber, logIndex: -1, eventName: `${row.entity} ${row.id} version`, reason })
  if (!historyEntities.has(row.entity)) throw invalid('unknown history entity')
  if (typeof row.id !== 'string' || row.id === '') throw invalid('no id')
  if (!Number.isSafeInteger(row.blockNumber) || row.blockNumber < 0) throw invalid('bad block number')
  if (typeof row.data !== 'string' || !row.data.startsWith('{')) throw invalid('data is not a JSON object')
  return { entity: row.entity, id: row.id, block_number: row.blockNumber, data: row.data }
}

function fail(log: { blockNumber: number; logIndex: number; eventName: string }, reason: string): never {
  throw new InvalidFactError({ ...log, reason })
}

function checkLog(log: FactLog): void {
  const where = { blockNumber: Number(log.block?.height), logIndex: Number(log.logIndex), eventName: String(log.eventName) }
  if (!Number.isSafeInteger(log.block?.height) || log.block.height < 0) fail(where, 'block.height must be a non-negative integer')
  if (typeof log.block.hash !== 'string' || !hexPattern.test(log.block.hash)) fail(where, 'block.hash must be a 0x hex string')
  if (!Number.isSafeInteger(log.block.timestamp) || log.block.timestamp < 0 || log.block.timestamp >= maxDateTime64)
    fail(where, 'block.timestamp must be milliseconds since the epoch, before 2262')
  if (!Number.isSafeInteger(log.logIndex) || log.logIndex < 0) fail(where, 'logIndex must be a non-negative integer')
  if (typeof log.transaction?.hash !== 'string' || !Number.isSafeInteger(log.transaction.index) || typeof log.transaction.from !== 'string')
    fail(where, 'transaction must have hash, index and from')
  if (typeof log.address !== 'string' || !addressPattern.test(log.address)) fail(where, 'address must be a 20-byte 0x address')
  if (typeof log.round !== 'bigint' || log.round < 0n) fail(where, 'round must be a non-negative bigint')
  const parameters = eventParameters.get(log.eventName)
  if (!parameters) fail(where, `unknown event ${JSON.stringify(log.eventName)} (not in the Arbitrum event catalogue)`)
  if (typeof log.args !== 'object' || log.args === null) fail(where, 'args must be an object of decoded arguments')
  for (const { type, name } of parameters) {
    const value = log.args[name]
    const problem = checkValue(type, value)
    if (problem) fail(where, `args.${name} (${type}) ${problem}, got ${describe(value)}`)
  }
}

function checkValue(type: string, value: unknown): string | undefined {
  if (type === 'address') return typeof value === 'string' && addressPattern.test(value) ? undefined : 'must be a 0x address'
  if (/^u?int\d*$/.test(type)) {
    const isInteger = typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value))
    if (!isInteger) return 'must be a bigint'
    if (type.startsWith('uint') && BigInt(value as bigint | number) < 0n) return 'must not be negative'
    return undefined
  }
  if (type === 'bool') return typeof value === 'boolean' ? undefined : 'must be a boolean'
  if (type === 'string') return typeof value === 'string' ? undefined : 'must be a string'
  if (type.startsWith('bytes')) return typeof value === 'string' && hexPattern.test(value) ? undefined : 'must be a 0x hex string'
  return undefined
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'bigint') return `${value}n`
  return `${typeof value} ${JSON.stringify(value)}`
}

/** `2026-11-24 15:40:42.123`, read as UTC by the `DateTime64(3, 'UTC')` columns. */
export function toDateTime64(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace('T', ' ').replace('Z', '')
}

function wei(value: unknown): string {
  if (value === undefined) return '0'
  return BigInt(value as bigint).toString()
}

function address(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : ''
}

function eventRow(log: FactLog): Record<string, unknown> {
  const columns = eventColumns[log.eventName] ?? {}
  const arg = (name: string | undefined) => (name === undefined ? undefined : log.args[name])
  return {
    block_number: log.block.height,
    log_index: log.logIndex,
    block_hash: log.block.hash.toLowerCase(),
    block_time: toDateTime64(log.block.timestamp),
    transaction_hash: log.transaction.hash.toLowerCase(),
    transaction_index: log.transaction.index,
    transaction_from: log.transaction.from.toLowerCase(),
    contract_address: log.address.toLowerCase(),
    contract_name: log.contractName,
    event_name: log.eventName,
    round: log.round.toString(),
    orchestrator: address(arg(columns.orchestrator)),
    delegator: address(arg(columns.delegator)),
    sender: address(arg(columns.sender)),
    recipient: address(arg(columns.recipient)),
    amount: wei(arg(columns.amount)),
    amount2: wei(arg(columns.amount2)),
    args: JSON.stringify(log.args, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
    sign: 1,
  }
}

const zeroOrchestratorRow = {
  stake: '0',
  active: 0,
  reward_calls: 0,
  reward: '0',
  treasury_reward: '0',
  reward_commission: '0',
  delegators_reward: '0',
  fees: '0',
  fee_commission: '0',
  delegators_fees: '0',
}

function orchestratorBase(orchestrator: string, round: bigint, block: FactBlock, logIndex: number, kind: string) {
  return {
    orchestrator: orchestrator.toLowerCase(),
    round: round.toString(),
    block_number: block.height,
    log_index: logIndex,
    kind,
    block_hash: block.hash.toLowerCase(),
    block_time: toDateTime64(block.timestamp),
    ...zeroOrchestratorRow,
  }
}

/** The per-round orchestrator rows the events carry by themselves (no ledger state needed). */
function derivedOrchestratorRows(log: FactLog): Record<string, unknown>[] {
  const at = (orchestrator: unknown, kind: string) => orchestratorBase(String(orchestrator), log.round, log.block, log.logIndex, kind)
  switch (log.eventName) {
    case 'Reward':
      return [{ ...at(log.args.transcoder, 'reward'), reward_calls: 1, reward: wei(log.args.amount) }]
    case 'TreasuryReward':
      return [{ ...at(log.args.transcoder, 'treasury'), treasury_reward: wei(log.args.amount) }]
    case 'WinningTicketTransfer':
      return [{ ...at(log.args.recipient, 'fees'), fees: wei(log.args.amount) }]
    default:
      return []
  }
}

function blockOf(blocks: Map<number, FactBlock>, blockNumber: number, logIndex: number, what: string): FactBlock {
  const block = blocks.get(blockNumber)
  if (!block) throw new InvalidFactError({ blockNumber, logIndex, eventName: what, reason: 'its block has no log in this batch' })
  return block
}

function amount(row: { blockNumber: number; logIndex: number }, what: string, name: string, value: bigint | undefined): string {
  if (value === undefined) return '0'
  if (typeof value !== 'bigint' || value < 0n || value > maxUint256)
    throw new InvalidFactError({ ...row, eventName: what, reason: `${name} must be a bigint in [0, 2^256)` })
  return value.toString()
}

function orchestratorRow(row: OrchestratorRoundRow, block: FactBlock): Record<string, unknown> {
  const what = `orchestrator round ${row.kind}`
  if (!['reward_split', 'fee_split', 'snapshot'].includes(row.kind))
    throw new InvalidFactError({ ...row, eventName: 'orchestrator round', reason: `unknown kind ${JSON.stringify(row.kind)}` })
  if (typeof row.orchestrator !== 'string' || !addressPattern.test(row.orchestrator) || typeof row.round !== 'bigint')
    throw new InvalidFactError({ ...row, eventName: what, reason: 'orchestrator must be an address and round a bigint' })
  return {
    ...orchestratorBase(row.orchestrator, row.round, block, row.logIndex, row.kind),
    stake: amount(row, what, 'stake', row.stake),
    active: row.active ? 1 : 0,
    reward_commission: amount(row, what, 'rewardCommission', row.rewardCommission),
    delegators_reward: amount(row, what, 'delegatorsReward', row.delegatorsReward),
    fee_commission: amount(row, what, 'feeCommission', row.feeCommission),
    delegators_fees: amount(row, what, 'delegatorsFees', row.delegatorsFees),
  }
}

function delegatorRow(row: DelegatorRoundRow, block: FactBlock): Record<string, unknown> {
  const what = 'delegator round'
  if (typeof row.delegator !== 'string' || !addressPattern.test(row.delegator) || typeof row.round !== 'bigint')
    throw new InvalidFactError({ ...row, eventName: what, reason: 'delegator must be an address and round a bigint' })
  return {
    delegator: row.delegator.toLowerCase(),
    round: row.round.toString(),
    block_number: block.height,
    log_index: row.logIndex,
    orchestrator: String(row.orchestrator).toLowerCase(),
    block_hash: block.hash.toLowerCase(),
    block_time: toDateTime64(block.timestamp),
    stake: amount(row, what, 'stake', row.stake),
    reward: amount(row, what, 'reward', row.reward),
    fees: amount(row, what, 'fees', row.fees),
  }
}
