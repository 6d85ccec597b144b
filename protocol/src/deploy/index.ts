export { deployProtocol, DeployProtocolError, type DeployProtocolParameters, type ProtocolDeployment } from './deployProtocol.ts'
export { devnetParameters, type ProtocolParameters } from './parameters.ts'
