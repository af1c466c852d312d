// @case library=winston loggerModule=src/logger.ts path=src/plugins.ts
// NocoBase's plugin manager logs through its app's logger (`this.app.log`): a console call in the
// class is moved there, beside the calls it already makes, not to the process-wide logger. In a
// plain function of the file, `this` is not the class: the module logger is imported there.
import type { Logger } from 'winston';

export class PluginManager {
  constructor(private app: { log: Logger }) {
    // While the instance is built the app may not be set yet: the module logger is imported here.
    console.log('creating plugin manager');
//  ~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }

  remove(name: string): void {
    this.app.log.debug('removing plugin', { name });
    console.log('realDir', name);
//  ~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }

  disable(name: string): void {
    this.app.log.info('disabled', { name });
  }

  // In a static method `this` is the class: no app there, so the module logger is imported.
  static async findPackage(name: string): Promise<void> {
    console.log('plugin not found locally', name);
//  ~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }

  // A static block's `this` is the class too.
  static {
    console.log('plugin manager loaded');
//  ~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}

export function orphan(name: string): void {
  console.warn('orphan plugin', { name });
//~~~~~~~~~~~~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
