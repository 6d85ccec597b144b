import { decodeFunctionResult, encodeFunctionData, numberToHex, type Address, type Hex } from 'viem'
import { roundsManagerAbi } from '@peerscope/protocol/abi'
import type { RoundParameters } from './roundClock.ts'

/** A JSON-RPC caller (the processor's client: retries and timeouts included). */
export type RpcCall = (method: string, params: unknown[]) => Promise<unknown>

/** Parameters for {@link readRoundParameters}. */
export type ReadRoundParametersParameters = { call: RpcCall; roundsManager: Address; height: number }

const names = ['lastRoundLengthUpdateRound', 'lastRoundLengthUpdateStartBlock', 'roundLength'] as const

/**
 * RoundsManager's round-length state after block `height`, by `eth_call`: three calls when the
 * indexer starts mid-history, and one `roundLength()` per `ParameterUpdate("roundLength")`. Null
 * before the RoundsManager exists.
 *
 * @example
 * const initial = await readRoundParameters({ call, roundsManager, height: 1234 })
 */
export async function readRoundParameters({ call, roundsManager, height }: ReadRoundParametersParameters): Promise<RoundParameters | null> {
  const values: bigint[] = []
  for (const functionName of names) {
    const data = (await call('eth_call', [{ to: roundsManager, data: encodeFunctionData({ abi: roundsManagerAbi, functionName }) }, numberToHex(height)])) as Hex
    if (!data || data === '0x') return null
    values.push(decodeFunctionResult({ abi: roundsManagerAbi, functionName, data }) as bigint)
  }
  const [lastRoundLengthUpdateRound, lastRoundLengthUpdateStartBlock, roundLength] = values as [bigint, bigint, bigint]
  return { lastRoundLengthUpdateRound, lastRoundLengthUpdateStartBlock, roundLength }
}
