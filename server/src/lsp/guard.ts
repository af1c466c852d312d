// The server must outlive any bug in a handler: every handler runs through `guarded`, which logs
// the exception and answers with a neutral value instead of letting it reach the connection.
import type { Connection } from 'vscode-languageserver/node';

export interface Logger {
  log(message: string): void;
  error(message: string): void;
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

export function guarded<A extends unknown[], R>(
  logger: Logger,
  name: string,
  fallback: R,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    try {
      return await handler(...args);
    } catch (err) {
      logger.error(`[${name}] ${describeError(err)}`);
      return fallback;
    }
  };
}

/** Fire-and-forget work (validation runs, scans): failures are logged, never thrown. */
export function runLogged(logger: Logger, name: string, work: () => Promise<unknown> | unknown): void {
  try {
    Promise.resolve(work()).catch((err: unknown) => logger.error(`[${name}] ${describeError(err)}`));
  } catch (err) {
    logger.error(`[${name}] ${describeError(err)}`);
  }
}

/** Unhandled errors are logged to the client's output channel; the process keeps serving. */
export function installProcessGuards(connection: Connection): void {
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${describeError(reason)}`));
  process.on('uncaughtException', (err) => connection.console.error(`Uncaught exception: ${describeError(err)}`));
}
