// @case path=src/command-line/users/add.ts rules=unstructured-log-message,error-not-serialized
// The Lounge's `thelounge add <name>`: a commander command whose action asks for a password in a
// callback and then calls a function of the file: all of it runs in the operator's terminal, through
// the project's console-backed logger: quiet, the error printed as text too. What the server also calls is checked.
import { Command } from 'commander';
import log from '../../log';

declare function prompt(options: { text: string }, callback: (err: Error | null, password: string) => void): void;

const program = new Command('add');
program.argument('<name>', 'name of the user').action(function (name: string) {
  log.info(`Adding ${name}`);
  prompt({ text: 'Enter password:' }, (err, password) => {
    if (err) {
      log.error(`${err}`);
      return;
    }
    add(name, password).catch((e) => log.error(`${e}`));
  });
});

async function add(name: string, password: string) {
  await Promise.resolve(password);
  log.info(`User ${name} created.`);
}

export function created(name: string) {
  log.info(`User ${name} created by the server.`);
         //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export default program;
