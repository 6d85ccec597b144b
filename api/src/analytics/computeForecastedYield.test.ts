import assert from 'node:assert/strict'
import { test } from 'node:test'
import { computeForecastedYield, ray, roundsInHorizon, totalInflation, type ForecastInputs } from './computeForecastedYield.ts'

const inputs: ForecastInputs = {
  principal: '150',
  months: 12,
  inflationChange: 'none',
  factors: 'lptAndEth',
  protocol: { inflation: '200000', inflationChange: '500', totalSupply: '30000000', totalActiveStake: '15000000', roundLength: '5760', lptPriceEth: '0.002' },
  treasuryRewardCut: '0.1',
}

test('unit: the forecast follows the explorer formula (roi.ts) with exact decimals', () => {
  const rounds = roundsInHorizon(12, '5760')
  assert.equal(rounds, Math.round((12 * 2_628_000) / (5760 * 12)))
  const inflation = totalInflation(inputs, rounds)
  const expectedInflation = (1 + 0.0002 * 0.9) ** rounds - 1
  assert.ok(Math.abs(Number(inflation) / Number(ray) - expectedInflation) < 1e-12)
  const result = computeForecastedYield(inputs, inflation, { totalStake: '1000000', rewardCut: '100000', feeShare: '500000', ninetyDayVolumeETH: '9', rewardCallRatio: '1' })
  // rewards = supply × inflation / activeStake × (principal + stake) × ratio × (1 − cut) × principal / (principal + stake)
  const rewards = ((30_000_000 * expectedInflation) / 15_000_000) * 0.9 * 150
  assert.ok(Math.abs(Number(result.rewardsLPT) - rewards) < 1e-9, `${result.rewardsLPT} vs ${rewards}`)
  const fees = (((9 / 90) * 365 * 12) / 12) * 0.5 * (150 / 1_000_150)
  assert.ok(Math.abs(Number(result.feesETH) - fees) < 1e-12, `${result.feesETH} vs ${fees}`)
  assert.ok(Math.abs(Number(result.totalYield) - (rewards / 150 + fees / 0.002 / 150)) < 1e-12)
  const lptOnly = computeForecastedYield({ ...inputs, factors: 'lpt' }, inflation, { totalStake: '1000000', rewardCut: '100000', feeShare: '500000', ninetyDayVolumeETH: '9', rewardCallRatio: '1' })
  assert.equal(lptOnly.totalYield, lptOnly.rewardsYield)
  const missed = computeForecastedYield(inputs, inflation, { totalStake: '1000000', rewardCut: '100000', feeShare: '500000', ninetyDayVolumeETH: '0', rewardCallRatio: '0' })
  assert.equal(missed.rewardsLPT, '0')
})

test('unit: a negative inflation change floors each round at zero', () => {
  const falling = totalInflation({ ...inputs, inflationChange: 'negative', protocol: { ...inputs.protocol, inflation: '1000', inflationChange: '600' } }, 10)
  // rates: max(0, 1000 − 600k) ppb → 400 ppb in round 1, then 0.
  assert.equal(falling, (400n * 10n ** 18n * 9n) / 10n)
})
