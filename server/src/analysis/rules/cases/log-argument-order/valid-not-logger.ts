// @case library=pino loggerModule=src/logger.ts
const store = { info: (k: string, v: object) => ({ k, v }) };

export function put(id: string) {
  store.info('key', { id });
  console.log('saved', { id });
}
