// @case library=winston path=src/widgets/truenas/proxy.ts rules=error-not-serialized
// Homepage's TrueNAS proxy: the error's text, or the error when it has none, filling winston's `%s`
// (`err?.message ?? err`): text either way, whatever winston takes the argument for. The error itself
// there is winston's to print whole.
import winston from 'winston';

const logger = winston.createLogger({ format: winston.format.splat(), transports: [new winston.transports.Console()] });

export async function login(send: () => Promise<void>) {
  try {
    await send();
  } catch (err) {
    logger.error('TrueNAS API key authentication failed: %s', (err as Error)?.message ?? err);
                                                            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(err as Error)?.message ?? err` logs the error as text, which loses its stack and type; log the error object instead.
    logger.error('TrueNAS API key authentication failed', err);
  }
}
