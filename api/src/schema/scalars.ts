import { GraphQLScalarType, Kind, type ValueNode } from 'graphql'
import { ApiUserError } from '../errors/base.ts'

const integer = /^-?\d+$/
const decimal = /^-?\d+(\.\d+)?$/
const hex = /^0x([0-9a-fA-F]{2})*$/

function literal(node: ValueNode, scalar: string): string {
  if (node.kind === Kind.STRING || node.kind === Kind.INT || node.kind === Kind.FLOAT) return node.value
  throw new ApiUserError(`${scalar} must be a string.`)
}

function checked(value: unknown, pattern: RegExp, scalar: string, example: string): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value
  if (typeof text !== 'string' || text.length > 200 || !pattern.test(text)) throw new ApiUserError(`Invalid ${scalar} value ${JSON.stringify(value)?.slice(0, 80)}: expected ${example}.`)
  return text
}

/** `BigInt`: integers of any size as decimal strings (The Graph's scalar). */
export const bigIntScalar = new GraphQLScalarType({
  name: 'BigInt',
  description: 'Integer of any size, as a decimal string',
  serialize: (value) => String(value),
  parseValue: (value) => checked(value, integer, 'BigInt', 'a decimal integer string such as "1000"'),
  parseLiteral: (node) => checked(literal(node, 'BigInt'), integer, 'BigInt', 'a decimal integer string such as "1000"'),
})

/** `BigDecimal`: decimals as strings, in the subgraph's units (LPT / ETH, not wei). */
export const bigDecimalScalar = new GraphQLScalarType({
  name: 'BigDecimal',
  description: 'Decimal of any size and precision, as a string (LPT and ETH amounts are already divided by 1e18)',
  serialize: (value) => String(value),
  parseValue: (value) => checked(value, decimal, 'BigDecimal', 'a plain decimal string such as "12.5"'),
  parseLiteral: (node) => checked(literal(node, 'BigDecimal'), decimal, 'BigDecimal', 'a plain decimal string such as "12.5"'),
})

/** `Bytes`: `0x` hex strings (bytea columns come back from pg as Buffers). */
export const bytesScalar = new GraphQLScalarType({
  name: 'Bytes',
  description: 'Bytes as a 0x-prefixed hex string',
  serialize: (value) => (Buffer.isBuffer(value) ? `0x${value.toString('hex')}` : String(value)),
  parseValue: (value) => checked(value, hex, 'Bytes', 'a 0x-prefixed hex string').toLowerCase(),
  parseLiteral: (node) => checked(literal(node, 'Bytes'), hex, 'Bytes', 'a 0x-prefixed hex string').toLowerCase(),
})
