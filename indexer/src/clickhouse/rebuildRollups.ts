import type { ClickHouseClient } from '@clickhouse/client'

/**
 * Recomputes every materialized-view target of the current database from its source: truncate the
 * target, then run the view's own SELECT over the whole source (`events`). Use it when a view
 * target cannot be trusted: a process killed inside one INSERT, between the source part and the
 * view parts (ClickHouse does not make them atomic), or a view added by a later migration that
 * must cover old rows. Run it with no writer active (at start-up, after `recover`): rows inserted
 * meanwhile would be counted twice.
 *
 * @returns The rebuilt target tables.
 * @example
 * await rebuildRollups({ client })
 */
export async function rebuildRollups({ client }: { client: ClickHouseClient }): Promise<string[]> {
  const views = await (
    await client.query({
      query: `SELECT name, create_table_query FROM system.tables WHERE database = currentDatabase() AND engine = 'MaterializedView' ORDER BY name`,
      format: 'JSONEachRow',
    })
  ).json<{ name: string; create_table_query: string }>()
  const rebuilt: string[] = []
  for (const view of views) {
    const match = /\sTO\s+(\S+)[\s\S]*?\)\s+AS\s+(SELECT[\s\S]*)$/.exec(view.create_table_query)
    if (!match) throw new Error(`rebuildRollups: cannot read the definition of materialized view ${view.name}.`)
    const [, target, select] = match as unknown as [string, string, string]
    await client.command({ query: `TRUNCATE TABLE ${target}` })
    await client.command({ query: `INSERT INTO ${target} ${select}` })
    rebuilt.push(target)
  }
  return rebuilt
}
