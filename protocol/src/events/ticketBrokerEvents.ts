import { parseAbi } from 'viem'
import { managerEvents } from './managerEvents.ts'
import { signaturesOf } from './signaturesOf.ts'

/**
 * TicketBroker events, logged by the TicketBroker proxy.
 *
 * @see shared/spec/protocol.md §3.4
 *
 * @example
 * const row = ticketBrokerEvents.find((event) => event.name === 'WinningTicketTransfer')
 */
export const ticketBrokerEvents = [
  {
    contract: 'TicketBroker',
    name: 'DepositFunded',
    signature: 'event DepositFunded(address indexed sender, uint256 amount)',
    topic0: '0x5159e237d952190e68d5215430f305831be7c9c8776d1377c76679ae4773413f',
  },
  {
    contract: 'TicketBroker',
    name: 'ReserveFunded',
    signature: 'event ReserveFunded(address indexed reserveHolder, uint256 amount)',
    topic0: '0xb52b99b9e83551fcbd069b559cc3e823e2a1a3bad8ece46561ea77524394c850',
  },
  {
    contract: 'TicketBroker',
    name: 'ReserveClaimed',
    signature: 'event ReserveClaimed(address indexed reserveHolder, address claimant, uint256 amount)',
    topic0: '0x5c2b394723f408a40a60335e24b71829642e35f350cebe2036a96a66e895ea98',
  },
  {
    contract: 'TicketBroker',
    name: 'WinningTicketRedeemed',
    signature: 'event WinningTicketRedeemed(address indexed sender, address indexed recipient, uint256 faceValue, uint256 winProb, uint256 senderNonce, uint256 recipientRand, bytes auxData)',
    topic0: '0xc389eb51ed006dbf2528507f010efdf5225ea596e1e1741d74f550dab1925ee7',
  },
  {
    contract: 'TicketBroker',
    name: 'WinningTicketTransfer',
    signature: 'event WinningTicketTransfer(address indexed sender, address indexed recipient, uint256 amount)',
    topic0: '0x8b87351a208c06e3ceee59d80725fd77a23b4129e1b51ca231fc89b40712649c',
  },
  {
    contract: 'TicketBroker',
    name: 'Unlock',
    signature: 'event Unlock(address indexed sender, uint256 startRound, uint256 endRound)',
    topic0: '0xf7870c5b224cbc19873599e46ccfc7103934650509b1af0c3ce90138377c2004',
  },
  {
    contract: 'TicketBroker',
    name: 'UnlockCancelled',
    signature: 'event UnlockCancelled(address indexed sender)',
    topic0: '0xfa044b7b93a40365dc68049797c2eb06918523d694e5d56e406cac3eb35578e5',
  },
  {
    contract: 'TicketBroker',
    name: 'Withdrawal',
    signature: 'event Withdrawal(address indexed sender, uint256 deposit, uint256 reserve)',
    topic0: '0xdf273cb619d95419a9cd0ec88123a0538c85064229baa6363788f743fff90deb',
  },
  ...managerEvents('TicketBroker'),
] as const

/**
 * viem ABI of {@link ticketBrokerEvents}, for `decodeEventLog` and `getLogs`.
 *
 * @example
 * const { eventName, args } = decodeEventLog({ abi: ticketBrokerEventsAbi, data: log.data, topics: log.topics })
 */
export const ticketBrokerEventsAbi = parseAbi(signaturesOf(ticketBrokerEvents))
