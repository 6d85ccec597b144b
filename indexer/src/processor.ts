import { EvmBatchProcessor, type BlockHeader, type DataHandlerContext, type EvmBatchProcessorFields, type Log, type Transaction } from '@subsquid/evm-processor'
import type { IndexerConfig } from './config.ts'
import { watchedContracts } from './decode/watchedContracts.ts'

/** Parameters for {@link createProcessor}: the parts of the config the processor declares. */
export type CreateProcessorParameters = Pick<IndexerConfig, 'preset' | 'rpc' | 'gatewayUrl' | 'finalityConfirmation' | 'toBlock'> & {
  /** Port of Subsquid's own metrics server (0: ephemeral); Peerscope's `/metrics` is separate. */
  prometheusPort?: number
}

const fields = {
  block: { timestamp: true, l1BlockNumber: true },
  log: { address: true, topics: true, data: true, transactionHash: true },
  transaction: { hash: true, from: true, to: true, gasPrice: true, input: true },
} as const

/**
 * The processor declaration: source (RPC, optional gateway), range, finality and fields. Nothing
 * here decides anything about events; that is `decode/` and the handlers.
 *
 * @see shared/spec/indexer-stack.md §1, §4.4
 *
 * @example
 * const processor = createProcessor(config)
 * processor.run(database, handler)
 */
export function createProcessor({ preset, rpc, gatewayUrl, finalityConfirmation, toBlock, prometheusPort }: CreateProcessorParameters) {
  const watched = watchedContracts(preset)
  const processor = new EvmBatchProcessor()
    .setRpcEndpoint({
      url: rpc.url,
      capacity: rpc.capacity,
      // NOTE: never set for a local node: it counts every call of a JSON-RPC batch (spec §1.1).
      ...(rpc.rateLimit === undefined ? {} : { rateLimit: rpc.rateLimit }),
      requestTimeout: rpc.requestTimeout,
      maxBatchCallSize: 100,
    })
    .setRpcDataIngestionSettings({ headPollInterval: rpc.headPollInterval })
    // NOTE: k ≥ 1 keeps the hot-block path on, so forks roll back (finality 0 leaves orphans, §4.2).
    .setFinalityConfirmation(finalityConfirmation)
    // NOTE: l1BlockNumber is served by Arbitrum nodes only (0 elsewhere); rounds on the devnet use the height.
    .setFields(fields)
    .setPrometheusPort(prometheusPort ?? 0)
  if (gatewayUrl) processor.setGateway(gatewayUrl)
  for (const contract of watched)
    processor.addLog({
      address: [contract.address],
      topic0: contract.topics,
      range: { from: contract.startBlock, ...(toBlock === undefined ? {} : { to: toBlock }) },
      transaction: true,
    })
  return processor
}

/** The processor as declared. */
export type Processor = ReturnType<typeof createProcessor>
export type Fields = EvmBatchProcessorFields<Processor>
export type Block = BlockHeader<Fields>
export type ProcessorLog = Log<Fields>
export type ProcessorTransaction = Transaction<Fields>
export type ProcessorContext<Store> = DataHandlerContext<Store, Fields>
