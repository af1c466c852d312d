// @case library=winston path=src/deletion/batchDelete.ts rules=unstructured-log-message
// Nango's logger type names winston's syslog levels (error, warning, info, debug: no `warn`): a
// parameter typed with it is a winston logger, and `warning` is one of its levels. So is what its
// `getLogger(): StrictLogger` returns (the module's library, winston: fixes in winston's order).
import { getLogger, type StrictLogger } from '../logger';

export async function batchDelete({ name, deleteFn, logger }: { name: string; deleteFn: () => Promise<number>; logger: StrictLogger }) {
  const deleted = await deleteFn();
  logger.info('Deleted', { deleted, name });
}

export function skip(logger: StrictLogger, id: number) {
  logger.warning('sync id is not soft-deleted; skipping', { id });
}

const logger = getLogger('deletion');

export function failed(id: number) {
  logger.error('delete failed', { id });
}
