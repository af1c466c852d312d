// @case library=winston loggerModule=src/logger.ts path=src/runner.ts
// Nango's runner passes a child process's output through raw, and says so in a comment; so does
// matrix-appservice-irc's crash handler, writing to stderr before winston: the fix is offered, not
// applied. A comment that says nothing of the kind changes nothing.
import { logger } from './logger';

export function pipe(child: { stdout: { on(e: string, f: (d: Buffer) => void): void } }): void {
  child.stdout.on('data', (data) => {
    // used on purpose to not append jobs formatting to runner

    console.log(`[Runner] ${data.toString().slice(0, -1)} `);
  });
  console.warn('runner started'); // intentionally raw: the supervisor parses this line
  process.on('uncaughtException', (e) => {
    // Log to stderr first and foremost, to avoid any chance of us missing a flush.
    console.error('FATAL EXCEPTION');
    logger.error('FATAL EXCEPTION', e);
  });
  // the runner is ready
  logger.info('runner ready');
  logger.info('piping');
}

// A class field's arrow has no statement of its own: the file's header comment above (which names
// stderr) says nothing of it, and its fix is applied.
export class Child {
  onExit = (code: number) => logger.info('child exited', { code });
}
