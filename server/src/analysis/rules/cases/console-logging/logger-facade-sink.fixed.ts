// @case library=winston path=src/logging/Logger.ts
import winston from 'winston';

// The project's logger itself: outside production its error() prints with console. That console
// output is the logger's own sink, not a call that bypasses it: nothing to report here. A helper
// that only wraps console (`print` below) is no logger, and its console call is reported.
class Logger {
  output: winston.Logger = winston.createLogger();
  production = process.env.NODE_ENV === 'production';

  error(message: string, error: Error) {
    if (this.production) {
      this.output.error(message, { stack: error.stack });
    } else {
      console.error(message);
      console.error(error);
    }
  }

  print(message: string) {
    this.output.info(message);
  }
}

export default new Logger();

// A crash listener that logs the error and echoes it to stderr is no helper of the logger (the emitter
// hands it the error, nobody calls it with a message): its console call is reported (CodiMD's app.js).
const crashLog = winston.createLogger();
process.on('uncaughtException', function (err: Error) {
  crashLog.error(err);
  console.error(err);
  process.exit(1);
});


// A helper made through a wrapper (`throttle(fn)`) is a helper still: its console echo is its sink.
function throttle<T>(fn: T): T {
  return fn;
}
export const note = throttle((message: string) => {
  crashLog.info(message);
  console.log(message);
});
