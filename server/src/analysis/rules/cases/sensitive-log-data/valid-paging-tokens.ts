// @case library=pino loggerModule=src/logger.ts
// Paging and cancellation tokens are positions and handles, not credentials: not flagged.
import { logger } from '../logger';

export function listed(page: { nextPageToken?: string; items: unknown[] }, continuationToken: string, sync_token: string) {
  logger.info({ nextPageToken: page.nextPageToken, count: page.items.length }, 'page listed');
  logger.debug({ continuationToken, sync_token }, 'resuming');
}
