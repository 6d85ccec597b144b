/**
 * Shared fixture for the contract behaviour tests: one anvil per test file, the protocol deployed
 * by `deployProtocol`, and small helpers to send transactions, read decoded logs in emission order,
 * move rounds and assert revert reasons.
 */
import assert from 'node:assert/strict'
import {
  decodeEventLog,
  encodePacked,
  keccak256,
  parseEther,
  type Abi,
  type Address,
  type Hex,
  type Log,
  type TransactionReceipt,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import {
  bondingManagerAbi,
  livepeerTokenAbi,
  roundsManagerAbi,
  ticketBrokerAbi,
} from '../../src/abi/generated/index.ts'
import { createDevnetClient, startAnvil, type Anvil, type DevnetClient } from '../../src/anvil/index.ts'
import { deployProtocol, devnetParameters, protocolAbis, type ProtocolDeployment, type ProtocolParameters } from '../../src/deploy/index.ts'
import type { Ticket } from '../../src/tickets/types.ts'

export const deployer: Address = '0xde90000000000000000000000000000000000001'

/** Deterministic test accounts (auto-impersonated; only ticket senders need keys). */
export const accounts = {
  alice: '0xa11ce00000000000000000000000000000000001',
  bob: '0xb0b0000000000000000000000000000000000002',
  carol: '0xca40100000000000000000000000000000000003',
  dave: '0xda4e000000000000000000000000000000000004',
  erin: '0xe414000000000000000000000000000000000005',
  frank: '0xf4a4c00000000000000000000000000000000006',
} as const satisfies Record<string, Address>

/** A broadcaster with a key, for signing tickets. */
export const broadcasterKey: Hex = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
export const broadcaster = privateKeyToAccount(broadcasterKey)

/** A decoded log: `Contract.Event` and its named args. */
export type DecodedLog = { event: string; args: Record<string, unknown>; address: Address }

export type Devnet = Awaited<ReturnType<typeof createFixture>>

/**
 * Starts anvil and deploys the protocol.
 *
 * @example
 * let devnet: Devnet
 * before(async () => { devnet = await setupDevnet() })
 * after(() => devnet.stop())
 */
export async function setupDevnet(options: { parameters?: Partial<ProtocolParameters>; verifier?: Address } = {}) {
  const anvil: Anvil = await startAnvil()
  try {
    return await createFixture(anvil, options)
  } catch (error) {
    // A failed setup must not leave anvil running (it would keep the test process alive).
    await anvil.stop()
    throw error
  }
}

async function createFixture(anvil: Anvil, options: { parameters?: Partial<ProtocolParameters>; verifier?: Address }) {
  const client: DevnetClient = createDevnetClient({ rpcUrl: anvil.rpcUrl })
  const parameters = { ...devnetParameters, ...options.parameters }
  const deployment: ProtocolDeployment = await deployProtocol({ client, deployer, parameters, verifier: options.verifier })
  const c = Object.fromEntries(Object.entries(deployment.contracts).map(([name, { address }]) => [name, address])) as Record<
    keyof ProtocolDeployment['contracts'],
    Address
  >
  const nameOf = new Map(Object.entries(c).map(([name, address]) => [address.toLowerCase(), name]))

  /** Decodes every log of a receipt in emission order as `Contract.Event`. */
  const decodeLogs = (logs: Log[]): DecodedLog[] =>
    logs.map((log) => {
      const name = nameOf.get(log.address.toLowerCase()) ?? log.address
      const abi: Abi | undefined = protocolAbis[name as keyof typeof protocolAbis]
      if (!abi) return { event: `${name}.?`, args: {}, address: log.address }
      const decoded = decodeEventLog({ abi, data: log.data, topics: log.topics })
      return { event: `${name}.${decoded.eventName}`, args: (decoded.args ?? {}) as Record<string, unknown>, address: log.address }
    })

  /**
   * Sends a contract call from `from` (unsigned, auto-impersonated) and waits for success. The call
   * is simulated first: anvil mines a reverting transaction instead of rejecting it, and the
   * simulation (on the pending block, where the transaction will land) surfaces the revert reason.
   */
  async function send(from: Address, call: { address: Address; abi: Abi; functionName: string; args?: readonly unknown[]; value?: bigint }) {
    await client.simulateContract({ ...call, account: from, blockTag: 'pending' } as never)
    // Zero fees: the test chain has a zero base fee (see startAnvil).
    const hash = await client.writeContract({ ...call, account: from, chain: null, gasPrice: 0n } as never)
    const receipt: TransactionReceipt = await client.waitForTransactionReceipt({ hash })
    assert.equal(receipt.status, 'success', `${call.functionName} failed`)
    return { receipt, logs: decodeLogs(receipt.logs) }
  }

  const bm = (from: Address, functionName: string, args: readonly unknown[] = []) =>
    send(from, { address: c.BondingManager, abi: bondingManagerAbi, functionName, args })
  const tb = (from: Address, functionName: string, args: readonly unknown[] = [], value?: bigint) =>
    send(from, { address: c.TicketBroker, abi: ticketBrokerAbi, functionName, args, value })
  const read = <T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) =>
    client.readContract({ address, abi, functionName, args } as never) as Promise<T>
  const readBm = <T>(functionName: string, args: readonly unknown[] = []) => read<T>(c.BondingManager, bondingManagerAbi, functionName, args)
  const readTb = <T>(functionName: string, args: readonly unknown[] = []) => read<T>(c.TicketBroker, ticketBrokerAbi, functionName, args)
  const currentRound = () => read<bigint>(c.RoundsManager, roundsManagerAbi, 'currentRound')
  const lptBalance = (account: Address) => read<bigint>(c.LivepeerToken, livepeerTokenAbi, 'balanceOf', [account])

  /** Mines to the start of the next round and initializes it; returns the round and its logs. */
  async function nextRound() {
    const roundLength = parameters.roundLength
    const block = await client.getBlockNumber({ cacheTime: 0 })
    // The initializeRound transaction itself is mined in the next block.
    const target = (block / roundLength + 1n) * roundLength
    if (target - block - 1n > 0n) await client.mine({ blocks: Number(target - block - 1n) })
    const { logs } = await send(deployer, { address: c.RoundsManager, abi: roundsManagerAbi, functionName: 'initializeRound' })
    return { round: await currentRound(), logs }
  }

  /** Mints LPT to `to` and approves the BondingManager to pull it. */
  async function fundLpt(to: Address, amount: bigint) {
    await send(deployer, { address: c.LivepeerToken, abi: livepeerTokenAbi, functionName: 'mint', args: [to, amount] })
    await send(to, { address: c.LivepeerToken, abi: livepeerTokenAbi, functionName: 'approve', args: [c.BondingManager, amount] })
  }

  /** Mints, approves and self-bonds, then sets rewardCut/feeShare. */
  async function registerTranscoder(account: Address, stake: bigint, rewardCut = 0n, feeShare = 0n) {
    await fundLpt(account, stake)
    await bm(account, 'bond', [stake, account])
    await bm(account, 'transcoder', [rewardCut, feeShare])
  }

  /** Builds and signs a ticket from {@link broadcaster}. */
  async function signTicket(ticket: Omit<Ticket, 'sender'> & { sender?: Address }, signerKey: Hex = broadcasterKey) {
    const full: Ticket = { sender: broadcaster.address, ...ticket }
    const hash = keccak256(
      encodePacked(
        ['address', 'address', 'uint256', 'uint256', 'uint256', 'bytes32', 'bytes'],
        [full.recipient, full.sender, full.faceValue, full.winProb, full.senderNonce, full.recipientRandHash, full.auxData],
      ),
    )
    const sig = await privateKeyToAccount(signerKey).signMessage({ message: { raw: hash } })
    return { ticket: full, sig, hash }
  }

  /** auxData for a ticket created in the last initialized round. */
  async function auxDataFor(round?: bigint): Promise<Hex> {
    const creationRound = round ?? (await read<bigint>(c.RoundsManager, roundsManagerAbi, 'lastInitializedRound'))
    const blockHash = await read<Hex>(c.RoundsManager, roundsManagerAbi, 'blockHashForRound', [creationRound])
    return encodePacked(['uint256', 'bytes32'], [creationRound, blockHash])
  }

  for (const account of [...Object.values(accounts), deployer, broadcaster.address]) {
    await client.setBalance({ address: account, value: parseEther('1000') })
  }

  return {
    anvil,
    client,
    deployment,
    parameters,
    c,
    send,
    bm,
    tb,
    read,
    readBm,
    readTb,
    currentRound,
    lptBalance,
    nextRound,
    fundLpt,
    registerTranscoder,
    signTicket,
    auxDataFor,
    decodeLogs,
    snapshot: () => client.snapshot(),
    revert: (id: Hex) => client.revert({ id }),
    stop: () => anvil.stop(),
  }
}

/** Asserts that `promise` rejects with a message containing `reason`. */
export async function assertRevert(promise: Promise<unknown>, reason: string) {
  await assert.rejects(promise, (error: Error) => {
    assert.ok(error.message.includes(reason), `expected revert "${reason}", got: ${error.message.split('\n').slice(0, 3).join(' ')}`)
    return true
  })
}

/** Event names of decoded logs, in order. */
export const eventNames = (logs: DecodedLog[]) => logs.map((log) => log.event)

/** 1 LPT / 1 ETH in wei. */
export const ONE = 10n ** 18n
