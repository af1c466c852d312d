// @case path=apps/ws/src/main.ts rules=error-not-serialized
// homarr: the tasks app depends on pino for something else and logs through its core package's
// winston logger (a child made by its factory), whose format keeps stacks (format.errors({ stack: true })). An error logged alone is
// written with its stack there.
import { createLogger } from '@acme/core';

const logger = createLogger({ module: 'websocket' });

export function onConnection(create: () => unknown) {
  try {
    return create();
  } catch (error) {
    logger.error(error);
    return null;
  }
}
