// @case library=bunyan path=src/worker.js
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'worker' });

log.info({ jobId: 7 }, 'job done');
log.info({ jobId: 7 }, 'job done');
