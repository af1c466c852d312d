// @case library=log4js path=app/core/service/PackageSyncerService.ts rules=unstructured-log-message,error-not-serialized
// cnpmcore's services get Egg's logger injected (`@Inject() private readonly logger: Logger` from
// 'egg'): the message first, the arguments after it util.format()ted into the text, as log4js does.
import { Inject, Logger } from 'egg';

export class PackageSyncerService {
  @Inject()
  private readonly logger: Logger;

  async sync(fullname: string, taskId: string): Promise<void> {
    this.logger.info('[PackageSyncerService.sync:start] taskId: %s, fullname: %s', taskId, fullname);
                   //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
    try {
      await Promise.resolve(fullname);
    } catch (err) {
      this.logger.error(err);
    }
  }
}
