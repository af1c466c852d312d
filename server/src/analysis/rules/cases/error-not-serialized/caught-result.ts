// @case library=pino loggerModule=src/logger.ts path=src/workers/crawler.ts
// The tryCatch idiom: a workspace function returning what it caught under a property of its result
// (`catch (error) { return { data: null, error } }`, Karakeep's and OpenPanel's tryCatch): its
// callers' `const { error } = await tryCatch(...)` and `result.error` hold the error. Read from
// the helper's body: one returning text of its own under a property says nothing of an error.
import { logger } from '../logger';
import { settle, tryCatch } from '../shared/tryCatch';

declare function checkQuota(size: number): Promise<boolean>;

export async function store(jobId: string, size: number) {
  const { data: approved, error: quotaError } = await tryCatch(checkQuota(size));
  if (quotaError) {
    logger.warn(`[Crawler][${jobId}] Skipping storage: ${quotaError.message}`);
                                                       //~~~~~~~~~~~~~~~~~~ [error-not-serialized] `quotaError.message` logs the error as text, which loses its stack and type; log the error object instead.
    return;
  }
  const saved = await tryCatch(checkQuota(size));
  if (saved.error) logger.error({ reason: String(saved.error) }, 'save failed');
                                        //~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `String(saved.error)` logs the error as text, which loses its stack and type; log the error object instead.
  const { problem } = await settle(checkQuota(size));
  logger.info({ approved, problem }, 'stored');
}
