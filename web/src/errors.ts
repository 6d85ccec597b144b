import { BaseError, type BaseErrorParameters } from '@peerscope/protocol'

/** Root of the errors `@peerscope/web` throws from its Node entry points. */
export class WebError extends BaseError {
  override name = 'WebError'
  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    super(shortMessage, { docsPath: undefined, ...parameters })
  }
}

/** `next build` has not been run (or failed) for the folder `startWebServer` serves. */
export class WebBuildMissingError extends WebError {
  override name = 'WebBuildMissingError'
  constructor({ dir }: { dir: string }) {
    super('The explorer has no production build.', {
      details: `No ${dir}/.next/BUILD_ID: run \`npm run build -w @peerscope/web\` (or buildWeb()) first.`,
    })
  }
}

/** `next build` exited non-zero. */
export class WebBuildFailedError extends WebError {
  override name = 'WebBuildFailedError'
  constructor({ code, output }: { code: number | null; output: string }) {
    super(`next build failed (exit ${code}).`, { details: output.slice(-2_000) })
  }
}

/** A bad option of `startWebServer` (the CLI shows the message as is). */
export class WebConfigError extends WebError {
  override name = 'WebConfigError'
}
