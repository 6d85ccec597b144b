import { join, resolve } from 'node:path'
import { arbitrumOne, devnetPreset, readDevnetManifest, type NetworkPreset } from '@peerscope/protocol'
import { IndexerConfigError } from './errors/base.ts'

/** Networks `peerscope index` knows. */
export const indexerNetworks = ['devnet', 'arbitrum-one'] as const
export type IndexerNetwork = (typeof indexerNetworks)[number]

/** Command-line flags of `peerscope index` (everything optional except the network). */
export type IndexerFlags = {
  network: IndexerNetwork
  /** Devnet manifest; default `<data-dir>/devnet.json`. */
  manifest?: string
  /** Embedded Postgres (`postgres/`) and chDB (`chdb/`) live under it. Default `.peerscope`. */
  dataDir?: string
  /** Port of `/metrics` and `/health`; 0 picks one; default 9464. */
  metricsPort?: number
  /** Stop (exit 0) once this block is indexed: benchmarks and tests. */
  toBlock?: number
  /** Hosted RPC budget in calls per second (Arbitrum One only; never for a local node). */
  rpcRateLimit?: number
  /** Concurrent RPC requests. */
  rpcCapacity?: number
}

/** Where each value of the indexer comes from, merged once. */
export type IndexerConfig = {
  network: IndexerNetwork
  preset: NetworkPreset
  dataDir: string
  rpc: { url: string; capacity: number; rateLimit: number | undefined; requestTimeout: number; headPollInterval: number }
  /** Subsquid Network gateway for the finalized history (Arbitrum One only). */
  gatewayUrl: string | undefined
  /** Blocks behind the head that count as final; hot blocks above are rolled back on forks. */
  finalityConfirmation: number
  /** `DB_URL`; undefined means embedded Postgres under `<dataDir>/postgres`. */
  dbUrl: string | undefined
  /** `CLICKHOUSE_URL`; undefined means embedded chDB at {@link IndexerConfig.chdbPath}. */
  clickhouseUrl: string | undefined
  chdbPath: string
  postgresDataDir: string
  metricsPort: number
  toBlock: number | undefined
}

/** Parameters for {@link resolveIndexerConfig}. */
export type ResolveIndexerConfigParameters = {
  flags: IndexerFlags
  /** Default `process.env`; only `RPC_URL`, `GATEWAY_URL`, `DB_URL`, `CLICKHOUSE_URL` are read. */
  env?: NodeJS.ProcessEnv
}

/**
 * Merges flags, environment and defaults into the indexer's typed config, and fails fast naming
 * the flag or variable at fault. The only place in the indexer that reads the environment.
 *
 * - `RPC_URL`: JSON-RPC endpoint; required on Arbitrum One, defaults to the manifest's on the devnet.
 * - `GATEWAY_URL`: optional Subsquid Network gateway (Arbitrum One).
 * - `DB_URL`: a Postgres server instead of embedded Postgres.
 * - `CLICKHOUSE_URL`: a clickhouse-server instead of embedded chDB.
 *
 * @example
 * const config = await resolveIndexerConfig({ flags: { network: 'devnet', dataDir: '.peerscope' } })
 */
export async function resolveIndexerConfig({ flags, env = process.env }: ResolveIndexerConfigParameters): Promise<IndexerConfig> {
  if (!indexerNetworks.includes(flags.network))
    throw new IndexerConfigError(`Unknown network "${flags.network}".`, `--network must be one of ${indexerNetworks.join(', ')}`)
  const dataDir = resolve(flags.dataDir ?? '.peerscope')
  const rpcUrlEnv = nonEmpty(env.RPC_URL)
  let preset: NetworkPreset
  let rpcUrl: string
  if (flags.network === 'devnet') {
    const manifest = await readDevnetManifest(resolve(flags.manifest ?? join(dataDir, 'devnet.json')))
    preset = devnetPreset(manifest)
    rpcUrl = rpcUrlEnv ?? manifest.rpcUrl
  } else {
    preset = arbitrumOne
    if (!rpcUrlEnv) throw new IndexerConfigError('RPC_URL is required for --network arbitrum-one.', 'Set RPC_URL to an Arbitrum One JSON-RPC endpoint.')
    rpcUrl = rpcUrlEnv
  }
  if (!/^(https?|wss?):\/\//.test(rpcUrl)) throw new IndexerConfigError(`RPC_URL is not an http(s) or ws(s) URL: "${rpcUrl}".`)
  const local = isLocalUrl(rpcUrl)
  if (flags.rpcRateLimit !== undefined && local)
    throw new IndexerConfigError('--rpc-rate-limit is refused for a local node.', 'The processor counts every call of a batch against it; see indexer-stack.md §1.1.')
  return {
    network: flags.network,
    preset,
    dataDir,
    rpc: {
      url: rpcUrl,
      capacity: flags.rpcCapacity ?? (local ? 10 : 5),
      // NOTE: a hosted Arbitrum endpoint gets a default budget; a local node never gets one.
      rateLimit: local ? undefined : (flags.rpcRateLimit ?? (flags.network === 'arbitrum-one' ? 50 : undefined)),
      requestTimeout: local ? 10_000 : 30_000,
      headPollInterval: local ? 200 : 1_000,
    },
    gatewayUrl: flags.network === 'arbitrum-one' ? nonEmpty(env.GATEWAY_URL) : undefined,
    finalityConfirmation: flags.network === 'arbitrum-one' ? 20 : 2,
    ...storeUrls(env),
    chdbPath: join(dataDir, 'chdb'),
    postgresDataDir: join(dataDir, 'postgres'),
    metricsPort: flags.metricsPort ?? 9464,
    toBlock: flags.toBlock,
  }
}

/**
 * The store servers from `DB_URL` and `CLICKHOUSE_URL`; an unset one means the embedded store under
 * the data dir. A standalone API (`peerscope serve`) needs both.
 *
 * @example
 * const { dbUrl, clickhouseUrl } = storeUrls()
 */
export function storeUrls(env: Record<string, string | undefined> = process.env): { dbUrl: string | undefined; clickhouseUrl: string | undefined } {
  return { dbUrl: nonEmpty(env.DB_URL), clickhouseUrl: nonEmpty(env.CLICKHOUSE_URL) }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname
  return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '[::1]' || host === '0.0.0.0'
}
