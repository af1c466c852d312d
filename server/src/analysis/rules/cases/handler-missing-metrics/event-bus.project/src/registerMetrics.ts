import type { EventEmitter } from 'node:events';
import * as events from './events';
import { createHistogram } from './metrics';

const duration = createHistogram({ name: 'http_request_duration_seconds', help: 'Request duration', labelNames: ['path'] });

export function registerMetrics(bus: EventEmitter) {
  bus.on(events.REQUEST_TIME, ({ path, ms }: { path: string; ms: number }) => {
    duration.labels({ path }).observe(ms / 1000);
  });
  bus.on(events.REQUEST_SEEN, ({ path }: { path: string }) => {
    bus.emit('seen', path);
  });
}
