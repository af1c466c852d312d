// @case library=pino loggerModule=src/logger.ts path=src/server.ts
// A process-wide listener is handed what was thrown or rejected: an error, nearly always (Docmost's
// `${reason}`). Where the code has just found it is no Error (Unleash: the else of `if (reason
// instanceof Error)`), its text is all there is to log.
import { logger } from './logger';

process.on('unhandledRejection', (reason, promise) => {
  logger.error(`UnhandledRejection, reason: ${reason}`);
                                            //~~~~~~ [error-not-serialized] `reason` logs the error as text, which loses its stack and type; log the error object instead.
});

process.on('unhandledRejection', (reason: unknown) => {
  if (reason instanceof Error) {
    logger.error({ err: reason }, 'Unhandled promise rejection detected');
  } else {
    logger.error({ reason: String(reason) }, 'Unhandled promise rejection detected');
  }
  if (!(reason instanceof Error)) logger.warn({ reason: String(reason) }, 'rejected with a non-error');
});
