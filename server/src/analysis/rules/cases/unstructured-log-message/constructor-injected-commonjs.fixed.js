// @case library=pino path=src/queue.js
// The same in CommonJS: a class that is the module (`module.exports = Queue`) and one exported by name
// (`module.exports.Reporter = Reporter`), each constructed by another module with the project's logger.
class Queue {
  constructor(db, logger) {
    this.db = db;
    this.logger = logger;
  }

  add(monitor) {
    this.logger.info({ monitorUrl: monitor.url }, 'Added job for monitorUrl');
  }
}

class Reporter {
  constructor(log) {
    log.debug({ processPid: process.pid }, 'reporter');
  }
}

module.exports = Queue;
module.exports.Reporter = Reporter;
