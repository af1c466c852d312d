// @case library=pino loggerModule=src/logger.ts path=src/uploads.ts
// Which rewrites of a message that holds an error's text fix-all applies: only the last, whose
// words and values read the same after it. A value glued to the text beside it (a path, a URL)
// would be cut out of its word, and a stringified value changes its shape: offered, not applied.
import { logger } from './logger';

export async function upload(bucket: string, key: string, meta: object, put: () => Promise<void>) {
  try {
    await put();
  } catch (err) {
    logger.error(`upload to s3://${bucket}/${key} failed: ${(err as Error).message}`);
    logger.error(`upload of ${JSON.stringify(meta)} failed: ${(err as Error).message}`);
    logger.error({ err, key }, 'upload of key failed');
  }
}
