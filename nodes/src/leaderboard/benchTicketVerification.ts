import { createTicketVerifier, signTicket, verifyTicketSignature, type Ticket } from '@peerscope/protocol'
import { privateKeyToAccount } from 'viem/accounts'

/** Parameters for {@link benchTicketVerification}. */
export type BenchTicketVerificationParameters = {
  /** How long to verify with the native verifier. */
  seconds: number
  /** How long to run protocol's pure-JS `verifyTicketSignature` for comparison. Default min(1, seconds). 0 skips it. */
  referenceSeconds?: number | undefined
  /** Distinct signed tickets cycled through. Default 256. */
  tickets?: number | undefined
}

/** Return type of {@link benchTicketVerification}. */
export type BenchTicketVerificationReturnType = {
  /** Native verifier (`createTicketVerifier`), one core, per wall-clock second. */
  perSecond: number
  /** The same per second of CPU time used by this process: what one core does when the machine is shared. */
  perCpuSecond: number
  verified: number
  /** `@peerscope/protocol` `verifyTicketSignature` (noble, pure JS), one core; undefined when skipped. */
  protocolPerSecond: number | undefined
}

// A fixed throwaway key: the bench signs its own tickets.
const benchKey = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'

/**
 * Measures how many signed tickets one core verifies per second: tickets are signed up front with
 * `@peerscope/protocol` `signTicket`, then verified in a loop (every verdict must be true, or it
 * throws). Part of `npm run bench:nodes`.
 *
 * @example
 * const { perSecond } = await benchTicketVerification({ seconds: 3 }) // ≈ 7,000 on one 2026 vCPU
 */
export async function benchTicketVerification(parameters: BenchTicketVerificationParameters): Promise<BenchTicketVerificationReturnType> {
  const { seconds, tickets: count = 256 } = parameters
  const referenceSeconds = parameters.referenceSeconds ?? Math.min(1, seconds)
  if (!(seconds > 0)) throw new RangeError('benchTicketVerification: seconds must be positive')
  const sender = privateKeyToAccount(benchKey).address
  const signed: { ticket: Ticket; signature: `0x${string}` }[] = []
  for (let nonce = 0; nonce < count; nonce++) {
    const ticket: Ticket = {
      recipient: '0x00000000000000000000000000000000000000a1',
      sender,
      faceValue: 1_000_000_000_000_000n + BigInt(nonce),
      winProb: 2n ** 248n,
      senderNonce: BigInt(nonce),
      recipientRandHash: `0x${nonce.toString(16).padStart(64, '0')}`,
      auxData: `0x${'00'.repeat(31)}2a${'11'.repeat(32)}`,
    }
    signed.push({ ticket, signature: await signTicket({ ticket, privateKey: benchKey }) })
  }

  const verifier = createTicketVerifier()
  let verified = 0
  const cpuStarted = process.cpuUsage()
  const started = performance.now()
  const deadline = started + seconds * 1000
  while (performance.now() < deadline) {
    for (const entry of signed) {
      if (!verifier.verify(entry)) throw new Error(`benchTicketVerification: ticket ${entry.ticket.senderNonce} did not verify`)
      verified++
    }
  }
  const perSecond = verified / ((performance.now() - started) / 1000)
  const cpu = process.cpuUsage(cpuStarted)
  const perCpuSecond = verified / ((cpu.user + cpu.system) / 1e6)

  let protocolPerSecond: number | undefined
  if (referenceSeconds > 0) {
    let checked = 0
    const referenceStarted = performance.now()
    const referenceDeadline = referenceStarted + referenceSeconds * 1000
    while (performance.now() < referenceDeadline) {
      const entry = signed[checked % signed.length] as (typeof signed)[number]
      if (!(await verifyTicketSignature(entry))) throw new Error('benchTicketVerification: protocol verifier rejected a ticket')
      checked++
    }
    protocolPerSecond = checked / ((performance.now() - referenceStarted) / 1000)
  }
  return { perSecond, perCpuSecond, verified, protocolPerSecond }
}
