// @case library=pino loggerModule=src/logger.ts
// Constant text in a terminal colour (`chalk.green('npm run deploy')`, `chalk.bold(chalk.blue(...))`)
// is constant text: the message is the same every time. A coloured run-time value is not. The `colors`
// package is one of these libraries (Juice Shop's `colors.red('ERROR')`).
import chalk from 'chalk';
import colors from 'colors/safe';
import { logger } from '../logger';

export function precheck(pending: number, key: string) {
  logger.error(`Found undeployed alterations, deploy them first with ${chalk.green('npm run alteration deploy')}.`);
  logger.warn(`${chalk.bold(chalk.yellow('warn'))} the database is read-only`);
  logger.warn(`${chalk.yellow(key)} is missing`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info(`${pending} alterations pending`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export function validated(env: string) {
  logger.warn(`Configuration validated (${colors.red('ERROR')})`);
  logger.info(`Configuration ${colors.bold(env)} validated`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

// A condition picking the colour of one value: the field is the value, named for it, not for a colour.
export function cheat(score: number) {
  logger.info(`Cheat score: ${score < 0.5 ? colors.green(score.toString()) : colors.red(score.toString())}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

// The message's first word chosen between coloured words is its verb: taken out, the message would say
// only "star" (Juice Shop's solved challenges). Offered, not applied.
export function solved(isRestore: boolean, difficulty: number, key: string) {
  logger.info(`${isRestore ? colors.grey('Restored') : colors.green('Solved')} ${difficulty}-star ${key}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
