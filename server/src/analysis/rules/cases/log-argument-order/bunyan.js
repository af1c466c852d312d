// @case library=bunyan path=src/worker.js
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'worker' });

log.info('job done', { jobId: 7 });
                   //~~~~~~~~~~~~ [log-argument-order] bunyan formats an object passed after the message into the message text; pass the fields first: logger.info({ ... }, 'message').
log.info({ jobId: 7 }, 'job done');
