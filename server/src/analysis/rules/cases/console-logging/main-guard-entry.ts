// @case library=pino loggerModule=src/logger.ts
// A service's own entry that starts the server when executed directly (Maxun's server.ts, Etherpad's
// server.ts): nothing imports it, the project runs it, so what that branch prints is the server's.
import express from 'express';
import { logger } from '../logger';

export const app = express();
app.get('/health', (req, res) => res.send('ok'));

if (require.main === module) {
  app.listen(8080, () => {
    console.log('listening on 8080');
  //~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    logger.info('started');
  });
}
