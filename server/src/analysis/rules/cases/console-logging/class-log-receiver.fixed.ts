// @case library=winston loggerModule=src/logger.ts path=src/plugins.ts
// NocoBase's plugin manager logs through its app's logger (`this.app.log`): a console call in the
// class is moved there, beside the calls it already makes, not to the process-wide logger. In a
// plain function of the file, `this` is not the class: the module logger is imported there.
import type { Logger } from 'winston';
import { logger } from './logger';

export class PluginManager {
  constructor(private app: { log: Logger }) {
    // While the instance is built the app may not be set yet: the module logger is imported here.
    logger.info('creating plugin manager');
  }

  remove(name: string): void {
    this.app.log.debug('removing plugin', { name });
    this.app.log.info('realDir', { name });
  }

  disable(name: string): void {
    this.app.log.info('disabled', { name });
  }

  // In a static method `this` is the class: no app there, so the module logger is imported.
  static async findPackage(name: string): Promise<void> {
    logger.info('plugin not found locally', { name });
  }

  // A static block's `this` is the class too.
  static {
    logger.info('plugin manager loaded');
  }
}

export function orphan(name: string): void {
  logger.warn('orphan plugin', { name });
}
