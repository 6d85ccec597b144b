import assert from 'node:assert/strict'
import { test } from 'node:test'
import { keccak256, stringToBytes } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { deriveDevnetAccount } from './deriveDevnetAccount.ts'

test('behavior: the key is keccak256 of seed/role/index', () => {
  const account = deriveDevnetAccount('peerscope', 'gateway', 3)
  assert.equal(account.address, privateKeyToAccount(keccak256(stringToBytes('peerscope/gateway/3'))).address)
})

test('behavior: deterministic and distinct per seed, role and index', () => {
  const a = deriveDevnetAccount('s', 'orchestrator', 0).address
  assert.equal(deriveDevnetAccount('s', 'orchestrator', 0).address, a)
  assert.notEqual(deriveDevnetAccount('s', 'orchestrator', 1).address, a)
  assert.notEqual(deriveDevnetAccount('s', 'delegator', 0).address, a)
  assert.notEqual(deriveDevnetAccount('t', 'orchestrator', 0).address, a)
})
