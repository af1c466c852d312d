// @case library=pino path=src/service/hooks.ts
// Logto's ConsoleLog: a class whose level methods are arrows in class fields, passing their rest
// parameter on to a sibling (`this.plain(prefix, ...args)`) or through a helper that puts a prefix in
// front (`console.log(...this.getArgs(args))`). An instance made from the imported class, and a
// parameter typed with it, log through it: their messages are checked; no fix (the class decides).
import chalk from 'chalk';
import { ConsoleLog } from '../shared/index.js';
import { getConsoleLogFromContext } from '../shared/context.js';

const consoleLog = new ConsoleLog('hooks');

export function trigger(hookId: string, event: string) {
  consoleLog.info(`Triggering hook ${hookId} due to ${event} event`);
                //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  consoleLog.info('Hook triggered', { hookId, event });
  consoleLog.info(chalk.bold(`Hook ${hookId} is running`));
                //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export function retry(log: ConsoleLog, hookId: string) {
  log.warn(`Retrying hook ${hookId}`);
         //~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

// A function of another module whose written return type is the class: its result logs through it.
export function remove(ctx: object, userId: string) {
  getConsoleLogFromContext(ctx).warn(`Failed to revoke sessions of ${userId}`);
                                   //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  getConsoleLogFromContext(ctx).warn('Failed to revoke sessions', { userId });
}
