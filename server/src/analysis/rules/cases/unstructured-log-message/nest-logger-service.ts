// @case path=src/alias/alias.service.ts type=module
// A class of the project that implements Nest's LoggerService (HedgeDoc's ConsoleLoggerService,
// injected into every service) is a Nest logger: its calls are checked as Nest Logger calls are.
import { Injectable } from '@nestjs/common';
import { ConsoleLoggerService } from '../logger/console-logger.service';
import { Logger } from '../logger/facade';

@Injectable()
export class AliasService {
  constructor(private readonly logger: ConsoleLoggerService) {
    this.logger.setContext(AliasService.name);
  }

  async addAlias(noteId: string, alias: string): Promise<void> {
    this.logger.debug(`The alias '${alias}' is already used by note ${noteId}`, 'addAlias');
                    //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    this.logger.log('alias added', 'addAlias');
    // A static facade that implements LoggerService too keeps its static log helpers.
    Logger.info(`Alias ${alias} added`, 'AliasService');
              //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }
}
