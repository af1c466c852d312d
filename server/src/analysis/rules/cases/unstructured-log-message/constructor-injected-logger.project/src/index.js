// Checkmate's entry: the services are built with the project's logger handed to their constructors.
import logger from './logger.js';
import JobQueue from './jobQueue.js';
import { Mailer } from './jobQueue.js';

const queue = new JobQueue({ add: async () => {} }, logger);
const mailer = new Mailer(logger, 'smtp://localhost');
queue.add({ url: process.env.URL });
mailer.send('ops@example.com');
