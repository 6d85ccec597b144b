/** The `signature` fields of a tuple of catalogue rows, as a tuple of string literals. */
export type SignaturesOf<entries extends readonly { signature: string }[]> = {
  -readonly [key in keyof entries]: entries[key]['signature']
}

/**
 * Maps catalogue rows to their signatures while keeping the literal tuple type, so `parseAbi` can
 * infer a fully typed ABI from them.
 *
 * @param entries - Catalogue rows declared `as const`.
 * @returns The signatures, in order.
 *
 * @example
 * const abi = parseAbi(signaturesOf(bondingManagerEvents))
 */
export function signaturesOf<const entries extends readonly { signature: string }[]>(entries: entries): SignaturesOf<entries> {
  return entries.map((entry) => entry.signature) as unknown as SignaturesOf<entries>
}
