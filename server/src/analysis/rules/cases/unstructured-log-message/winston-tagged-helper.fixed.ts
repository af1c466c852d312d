// @case library=winston loggerModule=src/logger.ts path=api/lib/ZwaveClient.ts type=module
// A log helper that puts a tag before its caller's message and hands on the level and further
// arguments (zwave-js-ui's `logNode(node, level, message, ...args)`): its callers' messages are
// checked where they are written. The tag itself (the node's id) is a value in the text.
import { logger } from '../../src/logger';

type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export class ZwaveClient {
  private logNode(node: { id: number } | number, level: LogLevel, message: string, ...args: unknown[]) {
    const nodeId = typeof node === 'number' ? node : node.id;
    logger.log(level, `[Node ${String(nodeId).padStart(3, '0')}] ${message}`, ...args);
  }

  async refresh(node: { id: number }, fetch: () => Promise<number[]>) {
    try {
      const groups = await fetch();
      this.logNode(node, 'info', `Fetched ${groups.length} groups`);
      this.logNode(node, 'debug', 'groups refreshed', { count: groups.length });
    } catch (error) {
      this.logNode(node, 'warn', `Error while fetching groups: ${(error as Error).message}`);
    }
  }
}

// A helper whose template holds its parameter in the middle (`done ${what} now`) builds a message of
// its own: no wrapper, and its callers' arguments are no log messages.
export function note(what: string) {
  logger.info('done now', { what });
}
note(`a ${process.pid}`);
