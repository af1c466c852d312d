// @case library=pino loggerModule=src/logger.ts path=src/display.ts
const console = { log: (message: string) => message };
const terminal = { info: (m: string) => m, error: (m: string) => m };

export function show() {
  console.log('a local object named console is not the console');
  terminal.info('nor is a method named info');
  terminal.error('or error');
}
