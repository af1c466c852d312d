// @case library=pino loggerModule=src/logger.ts path=src/users.spec.ts
export function check(id: string) {
  console.log('debug', id);
}
