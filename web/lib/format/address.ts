/** 0x1234…abcd. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address
}

/** A lowercase 20-byte hex address, or null. */
export function parseAddress(value: string | undefined | null): string | null {
  const text = (value ?? '').trim().toLowerCase()
  return /^0x[0-9a-f]{40}$/.test(text) ? text : null
}
