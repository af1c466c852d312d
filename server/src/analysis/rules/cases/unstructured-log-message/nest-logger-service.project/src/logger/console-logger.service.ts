import { Injectable, LoggerService, Scope } from '@nestjs/common';

// HedgeDoc's own Nest logger: it writes to stdout itself, with Nest's method names and arguments.
@Injectable({ scope: Scope.TRANSIENT })
export class ConsoleLoggerService implements LoggerService {
  private classContext: string | undefined;

  setContext(context: string): void {
    this.classContext = context;
  }

  error(message: unknown, trace = '', functionContext?: string): void {
    process.stdout.write(`${this.classContext}.${functionContext} ${String(message)}\n${trace}\n`);
  }

  log(message: unknown, functionContext?: string): void {
    process.stdout.write(`${this.classContext}.${functionContext} ${String(message)}\n`);
  }

  warn(message: unknown, functionContext?: string): void {
    process.stdout.write(`${this.classContext}.${functionContext} ${String(message)}\n`);
  }

  debug(message: unknown, functionContext?: string): void {
    process.stdout.write(`${this.classContext}.${functionContext} ${String(message)}\n`);
  }
}
