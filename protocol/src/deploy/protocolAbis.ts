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
import type { ProtocolContractName } from '../presets/contractNames.ts'

/**
 * The generated ABI of each contract {@link deployProtocol} deploys, by its manifest name
 * (AIServiceRegistry is a second ServiceRegistry).
 *
 * @example
 * decodeEventLog({ abi: protocolAbis.BondingManager, data, topics })
 */
export const protocolAbis = {
  Controller: controllerAbi,
  LivepeerToken: livepeerTokenAbi,
  Minter: minterAbi,
  BondingManager: bondingManagerAbi,
  RoundsManager: roundsManagerAbi,
  TicketBroker: ticketBrokerAbi,
  ServiceRegistry: serviceRegistryAbi,
  AIServiceRegistry: serviceRegistryAbi,
  Treasury: treasuryAbi,
} as const satisfies Record<ProtocolContractName, unknown>
