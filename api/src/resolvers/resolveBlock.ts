import { clickhouseRows } from '../analytics/clickhouseRows.ts'
import { ApiUserError } from '../errors/base.ts'
import type { ApiContext, BlockHeight } from './context.ts'

/**
 * The block a `block:` argument asks for: a past height, or undefined for the indexed head (no
 * argument, `number_gte` at or below the head, or the head itself). A height above the head fails
 * as The Graph does ("has only indexed up to block number N …").
 *
 * @example
 * const at = await resolveBlock(context, { number: 120 }) // 120, or undefined when 120 is the head
 */
export async function resolveBlock(context: ApiContext, block: BlockHeight | null | undefined): Promise<number | undefined> {
  if (!block) return undefined
  const head = await context.head()
  const indexed = head?.number ?? -1
  const notYet = (wanted: number) =>
    new ApiUserError(`The API has only indexed up to block number ${indexed} and data for block number ${wanted} is therefore not yet available`, 'BLOCK_NOT_INDEXED')
  if (block.hash != null) {
    if (head && block.hash === head.hash) return undefined
    const [row] = await clickhouseRows<{ block_number: string | number }>(context.clickhouse, 'SELECT block_number FROM events FINAL WHERE block_hash = {hash:String} AND sign = 1 LIMIT 1', {
      hash: block.hash.toLowerCase(),
    })
    if (!row) throw new ApiUserError(`Block ${block.hash} is not known to the indexer (only blocks with indexed events can be addressed by hash).`, 'BLOCK_NOT_INDEXED')
    const number = Number(row.block_number)
    return number >= indexed ? undefined : number
  }
  if (block.number_gte != null) {
    if (block.number_gte > indexed) throw notYet(block.number_gte)
    return undefined
  }
  if (block.number != null) {
    if (!Number.isInteger(block.number) || block.number < 0) throw new ApiUserError(`Invalid block number ${block.number}.`)
    if (block.number > indexed) throw notYet(block.number)
    return block.number === indexed ? undefined : block.number
  }
  return undefined
}
