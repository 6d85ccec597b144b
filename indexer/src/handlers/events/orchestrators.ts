import type { Address } from 'viem'
import { Pool, RewardCallerSetEvent, RewardEvent, Round, ServiceURIUpdateEvent, Transcoder, TranscoderActivatedEvent, TranscoderDeactivatedEvent, TranscoderSlashedEvent, TranscoderUpdateEvent, TreasuryRewardEvent } from '../../model/index.ts'
import { zeroAddress, lower, big, transcoderOf, syncDelegator, syncTotalStake, poolOf, syncPoolFactors, add, type EventHandlers } from '../eventContext.ts'
import { toDecimal } from '../units.ts'

/** `MAX_UINT256`: the contract's deactivationRound of an active transcoder (the subgraph uses 2^255 − 1). */
const maxUint256 = 2n ** 256n - 1n

/**
 * Orchestrators (BondingManager, ServiceRegistry): rewards, reward callers, commission updates, activation,
 * deactivation, slashing and service URIs of transcoders, and the round's Pool rewards.
 */
export const orchestratorHandlers = {
  TreasuryReward: ({ context, cache, protocol, args, base, transcoderRef }) => {
    const transcoderId = lower(args.transcoder)
    const amount = big(args.amount)
    const transcoder = transcoderOf(context, transcoderId)
    transcoder.treasuryRewardTokens = add(transcoder.treasuryRewardTokens, amount)
    cache.touch(Transcoder, transcoder)
    protocol.totalTreasuryRewards = add(protocol.totalTreasuryRewards, amount)
    context.treasury.set(transcoderId, amount)
    cache.set(TreasuryRewardEvent, new TreasuryRewardEvent({ ...base, delegate: transcoderRef(transcoderId), treasury: lower(args.treasury), amount: toDecimal(amount) }))
  },
  Reward: ({ context, cache, log, args, round, base, transcoderRef }) => {
    const transcoderId = lower(args.transcoder)
    const amount = big(args.amount)
    const transcoder = transcoderOf(context, transcoderId)
    syncTotalStake(context, transcoderId)
    transcoder.lastRewardRound = new Round({ id: round.id })
    const commission = context.ledger.transcoder(transcoderId as Address).cumulativeRewards - (context.before?.cumulativeRewards ?? 0n)
    transcoder.rewardCommission = add(transcoder.rewardCommission, commission)
    const pool = poolOf(context, round, transcoderId)
    pool.rewardTokens = toDecimal(amount)
    pool.rewardCut = transcoder.rewardCut
    pool.feeShare = transcoder.feeShare
    pool.rewardCommission = toDecimal(commission)
    const treasury = context.treasury.get(transcoderId)
    context.treasury.delete(transcoderId)
    if (treasury !== undefined) pool.treasuryRewardTokens = toDecimal(treasury)
    pool.totalStake = toDecimal(context.ledger.pool(transcoderId as Address, log.round).totalStake)
    syncPoolFactors(context, pool, transcoderId, log.round)
    cache.touch(Pool, pool)
    cache.set(RewardEvent, new RewardEvent({ ...base, delegate: transcoderRef(transcoderId), rewardTokens: toDecimal(amount) }))
  },
  RewardCallerSet: ({ context, cache, args, base, transcoderRef }) => {
    const transcoderId = lower(args.transcoder)
    const caller = lower(args.rewardCaller)
    const transcoder = transcoderOf(context, transcoderId)
    transcoder.rewardCaller = caller === zeroAddress ? null : caller
    cache.touch(Transcoder, transcoder)
    cache.set(RewardCallerSetEvent, new RewardCallerSetEvent({ ...base, delegate: transcoderRef(transcoderId), rewardCaller: caller }))
  },
  TranscoderUpdate: ({ context, cache, args, timestamp, base, transcoderRef }) => {
    const transcoderId = lower(args.transcoder)
    const transcoder = transcoderOf(context, transcoderId)
    transcoder.rewardCut = big(args.rewardCut)
    transcoder.feeShare = big(args.feeShare)
    transcoder.rewardCutUpdateTimestamp = timestamp
    transcoder.feeShareUpdateTimestamp = timestamp
    cache.touch(Transcoder, transcoder)
    syncTotalStake(context, transcoderId)
    cache.set(
      TranscoderUpdateEvent,
      new TranscoderUpdateEvent({ ...base, delegate: transcoderRef(transcoderId), rewardCut: transcoder.rewardCut, feeShare: transcoder.feeShare }),
    )
  },
  TranscoderActivated: ({ context, cache, protocol, args, timestamp, base, transcoderRef }) => {
    const transcoderId = lower(args.transcoder)
    const transcoder = transcoderOf(context, transcoderId)
    transcoder.activationTimestamp = timestamp
    transcoder.activationRound = big(args.activationRound)
    transcoder.lastActiveStakeUpdateRound = big(args.activationRound)
    transcoder.deactivationRound = maxUint256
    cache.touch(Transcoder, transcoder)
    protocol.activeTranscoderCount += 1n
    protocol.pendingActivation = [...protocol.pendingActivation.filter((id) => id !== transcoderId), transcoderId]
    protocol.pendingDeactivation = protocol.pendingDeactivation.filter((id) => id !== transcoderId)
    cache.set(
      TranscoderActivatedEvent,
      new TranscoderActivatedEvent({ ...base, delegate: transcoderRef(transcoderId), activationRound: big(args.activationRound) }),
    )
  },
  TranscoderDeactivated: ({ context, cache, protocol, args, base, transcoderRef }) => {
    const transcoderId = lower(args.transcoder)
    const transcoder = transcoderOf(context, transcoderId)
    transcoder.deactivationRound = big(args.deactivationRound)
    cache.touch(Transcoder, transcoder)
    protocol.activeTranscoderCount -= 1n
    protocol.pendingDeactivation = [...protocol.pendingDeactivation.filter((id) => id !== transcoderId), transcoderId]
    protocol.pendingActivation = protocol.pendingActivation.filter((id) => id !== transcoderId)
    cache.set(
      TranscoderDeactivatedEvent,
      new TranscoderDeactivatedEvent({ ...base, delegate: transcoderRef(transcoderId), deactivationRound: big(args.deactivationRound) }),
    )
  },
  TranscoderSlashed: ({ context, cache, args, base, transcoderRef }) => {
    const transcoderId = lower(args.transcoder)
    syncDelegator(context, transcoderId)
    syncTotalStake(context, transcoderId)
    cache.set(
      TranscoderSlashedEvent,
      new TranscoderSlashedEvent({
        ...base,
        delegate: transcoderRef(transcoderId),
        finder: lower(args.finder),
        penalty: toDecimal(big(args.penalty)),
        finderReward: big(args.finderReward),
      }),
    )
  },
  ServiceURIUpdate: ({ context, cache, args, base }) => {
    const id = lower(args.addr)
    const transcoder = transcoderOf(context, id)
    transcoder.serviceURI = String(args.serviceURI)
    cache.touch(Transcoder, transcoder)
    cache.set(ServiceURIUpdateEvent, new ServiceURIUpdateEvent({ ...base, addr: id, serviceURI: String(args.serviceURI) }))
  },
} satisfies EventHandlers
