import { ledgerEventNames, type LedgerEventName } from './earningsLedgerTypes.ts'

const names: ReadonlySet<string> = new Set(ledgerEventNames)

/**
 * Whether a decoded event is one the earnings ledger consumes, narrowing `eventName` so the decoded
 * log can be passed to `ledger.apply`.
 *
 * @example
 * const decoded = decodeEventLog({ abi: arbitrumEventsAbi, data: log.data, topics: log.topics })
 * if (isLedgerEventName(decoded.eventName)) ledger.apply({ ...decoded, round } as LedgerEvent)
 */
export function isLedgerEventName(eventName: string): eventName is LedgerEventName {
  return names.has(eventName)
}
