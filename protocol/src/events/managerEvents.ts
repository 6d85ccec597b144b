import type { EventContractName } from './types.ts'

/**
 * The two events every `Manager` contract (BondingManager, RoundsManager, Minter, TicketBroker) emits:
 * `ParameterUpdate(string param)` and `SetController(address controller)`. Declared once here and
 * attached to each contract's group.
 *
 * @see shared/spec/protocol.md §2.3
 *
 * @param contract - The emitting contract, recorded on each row.
 * @returns The two catalogue rows.
 *
 * @example
 * const rows = managerEvents('Minter') // [{ contract: 'Minter', name: 'ParameterUpdate', ... }, ...]
 */
export function managerEvents<const contract extends EventContractName>(contract: contract) {
  return [
    {
      contract,
      name: 'ParameterUpdate',
      signature: 'event ParameterUpdate(string param)',
      topic0: '0x9f5033568d78ae30f29f01e944f97b2216493bd19d1b46d429673acff3dcd674',
    },
    {
      contract,
      name: 'SetController',
      signature: 'event SetController(address controller)',
      topic0: '0x4ff638452bbf33c012645d18ae6f05515ff5f2d1dfb0cece8cbf018c60903f70',
    },
  ] as const
}
