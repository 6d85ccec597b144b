import type { ApiContext } from '../resolvers/context.ts'
import { readMeta } from '../resolvers/readMeta.ts'
import { readProtocolState } from './readProtocolState.ts'

/**
 * `Query.indexerStatus`: the indexed head (processor cursor), the chain head when the server was
 * given one, and the lag the web's "indexer behind" banner shows.
 *
 * @example
 * const status = await readIndexerStatus(context) // { indexedBlock: 1200, chainHead: 1203, lagBlocks: 3, behind: false, … }
 */
export async function readIndexerStatus(context: ApiContext) {
  const [head, protocol] = await Promise.all([context.head(), readProtocolState(context.pool)])
  const meta = head ? await readMeta(context, undefined) : undefined
  const chainHead = context.chainHead() ?? null
  const lagBlocks = head && chainHead !== null ? Math.max(0, chainHead - head.number) : null
  return {
    indexedBlock: head?.number ?? null,
    indexedBlockHash: head?.hash ?? null,
    indexedTimestamp: meta?.block.timestamp ?? null,
    chainHead,
    lagBlocks,
    behind: lagBlocks !== null ? lagBlocks > context.behindThresholdBlocks : head === undefined,
    behindThresholdBlocks: context.behindThresholdBlocks,
    currentRound: protocol ? protocol.currentRound : null,
  }
}
