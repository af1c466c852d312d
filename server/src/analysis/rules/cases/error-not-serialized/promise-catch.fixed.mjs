// @case library=pino loggerModule=src/logger.js type=module path=src/fetcher.mjs
import { logger } from './logger.js';

export function refresh(load, id) {
  return load(id)
    .then(
      (data) => logger.info({ size: data.length }, 'refreshed'),
      (reason) => logger.warn({ err: reason, id }, 'refresh of id rejected'),
    )
    .catch((e) => {
      logger.error({ err: e }, 'refresh failed');
    });
}
