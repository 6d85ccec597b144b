import { bondingManagerAbi, livepeerTokenAbi, roundsManagerAbi, serviceRegistryAbi, ticketBrokerAbi } from '@peerscope/protocol/abi'
import { isAddressEqual, type Hex } from 'viem'
import type { ChainView, RoundState } from '../chain/createChainView.ts'
import type { NodeChain } from '../chain/createNodeChain.ts'
import type { NodeLogger } from '../wire/logger.ts'
import { ChainSetupError } from '../wire/errors.ts'
import type { TicketRecipient, WinningTicket } from './createTicketRecipient.ts'

/** Parameters for {@link startChainDuties}. */
export type StartChainDutiesParameters = {
  chain: NodeChain
  view: ChainView
  recipient: TicketRecipient
  serviceUri: string
  /** LPT wei the orchestrator keeps bonded to itself; topped up at start. */
  selfBond: bigint
  /** Reward cut and fee share in parts per million (contract units, ≤ 1e6). */
  rewardCut: bigint
  feeShare: bigint
  logger: NodeLogger
  onRedeemed?: ((ticket: WinningTicket, txHash: Hex) => void) | undefined
}

/**
 * What a go-livepeer orchestrator does on chain: at start, initializes the round if needed,
 * self-bonds, registers (`transcoder(rewardCut, feeShare)`) and sets its service URI; then on every
 * block initializes new rounds, calls `reward()` once per round while active, and redeems queued
 * winning tickets one transaction each.
 *
 * @throws {ChainSetupError} when the account lacks LPT for the self-bond or the setup reverts.
 *
 * @example
 * const duties = await startChainDuties({ chain, view, recipient, serviceUri, selfBond, rewardCut: 100_000n, feeShare: 500_000n, logger })
 * recipient's onWinningTicket → duties.redeem(ticket)
 */
export async function startChainDuties(parameters: StartChainDutiesParameters) {
  const { chain, view, recipient, serviceUri, selfBond, rewardCut, feeShare, logger, onRedeemed } = parameters
  const { client, contracts, address } = chain
  const queue: WinningTicket[] = []
  const stats = { rounds: 0, rewards: 0, redeemed: 0, redeemFailed: 0 }
  let registered = false
  let lastRewardRound = -1n
  let busy: Promise<void> | undefined
  let stopped = false

  const step = async (label: string, run: () => Promise<unknown>) => {
    try {
      await run()
    } catch (cause) {
      throw new ChainSetupError({ step: label, reason: cause instanceof Error ? (cause as { shortMessage?: string }).shortMessage ?? cause.message : String(cause), cause })
    }
  }

  const initializeRoundIfNeeded = async (state: RoundState) => {
    if (state.initialized) return
    try {
      await chain.send('RoundsManager.initializeRound', { address: contracts.RoundsManager, abi: roundsManagerAbi, functionName: 'initializeRound' })
      stats.rounds++
      logger.info({ round: state.currentRound.toString() }, 'initialized round')
    } catch (error) {
      // Orchestrators race for initializeRound; losing the race is fine.
      const initialized = await client.readContract({ address: contracts.RoundsManager, abi: roundsManagerAbi, functionName: 'currentRoundInitialized' })
      if (!initialized) throw error
    }
    await view.refresh()
  }

  const register = async (state: RoundState) => {
    if (registered || state.locked) return
    const [, currentCut, currentShare] = await client.readContract({ address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'getTranscoder', args: [address] })
    const isRegistered = await client.readContract({ address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'isRegisteredTranscoder', args: [address] })
    if (!isRegistered || currentCut !== rewardCut || currentShare !== feeShare) {
      await chain.send('BondingManager.transcoder', { address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'transcoder', args: [rewardCut, feeShare] })
      logger.info({ rewardCut: rewardCut.toString(), feeShare: feeShare.toString() }, 'set orchestrator cuts')
    }
    registered = true
  }

  const rewardIfDue = async (state: RoundState) => {
    if (!state.initialized || lastRewardRound === state.currentRound) return
    const active = await client.readContract({ address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'isActiveTranscoder', args: [address] })
    if (!active) return
    const [last] = await client.readContract({ address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'getTranscoder', args: [address] })
    if (last >= state.currentRound) {
      lastRewardRound = state.currentRound
      return
    }
    await chain.send('BondingManager.reward', { address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'reward' })
    lastRewardRound = state.currentRound
    stats.rewards++
    logger.info({ round: state.currentRound.toString() }, 'called reward')
  }

  const redeemQueued = async () => {
    if (queue.length === 0 || stopped) return
    // NOTE: the TicketBroker credits fees to the recipient's earnings pool of the current round,
    // which has no stake (division by zero) until the orchestrator is active: hold winners until
    // then, and drop those whose creation round left the validity period.
    const state = view.state()
    const active = await client.readContract({ address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'isActiveTranscoder', args: [address] })
    const held: WinningTicket[] = []
    while (queue.length > 0 && !stopped) {
      const winner = queue.shift() as WinningTicket
      const creationRound = BigInt(`0x${winner.ticket.auxData.slice(2, 66)}`)
      if (creationRound + view.ticketValidityPeriod <= state.currentRound) {
        stats.redeemFailed++
        logger.warn({ sender: winner.ticket.sender, nonce: winner.ticket.senderNonce.toString(), creationRound: creationRound.toString() }, 'winning ticket expired before it could be redeemed')
        recipient.settled(winner.ticket)
        continue
      }
      if (!active || !state.initialized) {
        held.push(winner)
        continue
      }
      try {
        const receipt = await chain.send('TicketBroker.redeemWinningTicket', {
          address: contracts.TicketBroker,
          abi: ticketBrokerAbi,
          functionName: 'redeemWinningTicket',
          args: [winner.ticket, winner.sig, winner.recipientRand],
        })
        stats.redeemed++
        logger.info({ sender: winner.ticket.sender, faceValue: winner.ticket.faceValue.toString(), tx: receipt.transactionHash }, 'redeemed winning ticket')
        onRedeemed?.(winner, receipt.transactionHash)
      } catch (error) {
        stats.redeemFailed++
        logger.warn({ sender: winner.ticket.sender, nonce: winner.ticket.senderNonce.toString(), error: String((error as Error).message).split('\n').slice(0, 3).join(' ') }, 'winning ticket redemption failed')
      }
      recipient.settled(winner.ticket)
      view.invalidate(winner.ticket.sender)
    }
    queue.unshift(...held)
  }

  const tick = () => {
    if (stopped) return busy
    busy ??= (async () => {
      try {
        const state = view.state()
        await initializeRoundIfNeeded(state)
        await register(view.state())
        await rewardIfDue(view.state())
        await redeemQueued()
      } catch (error) {
        logger.warn({ error: String((error as Error).message).split('\n')[0] }, 'chain duty failed; retrying next block')
      } finally {
        busy = undefined
      }
    })()
    return busy
  }

  // Setup, in the order the contracts require.
  await step('initializeRound', () => initializeRoundIfNeeded(view.state()))
  const [bonded, , delegate] = await client.readContract({ address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'getDelegator', args: [address] })
  if (bonded > 0n && !isAddressEqual(delegate, address))
    throw new ChainSetupError({ step: 'bond', reason: `${address} is delegated to ${delegate}; an orchestrator must self-delegate` })
  if (bonded < selfBond) {
    const amount = selfBond - bonded
    const balance = await client.readContract({ address: contracts.LivepeerToken, abi: livepeerTokenAbi, functionName: 'balanceOf', args: [address] })
    if (balance < amount) throw new ChainSetupError({ step: 'bond', reason: `LPT balance ${balance} is below the self-bond top-up ${amount}` })
    await step('approve', () => chain.send('LivepeerToken.approve', { address: contracts.LivepeerToken, abi: livepeerTokenAbi, functionName: 'approve', args: [contracts.BondingManager, amount] }))
    await step('bond', () => chain.send('BondingManager.bond', { address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'bond', args: [amount, address] }))
    logger.info({ amount: amount.toString() }, 'self-bonded')
  }
  await step('transcoder', () => register(view.state()))
  const currentUri = await client.readContract({ address: contracts.ServiceRegistry, abi: serviceRegistryAbi, functionName: 'getServiceURI', args: [address] })
  if (currentUri !== serviceUri) {
    await step('setServiceURI', () => chain.send('ServiceRegistry.setServiceURI', { address: contracts.ServiceRegistry, abi: serviceRegistryAbi, functionName: 'setServiceURI', args: [serviceUri] }))
    logger.info({ serviceUri }, 'registered service URI')
  }
  await view.refresh()

  return {
    /** Runs the per-block duties now (also called on every new block). */
    tick,
    /** Winning tickets waiting for redemption (held while the orchestrator is not active). */
    pending: () => queue.length,
    /** Queues a winning ticket for redemption. */
    redeem(winner: WinningTicket) {
      queue.push(winner)
      void tick()
    },
    stats,
    async stop() {
      stopped = true
      await busy
    },
  }
}

/** The handle returned by {@link startChainDuties}. */
export type ChainDuties = Awaited<ReturnType<typeof startChainDuties>>
