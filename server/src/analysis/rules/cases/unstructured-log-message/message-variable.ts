// @case library=pino loggerModule=src/logger.ts
// A message built a few lines above the call, in a local variable: reported at the variable, no fix
// (the text to rewrite is elsewhere).
import { logger } from '../logger';

export function fetched(symbol: string, timeoutMs: number, error: { name?: string }) {
  const errMessage = `Unexpected error for ${symbol}`;
  logger.error(errMessage);
             //~~~~~~~~~~ [unstructured-log-message] Log message `errMessage` (line 7) is built with a template literal; log a constant message and put the values in fields.
  let message = 'request failed';
  if (error.name === 'TimeoutError') {
    message = `request for ${symbol} took more than ${timeoutMs} ms`;
  }
  logger.warn(message);
            //~~~~~~~ [unstructured-log-message] Log message `message` (line 11) is built with a template literal; log a constant message and put the values in fields.
  const constant = 'request done';
  logger.info(constant);
}

export function param(text: string) {
  logger.info(text);
}
