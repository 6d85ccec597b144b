import { encodeFunctionData, keccak256, toHex, type Address, type Hash, type Hex } from 'viem'
import {
  bondingManagerAbi,
  controllerAbi,
  livepeerTokenAbi,
  minterAbi,
  roundsManagerAbi,
  serviceRegistryAbi,
  ticketBrokerAbi,
  treasuryAbi,
} from '../abi/generated/index.ts'
import type { DevnetClient } from '../anvil/createDevnetClient.ts'
import { readArtifact, type ArtifactName } from '../artifacts.ts'
import { BaseError } from '../errors/base.ts'
import { multicall3Address, protocolContractNames, type ProtocolContractName } from '../presets/contractNames.ts'
import type { ProtocolParameters } from './parameters.ts'

/** Parameters for {@link deployProtocol}. */
export type DeployProtocolParameters = {
  /** Devnet client (anvil with auto-impersonation: `deployer` sends unsigned transactions). */
  client: DevnetClient
  /** Controller owner, Treasury owner, LPT admin and LPT minter (so the devnet can mint initial balances). */
  deployer: Address
  parameters: ProtocolParameters
  /** Put a contract's runtime code at this address with `anvil_setCode` instead of deploying it, then initialize it. */
  placement?: Partial<Record<ProtocolContractName | 'Multicall3', Address>>
  /** Extra Controller entries, name → address (e.g. names we do not implement: BondingVotes, MerkleSnapshot). */
  registry?: Record<string, Address>
  /** Registered as "Verifier", the only caller of `slashTranscoder`. Default: none, slashing off as on Arbitrum. */
  verifier?: Address
}

/** Where each contract lives and the block its history starts at. */
export type ProtocolDeployment = {
  contracts: Record<ProtocolContractName, { address: Address; startBlock: number }>
  multicall3: Address
  deployer: Address
}

/** Type of {@link DeployProtocolError}. */
export type DeployProtocolErrorType = DeployProtocolError & { name: 'DeployProtocolError' }

/**
 * Thrown when a deployment transaction reverts (e.g. `initialize` on an address that already holds
 * an initialized contract).
 *
 * @example
 * throw new DeployProtocolError({ step: 'BondingManager.initialize', hash })
 */
export class DeployProtocolError extends BaseError {
  override name = 'DeployProtocolError'
  readonly step: string
  readonly hash: Hash
  constructor({ step, hash }: { step: string; hash: Hash }) {
    super(`Deploying the protocol failed: ${step} reverted.`, {
      metaMessages: [`Transaction: ${hash}`],
      docsPath: '#2-architecture-and-plumbing',
    })
    this.step = step
    this.hash = hash
  }
}

/** Which compiled contract each protocol name runs. */
const artifactFor: Record<ProtocolContractName, ArtifactName> = {
  Controller: 'Controller',
  LivepeerToken: 'LivepeerToken',
  Minter: 'Minter',
  BondingManager: 'BondingManager',
  RoundsManager: 'RoundsManager',
  TicketBroker: 'TicketBroker',
  ServiceRegistry: 'ServiceRegistry',
  AIServiceRegistry: 'ServiceRegistry',
  Treasury: 'Treasury',
}

/** The LPT roles (spec §3.6). */
const MINTER_ROLE = keccak256(toHex('MINTER_ROLE'))
const BURNER_ROLE = keccak256(toHex('BURNER_ROLE'))
/** Git commit recorded in the Controller registry; ours are not tied to a livepeer/protocol commit. */
const GIT_COMMIT_HASH: Hex = `0x${'0'.repeat(40)}`

/**
 * Deploys Peerscope's Livepeer protocol contracts on an anvil devnet, initializes them with
 * `parameters`, registers them in the Controller (plus "JobsManager" → TicketBroker, the
 * "<Name>Target" ids, "Treasury", the optional "Verifier" and `registry` extras), grants the Minter
 * MINTER_ROLE and BURNER_ROLE on LPT, places Multicall3 at its canonical address and unpauses the
 * Controller. Rounds are left uninitialized; blocks are mined if needed so that `currentRound() ≥ 1`.
 *
 * Contracts have no constructors, so `placement` can put any of them at fixed addresses (e.g. the
 * Arbitrum One ones) with `anvil_setCode`; events are then logged by those addresses.
 *
 * @param parameters - {@link DeployProtocolParameters}
 * @returns Addresses and start blocks ({@link ProtocolDeployment}).
 * @throws {DeployProtocolError} if a deployment transaction reverts.
 *
 * @example
 * const anvil = await startAnvil({ chainId: 42161 })
 * const client = createDevnetClient({ rpcUrl: anvil.rpcUrl, chainId: 42161 })
 * const deployment = await deployProtocol({ client, deployer, parameters: devnetParameters })
 * deployment.contracts.BondingManager.address
 */
export async function deployProtocol(p: DeployProtocolParameters): Promise<ProtocolDeployment> {
  const { client, deployer, parameters, placement = {}, registry = {}, verifier } = p

  // Explicit fees: anvil fills a priority fee above a zero base fee's fee cap when none is given.
  const baseFee = (await client.getBlock()).baseFeePerGas ?? 0n
  const tx = { account: deployer, chain: null, maxFeePerGas: baseFee * 2n, maxPriorityFeePerGas: 0n } as const

  // 1. Code: CREATE, or runtime code placed with anvil_setCode.
  const addresses = {} as Record<ProtocolContractName, Address>
  const creations: { name: ProtocolContractName; hash: Hash }[] = []
  for (const name of protocolContractNames) {
    const { abi, bytecode, deployedBytecode } = readArtifact(artifactFor[name])
    const at = placement[name]
    if (at) {
      await client.setCode({ address: at, bytecode: deployedBytecode })
      addresses[name] = at
    } else {
      creations.push({ name, hash: await client.deployContract({ abi, bytecode, ...tx }) })
    }
  }
  const startBlocks = {} as Record<ProtocolContractName, number>
  for (const { name, hash } of creations) {
    const receipt = await client.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success' || !receipt.contractAddress) {
      throw new DeployProtocolError({ step: `deploying ${name}`, hash })
    }
    addresses[name] = receipt.contractAddress
    startBlocks[name] = Number(receipt.blockNumber)
  }
  const multicall3 = placement.Multicall3 ?? multicall3Address
  await client.setCode({ address: multicall3, bytecode: readArtifact('Multicall3').deployedBytecode })

  // 2. Initialize, register, grant roles, unpause: sent in order, receipts checked at the end
  // (anvil mines a reverting transaction rather than rejecting it).
  const sent: { step: string; hash: Hash; initializes?: ProtocolContractName }[] = []
  const send = async (step: string, to: Address, data: Hex, initializes?: ProtocolContractName) => {
    sent.push({ step, hash: await client.sendTransaction({ to, data, ...tx }), initializes })
  }
  const controller = addresses.Controller
  const initializers: [ProtocolContractName, Hex][] = [
    ['Controller', encodeFunctionData({ abi: controllerAbi, functionName: 'initialize', args: [deployer] })],
    ['LivepeerToken', encodeFunctionData({ abi: livepeerTokenAbi, functionName: 'initialize', args: [deployer] })],
    [
      'Minter',
      encodeFunctionData({
        abi: minterAbi,
        functionName: 'initialize',
        args: [controller, parameters.inflation, parameters.inflationChange, parameters.targetBondingRate],
      }),
    ],
    [
      'BondingManager',
      encodeFunctionData({
        abi: bondingManagerAbi,
        functionName: 'initialize',
        args: [
          controller,
          parameters.unbondingPeriod,
          parameters.numActiveTranscoders,
          parameters.treasuryRewardCutRate,
          parameters.treasuryBalanceCeiling,
        ],
      }),
    ],
    [
      'RoundsManager',
      encodeFunctionData({
        abi: roundsManagerAbi,
        functionName: 'initialize',
        args: [controller, parameters.roundLength, parameters.roundLockAmount],
      }),
    ],
    [
      'TicketBroker',
      encodeFunctionData({
        abi: ticketBrokerAbi,
        functionName: 'initialize',
        args: [controller, parameters.unlockPeriod, parameters.ticketValidityPeriod],
      }),
    ],
    ['ServiceRegistry', encodeFunctionData({ abi: serviceRegistryAbi, functionName: 'initialize', args: [controller] })],
    ['AIServiceRegistry', encodeFunctionData({ abi: serviceRegistryAbi, functionName: 'initialize', args: [controller] })],
    ['Treasury', encodeFunctionData({ abi: treasuryAbi, functionName: 'initialize', args: [deployer] })],
  ]
  for (const [name, data] of initializers) await send(`${name}.initialize`, addresses[name], data, name)

  const entries: [string, Address][] = [
    ['LivepeerToken', addresses.LivepeerToken],
    ['Minter', addresses.Minter],
    ['BondingManager', addresses.BondingManager],
    ['BondingManagerTarget', addresses.BondingManager],
    ['RoundsManager', addresses.RoundsManager],
    ['RoundsManagerTarget', addresses.RoundsManager],
    ['TicketBroker', addresses.TicketBroker],
    ['TicketBrokerTarget', addresses.TicketBroker],
    // The legacy id that lets the TicketBroker move ETH in and out of the Minter (spec §2.5).
    ['JobsManager', addresses.TicketBroker],
    ['ServiceRegistry', addresses.ServiceRegistry],
    ['ServiceRegistryTarget', addresses.ServiceRegistry],
    ['Treasury', addresses.Treasury],
    ...(verifier ? [['Verifier', verifier] as [string, Address]] : []),
    ...Object.entries(registry),
  ]
  for (const [name, address] of entries) {
    const args = [keccak256(toHex(name)), address, GIT_COMMIT_HASH] as const
    const data = encodeFunctionData({ abi: controllerAbi, functionName: 'setContractInfo', args })
    await send(`Controller.setContractInfo(${name})`, controller, data)
  }

  const grants: [string, Hex, Address][] = [
    ['MINTER_ROLE → Minter', MINTER_ROLE, addresses.Minter],
    ['BURNER_ROLE → Minter', BURNER_ROLE, addresses.Minter],
    ['MINTER_ROLE → deployer', MINTER_ROLE, deployer],
  ]
  for (const [label, role, account] of grants) {
    const data = encodeFunctionData({ abi: livepeerTokenAbi, functionName: 'grantRole', args: [role, account] })
    await send(`LivepeerToken.grantRole(${label})`, addresses.LivepeerToken, data)
  }
  await send('Controller.unpause', controller, encodeFunctionData({ abi: controllerAbi, functionName: 'unpause' }))

  const receipts = await Promise.all(sent.map(({ hash }) => client.waitForTransactionReceipt({ hash })))
  receipts.forEach((receipt, i) => {
    const { step, hash, initializes } = sent[i]!
    if (receipt.status !== 'success') throw new DeployProtocolError({ step, hash })
    // A placed contract's history starts with its initialize transaction.
    if (initializes && startBlocks[initializes] === undefined) startBlocks[initializes] = Number(receipt.blockNumber)
  })

  // 3. Round 0 can never be initialized (initializeRound needs lastInitializedRound < currentRound).
  const rounds = { address: addresses.RoundsManager, abi: roundsManagerAbi } as const
  if ((await client.readContract({ ...rounds, functionName: 'currentRound' })) === 0n) {
    const block = await client.getBlockNumber({ cacheTime: 0 })
    await client.mine({ blocks: Number(parameters.roundLength - block) })
  }

  const contracts = Object.fromEntries(
    protocolContractNames.map((name) => [name, { address: addresses[name], startBlock: startBlocks[name] }]),
  ) as ProtocolDeployment['contracts']
  return { contracts, multicall3, deployer }
}
