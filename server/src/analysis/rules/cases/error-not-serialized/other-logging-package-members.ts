// @case path=src/node/wrapper.ts type=module rules=unstructured-log-message,error-not-serialized
// code-server's loggers of `@coder/logger` (a logging package the model knows by its name only):
// a field typed with the package's `Logger` and assigned in the constructor, an abstract one, the
// logger field of an instance chosen between two classes, the package's `field(name, value)` helper,
// and a helper whose parameter is typed with a logger's `error` method alone.
import { field, Logger, logger } from '@coder/logger';

export class CodeServer {
  public readonly logger: Logger;
  constructor(name: string) {
    this.logger = logger.named(name);
  }
  watch(proc: { on(event: 'error', listener: (error: Error) => void): void }) {
    proc.on('error', (error) => {
      this.logger.error(error.message);
                      //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
                      //~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
    });
  }
}

abstract class Process {
  public abstract logger: Logger;
  preventExit(code: number) {
    this.logger.warn(`process.exit() was prevented: ${code}.`);
                   //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }
}
class ChildProcess extends Process {
  public logger = logger.named(`child:${process.pid}`);
}
class ParentProcess extends Process {
  public logger = logger.named(`parent:${process.pid}`);
}

export const wrapper = process.env.PARENT_PID ? new ChildProcess() : new ParentProcess();

process.on('uncaughtException', (error) => {
  wrapper.logger.error(`Uncaught exception: ${error.message}`);
                     //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
                                            //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
});

export async function latest(fetchVersion: () => Promise<string>) {
  try {
    return await fetchVersion();
  } catch (error: any) {
    logger.error('Failed to get latest version', field('error', error.message));
                                                              //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
    logger.debug('got latest version', field('latest', error.version));
  }
}

export function logError(log: { error: (msg: string) => void }, prefix: string, err: unknown): void {
  if (err instanceof Error) {
    log.error(`${prefix}: ${err.message} ${err.stack}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
                          //~~~~~~~~~~~ [error-not-serialized] `err.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
}

// Level methods alone make a logger only of a parameter named for one; nor is a type with other members.
export function report(reporter: { error: (msg: string) => void }, logger: { error(msg: string): void; count: number }, prefix: string) {
  reporter.error(`${prefix}: failed`);
  logger.error(`${prefix}: failed`);
}
