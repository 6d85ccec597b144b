// Which event entities the explorer shows, the GraphQL selection of each, and the fields that
// name an account (for per-account history). Mint / Burn / LPT Transfer / EarningsClaimed are left
// out of feeds, as the Livepeer explorer does (spec §11 `events`).

/** One event type of the feed. */
export type EventType = {
  typename: string
  /** Plural root field, e.g. `bondEvents`. */
  plural: string
  /** Short human label. */
  label: string
  /** Selection besides id / timestamp / round / transaction. */
  fields: string
  /** Reference fields naming an account (filter `{ field: address }`). */
  accountFields: string[]
}

const ref = (name: string) => `${name} { id }`

export const eventTypes: EventType[] = [
  { typename: 'BondEvent', plural: 'bondEvents', label: 'Bond', fields: `${ref('newDelegate')} ${ref('oldDelegate')} ${ref('delegator')} bondedAmount additionalAmount`, accountFields: ['delegator', 'newDelegate'] },
  { typename: 'UnbondEvent', plural: 'unbondEvents', label: 'Unbond', fields: `${ref('delegate')} ${ref('delegator')} amount withdrawRound unbondingLockId`, accountFields: ['delegator', 'delegate'] },
  { typename: 'RebondEvent', plural: 'rebondEvents', label: 'Rebond', fields: `${ref('delegate')} ${ref('delegator')} amount unbondingLockId`, accountFields: ['delegator', 'delegate'] },
  { typename: 'TransferBondEvent', plural: 'transferBondEvents', label: 'Transfer bond', fields: `${ref('newDelegator')} ${ref('oldDelegator')} amount`, accountFields: ['newDelegator', 'oldDelegator'] },
  { typename: 'WithdrawStakeEvent', plural: 'withdrawStakeEvents', label: 'Withdraw stake', fields: `${ref('delegator')} amount unbondingLockId`, accountFields: ['delegator'] },
  { typename: 'WithdrawFeesEvent', plural: 'withdrawFeesEvents', label: 'Withdraw fees', fields: `${ref('delegator')} amount recipient`, accountFields: ['delegator'] },
  { typename: 'RewardEvent', plural: 'rewardEvents', label: 'Reward', fields: `${ref('delegate')} rewardTokens`, accountFields: ['delegate'] },
  { typename: 'TranscoderUpdateEvent', plural: 'transcoderUpdateEvents', label: 'Cut update', fields: `${ref('delegate')} rewardCut feeShare`, accountFields: ['delegate'] },
  { typename: 'TranscoderActivatedEvent', plural: 'transcoderActivatedEvents', label: 'Activated', fields: `${ref('delegate')} activationRound`, accountFields: ['delegate'] },
  { typename: 'TranscoderDeactivatedEvent', plural: 'transcoderDeactivatedEvents', label: 'Deactivated', fields: `${ref('delegate')} deactivationRound`, accountFields: ['delegate'] },
  { typename: 'RewardCallerSetEvent', plural: 'rewardCallerSetEvents', label: 'Reward caller set', fields: `${ref('delegate')} rewardCaller`, accountFields: ['delegate'] },
  { typename: 'WinningTicketRedeemedEvent', plural: 'winningTicketRedeemedEvents', label: 'Winning ticket', fields: `${ref('sender')} ${ref('recipient')} faceValue`, accountFields: ['sender', 'recipient'] },
  { typename: 'DepositFundedEvent', plural: 'depositFundedEvents', label: 'Deposit funded', fields: `${ref('sender')} amount`, accountFields: ['sender'] },
  { typename: 'ReserveFundedEvent', plural: 'reserveFundedEvents', label: 'Reserve funded', fields: `${ref('reserveHolder')} amount`, accountFields: ['reserveHolder'] },
  { typename: 'ReserveClaimedEvent', plural: 'reserveClaimedEvents', label: 'Reserve claimed', fields: `${ref('reserveHolder')} ${ref('claimant')} amount`, accountFields: ['reserveHolder', 'claimant'] },
  { typename: 'WithdrawalEvent', plural: 'withdrawalEvents', label: 'Gateway withdrawal', fields: `${ref('sender')} deposit reserve`, accountFields: ['sender'] },
  { typename: 'UnlockEvent', plural: 'unlockEvents', label: 'Unlock', fields: `${ref('sender')} startRound endRound`, accountFields: ['sender'] },
  { typename: 'NewRoundEvent', plural: 'newRoundEvents', label: 'New round', fields: 'blockHash', accountFields: [] },
  { typename: 'SetCurrentRewardTokensEvent', plural: 'setCurrentRewardTokensEvents', label: 'Mintable tokens set', fields: 'currentMintableTokens currentInflation', accountFields: [] },
  { typename: 'ParameterUpdateEvent', plural: 'parameterUpdateEvents', label: 'Parameter update', fields: 'param', accountFields: [] },
  { typename: 'ServiceURIUpdateEvent', plural: 'serviceURIUpdateEvents', label: 'Service URI', fields: 'addr serviceURI', accountFields: [] },
  { typename: 'PauseEvent', plural: 'pauseEvents', label: 'Paused', fields: '', accountFields: [] },
  { typename: 'UnpauseEvent', plural: 'unpauseEvents', label: 'Unpaused', fields: '', accountFields: [] },
]

export const eventTypesByName = new Map(eventTypes.map((type) => [type.typename, type]))

/** The selection every event shares. */
export const commonEventFields = '__typename id timestamp round { id } transaction { id from }'
