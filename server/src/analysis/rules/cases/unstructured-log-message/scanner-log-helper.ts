// @case library=winston path=server/plexScanner.ts rules=unstructured-log-message,error-not-serialized
// Overseerr's scanners log through `this.log(message, level, fields)`, a method of their base class
// in another file that hands its arguments to `logger[level](message, { label, ...optional })`, the
// level a parameter typed as a union of level names (or an alias of one); an overloaded helper's
// implementation is the one read. Each call is a log call
// with the caller's message and fields: both are checked; no fix (the helper decides the form).
import BaseScanner from './baseScanner';

class PlexScanner extends BaseScanner {
  async processItem(title: string, ratingKey: string) {
    try {
      this.log(`Processing Plex item ${title}`, 'info');
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
      this.log('Processed Plex item', 'debug', { title, ratingKey });
      this.note(`Done with ${ratingKey}`, 'info');
              //~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
      this.say(`Scanned ${title}`);
             //~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    } catch (e) {
      this.log('Failed to process Plex item', 'error', { errorMessage: e.message, title });
                                                                     //~~~~~~~~~ [error-not-serialized] `e.message` logs the error as text, which loses its stack and type; log the error object instead.
    }
  }

  private tally(count: number) {
    // A method of its own named log would hide the base class's: `this.report` is no log call here.
    this.report(`Counted ${count}`);
  }

  private report(text: string): string {
    return text.trim();
  }
}

export default PlexScanner;
