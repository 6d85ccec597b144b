// @peerscope/web: the explorer (a Next.js app router site in this folder) and the Node entry points
// the CLI calls: `startWebServer` serves the production build, `buildWeb` makes it.
export { buildWeb, isBuildStale, type BuildWebParameters, type BuildWebReturnType } from './buildWeb.ts'
export { startWebServer, type StartWebServerParameters, type StartWebServerReturnType, type WebLogger } from './startWebServer.ts'
export { WebBuildFailedError, WebBuildMissingError, WebConfigError, WebError } from './errors.ts'
export { webDir } from './webDir.ts'
