import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { decodeFunctionData, getAddress, parseEventLogs, type Address } from 'viem'
import { arbitrumEventCatalogue, arbitrumEventsAbi, createEarningsLedger, isLedgerEventName, parseDevnetManifest, type LedgerEvent } from '@peerscope/protocol'
import { readFileSync } from 'node:fs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bondingManagerAbi } from '@peerscope/protocol/abi'
import { createDevnetClient } from '@peerscope/protocol/anvil'
import { createDevnet, type Devnet } from './index.ts'

// The default scenario, replayed through the event-fed LIP-36 ledger: what the indexer will compute
// without a single eth_call must equal the contracts' own pendingStake/pendingFees views, to the wei.
let devnet: Devnet
const dir = mkdtempSync(join(tmpdir(), 'peerscope-devnet-'))
const manifestPath = join(dir, 'devnet.json')

before(async () => {
  devnet = await createDevnet({ port: 0, live: false, manifestPath })
})
after(async () => {
  await devnet?.stop()
  rmSync(dir, { recursive: true, force: true })
})

test('behavior: every log carries a topic0 of the Arbitrum One table and every contract event occurs', async () => {
  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId })
  const logs = await client.getLogs({
    address: Object.values(devnet.manifest.contracts).map((contract) => contract.address),
    fromBlock: BigInt(devnet.manifest.startBlock),
    toBlock: await client.getBlockNumber({ cacheTime: 0 }),
  })
  const known = new Map(arbitrumEventCatalogue.map((row) => [row.topic0.toLowerCase(), row.name]))
  const seen = new Map<string, number>()
  for (const log of logs) {
    const name = known.get(log.topics[0]?.toLowerCase() ?? '')
    assert.ok(name, `log ${log.transactionHash}:${log.logIndex} has an unknown topic0 ${log.topics[0]}`)
    seen.set(name, (seen.get(name) ?? 0) + 1)
  }
  assert.deepEqual(devnet.missingEvents, [])
  // Every event the spec lists for the contracts we implement, except the few a devnet cannot emit.
  for (const row of arbitrumEventCatalogue) assert.ok(seen.has(row.name), `${row.contract}.${row.name} never emitted`)
  assert.equal(logs.length, devnet.stats.events)
})

test('behavior: the manifest on disk is valid and names every account and contract', () => {
  const manifest = parseDevnetManifest(JSON.parse(readFileSync(manifestPath, 'utf8')))
  assert.deepEqual(manifest, parseDevnetManifest(devnet.manifest))
  assert.equal(manifest.accounts.orchestrators.length, 20)
  assert.equal(manifest.accounts.delegators.length, 200)
  assert.equal(manifest.accounts.gateways.length, 5)
  assert.equal(manifest.rpcUrl, devnet.rpcUrl)
})

test('behavior: the event-fed ledger equals pendingStake and pendingFees of every account, to the wei', async () => {
  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId })
  const { manifest } = devnet
  const bondingManager = devnet.deployment.contracts.BondingManager.address
  const head = await client.getBlockNumber({ cacheTime: 0 })
  const logs = await client.getLogs({
    address: Object.values(manifest.contracts).map((contract) => contract.address),
    fromBlock: BigInt(manifest.startBlock),
    toBlock: head,
  })
  const decoded = parseEventLogs({ abi: arbitrumEventsAbi, logs, strict: true })
  assert.equal(decoded.length, logs.length, 'every log decodes with the Arbitrum event fragments')

  const ledger = createEarningsLedger({ treasuryRewardCutRate: BigInt(manifest.parameters.treasuryRewardCutRate) })
  let round = 0n
  let nextTreasuryRate = BigInt(manifest.parameters.treasuryRewardCutRate)
  for (const log of decoded) {
    if (log.eventName === 'NewRound') round = log.args.round
    if (!isLedgerEventName(log.eventName)) continue
    if (getAddress(log.address) !== getAddress(bondingManager) && log.eventName !== 'NewRound' && log.eventName !== 'WinningTicketTransfer' && log.eventName !== 'SetCurrentRewardTokens') continue
    let value: bigint | undefined
    // Before the first round the deployment sets the rate the ledger was created with.
    if (round > 0n && log.eventName === 'ParameterUpdate' && /TreasuryRewardCutRate|treasuryRewardCutRate/.test(log.args.param)) {
      // The rate is not in the event: read it from the setter's calldata (no eth_call), or it is 0
      // when reward() hit the treasury ceiling, or the pending rate when initializeRound applies it.
      const transaction = await client.getTransaction({ hash: log.transactionHash })
      const call = (() => {
        try {
          return decodeFunctionData({ abi: bondingManagerAbi, data: transaction.input })
        } catch {
          return undefined
        }
      })()
      if (log.args.param === 'nextRoundTreasuryRewardCutRate') {
        if (call?.functionName === 'setTreasuryRewardCutRate') value = call.args[0] as bigint
        else if (call?.functionName.startsWith('reward')) value = 0n
        else throw new Error(`unexpected ${log.args.param} update in a ${call?.functionName ?? 'non-BondingManager'} call`)
        nextTreasuryRate = value
      } else value = nextTreasuryRate
    }
    ledger.apply({ eventName: log.eventName, args: log.args, round, ...(value === undefined ? {} : { value }) } as LedgerEvent)
  }

  const accounts: Address[] = [...manifest.accounts.orchestrators, ...manifest.accounts.delegators]
  const calls = accounts.flatMap((account) => [
    { address: bondingManager, abi: bondingManagerAbi, functionName: 'pendingStake', args: [account, 0n] } as const,
    { address: bondingManager, abi: bondingManagerAbi, functionName: 'pendingFees', args: [account, 0n] } as const,
  ])
  const results = await client.multicall({ contracts: calls, allowFailure: false, blockNumber: head })
  let nonZeroStake = 0
  let nonZeroFees = 0
  accounts.forEach((account, index) => {
    const chainStake = results[index * 2] as bigint
    const chainFees = results[index * 2 + 1] as bigint
    assert.equal(ledger.pendingStake(account), chainStake, `pendingStake of ${account}`)
    assert.equal(ledger.pendingFees(account), chainFees, `pendingFees of ${account}`)
    if (chainStake > 0n) nonZeroStake++
    if (chainFees > 0n) nonZeroFees++
  })
  // The comparison means something only if the scenario left real earnings behind.
  assert.ok(nonZeroStake > accounts.length / 2, `accounts with stake: ${nonZeroStake}`)
  assert.ok(nonZeroFees > 10, `accounts with fees: ${nonZeroFees}`)
})
