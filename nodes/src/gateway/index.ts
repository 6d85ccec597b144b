// gateway: the reference gateway (broadcaster): discovery, selection, ticket payments, segment
// submission with rendition verification, per-segment reports.
export { createGatewayMetrics, type GatewayMetrics } from './createGatewayMetrics.ts'
export { createPaymentSession, type PaymentSession, type PreparedPayment } from './createPaymentSession.ts'
export { createSelector, type CreateSelectorParameters, type Selector, type SelectionFilter } from './createSelector.ts'
export {
  pollOrchestrators,
  readActiveOrchestrators,
  type DiscoveredOrchestrator,
  type DiscoveryFailure,
  type OrchestratorCandidate,
  type PollOrchestratorsParameters,
} from './discoverOrchestrators.ts'
export { startGateway, type Gateway, type StartGatewayParameters, type TranscodeParameters } from './startGateway.ts'
export { AttemptError, submitSegment, type SubmitSegmentParameters, type SubmitSegmentReturnType } from './submitSegment.ts'
export type { SegmentReport } from './types.ts'
