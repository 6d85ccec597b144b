// Child process for the lock test: tries to open the chDB directory in argv[2] and prints the outcome.
import { createClickhouse } from '../createClickhouse.ts'

try {
  const client = await createClickhouse({ path: process.argv[2] as string })
  await client.close()
  console.log(JSON.stringify({ opened: true }))
} catch (error) {
  const { name, shortMessage } = error as { name: string; shortMessage?: string }
  console.log(JSON.stringify({ opened: false, name, shortMessage }))
}
