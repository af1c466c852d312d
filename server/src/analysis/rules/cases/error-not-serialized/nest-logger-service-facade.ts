// @case library=nestjs path=src/conversation.service.ts rules=error-not-serialized,unstructured-log-message
// Amplication's AmplicationLogger implements Nest's LoggerService but hands its calls to a winston
// logger of the project's (`error(message, error?, ...args)`, with errors({ stack: true })): an error
// passed second is kept whole, not printed as Nest's stack text; the error's text as the message is
// still as many messages as errors.
import { Injectable } from '@nestjs/common';
import { AppLogger } from './logger.service';

@Injectable()
export class ConversationService {
  constructor(private readonly logger: AppLogger) {}

  async start(run: () => Promise<string>): Promise<string | null> {
    try {
      return await run();
    } catch (error) {
      this.logger.error((error as Error).message, error as Error);
                      //~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message (the error is already in the record).
      return null;
    }
  }
}
