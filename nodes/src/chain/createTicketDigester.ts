import type { Ticket } from '@peerscope/protocol'
import createKeccak from 'keccak'
import { hexToBytes, type Hex } from 'viem'

const prefix = Buffer.from('\x19Ethereum Signed Message:\n32')

/**
 * Fast EIP-191 digests of a batch of tickets that share their params (one payment): the packed
 * 232-byte ticket (spec §12.1) is laid out once and only the sender nonce changes per ticket, hashed
 * with native keccak. Same result as `hashMessage({ raw: hashTicket(ticket) })`.
 *
 * @example
 * const digest = createTicketDigester(template)
 * recover.prefixed(digest(nonce), sig)
 */
export function createTicketDigester(ticket: Omit<Ticket, 'senderNonce'>): (senderNonce: bigint) => Hex {
  const packed = Buffer.alloc(232)
  packed.set(hexToBytes(ticket.recipient), 0)
  packed.set(hexToBytes(ticket.sender), 20)
  writeUint256(packed, 40, ticket.faceValue)
  writeUint256(packed, 72, ticket.winProb)
  packed.set(hexToBytes(ticket.recipientRandHash), 136)
  const aux = hexToBytes(ticket.auxData)
  if (aux.length !== 64) throw new RangeError('auxData must be 64 bytes')
  packed.set(aux, 168)
  return (senderNonce) => {
    writeUint256(packed, 104, senderNonce)
    const hash = createKeccak('keccak256').update(packed).digest()
    return `0x${createKeccak('keccak256').update(prefix).update(hash).digest('hex')}`
  }
}

function writeUint256(buffer: Buffer, offset: number, value: bigint) {
  if (value < 0n || value >= 2n ** 256n) throw new RangeError(`${value} is not a uint256`)
  let rest = value
  for (let i = 31; i >= 0; i--) {
    buffer[offset + i] = Number(rest & 0xffn)
    rest >>= 8n
  }
}
