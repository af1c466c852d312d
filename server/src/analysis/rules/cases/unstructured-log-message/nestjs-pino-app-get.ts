// @case library=nestjs path=src/bootstrap.ts
// Nest's container hands out nestjs-pino's Logger (`app.get(Logger)`): a Nest LoggerService written
// through pino, with Nest's method names and argument order.
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';

export async function bootstrap(port: number) {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  await app.listen(port);
  logger.log(`> Ready on http://localhost:${port}`);
           //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.log('ready', 'Bootstrap');
}
