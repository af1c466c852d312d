// @case library=winston loggerModule=src/logger.ts path=src/jobs.ts rules=unstructured-log-message,console-logging
// The project's winston format prints only timestamp, level and message: values moved into fields,
// or a stack the message printed, would not be written, so the rewrite is offered but never applied by fix-all.
import { logger } from './logger';

export function finished(jobId: string, error: Error) {
  logger.info(`job ${jobId} finished`);
  logger.error('job failed', error);
  // The message printed the stack (Karakeep's crawler): as the error argument, only its message is written.
  logger.error(`browser connection failed, will retry: ${error.stack}`);
  // The ids are already fields (Langfuse's ingestion), but fields are not written: the message is the only place they show.
  logger.warn(`tokenization failed for ${jobId}`, { jobId });
  // Text in colour is text: only the error leaves the message, so nothing goes unwritten.
  logger.error('job failed', error);
  try {
    start();
  } catch (err) {
    // console printed the stack; the format prints the message only.
    console.error('start failed', err);
  }
}

function start(): void {}
