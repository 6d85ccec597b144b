import assert from 'node:assert/strict'
import { test } from 'node:test'
import { precisePercOf } from './precisePercOf.ts'

test('behavior: two-argument form is amount × perc / 1e27', () => {
  assert.equal(precisePercOf(1000n, 10n ** 26n), 100n) // 10 % treasury cut
  assert.equal(precisePercOf(999n, 10n ** 26n), 99n) // 99.9 truncated
})

test('behavior: three-argument form truncates twice', () => {
  // precisePercPoints(1, 3) = 333…333 (27 threes); 3e27 × that / 1e27 = 999…999 (27 nines)
  assert.equal(precisePercOf(3n * 10n ** 27n, 1n, 3n), 10n ** 27n - 1n)
  // CRF update shape: prevCRF × (delegR × 1e27 / S) / 1e27 with prevCRF = 1e27, delegR = 5, S = 100 → 5e25
  assert.equal(precisePercOf(10n ** 27n, 5n, 100n), 5n * 10n ** 25n)
})
