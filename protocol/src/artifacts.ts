import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Abi, Hex } from 'viem'
import { BaseError } from './errors/base.ts'

/** The deployable contracts `npm run build` writes to `protocol/artifacts/<Name>.json`. */
export const artifactNames = [
  'BondingManager',
  'Controller',
  'LivepeerToken',
  'Minter',
  'Multicall3',
  'RoundsManager',
  'ServiceRegistry',
  'TicketBroker',
  'Treasury',
] as const

/** A name from {@link artifactNames}. */
export type ArtifactName = (typeof artifactNames)[number]

/** One compiled contract, as written by `protocol/scripts/compile.ts`. */
export type ContractArtifact = {
  contractName: string
  sourceName: string
  abi: Abi
  /** Creation code (no constructor arguments: our contracts have no constructors). */
  bytecode: Hex
  /** Runtime code, for `anvil_setCode` placement. */
  deployedBytecode: Hex
}

/** Type of {@link ArtifactNotFoundError}. */
export type ArtifactNotFoundErrorType = ArtifactNotFoundError & { name: 'ArtifactNotFoundError' }

/**
 * Thrown by {@link readArtifact} when the contracts have not been compiled.
 *
 * @example
 * throw new ArtifactNotFoundError({ contractName: 'BondingManager', path: '/…/artifacts/BondingManager.json' })
 */
export class ArtifactNotFoundError extends BaseError {
  override name = 'ArtifactNotFoundError'
  readonly contractName: string
  readonly path: string
  constructor({ contractName, path }: { contractName: string; path: string }) {
    super('contracts not built: run npm run build', { metaMessages: [`Contract: ${contractName}`, `Missing: ${path}`] })
    this.contractName = contractName
    this.path = path
  }
}

const cache = new Map<string, ContractArtifact>()

/**
 * Loads `protocol/artifacts/<name>.json` (abi, creation and runtime bytecode). Cached per process.
 *
 * @param name - Contract name, e.g. `BondingManager`.
 * @returns The artifact.
 * @throws {ArtifactNotFoundError} if the contracts were not compiled (`npm run build`).
 *
 * @example
 * const { abi, bytecode } = readArtifact('BondingManager')
 */
export function readArtifact(name: ArtifactName | (string & {})): ContractArtifact {
  const cached = cache.get(name)
  if (cached) return cached
  const path = fileURLToPath(new URL(`../artifacts/${name}.json`, import.meta.url))
  if (!existsSync(path)) throw new ArtifactNotFoundError({ contractName: name, path })
  const artifact = JSON.parse(readFileSync(path, 'utf8')) as ContractArtifact
  cache.set(name, artifact)
  return artifact
}
