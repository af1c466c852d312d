import type { Logger } from 'pino';

export type ScheduleExecution = (
  cronExpression: string,
  taskName: string,
  callback: (scheduledTime: Date, context: { logger: Logger; attempt: number }) => Promise<void>,
) => void;

export type Notify = (callback: (log: Logger) => void) => void;

export type Poll = (callback: (context: { logger: string }) => void) => void;
