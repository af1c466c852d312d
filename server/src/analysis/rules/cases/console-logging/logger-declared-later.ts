// @case library=pino path=src/server/index.ts
// NodeCG's server/index.ts: a top-level `console.info` above `const log = createLogger(...)`. The
// logger is not set yet when that line runs (a `const` in its temporal dead zone), so no fix writes
// to it there; a function declared above it runs later, when it is set, and may.
import pino from 'pino';

if (process.env.SENTRY_DSN) {
  console.info('[server] Sentry enabled.');
//~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}

// Run where they are written: called at once, or handed to forEach.
(() => {
  console.info('[server] booting');
//~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
})();
['a', 'b'].forEach((name) => {
  console.info(name);
//~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
});

export function shutdown() {
  console.info('[server] shutting down');
//~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}

const log = pino({ name: 'server' });
log.info('server module loaded');
