import { NewRoundEvent, ParameterUpdateEvent, PauseEvent, Pool, Round, SetCurrentRewardTokensEvent, Transcoder, UnpauseEvent } from '../../model/index.ts'
import { big, roundOf, dayOf, poolOf, syncPoolFactors, refreshParticipation, refreshRecentVolumes, type EventHandler, type EventHandlers } from '../eventContext.ts'
import { toDecimal } from '../units.ts'

/** Pause and Unpause share one body: `protocol.paused` and the matching event entity. */
const setPaused: EventHandler = ({ cache, protocol, log, base }) => {
  protocol.paused = log.eventName === 'Pause'
  if (log.eventName === 'Pause') cache.set(PauseEvent, new PauseEvent(base))
  else cache.set(UnpauseEvent, new UnpauseEvent(base))
}

/**
 * Round and protocol-wide state: round initialisation (active set, pools, recent volumes), protocol
 * parameter changes, the round's inflation and mintable tokens, and pausing.
 */
export const roundHandlers = {
  NewRound: ({ context, cache, protocol, args, timestamp, base }) => {
    const number = big(args.round)
    const entity = roundOf(context, number)
    entity.initialized = true
    entity.startTimestamp = timestamp
    const globals = context.ledger.globals()
    protocol.totalActiveStake = toDecimal(globals.currentRoundTotalActiveStake)
    entity.totalActiveStake = protocol.totalActiveStake
    // Pending lists for compatibility; `active` itself follows the contract's definition.
    protocol.pendingActivation = []
    protocol.pendingDeactivation = []
    let activeCount = 0n
    for (const address of context.ledger.listTranscoders()) {
      const id = address.toLowerCase()
      const state = context.ledger.transcoder(address)
      const active = state.activationRound <= number && number < state.deactivationRound
      const transcoder = cache.has(Transcoder, id) ? cache.get(Transcoder, id) : undefined
      if (!transcoder) continue
      if (transcoder.active !== active) {
        transcoder.active = active
        cache.touch(Transcoder, transcoder)
      }
      if (!active) continue
      activeCount++
      const pool = poolOf(context, entity, id)
      pool.totalStake = transcoder.totalStake
      pool.rewardCut = transcoder.rewardCut
      pool.feeShare = transcoder.feeShare
      syncPoolFactors(context, pool, id, number)
      cache.touch(Pool, pool)
    }
    protocol.activeTranscoderCount = activeCount
    refreshRecentVolumes(context, timestamp)
    protocol.lastInitializedRound = new Round({ id: entity.id })
    if (number > BigInt(protocol.currentRound.id)) protocol.currentRound = new Round({ id: entity.id })
    refreshParticipation(context, entity)
    const day = dayOf(context)
    day.inflation = protocol.inflation
    day.delegatorsCount = protocol.delegatorsCount
    day.numActiveTranscoders = protocol.numActiveTranscoders
    day.activeTranscoderCount = protocol.activeTranscoderCount
    entity.delegatorsCount = protocol.delegatorsCount
    entity.inflation = protocol.inflation
    entity.numActiveTranscoders = protocol.numActiveTranscoders
    entity.activeTranscoderCount = protocol.activeTranscoderCount
    cache.touch(Round, entity)
    cache.set(NewRoundEvent, new NewRoundEvent({ ...base, round: new Round({ id: entity.id }), blockHash: String(args.blockHash) }))
  },
  ParameterUpdate: ({ context, cache, protocol, log, args, round, base }) => {
    const param = String(args.param)
    const value = context.parameter
    if (value !== undefined) {
      if (context.contract === 'BondingManager') {
        if (param === 'unbondingPeriod') protocol.unbondingPeriod = value
        if (param === 'numActiveTranscoders') protocol.numActiveTranscoders = value
      } else if (context.contract === 'RoundsManager') {
        if (param === 'roundLength') {
          // RoundsManager.setRoundLength anchors at the current round's start block.
          const lastRound = BigInt(protocol.lastRoundLengthUpdateRound.id)
          const length = protocol.roundLength === 0n ? value : protocol.roundLength
          protocol.lastRoundLengthUpdateStartBlock = protocol.lastRoundLengthUpdateStartBlock + (log.round - lastRound) * length
          protocol.lastRoundLengthUpdateRound = new Round({ id: round.id })
          protocol.roundLength = value
        }
        if (param === 'roundLockAmount') protocol.roundLockAmount = value
        protocol.lockPeriod = (protocol.roundLength * protocol.roundLockAmount) / 1_000_000n
      } else if (context.contract === 'Minter') {
        if (param === 'targetBondingRate') protocol.targetBondingRate = value
        if (param === 'inflationChange') protocol.inflationChange = value
      }
    }
    cache.set(ParameterUpdateEvent, new ParameterUpdateEvent({ ...base, param }))
  },
  SetCurrentRewardTokens: ({ cache, protocol, args, round, base }) => {
    protocol.inflation = big(args.currentInflation)
    round.mintableTokens = toDecimal(big(args.currentMintableTokens))
    round.inflation = protocol.inflation
    cache.set(
      SetCurrentRewardTokensEvent,
      new SetCurrentRewardTokensEvent({ ...base, currentMintableTokens: toDecimal(big(args.currentMintableTokens)), currentInflation: big(args.currentInflation) }),
    )
  },
  Pause: setPaused,
  Unpause: setPaused,
} satisfies EventHandlers
