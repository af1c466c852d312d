import { Histogram } from 'prom-client';

const duration = new Histogram({ name: 'http_request_duration_seconds', help: 'Request duration', labelNames: ['method', 'route', 'status_code'] });

export function withTiming<T extends (...args: any[]) => unknown>(handler: T): T {
  return ((...args: unknown[]) => {
    const end = duration.startTimer();
    try {
      return handler(...args);
    } finally {
      end();
    }
  }) as T;
}
