// @case library=pino path=src/jobQueue.js
// A class whose constructor is handed the project's logger by the module that builds it (Checkmate's
// `new JobQueue(db, ..., logger)` in its entry, `this.logger = logger` in the constructor): the
// parameter holds that logger, so its calls are log calls. A parameter no module hands a logger holds
// nothing known (`notifier`).
class NewJobQueue {
  constructor(db, logger, notifier) {
    this.db = db;
    this.logger = logger;
    this.notifier = notifier;
  }

  async add(monitor) {
    await this.db.add(monitor);
    this.logger.info(`Added job for ${monitor.url}`);
                   //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    this.notifier?.info(`Added job for ${monitor.url}`);
  }
}

export class Mailer {
  constructor(log, url) {
    this.url = url;
    log.debug(`mailer for ${url}`);
            //~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }

  send(to) {
    return to;
  }
}

export default NewJobQueue;
