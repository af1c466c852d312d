// @case library=nestjs path=src/users/users.service.ts
// NestJS's Logger.error(message, stack) takes the stack as its own argument: passing `err.stack`
// with `err.message` is its idiom and keeps the stack. The message alone, or `${err}`, loses it.
import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  async load(fetch: () => Promise<void>) {
    try {
      await fetch();
    } catch (err) {
      this.logger.error((err as Error).message, (err as Error).stack);
      this.logger.error((err as Error).message);
                      //~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(err as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
      this.logger.warn(`load failed: ${err}`);
                                     //~~~ [error-not-serialized] `err` logs the error as text, which loses its stack and type; log the error object instead.
      this.logger.error('load failed', err);
                                     //~~~ [error-not-serialized] NestJS's Logger.error takes the stack as its second argument: the error `err` there is printed as text and its stack is lost; pass its `.stack`.
      this.logger.error('load failed', (err as Error).stack);
      this.logger.error('load failed', err, 'PagesService');
                                     //~~~ [error-not-serialized] NestJS's Logger.error takes the stack as its second argument: the error `err` there is printed as text and its stack is lost; pass its `.stack`.
      this.logger.error('load failed', (err as Error).stack, 'PagesService');
    }
  }

  async cleanup(pageId: string, remove: () => Promise<void>) {
    try {
      await remove();
    } catch (error) {
      // Both guarded (Docmost's trash clean-up): the stack still goes beside the text.
      this.logger.error(`Failed to clean up page ${pageId}: ${error instanceof Error ? error.message : 'Unknown error'}`, error instanceof Error ? error.stack : undefined);
      this.logger.warn('clean-up failed, retrying', error);
                                                  //~~~~~ [error-not-serialized] NestJS's Logger.warn takes further messages and a context after its message, not an error: `error` there is printed as text (or dropped by nestjs-pino) and its stack is lost; pass its stack (`error.stack`), or with nestjs-pino the error in an object first (`{ err: error }`).
      // The text made a few lines up, the stack beside it (Vendure's asset preview): kept.
      const message: string = typeof (error as Error).message === 'string' ? (error as Error).message : String(error);
      this.logger.error(`Could not clean up page ${pageId}: ${message}`, (error as Error).stack);
      this.logger.error(error instanceof Error ? error.message : 'Unknown error');
                      //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `error instanceof Error ? error.message : 'Unknown error'` logs the error as text, which loses its stack and type; log the error object instead.
    }
  }
}

// Process-wide listeners are handed what was thrown or rejected: an error (Docmost's main.ts).
const processLogger = new Logger('NestApplication');
process.on('unhandledRejection', (reason) => {
  processLogger.error(`UnhandledRejection, reason: ${reason}`);
                                                   //~~~~~~ [error-not-serialized] `reason` logs the error as text, which loses its stack and type; log the error object instead.
});
export function textOf(err: Error) {
  processLogger.warn('jsonToText' + err?.['message']);
                                  //~~~~~~~~~~~~~~~~ [error-not-serialized] `err?.['message']` logs the error as text, which loses its stack and type; log the error object instead.
}
