// @case library=pino loggerModule=src/logger.ts
// What runs only when the file is executed directly (`node tsort.js`) is a command's output, not the
// server's: the branch of `require.main === module` or `process.argv[1] === __filename`, and the file's
// own functions called only from there (Etherpad's tsort.ts runs its self-test so). The same function
// called by the server too stays service code.
import { logger } from '../logger';

export function sort(items: string[]): string[] {
  return [...items].sort();
}

const selfTest = () => {
  try {
    console.log('succeeded', sort(['b', 'a']));
  } catch (e) {
    console.log('failed', (e as Error).message);
  }
};

function report(result: string[]): void {
  console.log('sorted', result.length);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}

export function sortAndReport(items: string[]): void {
  report(sort(items));
  logger.info('sorted');
}

if (typeof exports === 'object') {
  if (process.argv[1] === __filename) selfTest();
}

if (require.main === module) {
  console.log('usage: tsort <items...>');
  report(sort(process.argv.slice(2)));
}
