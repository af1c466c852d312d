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

export function migrate(monitors: Array<{ id: number }>) {
  // Reassigned a constant just before the read: only that one reaches it (Uptime Kuma's migration
  // progress `msg`). In a loop, a later assignment reaches the next turn's read.
  let msg = '';
  for (const m of monitors) {
    msg = `Migrating monitor ${m.id}`;
    logger.info(msg);
              //~~~ [unstructured-log-message] Log message `msg` (line 23) is built with a template literal; log a constant message and put the values in fields.
  }
  msg = 'Clearing non-important heartbeats';
  logger.info(msg);
  let step = 'starting';
  for (const m of monitors) {
    logger.info(step);
              //~~~~ [unstructured-log-message] Log message `step` (line 31) is built with a template literal; log a constant message and put the values in fields.
    step = `monitor ${m.id} done`;
  }
}

export function param(text: string) {
  logger.info(text);
}
