import 'server-only'

/**
 * The explorer's configuration, read once from the environment (set by `startWebServer`, or by hand
 * for `next start`; see .env.example).
 */
export type WebConfig = { apiUrl: string }

let config: WebConfig | undefined

/** Returns the config, failing with the variable's name when it is missing or malformed. */
export function getConfig(): WebConfig {
  if (config) return config
  const apiUrl = process.env.API_URL?.trim()
  if (!apiUrl) throw new Error('API_URL is not set: point it at the Peerscope API GraphQL endpoint (e.g. http://127.0.0.1:4000/graphql).')
  if (!/^https?:\/\//.test(apiUrl)) throw new Error(`API_URL is not an http(s) URL: "${apiUrl}".`)
  config = { apiUrl }
  return config
}
