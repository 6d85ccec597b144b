import { Lexer, Source, TokenKind, type ExecutionResult } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { ApiUserError } from '../errors/base.ts'
import { measureDocument } from './measureDocument.ts'
import type { QueryLimits } from './queryLimits.ts'

/** Counts lexical tokens, stopping as soon as `max` is passed. */
function countTokens(source: string, max: number): number {
  const lexer = new Lexer(new Source(source))
  let count = 0
  while (lexer.advance().kind !== TokenKind.EOF) if (++count > max) break
  return count
}

/**
 * Envelop plugin enforcing {@link QueryLimits}: tokens before parsing; depth, aliases and cost
 * (with the request's variables) before execution; a wall-time bound on execution. Every rejection
 * is a GraphQL error with `extensions.code` QUERY_LIMIT or TIMEOUT, never an HTTP 5xx.
 *
 * @example
 * createYoga({ schema, plugins: [useQueryLimits(defaultQueryLimits)] })
 */
export function useQueryLimits(limits: QueryLimits): Plugin {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body
      if (countTokens(source, limits.maxTokens) > limits.maxTokens) throw new ApiUserError(`Query is too large: more than ${limits.maxTokens} tokens.`, 'QUERY_LIMIT')
    },
    onExecute({ args, setExecuteFn, executeFn, setResultAndStopExecution }) {
      const measure = measureDocument({
        schema: args.schema,
        document: args.document,
        operationName: args.operationName,
        variables: (args.variableValues ?? {}) as Record<string, unknown>,
      })
      const violation =
        measure.depth > limits.maxDepth
          ? `Query is too deep: depth ${measure.depth} exceeds the limit of ${limits.maxDepth}.`
          : measure.aliases > limits.maxAliases
            ? `Query has too many aliases: ${measure.aliases} exceeds the limit of ${limits.maxAliases}.`
            : measure.cost > limits.maxCost
              ? `Query is too expensive: it may return ${measure.cost} objects, above the limit of ${limits.maxCost}. Lower \`first\` on nested lists.`
              : undefined
      if (violation) {
        setResultAndStopExecution({ errors: [new ApiUserError(violation, 'QUERY_LIMIT')] })
        return
      }
      setExecuteFn((executeArgs) => {
        let timer: NodeJS.Timeout | undefined
        const timeout = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(() => resolve({ errors: [new ApiUserError(`Query timed out after ${limits.timeoutMs} ms.`, 'TIMEOUT')] }), limits.timeoutMs)
        })
        return Promise.race([Promise.resolve(executeFn(executeArgs)) as Promise<ExecutionResult>, timeout]).finally(() => clearTimeout(timer))
      })
    },
  }
}
