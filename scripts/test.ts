/**
 * Runs every `*.test.ts` of the workspaces with node's test runner. Node 20's `--test` neither
 * expands globs nor picks up `.ts` files by itself, so this lists them.
 *
 * Usage: tsx scripts/test.ts [path-prefix ...]   e.g. `npm test -- protocol/src/tickets`
 */
import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const roots = ['protocol', 'nodes', 'indexer', 'api', 'web', 'cli']
const skip = new Set(['node_modules', '.next', 'artifacts', '.peerscope', 'test-output'])

function findTests(dir: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return []
  }
  return entries.flatMap((entry) => {
    if (skip.has(entry)) return []
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) return findTests(path)
    return entry.endsWith('.test.ts') ? [path] : []
  })
}

const filters = process.argv.slice(2)
const files = roots
  .flatMap(findTests)
  .map((file) => relative(process.cwd(), file))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.startsWith(filter)))
  .sort()
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`)
  process.exit(1)
}
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' })
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
