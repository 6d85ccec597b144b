import assert from 'node:assert/strict'
import { test } from 'node:test'
import { keccak256 } from 'viem'
import { recipientRandHash } from './recipientRandHash.ts'

test('behavior: keccak256 of the 32-byte left-padded value', () => {
  // keccak256(uint256(1)), the well-known hash of storage slot 1
  assert.equal(recipientRandHash(1n), '0xb10e2d527612073b26eecdfd717e6a320cf44b4afac2b0732d9fcbe2b7fa0cf6')
  assert.equal(recipientRandHash(0xabcn), keccak256(`0x${'00'.repeat(30)}0abc`))
})
