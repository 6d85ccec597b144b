import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { DevnetManifest } from '@peerscope/protocol'

/**
 * Writes the manifest atomically (temporary file + rename), creating parent folders, so a reader
 * polling for the file never sees half of it.
 *
 * @example
 * await writeManifest('.peerscope/devnet.json', manifest)
 */
export async function writeManifest(path: string, manifest: DevnetManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`)
  await rename(temporary, path)
}
