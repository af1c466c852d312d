// @case library=pino loggerModule=src/logger.ts
// The file that starts the server also prints the command's usage: its help text (a function named
// for it, commander's `--help` listener) is for the person who typed the command. What the server
// prints once it runs is the server's console.
import { logger } from '../logger';

type Program = { on(event: string, listener: () => void): void; outputHelp(): void };

const help = function () {
  console.log('  Usage:');
  console.log('    $ server path/to/config.json');
};

function printUsage(): void {
  console.log('usage: server [options]');
}

// The branch a `--help` or `--version` flag takes (code-server's entry): printed for the person who typed it.
export function main(args: { help?: boolean; version?: boolean; json?: boolean; verbose?: boolean }, version: string): void {
  if (args.help) {
    console.log(`Usage: server [options] [path]`);
    return;
  }
  if (args.version && !args.json) console.log(version);
  if (args.verbose) console.log(`verbose from ${version}`);
                  //~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}

export function configure(program: Program, start: () => Promise<string>): void {
  program.on('--help', () => {
    console.log('  Configure from the environment:');
  });
  if (process.argv.includes('-h')) help();
  if (process.argv.length < 3) printUsage();
  void start().then((url) => {
    console.log('server running on ' + url);
  //~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    logger.info('started');
  });
}
