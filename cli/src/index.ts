import { Command, InvalidArgumentError, Option } from 'commander'
import { createCommon } from './common.ts'
import { runDevnetCommand } from './commands/devnet.ts'
import { runIndexCommand } from './commands/index.ts'
import { runBenchCommand, runGatewayCommand, runOrchestratorCommand, runWorkerCommand } from './commands/node.ts'
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

const node = program.command('node').description('Reference Livepeer nodes: an orchestrator (ffmpeg transcoding, OCR AI, tickets, on-chain duties), a gateway sending paid test streams, a remote worker')

node
  .command('orchestrator')
  .description('Serve segments and AI jobs for tickets: registers its service URI, self-bonds, sets cuts, calls reward() every round, redeems winning tickets')
  .option('--manifest <file>', 'devnet manifest', '.peerscope/devnet.json')
  .option('--rpc-url <url>', 'JSON-RPC URL (default: the manifest\'s)')
  .option('--private-key <key>', 'the orchestrator key (env PEERSCOPE_PRIVATE_KEY); default on a devnet: a fresh funded key')
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--port <port>', 'port (0 picks a free one)', integer, 8935)
  .option('--service-uri <uri>', 'URI registered on chain (default http://host:port)')
  .option('--price-per-unit <wei>', 'price in wei per --pixels-per-unit pixels', '1200')
  .option('--pixels-per-unit <n>', 'pixels the price is for', '1')
  .option('--reward-cut <ppm>', 'reward cut, parts per million', '100000')
  .option('--fee-share <ppm>', 'fee share left to delegators, parts per million', '500000')
  .option('--max-sessions <n>', 'concurrent streams before OrchestratorCapped', integer, 10)
  .option('--capacity <n>', 'concurrent local transcodes (default: half the cores)', integer)
  .option('--no-local-worker', 'transcode only on remote workers')
  .option('--worker-secret <secret>', 'accept remote workers presenting this secret')
  .option('--ai', 'serve image-to-text (PP-OCRv4 on onnxruntime)', false)
  .action(async (options) => {
    const common = createCommon(program.opts())
    await runOrchestratorCommand(common, options)
  })

node
  .command('gateway')
  .description('Fund deposit and reserve, discover orchestrators, stream paid 2 s test segments until stopped, verify renditions, post samples to the API')
  .option('--manifest <file>', 'devnet manifest', '.peerscope/devnet.json')
  .option('--rpc-url <url>', 'JSON-RPC URL (default: the manifest\'s)')
  .option('--private-key <key>', 'the gateway key (env PEERSCOPE_PRIVATE_KEY); default on a devnet: a fresh funded key')
  .option('--orchestrators <urls>', 'comma list of orchestrator URLs (default: the on-chain active set)')
  .option('--max-price-per-unit <wei>', 'price cap, wei per pixel')
  .option('--streams <n>', 'concurrent streams', integer, 1)
  .option('--region <region>', 'region tag of the samples', 'GLOBAL')
  .option('--api-url <url>', 'Peerscope API base URL to post samples to (e.g. http://127.0.0.1:4000)')
  .action(async (options) => {
    const common = createCommon(program.opts())
    await runGatewayCommand(common, options)
  })

node
  .command('worker')
  .description('A remote worker: registers with an orchestrator using its secret and takes transcode (and AI) jobs')
  .requiredOption('--orchestrator <url>', 'the orchestrator URL')
  .requiredOption('--secret <secret>', 'the orchestrator\'s --worker-secret')
  .option('--name <name>', 'name in the orchestrator\'s logs')
  .option('--capacity <n>', 'concurrent jobs (default: half the cores)', integer)
  .option('--ai', 'also take image-to-text jobs', false)
  .action(async (options) => {
    const common = createCommon(program.opts())
    await runWorkerCommand(common, options)
  })

program
  .command('bench')
  .description('Benchmark orchestrators through a gateway: one at a time (like orch-tester) or under load; prints scores, latency, price and spend; posts samples to the API')
  .option('--manifest <file>', 'devnet manifest', '.peerscope/devnet.json')
  .option('--rpc-url <url>', 'JSON-RPC URL (default: the manifest\'s)')
  .option('--private-key <key>', 'the gateway key (env PEERSCOPE_PRIVATE_KEY); default on a devnet: a fresh funded key')
  .addOption(new Option('--mode <mode>', 'sequential: one orchestrator at a time; load: concurrent streams').choices(['sequential', 'load']).default('sequential'))
  .option('--segments <n>', 'segments per orchestrator (sequential) or per stream (load)', integer, 15)
  .option('--streams <n>', 'concurrent streams in load mode', integer, 4)
  .option('--orchestrators <urls>', 'comma list of orchestrator URLs (default: the on-chain active set)')
  .option('--region <region>', 'region tag of the samples', 'GLOBAL')
  .option('--api-url <url>', 'Peerscope API base URL to post samples to')
  .option('--live', 'send segments at real-time cadence', false)
  .action(async (options) => {
    const common = createCommon(program.opts())
    await runBenchCommand(common, options)
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

try {
  await program.parseAsync(process.argv)
} catch (error) {
  // A command's bad input or failed start: one clear line (a BaseError's message carries its
  // details), no stack trace; `--log-level debug` shows the stack.
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`peerscope: ${message}\n`)
  if (program.opts().logLevel === 'debug' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
  process.exit(1)
}
