// @case library=pino loggerModule=src/logger.ts
// A value glued to the text beside it is part of a larger token (a URL, a version, a file name, a
// ratio, a plural): the message left without it reads wrong, so the rewrite is offered, not applied.
import { logger } from '../logger';

export function report(host: string, port: number, version: string, name: string, done: number, total: number, type: string, delay: number) {
  logger.info(`Listening on http://${host}:${port}`);
  logger.info(`Starting v${version}`);
  logger.info(`Wrote ${name}.json`);
  logger.info(`Processed ${done}/${total}`);
  logger.info(`Deleted the ${type}s`);
  // Separated values, and a glued unit of a time, still get the rewrite fix-all applies.
  logger.info(
    { delaySeconds: delay, port },
    'Retrying in delaySeconds on port'
  );
}

export function missingServer(is4k: boolean) {
  logger.warn(`There is no default ${is4k ? '4K ' : ''}Radarr server configured`);
}

export function ready(port: number) {
  logger.info(`API ready at http://localhost:${port}`);
}

export function cjk(userId: string, stage: string) {
  // Chinese and Japanese run on without spaces: a value there is not glued to the letters beside it.
  logger.info({ userId }, '用户 已登录');
  // A glued `s` after a word that is no time is a plural (`stage` is not `age`).
  logger.info(`Finished the ${stage}s`);
}
