import type { Pool } from 'pg'

/** The Protocol singleton's fields the analytics need, as Postgres returns them. */
export type ProtocolState = {
  currentRound: number
  inflation: string
  inflationChange: string
  totalSupply: string
  totalActiveStake: string
  roundLength: string
  lptPriceEth: string
}

/**
 * Reads Protocol "0" (undefined before the indexer has seen the protocol).
 *
 * @example
 * const protocol = await readProtocolState(pool)
 */
export async function readProtocolState(pool: Pool): Promise<ProtocolState | undefined> {
  const { rows } = await pool.query({
    text: `SELECT current_round_id, inflation::text, inflation_change::text, total_supply::text, total_active_stake::text, round_length::text, lpt_price_eth::text FROM protocol WHERE id = '0'`,
    values: [],
  })
  const row = rows[0] as Record<string, string> | undefined
  if (!row) return undefined
  return {
    currentRound: Number(row.current_round_id ?? 0),
    inflation: row.inflation ?? '0',
    inflationChange: row.inflation_change ?? '0',
    totalSupply: row.total_supply ?? '0',
    totalActiveStake: row.total_active_stake ?? '0',
    roundLength: row.round_length ?? '0',
    lptPriceEth: row.lpt_price_eth ?? '0',
  }
}
