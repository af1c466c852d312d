// @case library=winston path=src/lib/logger/Logger.ts rules=unstructured-log-message
// express-typescript-boilerplate's Logger: a class over winston's default logger whose private `log`
// writes the instance's scope before its caller's message (`` `${this.formatScope()} ${message}` ``).
// That tag is the logger's own: the messages are checked where its level methods are called.
import * as winston from 'winston';

export class Logger {
  private scope: string;

  constructor(scope?: string) {
    this.scope = scope ?? 'app';
  }

  public info(message: string, ...args: unknown[]): void {
    this.log('info', message, args);
  }

  public error(message: string, ...args: unknown[]): void {
    this.log('error', message, args);
  }

  private log(level: string, message: string, args: unknown[]): void {
    if (winston) {
      (winston as any)[level](`${this.formatScope()} ${message}`, args);
    }
  }

  private formatScope(): string {
    return `[${this.scope}]`;
  }
}

export function start(port: number, error: Error): void {
  const log = new Logger(__filename);
  log.info('Server started', { port });
  log.error('Server failed: ' + error);
}

// Another class's `log` writing its own members before the message (`[user ${this.userId}]`) writes
// a value of its own into the text: no logger's tag.
export class ImportJob {
  constructor(private readonly userId: string) {}

  log(message: string): void {
    (winston as any).info('user', { userId: this.userId, message2: message });
  }
}
