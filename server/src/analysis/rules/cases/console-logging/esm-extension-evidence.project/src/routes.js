import { start } from './server.js';
import { config } from '@/config.js';

export function routes() {
  return start(config);
}
