import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Options for {@link startAnvil}. Every field has a devnet-friendly default. */
export type StartAnvilParameters = {
  /** TCP port; 0 (the default) lets the OS choose a free one. */
  port?: number
  /** Host to bind; loopback by default. */
  host?: string
  /** Chain id; 31337 by default, 42161 for the Arbitrum stand-in. */
  chainId?: number
  /** Block gas limit; high by default so batched scenario transactions fit. */
  gasLimit?: bigint
  /** Extra raw anvil flags. */
  args?: string[]
  /** Milliseconds to wait for anvil to listen. */
  timeoutMs?: number
}

/** A running anvil process. */
export type Anvil = {
  rpcUrl: string
  port: number
  chainId: number
  process: ChildProcess
  /** Stops anvil and waits for the process to exit. Safe to call twice. */
  stop: () => Promise<void>
}

/** Thrown when anvil cannot be found or does not come up. */
export class AnvilStartError extends Error {
  override name = 'AnvilStartError'
}

/**
 * Resolves the anvil binary shipped in npm by `@foundry-rs/anvil`'s platform package, so no
 * download is ever needed. `ANVIL_BINARY` is honoured by callers through `binary`.
 */
export function resolveAnvilBinary(): string {
  const require = createRequire(import.meta.url)
  const platform = `@foundry-rs/anvil-${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`
  try {
    return join(dirname(require.resolve(`${platform}/package.json`)), 'bin', 'anvil')
  } catch (cause) {
    throw new AnvilStartError(`anvil binary package ${platform} is not installed; run npm install`, { cause })
  }
}

/**
 * Starts a local anvil chain with the settings every Peerscope devnet and test uses:
 * auto-impersonation (scenario accounts send unsigned transactions), no code-size limit,
 * zero base fee (balances stay round), and a high block gas limit.
 *
 * @example
 * const anvil = await startAnvil({ port: 0 })
 * // ... use anvil.rpcUrl
 * await anvil.stop()
 */
export async function startAnvil(parameters: StartAnvilParameters = {}): Promise<Anvil> {
  const { port = 0, host = '127.0.0.1', chainId = 31337, gasLimit = 1_000_000_000n, args = [], timeoutMs = 20_000 } = parameters
  const stateHome = mkdtempSync(join(tmpdir(), 'peerscope-anvil-'))
  const child = spawn(
    resolveAnvilBinary(),
    [
      '--host', host,
      '--port', String(port),
      '--chain-id', String(chainId),
      '--auto-impersonate',
      '--disable-code-size-limit',
      '--base-fee', '0',
      '--disable-min-priority-fee',
      '--gas-limit', String(gasLimit),
      '--hardfork', 'cancun',
      ...args,
    ],
    // NOTE: anvil spills old block states (which historical eth_calls need) to $HOME/.foundry/anvil/tmp
    // and leaves them behind when it is killed: a day of test runs filled 79 GB. A private HOME per
    // process keeps them in a folder that stop() removes.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: stateHome } },
  )

  const listening = await new Promise<number>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      rmSync(stateHome, { recursive: true, force: true })
      reject(new AnvilStartError(`anvil did not start within ${timeoutMs} ms: ${output.slice(-500)}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Listening on [^\s:]+:(\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        // Keep draining output so a full pipe never blocks anvil.
        child.stdout?.removeListener('data', onData)
        child.stdout?.resume()
        resolve(Number(match[1]))
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      rmSync(stateHome, { recursive: true, force: true })
      reject(new AnvilStartError(`anvil exited with code ${code}: ${output.slice(-500)}`))
    })
  })

  let stopped: Promise<void> | undefined
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 3_000).unref()
    }).then(() => rmSync(stateHome, { recursive: true, force: true }))
    return stopped
  }
  child.stderr?.resume()
  return { rpcUrl: `http://${host}:${listening}`, port: listening, chainId, process: child, stop }
}
