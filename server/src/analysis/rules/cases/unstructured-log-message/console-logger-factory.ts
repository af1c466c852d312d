// @case path=src/apps.ts rules=unstructured-log-message
// Umbrel: a logger factory of the project's own returns an object of helpers that print with
// console through a styling tag (`` chalkTemplate`{blue [${scope}]} ${message}}` ``); the daemon
// keeps one in a member, and each module makes a child of it, typed `Daemon['logger']`.
import type Daemon from './index.js';
import type createLogger from './utilities/logger.js';

export default class Apps {
  logger: Daemon['logger'];
  constructor(daemon: Daemon) {
    this.logger = daemon.logger.createChildLogger('apps');
  }

  async install(appId: string) {
    this.logger.log('installing');
    try {
      this.logger.verbose(`Installing ${appId}`);
                        //~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    } catch (error) {
      this.logger.error(`Failed to install ${appId}`, error);
                      //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    }
  }
}

export function report(logger: ReturnType<typeof createLogger>, count: number) {
  logger.log(`${count} apps`);
           //~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
