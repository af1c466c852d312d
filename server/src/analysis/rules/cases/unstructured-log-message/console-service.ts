// @case library=pino loggerModule=src/logger.ts path=src/cache.ts
export function evict(key: string, size: number) {
  console.log(`evicted ${key}`);
            //~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  console.warn('cache size ' + size);
             //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  console.log('evicted', key);
}
