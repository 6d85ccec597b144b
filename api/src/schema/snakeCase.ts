/**
 * TypeORM's snake-case (the naming strategy @subsquid/typeorm-store uses for tables and columns):
 * `ServiceURIUpdateEvent` → `service_uri_update_event`, `totalVolumeETH` → `total_volume_eth`.
 *
 * @example
 * snakeCase('thirtyDayVolumeETH') // 'thirty_day_volume_eth'
 */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
}
