// @case path=src/command-line/start.ts rules=unstructured-log-message
// The Lounge's `thelounge start`: a command named for starting the service runs the server in this
// process, so its action and what only it calls are the server's start, checked as service code;
// another command's action (`thelounge install`) is the operator's terminal.
import { Command } from 'commander';
import log from '../log';

declare function startServer(options: { dev?: boolean }): void;

const program = new Command('start');
program
  .description('Start the server')
  .option('--dev', 'Development mode')
  .action(function (options: { dev?: boolean }) {
    initialiseConfig(options);
    startServer(options);
  });

function initialiseConfig(options: { dev?: boolean }) {
  log.info(`Configuration created for ${options.dev ? 'development' : 'production'} at ${process.cwd()}.`);
         //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export const install = new Command('install').argument('<package>').action((name: string) => {
  log.info(`Installing ${name}`);
});

export default program;
