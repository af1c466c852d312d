// Audiobookshelf's scan log: `addLog(level, message)` keeps the line and hands it to the logger.
const logger = require('../logger');

class LibraryScan {
  constructor() {
    this.logs = [];
  }

  addLog(level, message) {
    this.logs.push({ level, message });
    logger.debug(message);
  }
}

module.exports = LibraryScan;
