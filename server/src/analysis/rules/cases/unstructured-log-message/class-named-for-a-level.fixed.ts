// @case library=pino loggerModule=src/logger.ts path=src/info.ts
// A class named for logging makes its methods log helpers whatever their names (Leon's LogHelper); a
// class named for a level's word is not one (an `InfoService` fetching and logging what it fetched):
// calling its method with a template is no log call.
import { logger } from './logger';

export class InfoService {
  fetch(path: string) {
    logger.debug({ path }, '[InfoService]');
    return path;
  }

  load(id: string) {
    return this.fetch(`/users/${id}`);
  }
}
