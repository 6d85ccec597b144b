import assert from 'node:assert/strict'
import { test } from 'node:test'
import { InvalidDevnetManifestError, PresetContractNotFoundError, ReadDevnetManifestError } from './preset.ts'

test('InvalidDevnetManifestError', () => {
  const error = new InvalidDevnetManifestError({ field: 'contracts.Minter.address', reason: 'must be a 20-byte hex address', value: '0x12' })
  assert.equal(error.field, 'contracts.Minter.address')
  assert.equal(error.message, 'Invalid devnet manifest: contracts.Minter.address must be a 20-byte hex address, got "0x12".')
  assert.equal(new InvalidDevnetManifestError({ field: 'seed', reason: 'is missing' }).message, 'Invalid devnet manifest: seed is missing.')
})

test('ReadDevnetManifestError', () => {
  const error = new ReadDevnetManifestError({ path: 'x.json', cause: new SyntaxError('Unexpected token') })
  assert.equal(error.message, 'Cannot read the devnet manifest at x.json.\n\nDetails: Unexpected token')
  assert.ok(error.cause instanceof SyntaxError)
})

test('PresetContractNotFoundError', () => {
  assert.equal(
    new PresetContractNotFoundError({ preset: 'devnet', name: 'Treasury' }).message,
    'Network preset "devnet" has no contract named "Treasury".\n\nSpec: shared/spec/protocol.md#13-arbitrum-one-deployment',
  )
})
