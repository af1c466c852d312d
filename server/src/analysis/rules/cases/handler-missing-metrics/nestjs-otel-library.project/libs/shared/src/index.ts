export { LoggerModule } from 'nestjs-pino';
export { TracingModule } from './tracing.module';
