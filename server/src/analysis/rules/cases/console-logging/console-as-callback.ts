// @case library=pino loggerModule=src/logger.ts
// Console's method handed over as a callback (`start().catch(console.error)`) writes what it is
// given as console output: reported, without a fix. A logger's method, or console called inside a
// function of the project's, is not this finding.
import { logger } from '../logger';

async function start(): Promise<void> {
  logger.info('starting');
}

start().catch(console.error);
            //~~~~~~~~~~~~~ [console-logging] console.error as a callback in service code writes what it is given as unstructured text; pass a function that logs with the project's logger.
process.on('unhandledRejection', console.warn);
                               //~~~~~~~~~~~~ [console-logging] console.warn as a callback in service code writes what it is given as unstructured text; pass a function that logs with the project's logger.
process.on('uncaughtException', (err) => logger.fatal(err, 'uncaught'));
start().catch(logger.error.bind(logger));
