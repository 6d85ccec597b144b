import { bondingManagerAbi, roundsManagerAbi, ticketBrokerAbi } from '@peerscope/protocol/abi'
import type { Address, Hex } from 'viem'
import type { NodeChain } from './createNodeChain.ts'

/** A sender's TicketBroker funds (`getSenderInfo`). */
export type SenderFunds = { deposit: bigint; withdrawRound: bigint; reserve: { fundsRemaining: bigint; claimedInCurrentRound: bigint } }

/** Round state, read once per new block. */
export type RoundState = {
  block: bigint
  currentRound: bigint
  lastInitializedRound: bigint
  initialized: boolean
  locked: boolean
  /** Stored block hash of the last initialized round (or the previous round's when zero, as go-livepeer does). */
  creationRound: bigint
  creationRoundBlockHash: Hex
  poolSize: bigint
  gasPrice: bigint
}

/** Parameters for {@link createChainView}. */
export type CreateChainViewParameters = { chain: NodeChain; pollMs?: number | undefined; onBlock?: ((state: RoundState) => void) | undefined; onError?: ((error: unknown) => void) | undefined }

const zeroHash = `0x${'0'.repeat(64)}` as const

/**
 * Cached chain state for hot paths (ticket checks): block, round and pool size refreshed by a poller,
 * sender funds and claimed reserve cached per block. Reads never wait on RPC when the cache is warm.
 *
 * @example
 * const view = await createChainView({ chain })
 * view.state().currentRound
 * await view.senderFunds(gateway)
 */
export async function createChainView({ chain, pollMs = 500, onBlock, onError }: CreateChainViewParameters) {
  const { client, contracts } = chain
  const ticketValidityPeriod = await client.readContract({ address: contracts.TicketBroker, abi: ticketBrokerAbi, functionName: 'ticketValidityPeriod' })
  const read = async (): Promise<RoundState> => {
    const block = await client.getBlockNumber({ cacheTime: 0 })
    const [currentRound, lastInitializedRound, initialized, locked, poolSize, gasPrice] = await Promise.all([
      client.readContract({ address: contracts.RoundsManager, abi: roundsManagerAbi, functionName: 'currentRound' }),
      client.readContract({ address: contracts.RoundsManager, abi: roundsManagerAbi, functionName: 'lastInitializedRound' }),
      client.readContract({ address: contracts.RoundsManager, abi: roundsManagerAbi, functionName: 'currentRoundInitialized' }),
      client.readContract({ address: contracts.RoundsManager, abi: roundsManagerAbi, functionName: 'currentRoundLocked' }),
      client.readContract({ address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'getTranscoderPoolSize' }),
      client.getGasPrice(),
    ])
    let creationRound = lastInitializedRound
    let creationRoundBlockHash = await client.readContract({ address: contracts.RoundsManager, abi: roundsManagerAbi, functionName: 'blockHashForRound', args: [creationRound] })
    if (creationRoundBlockHash === zeroHash && creationRound > 0n) {
      creationRound -= 1n
      creationRoundBlockHash = await client.readContract({ address: contracts.RoundsManager, abi: roundsManagerAbi, functionName: 'blockHashForRound', args: [creationRound] })
    }
    return { block, currentRound, lastInitializedRound, initialized, locked, creationRound, creationRoundBlockHash, poolSize, gasPrice }
  }
  let state = await read()
  let funds = new Map<Address, Promise<SenderFunds>>()
  let claimed = new Map<string, Promise<bigint>>()
  let stopped = false
  let refreshing: Promise<void> | undefined
  const refresh = () => {
    refreshing ??= (async () => {
      try {
        const block = await client.getBlockNumber({ cacheTime: 0 })
        if (block !== state.block) {
          state = await read()
          funds = new Map()
          claimed = new Map()
          onBlock?.(state)
        }
      } catch (error) {
        onError?.(error)
      } finally {
        refreshing = undefined
      }
    })()
    return refreshing
  }
  const loop = async () => {
    while (!stopped) {
      await refresh()
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }
  }
  void loop()

  return {
    ticketValidityPeriod,
    state: () => state,
    /** Re-reads now (after the node's own transactions). */
    refresh,
    senderFunds(sender: Address): Promise<SenderFunds> {
      let entry = funds.get(sender)
      if (!entry) {
        entry = client.readContract({ address: contracts.TicketBroker, abi: ticketBrokerAbi, functionName: 'getSenderInfo', args: [sender] }).then(([s, reserve]) => ({
          deposit: s.deposit,
          withdrawRound: s.withdrawRound,
          reserve: { fundsRemaining: reserve.fundsRemaining, claimedInCurrentRound: reserve.claimedInCurrentRound },
        }))
        entry.catch(() => funds.delete(sender))
        funds.set(sender, entry)
      }
      return entry
    },
    claimedReserve(sender: Address, claimant: Address): Promise<bigint> {
      const key = `${sender}:${claimant}`
      let entry = claimed.get(key)
      if (!entry) {
        entry = client.readContract({ address: contracts.TicketBroker, abi: ticketBrokerAbi, functionName: 'claimedReserve', args: [sender, claimant] })
        entry.catch(() => claimed.delete(key))
        claimed.set(key, entry)
      }
      return entry
    },
    /** Forgets cached sender funds (after a redemption moved them). */
    invalidate(sender: Address) {
      funds.delete(sender)
    },
    stop() {
      stopped = true
    },
  }
}

/** The view returned by {@link createChainView}. */
export type ChainView = Awaited<ReturnType<typeof createChainView>>
