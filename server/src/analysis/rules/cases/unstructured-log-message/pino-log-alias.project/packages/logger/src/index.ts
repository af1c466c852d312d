import pino from 'pino';
import { AsyncLocalStorage } from 'async_hooks';

const pinoLogger = pino({ base: null });
const storage = new AsyncLocalStorage<Map<string, unknown>>();

export const createLogger = (requestId?: string) => {
  const logger = pinoLogger.child(requestId ? { requestId } : {});
  // pino has no `log`: the project gives its loggers one.
  logger.log = logger.info;
  return logger;
};

export const getLogger = (): pino.Logger => (storage.getStore()?.get('logger') as pino.Logger) ?? createLogger();
