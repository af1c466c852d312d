// @case library=pino path=src/scanner/PodcastScanner.js
// A file whose only log calls go through a parameter its JSDoc types by a required class's name
// (`@param {LibraryScan} scan`, no `import(...)` type and no level method anywhere) is still read.
const LibraryScan = require('./LibraryScan');

class PodcastScanner {
  /**
   * @param {LibraryScan} scan
   * @param {string} title
   */
  rescan(scan, title) {
    scan.addLog(1, `Updating podcast "${title}"`);
                 //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    return LibraryScan;
  }
}

module.exports = new PodcastScanner();
