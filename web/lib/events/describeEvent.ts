import { formatEth, formatLpt, formatPpb, formatPpm, feeCutPpm } from '../format/index.ts'
import type { ExplorerEvent } from '../definitions.ts'
import { eventTypesByName } from './catalog.ts'

/** One piece of an event's sentence: text, or an account to link. */
export type EventPart = { text: string } | { account: string }

/** What an event row shows. */
export type EventDescription = { label: string; parts: EventPart[] }

const id = (value: unknown): string | null => (value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : null)
const account = (value: unknown): EventPart[] => {
  const address = id(value) ?? (typeof value === 'string' ? value : null)
  return address ? [{ account: address }] : [{ text: '—' }]
}
const text = (value: string): EventPart => ({ text: value })

/**
 * A sentence for an event, e.g. "0xab… bonded 10 LPT to 0xcd…".
 *
 * @example
 * describeEvent({ __typename: 'RewardEvent', delegate: { id: '0x…' }, rewardTokens: '12.5', … })
 */
export function describeEvent(event: ExplorerEvent): EventDescription {
  const e = event as ExplorerEvent & Record<string, unknown>
  const label = eventTypesByName.get(event.__typename)?.label ?? event.__typename.replace(/Event$/, '')
  const s = (key: string) => String(e[key] ?? '')
  switch (event.__typename) {
    case 'BondEvent':
      return { label, parts: [...account(e.delegator), text(` bonded ${formatLpt(s('additionalAmount'))} to `), ...account(e.newDelegate), text(` (total ${formatLpt(s('bondedAmount'))})`)] }
    case 'UnbondEvent':
      return { label, parts: [...account(e.delegator), text(` unbonded ${formatLpt(s('amount'))} from `), ...account(e.delegate), text(`, withdrawable in round ${s('withdrawRound')}`)] }
    case 'RebondEvent':
      return { label, parts: [...account(e.delegator), text(` rebonded ${formatLpt(s('amount'))} to `), ...account(e.delegate)] }
    case 'TransferBondEvent':
      return { label, parts: [...account(e.oldDelegator), text(` transferred ${formatLpt(s('amount'))} of stake to `), ...account(e.newDelegator)] }
    case 'WithdrawStakeEvent':
      return { label, parts: [...account(e.delegator), text(` withdrew ${formatLpt(s('amount'))}`)] }
    case 'WithdrawFeesEvent':
      return { label, parts: [...account(e.delegator), text(` withdrew ${formatEth(s('amount'))} of fees`)] }
    case 'RewardEvent':
      return { label, parts: [...account(e.delegate), text(` called reward: ${formatLpt(s('rewardTokens'))}`)] }
    case 'TranscoderUpdateEvent':
      return { label, parts: [...account(e.delegate), text(` set reward cut ${formatPpm(s('rewardCut'))}, fee cut ${formatPpm(feeCutPpm(s('feeShare')))}`)] }
    case 'TranscoderActivatedEvent':
      return { label, parts: [...account(e.delegate), text(` activates in round ${s('activationRound')}`)] }
    case 'TranscoderDeactivatedEvent':
      return { label, parts: [...account(e.delegate), text(` deactivates in round ${s('deactivationRound')}`)] }
    case 'RewardCallerSetEvent':
      return { label, parts: [...account(e.delegate), text(' set its reward caller to '), ...account(e.rewardCaller)] }
    case 'WinningTicketRedeemedEvent':
      return { label, parts: [...account(e.recipient), text(` redeemed ${formatEth(s('faceValue'))} from `), ...account(e.sender)] }
    case 'DepositFundedEvent':
      return { label, parts: [...account(e.sender), text(` deposited ${formatEth(s('amount'))}`)] }
    case 'ReserveFundedEvent':
      return { label, parts: [...account(e.reserveHolder), text(` funded ${formatEth(s('amount'))} of reserve`)] }
    case 'ReserveClaimedEvent':
      return { label, parts: [...account(e.claimant), text(` claimed ${formatEth(s('amount'))} of reserve from `), ...account(e.reserveHolder)] }
    case 'WithdrawalEvent':
      return { label, parts: [...account(e.sender), text(` withdrew ${formatEth(s('deposit'))} deposit and ${formatEth(s('reserve'))} reserve`)] }
    case 'UnlockEvent':
      return { label, parts: [...account(e.sender), text(` started unlocking (rounds ${s('startRound')}–${s('endRound')})`)] }
    case 'NewRoundEvent':
      return { label, parts: [text(`round ${event.round.id} initialized by `), ...account(event.transaction.from)] }
    case 'SetCurrentRewardTokensEvent':
      return { label, parts: [text(`${formatLpt(s('currentMintableTokens'))} mintable at inflation ${formatPpb(s('currentInflation'))}`)] }
    case 'ParameterUpdateEvent':
      return { label, parts: [text(`parameter ${s('param')} updated`)] }
    case 'ServiceURIUpdateEvent':
      return { label, parts: [...account(e.addr), text(` set service URI ${s('serviceURI')}`)] }
    default:
      return { label, parts: [text(`by `), ...account(event.transaction.from)] }
  }
}
