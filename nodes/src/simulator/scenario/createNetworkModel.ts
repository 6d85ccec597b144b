import { bondingManagerAbi } from '@peerscope/protocol/abi'
import { decodeEventLog, getAddress, toEventSelector, type Address, type Hex } from 'viem'
import type { RawLog } from '../chain/createTransactionSender.ts'

/** An unbonding lock as the BondingManager's events describe it. */
export type UnbondingLock = { id: bigint; amount: bigint; withdrawRound: bigint }

/**
 * What the scenario remembers between rounds that the chain does not list: unbonding locks
 * (only readable by id), LIP-118 reward callers, and ticket nonces. Fed from the BondingManager's
 * own events, so it can never disagree with the chain.
 */
export type NetworkModel = {
  /** Unbonding locks of `account` not yet rebonded, transferred or withdrawn, oldest first. */
  locks: (account: Address) => UnbondingLock[]
  /** The reward caller an orchestrator set (LIP-118), if any. */
  rewardCaller: (orchestrator: Address) => Address | undefined
  /** The next ticket nonce of a gateway. */
  nextTicketNonce: (gateway: Address) => bigint
  /** Updates the model from mined logs. */
  apply: (logs: readonly RawLog[]) => void
}

const watched = new Set<Hex>(
  (['Unbond', 'Rebond', 'WithdrawStake', 'TransferBond', 'RewardCallerSet'] as const).map((name) =>
    toEventSelector(bondingManagerAbi.find((item) => item.type === 'event' && item.name === name) as never),
  ),
)
const zeroAddress = '0x0000000000000000000000000000000000000000'

/**
 * Creates an empty {@link NetworkModel} for the BondingManager at `bondingManager`.
 *
 * @example
 * const model = createNetworkModel({ bondingManager: deployment.contracts.BondingManager.address })
 * model.apply(mined.logs)
 * model.locks(delegator)
 */
export function createNetworkModel({ bondingManager }: { bondingManager: Address }): NetworkModel {
  const bm = bondingManager.toLowerCase()
  const locks = new Map<Address, Map<bigint, UnbondingLock>>()
  const rewardCallers = new Map<Address, Address>()
  const nonces = new Map<Address, bigint>()
  const locksOf = (account: Address) => {
    let map = locks.get(account)
    if (!map) locks.set(account, (map = new Map()))
    return map
  }

  return {
    locks: (account) => [...(locks.get(getAddress(account))?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1)),
    rewardCaller: (orchestrator) => rewardCallers.get(getAddress(orchestrator)),
    nextTicketNonce(gateway) {
      const nonce = nonces.get(gateway) ?? 0n
      nonces.set(gateway, nonce + 1n)
      return nonce
    },
    apply(logs) {
      for (const log of logs) {
        if (log.address.toLowerCase() !== bm || !watched.has(log.topics[0] as Hex)) continue
        const event = decodeEventLog({ abi: bondingManagerAbi, data: log.data, topics: log.topics as [Hex, ...Hex[]] })
        switch (event.eventName) {
          case 'Unbond':
            locksOf(getAddress(event.args.delegator)).set(event.args.unbondingLockId, {
              id: event.args.unbondingLockId,
              amount: event.args.amount,
              withdrawRound: event.args.withdrawRound,
            })
            break
          case 'Rebond':
            locksOf(getAddress(event.args.delegator)).delete(event.args.unbondingLockId)
            break
          case 'WithdrawStake':
            locksOf(getAddress(event.args.delegator)).delete(event.args.unbondingLockId)
            break
          case 'TransferBond': {
            const from = locksOf(getAddress(event.args.oldDelegator))
            const lock = from.get(event.args.oldUnbondingLockId)
            from.delete(event.args.oldUnbondingLockId)
            // The receiver's lock is rebonded in the same transaction (its Rebond follows).
            if (lock) locksOf(getAddress(event.args.newDelegator)).set(event.args.newUnbondingLockId, { ...lock, id: event.args.newUnbondingLockId })
            break
          }
          case 'RewardCallerSet':
            if (event.args.rewardCaller === zeroAddress) rewardCallers.delete(getAddress(event.args.transcoder))
            else rewardCallers.set(getAddress(event.args.transcoder), getAddress(event.args.rewardCaller))
            break
        }
      }
    },
  }
}
