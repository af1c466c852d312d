// @case library=pino loggerModule=src/logger.ts path=src/jobs.ts
// The project's test spies on the logger and asserts the first message: rewriting it would fail the
// test, so its fix is offered with a note and not applied by fix-all. The second message is not
// asserted anywhere: its fix is applied.
import { logger } from './logger';

export function finish(id: string, attempts: number): void {
  logger.info(`job ${id} finished after retries`);
  logger.info({ id, attempts }, 'job took attempts');
}
