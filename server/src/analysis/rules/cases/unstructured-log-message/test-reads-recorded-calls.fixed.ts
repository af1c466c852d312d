// @case library=pino loggerModule=src/logger.ts path=src/jobs.ts
// Fastify's demo asserts a message through the spy's recorded calls
// (`mockLogWarn.mock.calls[0].arguments[0]`), not `toHaveBeenCalledWith`: the test's literal holds
// the message's words all the same, so its fix is offered with a note and not applied. This file
// names `toHaveBeenCalledWith` in a comment but is no test: its own literals assert nothing.
import { logger } from './logger';

export function finish(filePath: string, attempts: number): void {
  logger.warn(`File path '${filePath}' not found`);
  logger.info({ attempts }, 'job took attempts');
}
