/** `Transcoder` → `transcoder`: the singular root field of an entity. */
export function singularField(entity: string): string {
  return entity.charAt(0).toLowerCase() + entity.slice(1)
}

/**
 * The plural root field The Graph generates: `transcoders`, `days`, `livepeerAccounts`; a name whose
 * plural is itself (`DelegatorRoundEarnings`) gets `_collection` as The Graph does.
 *
 * @example
 * pluralField('TranscoderDay') // 'transcoderDays'
 */
export function pluralField(entity: string): string {
  const singular = singularField(entity)
  if (/s$/.test(singular)) return `${singular}_collection`
  if (/[^aeiou]y$/.test(singular)) return `${singular.slice(0, -1)}ies`
  if (/(x|ch|sh)$/.test(singular)) return `${singular}es`
  return `${singular}s`
}
