import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { InvalidDevnetManifestError, ReadDevnetManifestError } from '../errors/preset.ts'
import { devnetPreset, parseDevnetManifest, readDevnetManifest } from './devnet.ts'

const address = (n: number) => `0x${n.toString(16).padStart(40, '0')}`
const valid = () => ({
  chainId: 31337,
  rpcUrl: 'http://127.0.0.1:8545',
  startBlock: 1,
  contracts: Object.fromEntries(
    ['Controller', 'LivepeerToken', 'Minter', 'BondingManager', 'RoundsManager', 'TicketBroker', 'ServiceRegistry', 'Treasury'].map(
      (name, i) => [name, { address: address(0x100 + i), startBlock: 2 + i }],
    ),
  ),
  accounts: { orchestrators: [address(1), address(2)], delegators: [address(3)], gateways: [address(4)] },
  asArbitrum: false,
  seed: 'peerscope',
  deployer: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266',
  parameters: {
    roundLength: '50',
    roundLockAmount: '100000',
    unbondingPeriod: '7',
    numActiveTranscoders: '50',
    inflation: '137000',
    inflationChange: '3000',
    targetBondingRate: '500000000',
    treasuryRewardCutRate: '100000000000000000000000000',
    treasuryBalanceCeiling: '750000000000000000000000',
    unlockPeriod: '50',
    ticketValidityPeriod: '2',
  },
  multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
})

/** Asserts that `mutate`d input is rejected with exactly `message`. */
function rejects(mutate: (json: ReturnType<typeof valid>) => unknown, message: string) {
  const json = valid()
  const input = mutate(json) ?? json
  assert.throws(() => parseDevnetManifest(input), (error: unknown) => {
    assert.ok(error instanceof InvalidDevnetManifestError)
    assert.equal(error.message, message)
    return true
  })
}

describe('parseDevnetManifest', () => {
  test('behavior: accepts a valid manifest and checksums addresses', () => {
    const manifest = parseDevnetManifest(valid())
    assert.equal(manifest.deployer, '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')
    assert.equal(manifest.contracts.Treasury?.startBlock, 9)
    assert.equal(manifest.parameters.treasuryRewardCutRate, '100000000000000000000000000')
    assert.deepEqual(manifest.accounts.delegators, ['0x0000000000000000000000000000000000000003'])
  })

  test('behavior: accepts multicall3 as { address, startBlock }', () => {
    const json = { ...valid(), multicall3: { address: '0xca11bde05977b3631167028862be2a173976ca11', startBlock: 0 } }
    assert.equal(parseDevnetManifest(json).multicall3, '0xcA11bde05977b3631167028862bE2a173976CA11')
  })

  test('behavior: names the bad field', () => {
    rejects(() => 'nope', 'Invalid devnet manifest: manifest must be an object, got "nope".')
    rejects((json) => ({ ...json, chainId: '31337' }), 'Invalid devnet manifest: chainId must be a positive integer, got "31337".')
    rejects((json) => ({ ...json, asArbitrum: true }), 'Invalid devnet manifest: chainId must be 42161 when asArbitrum is true, got 31337.')
    rejects((json) => ({ ...json, rpcUrl: 'localhost:8545' }), 'Invalid devnet manifest: rpcUrl must be an http(s) or ws(s) URL, got "localhost:8545".')
    rejects((json) => ({ ...json, startBlock: -1 }), 'Invalid devnet manifest: startBlock must be a non-negative integer, got -1.')
    rejects((json) => {
      delete (json.contracts as Record<string, unknown>).BondingManager
    }, 'Invalid devnet manifest: contracts.BondingManager is missing.')
    rejects((json) => {
      json.contracts.Minter = { address: '0x12', startBlock: 3 }
    }, 'Invalid devnet manifest: contracts.Minter.address must be a 20-byte hex address, got "0x12".')
    rejects((json) => {
      json.contracts.Minter = { address: address(7), startBlock: 1.5 }
    }, 'Invalid devnet manifest: contracts.Minter.startBlock must be a non-negative integer, got 1.5.')
    rejects((json) => {
      json.accounts.delegators.push('0xnot-an-address')
    }, 'Invalid devnet manifest: accounts.delegators[1] must be a 20-byte hex address, got "0xnot-an-address".')
    rejects((json) => {
      ;(json.accounts as Record<string, unknown>).gateways = undefined
    }, 'Invalid devnet manifest: accounts.gateways is missing.')
    rejects((json) => {
      json.parameters.inflation = '1e5'
    }, 'Invalid devnet manifest: parameters.inflation must be a decimal integer string, got "1e5".')
    rejects((json) => {
      ;(json.parameters as Record<string, unknown>).ticketValidityPeriod = 2
    }, 'Invalid devnet manifest: parameters.ticketValidityPeriod must be a decimal integer string, got 2.')
    rejects((json) => {
      delete (json.parameters as Record<string, unknown>).unlockPeriod
    }, 'Invalid devnet manifest: parameters.unlockPeriod is missing.')
    rejects((json) => ({ ...json, seed: 42 }), 'Invalid devnet manifest: seed must be a string, got 42.')
    rejects((json) => ({ ...json, multicall3: null }), 'Invalid devnet manifest: multicall3 must be a 20-byte hex address, got null.')
  })
})

describe('readDevnetManifest', () => {
  test('behavior: reads, parses and validates the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'peerscope-manifest-'))
    try {
      const path = join(dir, 'devnet.json')
      await writeFile(path, JSON.stringify(valid()))
      assert.equal((await readDevnetManifest(path)).chainId, 31337)
      await writeFile(path, '{ not json')
      await assert.rejects(readDevnetManifest(path), ReadDevnetManifestError)
      await assert.rejects(readDevnetManifest(join(dir, 'missing.json')), (error: unknown) => {
        assert.ok(error instanceof ReadDevnetManifestError)
        assert.match(error.message, /^Cannot read the devnet manifest at .*missing\.json\.\n\nDetails: ENOENT/)
        return true
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('devnetPreset', () => {
  test('behavior: local block numbers, one Minter, bigint parameters', () => {
    const preset = devnetPreset(parseDevnetManifest(valid()))
    assert.equal(preset.name, 'devnet')
    assert.equal(preset.blockNumberSource, 'local')
    assert.equal(preset.roundLength, 50n)
    assert.deepEqual(preset.minters, [{ label: 'current', address: address(0x102), startBlock: 4 }])
    assert.deepEqual(preset.contracts.BondingManager, { address: address(0x103), startBlock: 5 })
    assert.equal(preset.parameters?.treasuryRewardCutRate, 10n ** 26n)
    assert.deepEqual(preset.multicall3, { address: '0xcA11bde05977b3631167028862bE2a173976CA11', startBlock: 0 })
  })
})
