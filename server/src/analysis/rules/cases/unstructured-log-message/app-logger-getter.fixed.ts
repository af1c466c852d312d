// @case library=winston path=src/plugin-manager.ts rules=unstructured-log-message
// NocoBase: the application's logger is a winston logger behind a Proxy, typed with an interface
// whose levels are a named function type (`info: logMethod`), kept in a protected field and handed
// out by getters (`get logger() { return this._logger; }`). (`notice` writes through a logger of its own.)
import Application from './application';

export class PluginManager {
  app: Application;

  constructor(app: Application) {
    this.app = app;
  }

  load(name: string, current: number, total: number) {
    this.app.notice(`before load plugin [${name}], ${current}/${total}`);
    this.app.logger.debug('before load plugin', { name });
    this.app.log.info('plugin loaded', { name });
  }
}
