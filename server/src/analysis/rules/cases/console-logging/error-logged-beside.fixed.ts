// @case library=pino loggerModule=src/logger.ts path=src/tasks/index.ts
// HyperDX's task runner prints the error to the console, then logs it: the console call written to the
// logger would log the same error twice (once at info), so its fix is offered, not applied by fix-all.
import { logger } from '../logger';

export function main(task: () => Promise<void>) {
  task().catch((err) => {
    console.log(err);
    logger.error({ err }, 'Task execution failed');
    process.exit(1);
  });
  process.on('uncaughtException', (error: Error) => {
    logger.error({ err: error }, 'Uncaught exception');
    console.error(error);
  });
  process.on('unhandledRejection', (reason: unknown) => {
    // Another error beside it: this one is logged once, so the fix applies.
    logger.error({ err: reason });
    logger.warn({ count: 1 }, 'rejections so far');
  });
}
