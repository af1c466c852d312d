// @case library=pino loggerModule=src/logger.ts
import type { Logger } from 'pino';

export type CreateFunctionDeps = {
  createFn: (name: string) => Promise<{ functionId: string }>;
  logger: Logger;
};

interface CleanupDeps {
  log: Logger;
  store: { purge(): Promise<number> };
}

export const createFunctionFactory = (deps: CreateFunctionDeps) => async (name: string) => {
  const { createFn, logger } = deps;
  const created = await createFn(name);
  logger.info({ created }, `Created function #${created.functionId}`);
                         //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
};

export async function cleanup(deps: CleanupDeps) {
  const n = await deps.store.purge();
  deps.log.info(`purged ${n} rows`);
              //~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export const linkFactory =
  ({ store, logger }: { store: { link(id: string): Promise<void> }; logger?: Logger }) =>
  async (id: string) => {
    await store.link(id);
    logger?.info(`linked ${id}`);
               //~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  };
