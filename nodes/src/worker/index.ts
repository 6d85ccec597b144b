// worker: a remote transcoding worker for the reference orchestrator.
export { startWorker, type StartWorkerParameters, type Worker } from './startWorker.ts'
