const client = require('prom-client');

const jobsTotal = new client.Counter({ name: 'jobs_total', help: 'Jobs run.', labelNames: ['job_id'] });
module.exports = { jobsTotal };
