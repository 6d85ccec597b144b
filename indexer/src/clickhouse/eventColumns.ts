import { arbitrumEventCatalogue } from '@peerscope/protocol'

/** The typed columns of `events` filled from arguments, by event (names as in the catalogue). */
export type EventColumnMap = {
  orchestrator?: string
  delegator?: string
  sender?: string
  recipient?: string
  amount?: string
  amount2?: string
}

/**
 * Which argument fills which typed `events` column. `orchestrator`: the transcoder the event is
 * about (for tickets, the recipient); `delegator`: the bonding account; `sender` / `recipient`: the
 * other parties; `amount` / `amount2`: the main amounts in wei (rates for `TranscoderUpdate`, the
 * inflation for `SetCurrentRewardTokens`). Other catalogued events keep their arguments in `args` only.
 */
export const eventColumns: Readonly<Record<string, EventColumnMap>> = {
  Bond: { orchestrator: 'newDelegate', delegator: 'delegator', sender: 'oldDelegate', amount: 'additionalAmount', amount2: 'bondedAmount' },
  Unbond: { orchestrator: 'delegate', delegator: 'delegator', amount: 'amount' },
  Rebond: { orchestrator: 'delegate', delegator: 'delegator', amount: 'amount' },
  TransferBond: { delegator: 'oldDelegator', recipient: 'newDelegator', amount: 'amount' },
  WithdrawStake: { delegator: 'delegator', amount: 'amount' },
  WithdrawFees: { delegator: 'delegator', recipient: 'recipient', amount: 'amount' },
  EarningsClaimed: { orchestrator: 'delegate', delegator: 'delegator', amount: 'rewards', amount2: 'fees' },
  Reward: { orchestrator: 'transcoder', amount: 'amount' },
  TreasuryReward: { orchestrator: 'transcoder', recipient: 'treasury', amount: 'amount' },
  TranscoderUpdate: { orchestrator: 'transcoder', amount: 'rewardCut', amount2: 'feeShare' },
  TranscoderActivated: { orchestrator: 'transcoder' },
  TranscoderDeactivated: { orchestrator: 'transcoder' },
  TranscoderSlashed: { orchestrator: 'transcoder', recipient: 'finder', amount: 'penalty', amount2: 'finderReward' },
  RewardCallerSet: { orchestrator: 'transcoder', recipient: 'rewardCaller' },
  SetCurrentRewardTokens: { amount: 'currentMintableTokens', amount2: 'currentInflation' },
  DepositFunded: { sender: 'sender', amount: 'amount' },
  ReserveFunded: { sender: 'reserveHolder', amount: 'amount' },
  ReserveClaimed: { sender: 'reserveHolder', recipient: 'claimant', amount: 'amount' },
  WinningTicketRedeemed: { orchestrator: 'recipient', sender: 'sender', recipient: 'recipient', amount: 'faceValue', amount2: 'winProb' },
  WinningTicketTransfer: { orchestrator: 'recipient', sender: 'sender', recipient: 'recipient', amount: 'amount' },
  Unlock: { sender: 'sender' },
  UnlockCancelled: { sender: 'sender' },
  Withdrawal: { sender: 'sender', amount: 'deposit', amount2: 'reserve' },
  ServiceURIUpdate: { orchestrator: 'addr' },
  Transfer: { sender: 'from', recipient: 'to', amount: 'value' },
  Approval: { sender: 'owner', recipient: 'spender', amount: 'value' },
  Mint: { recipient: 'to', amount: 'amount' },
  Burn: { sender: 'burner', amount: 'amount' },
}

/** A parameter of a catalogued event: Solidity type and name. */
export type EventParameter = { type: string; name: string }

/**
 * Parameters of every catalogued event, by event name, parsed from the catalogue's signatures
 * (`event Bond(address indexed newDelegate, …)`). Events that share a name across contracts
 * (`ParameterUpdate`, `SetController`) share the signature.
 */
export const eventParameters: ReadonlyMap<string, readonly EventParameter[]> = new Map(
  arbitrumEventCatalogue.map((entry) => {
    const inner = /^event \w+\((.*)\)$/.exec(entry.signature)?.[1] ?? ''
    const parameters = inner
      .split(',')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words.length >= 2)
      .map((words) => ({ type: words[0] as string, name: words[words.length - 1] as string }))
    return [entry.name, parameters] as const
  }),
)
