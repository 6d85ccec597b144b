// orchestrator: the reference orchestrator (HTTP JSON protocol, ffmpeg transcoding, workers,
// tickets, on-chain duties).
export { createOrchestratorMetrics, type OrchestratorMetrics } from './createOrchestratorMetrics.ts'
export { createRemoteWorkerHub, type CreateRemoteWorkerHubParameters, type RemoteWorkerHub, type WorkerNotification, type WorkerResultJson } from './createRemoteWorkerHub.ts'
export {
  createTicketRecipient,
  type CreateTicketRecipientParameters,
  type ReceivePaymentReturnType,
  type TicketRecipient,
  type WinningTicket,
} from './createTicketRecipient.ts'
export { createWorkerPool, WorkerLostError, type AiJob, type AiJobResult, type PoolWorker, type TranscodeJob, type TranscodeJobResult, type WorkerAiCapability, type WorkerPool } from './createWorkerPool.ts'
export { startChainDuties, type ChainDuties, type StartChainDutiesParameters } from './startChainDuties.ts'
export { startOrchestrator, type Orchestrator, type StartOrchestratorParameters } from './startOrchestrator.ts'
