export { logger } from './pino';
