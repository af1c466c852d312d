// @case library=pino loggerModule=src/logger.ts path=src/monitor.ts
// A project logger that takes a module tag and then prints all its further arguments (Uptime Kuma's
// `log.error(module, ...msg)`): error text among them is text, wherever it is; a message kept a few
// lines up with a fallback (`error.message || error.toString()`) is too. No fix: the class decides.
class Logger {
  error(module: string, ...msg: unknown[]) {
    console.error(`[${module}]`, ...msg);
  }
}

const log = new Logger();

export function check(query: () => void): void {
  try {
    query();
  } catch (err) {
    log.error('sqlserver', 'Error caught in the query execution.', (err as Error).message);
                                                                 //~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(err as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
    const errorMessage = (err as Error).message || String(err);
    log.error('tcp', `TLS error: ${errorMessage}`);
                                 //~~~~~~~~~~~~ [error-not-serialized] `errorMessage` logs the error as text, which loses its stack and type; log the error object instead.
    log.error('tcp', 'Query failed', err);
  }
}
