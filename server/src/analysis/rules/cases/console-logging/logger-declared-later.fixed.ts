// @case library=pino path=src/server/index.ts
// NodeCG's server/index.ts: a top-level `console.info` above `const log = createLogger(...)`. The
// logger is not set yet when that line runs (a `const` in its temporal dead zone), so no fix writes
// to it there; a function declared above it runs later, when it is set, and may.
import pino from 'pino';

if (process.env.SENTRY_DSN) {
  console.info('[server] Sentry enabled.');
}

// Run where they are written: called at once, or handed to forEach.
(() => {
  console.info('[server] booting');
})();
['a', 'b'].forEach((name) => {
  console.info(name);
});

export function shutdown() {
  log.info('[server] shutting down');
}

const log = pino({ name: 'server' });
log.info('server module loaded');
