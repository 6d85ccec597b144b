export { startAnvil, resolveAnvilBinary, AnvilStartError, type Anvil, type StartAnvilParameters } from './startAnvil.ts'
export { createDevnetClient, type DevnetClient, type CreateDevnetClientParameters } from './createDevnetClient.ts'
