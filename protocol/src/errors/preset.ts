import { BaseError } from './base.ts'

/** Type of {@link InvalidDevnetManifestError}. */
export type InvalidDevnetManifestErrorType = InvalidDevnetManifestError & { name: 'InvalidDevnetManifestError' }

/**
 * A devnet manifest field is missing or malformed. `field` is its JSON path (`contracts.Minter.address`).
 *
 * @example
 * throw new InvalidDevnetManifestError({ field: 'chainId', reason: 'must be a positive integer', value: -1 })
 */
export class InvalidDevnetManifestError extends BaseError {
  override name = 'InvalidDevnetManifestError'
  readonly field: string

  constructor({ field, reason, value }: { field: string; reason: string; value?: unknown }) {
    super(`Invalid devnet manifest: ${field} ${reason}${value === undefined ? '' : `, got ${describe(value)}`}.`)
    this.field = field
  }
}

/** Type of {@link ReadDevnetManifestError}. */
export type ReadDevnetManifestErrorType = ReadDevnetManifestError & { name: 'ReadDevnetManifestError' }

/**
 * The devnet manifest file could not be read or is not JSON.
 *
 * @example
 * throw new ReadDevnetManifestError({ path: '.peerscope/devnet.json', cause })
 */
export class ReadDevnetManifestError extends BaseError {
  override name = 'ReadDevnetManifestError'
  readonly path: string

  constructor({ path, cause }: { path: string; cause: unknown }) {
    super(`Cannot read the devnet manifest at ${path}.`, { cause })
    this.path = path
  }
}

/** Type of {@link PresetContractNotFoundError}. */
export type PresetContractNotFoundErrorType = PresetContractNotFoundError & { name: 'PresetContractNotFoundError' }

/**
 * A network preset has no deployment for the requested contract name.
 *
 * @example
 * throw new PresetContractNotFoundError({ preset: 'devnet', name: 'AIServiceRegistry' })
 */
export class PresetContractNotFoundError extends BaseError {
  override name = 'PresetContractNotFoundError'

  constructor({ preset, name }: { preset: string; name: string }) {
    super(`Network preset "${preset}" has no contract named "${name}".`, { docsPath: '#13-arbitrum-one-deployment' })
  }
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null || typeof value !== 'object') return String(value)
  return Array.isArray(value) ? 'an array' : 'an object'
}
