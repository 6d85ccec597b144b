import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  GraphQLList,
  GraphQLNonNull,
  getNamedType,
  isCompositeType,
  type GraphQLOutputType,
  type GraphQLCompositeType,
  isObjectType,
  isInterfaceType,
} from 'graphql'

/** Depth, alias count and cost of one operation. */
export type DocumentMeasure = { depth: number; aliases: number; cost: number }

function isList(type: GraphQLOutputType): boolean {
  const inner = type instanceof GraphQLNonNull ? type.ofType : type
  return inner instanceof GraphQLList
}

function intArgument(field: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const node: ValueNode | undefined = field.arguments?.find((a) => a.name.value === name)?.value
  if (!node) return undefined
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value]
    return typeof value === 'number' ? value : undefined
  }
  return undefined
}

/**
 * Measures an operation the way the limits need: field depth (introspection excluded), aliases,
 * and cost = Σ objects requested, where a list field multiplies its subtree by its `first`
 * (default 100, the collection default). Fragments are inlined; cycles stop at the first repeat.
 *
 * @example
 * const { depth, cost } = measureDocument({ schema, document, variables: {} })
 */
export function measureDocument({
  schema,
  document,
  operationName,
  variables = {},
}: {
  schema: GraphQLSchema
  document: DocumentNode
  operationName?: string | null | undefined
  variables?: Record<string, unknown>
}): DocumentMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0]
  let aliases = 0
  let depth = 0
  let cost = 0
  const visit = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType | undefined, level: number, multiplier: number, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value
        const fragment = fragments.get(name)
        if (!fragment || seen.has(name)) continue
        const type = schema.getType(fragment.typeCondition.name.value)
        visit(fragment.selectionSet, type && isCompositeType(type) ? type : parent, level, multiplier, new Set([...seen, name]))
        continue
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent
        visit(selection.selectionSet, type && isCompositeType(type) ? type : parent, level, multiplier, seen)
        continue
      }
      if (selection.alias) aliases++
      const name = selection.name.value
      if (name.startsWith('__')) continue
      depth = Math.max(depth, level)
      const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined
      if (!selection.selectionSet) continue
      const list = definition ? isList(definition.type) : false
      const size = list ? Math.max(0, intArgument(selection, 'first', variables) ?? 100) : 1
      const next = multiplier * size
      cost += next
      const named = definition ? getNamedType(definition.type) : undefined
      visit(selection.selectionSet, named && isCompositeType(named) ? named : undefined, level + 1, next, seen)
    }
  }
  if (operation) {
    const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType()
    visit(operation.selectionSet, root ?? undefined, 1, 1, new Set())
  }
  return { depth, aliases, cost }
}
