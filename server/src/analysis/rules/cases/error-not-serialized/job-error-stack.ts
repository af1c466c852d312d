// @case library=winston path=src/workers/crawler.ts rules=error-not-serialized
// Karakeep's queue workers print a failed job's error and then its stack in the message
// (`${job.error}\n${job.error.stack}`): a member whose stack is read is an Error, logged as text. A
// `res.error` printed alone may be any text, and is not reported.
import winston from 'winston';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

interface Job {
  id: string;
  error: Error;
}

export function onError(job: Job) {
  logger.error(`[Crawler][${job.id}] Crawling job failed: ${job.error}\n${job.error.stack}`);
                                                          //~~~~~~~~~ [error-not-serialized] `job.error` logs the error as text, which loses its stack and type; log the error object instead.
}

export function onReply(res: { error: string }) {
  logger.warn(`request failed: ${res.error}`);
}
