export {
  deployProtocol,
  DeployProtocolError,
  type DeployProtocolErrorType,
  type DeployProtocolParameters,
  type ProtocolDeployment,
} from './deployProtocol.ts'
export { devnetParameters, type ProtocolParameters } from './parameters.ts'
export { protocolAbis } from './protocolAbis.ts'
