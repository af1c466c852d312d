// @case library=pino path=src/scanner/BookScanner.js
// A module that is a class (`module.exports = LibraryScan`) gives the class when required, so `new
// LibraryScan()` is an instance whose log helpers are log calls whatever their names. A JavaScript
// parameter whose JSDoc names that module (`@param {import('./LibraryScan')} libraryScan`, Audiobookshelf's
// scanners), or the class's name as the file requires it (`@param {LibraryScan} scan`), holds an
// instance too; a parameter nothing documents so is not followed (`scan` of `{object}`).
const LibraryScan = require('./LibraryScan');

class BookScanner {
  /**
   * @param {import('./LibraryScan')} libraryScan
   * @param {string} title
   */
  rescan(libraryScan, title) {
    libraryScan.addLog(1, `Updating book "${title}"`);
                        //~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }

  /**
   * @param {LibraryScan} scan
   */
  again(scan, title) {
    scan.addLog(1, `Again ${title}`);
                 //~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }

  /** @param {object} scan */
  other(scan, title) {
    scan.addLog(1, `Other book "${title}"`);
  }

  run(title) {
    const scan = new LibraryScan();
    scan.addLog(1, `Scanning ${title}`);
                 //~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }
}

module.exports = new BookScanner();
