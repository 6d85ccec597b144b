import { Command, InvalidArgumentError, Option } from 'commander'
import { createCommon } from './common.ts'
import { runDevnetCommand } from './commands/devnet.ts'
import { runIndexCommand } from './commands/index.ts'
import { runServeCommand } from './commands/serve.ts'
import { runUpCommand, services } from './commands/up.ts'
import { runWebCommand } from './commands/web.ts'

/** Parses a non-negative integer flag, or fails with the flag's value in the message. */
function integer(value: string): number {
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError(`expected a non-negative integer, got "${value}"`)
  return parsed
}

const program = new Command()
  .name('peerscope')
  .description('Peerscope: analytics for the Livepeer network. Devnet, indexer, API and explorer in one command line.')
  .addOption(new Option('--log-level <level>', 'log level').choices(['trace', 'debug', 'info', 'warn', 'error']).default('info'))
  .addOption(new Option('--log-format <format>', 'pretty on a terminal, json otherwise').choices(['auto', 'pretty', 'json']).default('auto'))
  .showHelpAfterError()

program
  .command('devnet')
  .description(
    'Start anvil, deploy Peerscope\'s Livepeer protocol contracts, play a deterministic scenario, write the manifest, then keep producing live activity until stopped',
  )
  .option('--port <port>', 'JSON-RPC port (0 picks a free one)', integer, 8545)
  .option('--manifest <file>', 'where to write the devnet manifest', '.peerscope/devnet.json')
  .option('--seed <seed>', 'scenario seed: the same seed gives the same chain history', 'peerscope')
  .option('--orchestrators <n>', 'orchestrators in the scenario', integer, 20)
  .option('--delegators <n>', 'delegators in the scenario', integer, 200)
  .option('--gateways <n>', 'gateways (ticket senders) in the scenario', integer, 5)
  .option('--rounds <n>', 'rounds the scenario plays', integer, 30)
  .addOption(new Option('--scale <scale>', 'default: a small realistic network; large: >= 1,000,000 events for performance work').choices(['default', 'large']).default('default'))
  .option('--no-live', 'stop after the scenario instead of producing live activity')
  .option('--as-arbitrum', 'chain id 42161 with the contracts at their Arbitrum One addresses and Multicall3', false)
  .action(async (options) => {
    const common = createCommon(program.opts())
    await runDevnetCommand(common, options)
  })

program
  .command('index')
  .description('Index Livepeer into Postgres (entities) and ClickHouse (facts): a devnet from its manifest, or Arbitrum One from RPC_URL (and GATEWAY_URL)')
  .addOption(new Option('--network <network>', 'which chain to index').choices(['devnet', 'arbitrum-one']).default('devnet'))
  .option('--manifest <file>', 'devnet manifest (default: <data-dir>/devnet.json)')
  .option('--data-dir <dir>', 'embedded Postgres (postgres/) and chDB (chdb/) live under it; DB_URL and CLICKHOUSE_URL select servers instead', '.peerscope')
  .option('--metrics-port <port>', 'port of /metrics (Prometheus) and /health; 0 picks a free one', integer, 9464)
  .option('--to-block <height>', 'stop (exit 0) once this block is indexed', integer)
  .option('--rpc-rate-limit <n>', 'hosted RPC budget in calls per second (refused for a local node)', integer)
  .action(async (options) => {
    const common = createCommon(program.opts())
    await runIndexCommand(common, options)
  })

program
  .command('serve')
  .description(
    'Serve the GraphQL API (/graphql, GraphiQL on GET) with the leaderboard REST API. With DB_URL and CLICKHOUSE_URL it runs alone; with embedded stores this process also indexes (chDB admits one process)',
  )
  .option('--port <port>', 'API port (0 picks a free one)', integer, 4000)
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--rate-limit <n>', 'requests per second per client IP (0: no limit)', integer, 100)
  .option('--ingest-token <token>', 'bearer token required to POST benchmark samples (default: none)')
  .addOption(new Option('--network <network>', 'embedded mode: which chain to index').choices(['devnet', 'arbitrum-one']).default('devnet'))
  .option('--manifest <file>', 'embedded mode: devnet manifest (default: <data-dir>/devnet.json)')
  .option('--data-dir <dir>', 'embedded mode: where Postgres and chDB live', '.peerscope')
  .option('--metrics-port <port>', 'embedded mode: indexer /metrics and /health port', integer, 9464)
  .action(async (options) => {
    const common = createCommon(program.opts())
    await runServeCommand(common, options)
  })

program
  .command('web')
  .description('Serve the explorer (Next.js) reading the GraphQL API; builds it first when its sources changed')
  .option('--port <port>', 'explorer port (0 picks a free one)', integer, 3000)
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--api-url <url>', 'the GraphQL endpoint (env API_URL)', process.env.API_URL ?? 'http://127.0.0.1:4000/graphql')
  .option('--no-build', 'serve the existing build even when sources are newer')
  .action(async (options) => {
    const common = createCommon(program.opts())
    await runWebCommand(common, options)
  })

program
  .command('up')
  .description('Bring up the whole stack on a devnet and write <data-dir>/ready.json once every service answers; Ctrl-C stops everything')
  .option('--data-dir <dir>', 'all state lives under this folder', '.peerscope')
  .option('--chain-port <port>', 'devnet JSON-RPC port', integer, 8545)
  .option('--api-port <port>', 'GraphQL API port', integer, 4000)
  .option('--web-port <port>', 'explorer port', integer, 3000)
  .option('--metrics-port <port>', 'indexer /metrics and /health port (0 picks a free one)', integer, 9464)
  .option('--only <services>', `comma list of ${services.join(',')} (default: all that exist)`)
  .option('--seed <seed>', 'devnet scenario seed', 'peerscope')
  .option('--as-arbitrum', 'passed to the devnet: chain id 42161 and Arbitrum One addresses', false)
  .action(async (options) => {
    const common = createCommon(program.opts())
    await runUpCommand(common, options)
  })

await program.parseAsync(process.argv)
