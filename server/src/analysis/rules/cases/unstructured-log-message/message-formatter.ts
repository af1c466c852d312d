// @case library=nestjs path=src/providers/provider.ts
// A message made by a function of the file that writes its argument into a template of its own
// (Novu's in-memory providers: `this.descriptiveLogMessage(\`Is being delayed ${times} times\`)`):
// the argument is what the message says: reported at the formatter's call, with no fix (the formatter
// decides the message's shape).
import { Logger } from '@nestjs/common';

const LOG_CONTEXT = 'Provider';

const tagged = (message: string) => `[cache] ${message}`;

export class Provider {
  constructor(private readonly providerId: string) {}

  private descriptiveLogMessage(message: string): string {
    return `[Provider: ${this.providerId}] ${message}`;
  }

  retry(times: number): void {
    Logger.warn(this.descriptiveLogMessage(`Is being delayed ${times} times`), LOG_CONTEXT);
              //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    Logger.log(this.descriptiveLogMessage('Connected'), LOG_CONTEXT);
    Logger.log(tagged('warmed up ' + times), LOG_CONTEXT);
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  }
}
