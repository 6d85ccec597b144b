import { PresetContractNotFoundError } from '../errors/preset.ts'
import type { ContractDeployment, NetworkPreset } from './types.ts'

/**
 * A contract's deployment from a preset, or a typed error naming the preset and contract.
 *
 * @throws {PresetContractNotFoundError} when the preset has no such contract.
 *
 * @example
 * const { address, startBlock } = getPresetContract(devnetPreset(manifest), 'BondingManager')
 */
export function getPresetContract(preset: NetworkPreset, name: string): ContractDeployment {
  const deployment = preset.contracts[name]
  if (!deployment) throw new PresetContractNotFoundError({ preset: preset.name, name })
  return deployment
}
