import assert from 'node:assert/strict'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { DataSource } from 'typeorm'
import { BigDecimal } from '@subsquid/big-decimal'
import { Pool, Round, Transcoder, TranscoderStatus } from '../model/index.ts'
import { applyMigrations } from './applyMigrations.ts'
import { createDataSourceOptions } from './createDataSourceOptions.ts'
import { startPostgres } from './startPostgres.ts'

const dir = mkdtempSync(join(tmpdir(), 'peerscope-postgres-'))
// NOTE: as root, embedded Postgres runs as the `postgres` user, which must be able to enter the directory.
chmodSync(dir, 0o755)
after(() => rmSync(dir, { recursive: true, force: true }))

test('behavior: embedded Postgres starts on a free port, migrations apply once, and entities round-trip under tsx', async () => {
  const dataDir = join(dir, 'data')
  let postgres = await startPostgres({ dataDir })
  try {
    assert.match(postgres.url, /^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/peerscope$/)
    assert.ok((await applyMigrations({ url: postgres.url })).length > 0)
    assert.deepEqual(await applyMigrations({ url: postgres.url }), [])
  } finally {
    await postgres.stop()
  }
  // Restart on the same directory: the data is kept.
  postgres = await startPostgres({ dataDir })
  const dataSource = await new DataSource(createDataSourceOptions({ url: postgres.url })).initialize()
  try {
    assert.deepEqual(await applyMigrations({ url: postgres.url }), [])
    // Deferred foreign keys: a pool may be written before its round and transcoder in one transaction.
    await dataSource.transaction(async (em) => {
      await em.insert(Pool, {
        id: '0000000001-0xabc',
        round: new Round({ id: '1' }),
        delegate: new Transcoder({ id: '0xabc' }),
        fees: BigDecimal('0.5'),
        rewardTokens: null,
        totalStake: BigDecimal('1e-18'),
        rewardCut: 1n,
        feeShare: 2n,
        cumulativeRewardFactor: 10n ** 27n,
        cumulativeFeeFactor: 3n,
        rewardCommission: null,
        feeCommission: BigDecimal(0),
        treasuryRewardTokens: null,
      })
      await em.query(`INSERT INTO round (id, initialized, start_timestamp, length, start_block, end_block, mintable_tokens, volume_eth, volume_usd,
        total_active_stake, total_supply, participation_rate, moved_stake, new_stake, inflation, num_active_transcoders, active_transcoder_count,
        delegators_count) VALUES ('1', true, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`)
      await em.query(`INSERT INTO transcoder (id, activation_round, deactivation_round, last_active_stake_update_round, active, status,
        activation_timestamp, reward_cut, reward_cut_update_timestamp, fee_share, fee_share_update_timestamp, total_stake, total_volume_eth,
        thirty_day_volume_eth, sixty_day_volume_eth, ninety_day_volume_eth, total_volume_usd, transcoder_days, reward_commission, fee_commission,
        cumulative_rewards, cumulative_fees, treasury_reward_tokens, last_fee_round) VALUES ('0xabc', 0, 0, 0, false, '${TranscoderStatus.Registered}',
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{}', 0, 0, 0, 0, 0, 0)`)
    })
    const pool = await dataSource.manager.findOne(Pool, { where: { id: '0000000001-0xabc' }, loadRelationIds: true })
    assert.ok(pool)
    assert.equal(pool.cumulativeRewardFactor, 10n ** 27n)
    assert.equal(pool.totalStake.toString(), '0.000000000000000001')
    assert.equal(pool.rewardTokens ?? null, null) // the BigDecimal transformer reads NULL as undefined
    assert.equal(pool.delegate as unknown as string, '0xabc')
  } finally {
    await dataSource.destroy()
    await postgres.stop()
  }
})
