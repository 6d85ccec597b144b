import { decodeEventLog, getAddress, toEventSelector, type Abi, type AbiEvent, type Address, type Hex } from 'viem'
import { arbitrumEventsAbi, type EventContractName, type NetworkPreset } from '@peerscope/protocol'
import { LogDecodeError } from '../errors/base.ts'
import type { ProcessorLog } from '../processor.ts'
import type { RoundClock } from './roundClock.ts'
import type { DecodedLog } from './types.ts'
import { watchedContracts } from './watchedContracts.ts'

export type { DecodedBlock, DecodedLog, DecodedTransaction } from './types.ts'
export { createRoundClock, type RoundClock, type RoundParameters } from './roundClock.ts'
export { watchedContracts, type WatchedContract } from './watchedContracts.ts'
export { readRoundParameters, type ReadRoundParametersParameters, type RpcCall } from './readRoundParameters.ts'

/** The blocks of one batch as the processor hands them over (only the parts decoding reads). */
export type DecodeBlock = {
  header: { height: number; hash: string; timestamp: number; l1BlockNumber?: number }
  logs: ProcessorLog[]
}

/** Parameters for {@link createDecoder}. */
export type CreateDecoderParameters = {
  preset: NetworkPreset
  clock: RoundClock
  /** RoundsManager `roundLength()` after block `height`; called only on `ParameterUpdate("roundLength")`. */
  readRoundLength: (height: number) => Promise<bigint>
  /** Told when a `NewRound` disagrees with the round clock (never expected). */
  onRoundMismatch?: (log: DecodedLog, computed: bigint) => void
}

/** What {@link createDecoder} returns. */
export type Decoder = {
  /** Decodes the watched logs of a batch, in chain order, each with its round. */
  decode: (blocks: readonly DecodeBlock[]) => Promise<DecodedLog[]>
}

/**
 * Decodes logs with the Arbitrum event ABI of `@peerscope/protocol` (one fragment per topic0, so
 * no ABI scan per log) and stamps each with its protocol round: from the block's `l1BlockNumber`
 * on Arbitrum One, from the height on the devnet, never from an L2 height.
 *
 * @see shared/spec/protocol.md §11.1
 *
 * @example
 * const decoder = createDecoder({ preset, clock, readRoundLength })
 * const logs = await decoder.decode(ctx.blocks)
 */
export function createDecoder({ preset, clock, readRoundLength, onRoundMismatch }: CreateDecoderParameters): Decoder {
  const fragments = new Map<string, AbiEvent>()
  for (const item of arbitrumEventsAbi as unknown as AbiEvent[]) fragments.set(toEventSelector(item), item)
  const addresses = new Map<string, { address: Address; contractName: EventContractName }>()
  for (const contract of watchedContracts(preset))
    addresses.set(contract.address.toLowerCase(), { address: getAddress(contract.address), contractName: contract.contract })
  const roundsManager = preset.contracts.RoundsManager?.address.toLowerCase()
  const useL1 = preset.blockNumberSource === 'l1'

  return {
    decode: async (blocks) => {
      const out: DecodedLog[] = []
      // NOTE: checksumming is a keccak per address; a transaction's logs share one.
      const transactions = new Map<string, DecodedLog['transaction']>()
      for (const { header, logs } of blocks) {
        const blockNum = BigInt(useL1 ? (header.l1BlockNumber ?? 0) : header.height)
        const block = { height: header.height, hash: header.hash as Hex, timestamp: header.timestamp }
        for (const log of logs) {
          const emitter = addresses.get(log.address)
          const topic0 = log.topics[0]
          const fragment = topic0 === undefined ? undefined : fragments.get(topic0)
          if (!emitter || !fragment) continue
          let decoded: { eventName: string; args: unknown }
          try {
            decoded = decodeEventLog({ abi: [fragment] as Abi, data: log.data as Hex, topics: log.topics as [Hex, ...Hex[]], strict: true })
          } catch (cause) {
            throw new LogDecodeError({ id: log.id, eventName: fragment.name, cause })
          }
          const args = (decoded.args ?? {}) as Record<string, unknown>
          if (decoded.eventName === 'ParameterUpdate' && args.param === 'roundLength' && log.address === roundsManager)
            clock.setRoundLength({ height: header.height, blockNum, roundLength: await readRoundLength(header.height) })
          const tx = log.transaction
          const txHash = (tx?.hash ?? log.transactionHash) as Hex
          let transaction = transactions.get(txHash)
          if (!transaction) {
            transaction = {
              hash: txHash,
              index: log.transactionIndex,
              from: tx ? getAddress(tx.from) : ('0x0000000000000000000000000000000000000000' as Address),
              to: tx?.to ? getAddress(tx.to) : null,
              ...(tx?.gasPrice === undefined ? {} : { gasPrice: tx.gasPrice }),
              ...(tx?.input === undefined ? {} : { input: tx.input as Hex }),
            }
            transactions.set(txHash, transaction)
          }
          const item: DecodedLog = {
            id: log.id,
            block,
            transaction,
            logIndex: log.logIndex,
            address: emitter.address,
            contractName: emitter.contractName,
            eventName: decoded.eventName,
            args,
            round: clock.roundAt(blockNum),
          }
          if (item.eventName === 'NewRound' && typeof args.round === 'bigint' && args.round !== item.round) onRoundMismatch?.(item, item.round)
          out.push(item)
        }
      }
      return out
    },
  }
}
