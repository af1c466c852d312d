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
  logger.info(
    { created, createdFunctionId: created.functionId },
    'Created function'
  );
};

export async function cleanup(deps: CleanupDeps) {
  const n = await deps.store.purge();
  deps.log.info({ n }, 'purged rows');
}

export const linkFactory =
  ({ store, logger }: { store: { link(id: string): Promise<void> }; logger?: Logger }) =>
  async (id: string) => {
    await store.link(id);
    logger?.info({ id }, 'linked');
  };
