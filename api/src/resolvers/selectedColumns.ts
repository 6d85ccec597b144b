import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'
import type { CatalogType } from '../schema/createCatalog.ts'

/**
 * The columns a list field's selection needs (always `id`), so collection statements read only
 * those: `delegators(first: 1000) { id }` reads one column instead of every one. Fragments and
 * inline fragments are followed; undefined means "every column" (interfaces, unknown shapes).
 *
 * @example
 * store.collection('Pool', args, selectedColumns(catalog.type('Pool'), info))
 */
export function selectedColumns(type: CatalogType, info: GraphQLResolveInfo): string[] | undefined {
  if (type.isInterface) return undefined
  const columns = new Set<string>(['id'])
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const field = type.fieldsByName.get(selection.name.value)
        if (field && field.kind !== 'derived') columns.add(field.column)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen)
      } else {
        const name = selection.name.value
        const fragment: FragmentDefinitionNode | undefined = info.fragments[name]
        if (fragment && !seen.has(name)) visit(fragment.selectionSet, new Set([...seen, name]))
      }
    }
  }
  for (const node of info.fieldNodes) visit(node.selectionSet, new Set())
  return [...columns].sort()
}
