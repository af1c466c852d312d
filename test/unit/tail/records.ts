// Builds engine records for the panel's host-side tests.
import type { LogRecord } from '../../../server/src/logs/types';

export function record(seq: number, over: Partial<LogRecord> = {}): LogRecord {
  return {
    seq,
    source: 'app.log',
    raw: JSON.stringify({ msg: `message ${seq}` }),
    cut: false,
    format: 'pino',
    time: Date.UTC(2024, 0, 1, 12, 0, 0) + seq,
    level: 'info',
    message: `message ${seq}`,
    requestId: null,
    traceId: null,
    continuation: [],
    caller: null,
    status: null,
    durationMs: null,
    ...over,
  };
}
