// @case library=pino loggerModule=src/logger.ts path=test/users.test.ts
console.log('debug output in a test is fine');
