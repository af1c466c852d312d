import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

const root = pino();
const storage = new AsyncLocalStorage<Map<string, unknown>>();

export const moduleLogger = root.child({ module: 'routes' });

/** The request's child logger a middleware put in the store, else a new one. */
export const getLogger = (): pino.Logger => {
  const store = storage.getStore();
  if (store?.has('logger')) return store.get('logger') as pino.Logger;
  return root.child({});
};

export const setLoggerMiddleware = (req: { headers: Record<string, unknown> }, _res: unknown, next: () => void) => {
  const store = new Map<string, unknown>();
  store.set('logger', root.child({ requestId: req.headers['x-request-id'] }));
  return storage.run(store, next);
};
