// @case library=pino loggerModule=src/logger.ts path=src/tasks/blobs.ts type=module
// Untyped callbacks take their parameters' types from the function they are passed to, as
// TypeScript's contextual typing does: `options.logger` here is the pino logger ScheduleExecution hands it.
import type { Notify, Poll, ScheduleExecution } from './operations';

export const scheduleBlobExpiry = ({ scheduleExecution, notify, poll }: { scheduleExecution: ScheduleExecution; notify: Notify; poll: Poll }) => {
  scheduleExecution('*/6 * * * *', 'BlobExpiry', async (_, options) => {
    const { logger } = options;
    const items = await Promise.resolve([1, 2]);
    logger.info({ itemsCount: items.length }, 'expired items');
  });
  scheduleExecution('*/6 * * * *', 'BlobAudit', async (now, { logger }) => {
    logger.warn({ now: now.toISOString() }, 'audit at now');
  });
  notify((log) => {
    log.info({ time2: Date.now() }, 'notified');
  });
  // The context's `logger` is a string here, not a logger.
  poll((context) => {
    context.logger.concat(`polled ${Date.now()}`);
  });
};

// A callback passed to a function with no written type gets nothing.
export function run(schedule: any) {
  schedule('x', 'y', async (_: unknown, options: any) => {
    options.logger.info(`ran ${Date.now()}`);
  });
  schedule('x', 'y', async (_, options) => {
    options.logger.info(`ran ${Date.now()}`);
  });
}
