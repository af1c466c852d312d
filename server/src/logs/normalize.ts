// Level names, level numbers and time values as the various loggers write them, brought to one
// scale: LevelName and epoch milliseconds.
import type { LevelName } from './types';

export const LEVEL_NAMES: readonly LevelName[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** Names (lower case) used by pino, winston, bunyan, log4js, NestJS, syslog, OTel and GCP. */
const NAMED: Record<string, LevelName | null> = {
  trace: 'trace', silly: 'trace', all: 'trace', finest: 'trace', finer: 'trace',
  debug: 'debug', verbose: 'debug', http: 'debug', fine: 'debug', dbg: 'debug',
  info: 'info', information: 'info', informational: 'info', notice: 'info', log: 'info', inf: 'info', mark: 'info',
  warn: 'warn', warning: 'warn', wrn: 'warn',
  error: 'error', err: 'error', severe: 'error', eror: 'error',
  fatal: 'fatal', critical: 'fatal', crit: 'fatal', emergency: 'fatal', emerg: 'fatal', alert: 'fatal', panic: 'fatal', ftl: 'fatal',
  default: null, off: null,
};

/** OpenTelemetry SeverityNumber (1-24) in four-step bands. */
export function otelSeverity(n: number): LevelName | null {
  if (!(n >= 1 && n <= 24)) return null;
  return LEVEL_NAMES[Math.min(5, Math.floor((n - 1) / 4))];
}

/** pino / bunyan numbers: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal (in between rounds down). */
export function pinoLevel(n: number): LevelName | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  if (n < 20) return 'trace';
  if (n < 30) return 'debug';
  if (n < 40) return 'info';
  if (n < 50) return 'warn';
  if (n < 60) return 'error';
  return 'fatal';
}

const nameCache = new Map<string, LevelName | null>();

/** A format's own level values: names (as written and lower case) and numbers, kept as numbers. */
export type LevelTable = Map<string | number, LevelName | null>;

export function levelTable(levels: Record<string, LevelName | null>): LevelTable {
  const t: LevelTable = new Map();
  for (const [k, v] of Object.entries(levels)) {
    t.set(k, v);
    t.set(k.toLowerCase(), v);
    if (/^-?\d+(\.\d+)?$/.test(k)) t.set(Number(k), v);
  }
  return t;
}

/** A level from a name (any case) or a number; `table` (a format's own values) wins. */
export function toLevel(value: unknown, table: LevelTable | null): LevelName | null | undefined {
  if (typeof value === 'number') {
    if (table) {
      const t = table.get(value);
      if (t !== undefined) return t;
    }
    return pinoLevel(value);
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > 32) return undefined;
  if (table) {
    const t = table.get(value) ?? table.get(value.toLowerCase());
    if (t !== undefined) return t;
  }
  let hit = nameCache.get(value);
  if (hit !== undefined || nameCache.has(value)) return hit;
  const lower = value.trim().toLowerCase();
  if (lower in NAMED) hit = NAMED[lower];
  else if (/^\d+$/.test(lower)) hit = pinoLevel(Number(lower));
  else return undefined;
  if (nameCache.size < 1000) nameCache.set(value, hit);
  return hit;
}

export type TimeFormat = 'auto' | 'epoch-ms' | 'epoch-s' | 'epoch-us' | 'epoch-ns' | 'iso';
export const TIME_FORMATS: readonly TimeFormat[] = ['auto', 'epoch-ms', 'epoch-s', 'epoch-us', 'epoch-ns', 'iso'];

/** Epoch milliseconds from a number or string, or null. `auto` guesses the unit from the magnitude. */
export function toTime(value: unknown, format: TimeFormat): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    if (value.length === 0) return null;
    const c = value.charCodeAt(0);
    const numeric = (c >= 48 && c <= 57) && /^\d+(\.\d+)?$/.test(value);
    if (!numeric || format === 'iso') {
      const t = Date.parse(value);
      return Number.isNaN(t) ? null : t;
    }
    n = Number(value);
  } else return null;
  if (!Number.isFinite(n)) return null;
  switch (format) {
    case 'epoch-ms':
      return n;
    case 'epoch-s':
      return n * 1000;
    case 'epoch-us':
      return n / 1000;
    case 'epoch-ns':
      return n / 1e6;
    default:
      if (n > 1e17) return n / 1e6; // nanoseconds
      if (n > 1e14) return n / 1000; // microseconds
      if (n > 1e11) return n; // milliseconds
      return n * 1000; // seconds
  }
}

/** A number from a number or a numeric string, else null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.length > 0 && value.length < 32) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
