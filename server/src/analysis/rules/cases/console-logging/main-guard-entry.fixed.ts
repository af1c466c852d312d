// @case library=pino loggerModule=src/logger.ts
// A service's own entry that starts the server when executed directly (Maxun's server.ts, Etherpad's
// server.ts): nothing imports it, the project runs it, so what that branch prints is the server's.
import express from 'express';
import { logger } from '../logger';

export const app = express();
app.get('/health', (req, res) => res.send('ok'));

if (require.main === module) {
  app.listen(8080, () => {
    logger.info('listening on 8080');
    logger.info('started');
  });
}
