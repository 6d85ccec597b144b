import type { Address } from 'viem'
import { BondEvent, EarningsClaimedEvent, RebondEvent, Round, TransferBondEvent, UnbondEvent, UnbondingLock, WithdrawFeesEvent, WithdrawStakeEvent } from '../../model/index.ts'
import { zeroAddress, lower, big, delegatorOf, roundOf, syncDelegator, syncTotalStake, setRegistered, setDelegatorsCount, add, sub, type EventHandlers } from '../eventContext.ts'
import { toDecimal, unbondingLockId } from '../units.ts'

/**
 * Delegation (BondingManager): bonding, unbonding, rebonding, bond transfers, withdrawals and earnings claims; they keep
 * Delegator, UnbondingLock, delegator counts and the delegates' stake in step with the earnings ledger.
 */
export const delegationHandlers = {
  Bond: ({ context, cache, args, round, base, transcoderRef, delegatorRef }) => {
    const newDelegate = lower(args.newDelegate)
    const oldDelegate = lower(args.oldDelegate)
    const delegatorId = lower(args.delegator)
    const additionalAmount = big(args.additionalAmount)
    const bondedAmount = big(args.bondedAmount)
    const delegator = delegatorOf(context, delegatorId)
    if (delegatorId === newDelegate) setRegistered(context, newDelegate, true)
    if (oldDelegate !== zeroAddress && oldDelegate !== newDelegate && bondedAmount - additionalAmount > 0n) {
      syncTotalStake(context, oldDelegate)
      if (oldDelegate === delegatorId) setRegistered(context, oldDelegate, false)
      round.movedStake = add(round.movedStake, bondedAmount - additionalAmount)
      round.newStake = add(round.newStake, additionalAmount)
    }
    if (oldDelegate === zeroAddress) setDelegatorsCount(context, round, 1n)
    syncDelegator(context, delegatorId)
    syncTotalStake(context, newDelegate)
    delegator.principal = add(delegator.principal, additionalAmount)
    cache.set(
      BondEvent,
      new BondEvent({
        ...base,
        newDelegate: transcoderRef(newDelegate),
        oldDelegate: oldDelegate === zeroAddress ? null : transcoderRef(oldDelegate),
        delegator: delegatorRef(delegatorId),
        bondedAmount: toDecimal(bondedAmount),
        additionalAmount: toDecimal(additionalAmount),
      }),
    )
  },
  Unbond: ({ context, cache, args, round, base, transcoderRef, delegatorRef }) => {
    const delegate = lower(args.delegate)
    const delegatorId = lower(args.delegator)
    const amount = big(args.amount)
    const delegator = syncDelegator(context, delegatorId)
    syncTotalStake(context, delegate)
    delegator.unbonded = add(delegator.unbonded, amount)
    if (delegator.bondedAmount.eq(0)) {
      setDelegatorsCount(context, round, -1n)
      if (delegate === delegatorId) setRegistered(context, delegate, false)
    }
    const lockId = big(args.unbondingLockId)
    cache.set(
      UnbondingLock,
      new UnbondingLock({
        id: unbondingLockId(lockId, delegatorId),
        unbondingLockId: Number(lockId),
        delegator: delegatorRef(delegatorId),
        delegate: transcoderRef(delegate),
        amount: toDecimal(amount),
        withdrawRound: big(args.withdrawRound),
        sender: delegatorId,
      }),
    )
    cache.set(
      UnbondEvent,
      new UnbondEvent({
        ...base,
        delegate: transcoderRef(delegate),
        delegator: delegatorRef(delegatorId),
        amount: toDecimal(amount),
        withdrawRound: big(args.withdrawRound),
        unbondingLockId: Number(lockId),
      }),
    )
  },
  Rebond: ({ context, cache, args, round, base, transcoderRef, delegatorRef }) => {
    const delegate = lower(args.delegate)
    const delegatorId = lower(args.delegator)
    const amount = big(args.amount)
    const lockId = big(args.unbondingLockId)
    const existing = delegatorOf(context, delegatorId)
    if (!existing.delegate) setDelegatorsCount(context, round, 1n)
    if (delegate === delegatorId) setRegistered(context, delegate, true)
    const delegator = syncDelegator(context, delegatorId)
    const lockKey = unbondingLockId(lockId, delegatorId)
    const lock = cache.get(UnbondingLock, lockKey)
    if (!lock || lock.sender === delegatorId) delegator.unbonded = sub(delegator.unbonded, amount)
    syncTotalStake(context, delegate)
    cache.remove(UnbondingLock, lockKey)
    cache.set(
      RebondEvent,
      new RebondEvent({ ...base, delegate: transcoderRef(delegate), delegator: delegatorRef(delegatorId), amount: toDecimal(amount), unbondingLockId: Number(lockId) }),
    )
  },
  TransferBond: ({ context, cache, args, base, transcoderRef, delegatorRef }) => {
    const oldDelegator = lower(args.oldDelegator)
    const newDelegatorId = lower(args.newDelegator)
    const amount = big(args.amount)
    const oldLockKey = unbondingLockId(big(args.oldUnbondingLockId), oldDelegator)
    const oldLock = cache.get(UnbondingLock, oldLockKey)
    const newDelegator = syncDelegator(context, newDelegatorId)
    syncDelegator(context, oldDelegator)
    newDelegator.principal = add(newDelegator.principal, amount)
    const oldState = context.ledger.delegator(oldDelegator as Address)
    cache.set(
      UnbondingLock,
      new UnbondingLock({
        id: unbondingLockId(big(args.newUnbondingLockId), newDelegatorId),
        unbondingLockId: Number(big(args.newUnbondingLockId)),
        delegator: delegatorRef(newDelegatorId),
        delegate: oldLock?.delegate ?? transcoderRef(oldState.delegateAddress.toLowerCase()),
        amount: toDecimal(amount),
        withdrawRound: oldLock?.withdrawRound ?? 0n,
        sender: oldDelegator,
      }),
    )
    cache.remove(UnbondingLock, oldLockKey)
    cache.set(
      TransferBondEvent,
      new TransferBondEvent({
        ...base,
        newDelegator: delegatorRef(newDelegatorId),
        oldDelegator: delegatorRef(oldDelegator),
        newUnbondingLockId: Number(big(args.newUnbondingLockId)),
        oldUnbondingLockId: Number(big(args.oldUnbondingLockId)),
        amount: toDecimal(amount),
      }),
    )
  },
  WithdrawStake: ({ context, cache, args, base, delegatorRef }) => {
    const delegatorId = lower(args.delegator)
    const lockId = big(args.unbondingLockId)
    delegatorOf(context, delegatorId)
    cache.remove(UnbondingLock, unbondingLockId(lockId, delegatorId))
    cache.set(
      WithdrawStakeEvent,
      new WithdrawStakeEvent({ ...base, delegator: delegatorRef(delegatorId), unbondingLockId: Number(lockId), amount: toDecimal(big(args.amount)) }),
    )
  },
  WithdrawFees: ({ context, cache, args, base, delegatorRef }) => {
    const delegatorId = lower(args.delegator)
    const delegator = syncDelegator(context, delegatorId)
    delegator.withdrawnFees = add(delegator.withdrawnFees, big(args.amount))
    cache.set(
      WithdrawFeesEvent,
      new WithdrawFeesEvent({ ...base, delegator: delegatorRef(delegatorId), amount: toDecimal(big(args.amount)), recipient: lower(args.recipient) }),
    )
  },
  EarningsClaimed: ({ context, cache, args, base, transcoderRef, delegatorRef }) => {
    const delegatorId = lower(args.delegator)
    const delegate = lower(args.delegate)
    syncDelegator(context, delegatorId)
    if (delegate === delegatorId) syncTotalStake(context, delegate)
    const endRound = roundOf(context, big(args.endRound))
    cache.set(
      EarningsClaimedEvent,
      new EarningsClaimedEvent({
        ...base,
        delegator: delegatorRef(delegatorId),
        delegate: delegate === zeroAddress ? null : transcoderRef(delegate),
        startRound: big(args.startRound),
        endRound: new Round({ id: endRound.id }),
        rewardTokens: toDecimal(big(args.rewards)),
        fees: toDecimal(big(args.fees)),
      }),
    )
  },
} satisfies EventHandlers
