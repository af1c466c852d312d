// @case library=pino path=src/queue.js
// The same in CommonJS: a class that is the module (`module.exports = Queue`) and one exported by name
// (`module.exports.Reporter = Reporter`), each constructed by another module with the project's logger.
class Queue {
  constructor(db, logger) {
    this.db = db;
    this.logger = logger;
  }

  add(monitor) {
    this.logger.info(`Added job for ${monitor.url}`);
                   //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }
}

class Reporter {
  constructor(log) {
    log.debug(`reporter ${process.pid}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }
}

module.exports = Queue;
module.exports.Reporter = Reporter;
