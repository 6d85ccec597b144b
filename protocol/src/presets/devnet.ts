import { readFile } from 'node:fs/promises'
import { getAddress, isAddress, type Address } from 'viem'
import { InvalidDevnetManifestError, ReadDevnetManifestError } from '../errors/preset.ts'
import type { ProtocolContractName } from './contractNames.ts'
import type { ContractDeployment, NetworkPreset, ProtocolParameters } from './types.ts'

/** The protocol parameters a devnet manifest records, as decimal strings (spec §14). */
export const devnetParameterNames = [
  'roundLength',
  'roundLockAmount',
  'unbondingPeriod',
  'numActiveTranscoders',
  'inflation',
  'inflationChange',
  'targetBondingRate',
  'treasuryRewardCutRate',
  'treasuryBalanceCeiling',
  'unlockPeriod',
  'ticketValidityPeriod',
] as const satisfies readonly (keyof ProtocolParameters)[]

/** A name from {@link devnetParameterNames}. */
export type DevnetParameterName = (typeof devnetParameterNames)[number]

/** Contracts every devnet manifest must list; others (AIServiceRegistry, Treasury, targets) are optional. */
export const requiredDevnetContracts = [
  'Controller',
  'LivepeerToken',
  'Minter',
  'BondingManager',
  'RoundsManager',
  'TicketBroker',
  'ServiceRegistry',
] as const satisfies readonly ProtocolContractName[]

/**
 * The JSON file `peerscope devnet` writes once the contracts are deployed and the scenario played:
 * where the chain is, where each contract is and from which block, the scenario's accounts, and the
 * parameters it was deployed with. Contract keys are `protocolContractNames`; Multicall3 is recorded
 * separately in `multicall3`.
 */
export type DevnetManifest = {
  chainId: number
  rpcUrl: string
  /** First block with protocol activity (the first deployment). */
  startBlock: number
  contracts: Record<string, { address: Address; startBlock: number }>
  accounts: { orchestrators: Address[]; delegators: Address[]; gateways: Address[] }
  /** Chain id 42161 with the contracts at their Arbitrum One addresses. */
  asArbitrum: boolean
  /** Scenario seed: the same seed gives the same chain history. */
  seed: string
  deployer: Address
  /** Decimal strings in contract units. */
  parameters: Record<DevnetParameterName, string>
  multicall3: Address
}

/**
 * Validates an already-parsed devnet manifest and returns it with checksummed addresses. Unknown
 * top-level keys are ignored; `multicall3` may also be given as `{ address, startBlock }`.
 *
 * @throws {InvalidDevnetManifestError} naming the first bad field (`contracts.Minter.address`,
 *   `accounts.delegators[3]`, `parameters.inflation`, ...).
 *
 * @example
 * const manifest = parseDevnetManifest(JSON.parse(text))
 */
export function parseDevnetManifest(json: unknown): DevnetManifest {
  const root = object(json, 'manifest')
  const chainId = integer(root.chainId, 'chainId', 1)
  const asArbitrum = boolean(root.asArbitrum, 'asArbitrum')
  if (asArbitrum && chainId !== 42161)
    throw new InvalidDevnetManifestError({ field: 'chainId', reason: 'must be 42161 when asArbitrum is true', value: chainId })

  const contractsJson = object(root.contracts, 'contracts')
  const contracts: DevnetManifest['contracts'] = {}
  for (const [name, entry] of Object.entries(contractsJson)) contracts[name] = deployment(entry, `contracts.${name}`)
  for (const name of requiredDevnetContracts)
    if (!contracts[name]) throw new InvalidDevnetManifestError({ field: `contracts.${name}`, reason: 'is missing' })

  const accountsJson = object(root.accounts, 'accounts')
  const accounts = {
    orchestrators: addresses(accountsJson.orchestrators, 'accounts.orchestrators'),
    delegators: addresses(accountsJson.delegators, 'accounts.delegators'),
    gateways: addresses(accountsJson.gateways, 'accounts.gateways'),
  }

  const parametersJson = object(root.parameters, 'parameters')
  const parameters = {} as Record<DevnetParameterName, string>
  for (const name of devnetParameterNames) parameters[name] = decimal(parametersJson[name], `parameters.${name}`)

  const multicall3 =
    typeof root.multicall3 === 'object' && root.multicall3 !== null
      ? address(object(root.multicall3, 'multicall3').address, 'multicall3.address')
      : address(root.multicall3, 'multicall3')

  return {
    chainId,
    rpcUrl: url(root.rpcUrl, 'rpcUrl'),
    startBlock: integer(root.startBlock, 'startBlock', 0),
    contracts,
    accounts,
    asArbitrum,
    seed: string(root.seed, 'seed'),
    deployer: address(root.deployer, 'deployer'),
    parameters,
    multicall3,
  }
}

/**
 * Reads and validates the devnet manifest file.
 *
 * @param path - The manifest path (`peerscope devnet --manifest`, `.peerscope/devnet.json` by default).
 * @throws {ReadDevnetManifestError} when the file is missing or not JSON.
 * @throws {InvalidDevnetManifestError} when a field is bad.
 *
 * @example
 * const manifest = await readDevnetManifest('.peerscope/devnet.json')
 */
export async function readDevnetManifest(path: string): Promise<DevnetManifest> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch (cause) {
    throw new ReadDevnetManifestError({ path, cause })
  }
  return parseDevnetManifest(json)
}

/**
 * The network preset of a devnet: its contracts and start blocks, its one Minter, local block
 * numbers for rounds, and the exact deployment parameters as bigints.
 *
 * @example
 * const preset = devnetPreset(await readDevnetManifest('.peerscope/devnet.json'))
 * preset.parameters?.treasuryRewardCutRate // e.g. 100000000000000000000000000n
 */
export function devnetPreset(manifest: DevnetManifest): NetworkPreset {
  const parameters = Object.fromEntries(
    devnetParameterNames.map((name) => [name, BigInt(manifest.parameters[name])]),
  ) as ProtocolParameters
  const contracts: Record<string, ContractDeployment> = {}
  for (const [name, { address, startBlock }] of Object.entries(manifest.contracts)) contracts[name] = { address, startBlock }
  const minter = manifest.contracts.Minter as ContractDeployment
  return {
    name: manifest.asArbitrum ? 'devnet-arbitrum' : 'devnet',
    chainId: manifest.chainId,
    contracts,
    minters: [{ label: 'current', address: minter.address, startBlock: minter.startBlock }],
    blockNumberSource: 'local',
    roundLength: parameters.roundLength,
    multicall3: { address: manifest.multicall3, startBlock: manifest.contracts.Multicall3?.startBlock ?? 0 },
    parameters,
  }
}

// --- field validators: each names the field it rejects -------------------------------------------

function missing(value: unknown, field: string) {
  if (value === undefined) throw new InvalidDevnetManifestError({ field, reason: 'is missing' })
}

function object(value: unknown, field: string): Record<string, unknown> {
  missing(value, field)
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidDevnetManifestError({ field, reason: 'must be an object', value })
  return value as Record<string, unknown>
}

function integer(value: unknown, field: string, minimum: number): number {
  missing(value, field)
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum)
    throw new InvalidDevnetManifestError({
      field,
      reason: minimum === 0 ? 'must be a non-negative integer' : 'must be a positive integer',
      value,
    })
  return value
}

function boolean(value: unknown, field: string): boolean {
  missing(value, field)
  if (typeof value !== 'boolean') throw new InvalidDevnetManifestError({ field, reason: 'must be a boolean', value })
  return value
}

function string(value: unknown, field: string): string {
  missing(value, field)
  if (typeof value !== 'string') throw new InvalidDevnetManifestError({ field, reason: 'must be a string', value })
  return value
}

function url(value: unknown, field: string): string {
  const text = string(value, field)
  let protocol = ''
  try {
    protocol = new URL(text).protocol
  } catch {}
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(protocol))
    throw new InvalidDevnetManifestError({ field, reason: 'must be an http(s) or ws(s) URL', value })
  return text
}

function address(value: unknown, field: string): Address {
  missing(value, field)
  if (typeof value !== 'string' || !isAddress(value, { strict: false }))
    throw new InvalidDevnetManifestError({ field, reason: 'must be a 20-byte hex address', value })
  return getAddress(value)
}

function addresses(value: unknown, field: string): Address[] {
  missing(value, field)
  if (!Array.isArray(value)) throw new InvalidDevnetManifestError({ field, reason: 'must be an array of addresses', value })
  return value.map((item, index) => address(item, `${field}[${index}]`))
}

function decimal(value: unknown, field: string): string {
  missing(value, field)
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]*)$/.test(value))
    throw new InvalidDevnetManifestError({ field, reason: 'must be a decimal integer string', value })
  return value
}

function deployment(value: unknown, field: string): { address: Address; startBlock: number } {
  const entry = object(value, field)
  return { address: address(entry.address, `${field}.address`), startBlock: integer(entry.startBlock, `${field}.startBlock`, 0) }
}
