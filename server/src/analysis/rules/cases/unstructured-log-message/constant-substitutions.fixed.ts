// @case library=winston path=src/broker.ts
// A template whose substitutions are all constants (a module's `const` number or string) writes the
// same words every time: no finding. A value computed at run time beside them is one, and so is a
// number a `let` starts with (a counter), or a loop's index.
import winston from 'winston';

const log = winston.createLogger({});
const BUFFER_TIMEOUT_MS = 5000;
const UNIT = 'ms';

export function timedOut(requestId: string, pages: number[]) {
  log.warn(`Request took >${BUFFER_TIMEOUT_MS}${UNIT} to complete.`);
  log.warn('Request took > to complete.', {
    requestId,
    bufferTimeoutMs: BUFFER_TIMEOUT_MS,
    unit: UNIT,
  });
  let cleaned = 0;
  for (const p of pages) cleaned += p;
  log.info('Cleaned pages', { cleaned });
  for (let i = 0; i < pages.length; i++) log.debug('Merging iteration', { iteration: i + 1 });
}

// A readonly field set to text where it is declared (Leon's synthesizers: `readonly name = 'Amazon
// Polly TTS Synthesizer'`) is constant too; one without its text (a base class's) is not.
export class PollySynthesizer {
  protected readonly name = 'Amazon Polly TTS Synthesizer';

  fail() {
    log.error(`${this.name} - Client is not defined yet`);
  }
}

export abstract class SynthesizerBase {
  protected abstract readonly name: string;

  fail() {
    log.error('Client is not defined yet', { name: this.name });
  }
}

