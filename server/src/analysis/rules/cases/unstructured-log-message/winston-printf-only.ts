// @case library=winston loggerModule=src/logger.ts path=src/jobs.ts rules=unstructured-log-message,console-logging
// The project's winston format prints only timestamp, level and message: values moved into fields,
// or a stack the message printed, would not be written, so the rewrite is offered but never applied by fix-all.
import chalk from 'chalk';
import { logger } from './logger';

export function finished(jobId: string, error: Error) {
  logger.info(`job ${jobId} finished`);
//            ~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.error('job failed: ' + error.message);
//             ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  // The message printed the stack (Karakeep's crawler): as the error argument, only its message is written.
  logger.error(`browser connection failed, will retry: ${error.stack}`);
//             ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  // The ids are already fields (Langfuse's ingestion), but fields are not written: the message is the only place they show.
  logger.warn(`tokenization failed for ${jobId}`, { jobId });
//            ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  // Text in colour is text: only the error leaves the message, so nothing goes unwritten.
  logger.error(`job ${chalk.red('failed')}: ${error.message}`);
//             ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  try {
    start();
  } catch (err) {
    // console printed the stack; the format prints the message only.
    console.error('start failed', err);
//  ~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}

function start(): void {}
