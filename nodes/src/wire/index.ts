// wire: the JSON reference protocol between the reference gateway, orchestrator and workers
// (go-livepeer's messages and error strings), and the errors the nodes raise.
export * from './codec.ts'
export * from './errors.ts'
export type * from './types.ts'
export { silentNodeLogger, type NodeLogFn, type NodeLogger } from './logger.ts'
export { estimatePixels, feeFor } from './estimateFee.ts'
