// @case library=pino-http loggerModule=src/logger.ts path=src/jobs/sync.ts
import { logger } from '../logger';

interface Page {
  body: string;
  headers: Record<string, string>;
}

// A callback's first parameter is not a request: a page's body or a response's headers are data.
export function sync(pages: Page[], fetchAll: () => Promise<Page>) {
  pages.forEach((page) => logger.info({ size: page.body.length, body: page.body }, 'page synced'));
  return fetchAll().then((response) => logger.info({ headers: response.headers }, 'fetched'));
}
