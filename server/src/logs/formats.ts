// Log formats described as data: which lines a format recognises (`detect`) and where each field
// lives (`fields`, candidate paths tried in order). Users add their own in the same shape through
// observabilityLens.tail.formats; they are validated here and tried before the built-in ones.
import { parsePath } from './paths';
import { LEVEL_NAMES, TIME_FORMATS, otelSeverity, type TimeFormat } from './normalize';
import type { LevelName } from './types';
import { compileUserPattern, PatternError } from './userPattern';

export type FieldName =
  | 'time' | 'level' | 'message' | 'requestId' | 'traceId' | 'spanId'
  | 'callerFile' | 'callerLine' | 'status' | 'durationMs';
export const FIELD_NAMES: readonly FieldName[] = [
  'time', 'level', 'message', 'requestId', 'traceId', 'spanId', 'callerFile', 'callerLine', 'status', 'durationMs',
];

export interface FormatDetect {
  /** `json`: one JSON object per line (default). `logfmt`: key=value pairs. `regex`: `pattern` with named groups, which become the keys. */
  kind?: 'json' | 'logfmt' | 'regex';
  /** Every one of these paths must be present. */
  all?: string[];
  /** At least one of these paths must be present. */
  any?: string[];
  /** Paths that, when present, must hold a value of this type. */
  types?: Record<string, 'string' | 'number' | 'object'>;
  /**
   * For `regex`: a regular expression with named groups; `flags` optional (i, m, s). A user's pattern
   * runs on a linear-time engine: JavaScript syntax without backreferences or lookaround.
   */
  pattern?: string;
  flags?: string;
}

export interface FormatSpec {
  id: string;
  detect: FormatDetect;
  fields: Partial<Record<FieldName, string[]>>;
  /** Raw level value (as text, e.g. pino's "30") → level; names not listed are recognised generically. */
  levels?: Record<string, LevelName | null>;
  timeFormat?: TimeFormat;
}

const PINO_LEVELS: Record<string, LevelName> = { '10': 'trace', '20': 'debug', '30': 'info', '40': 'warn', '50': 'error', '60': 'fatal' };
const OTEL_LEVELS: Record<string, LevelName | null> = {};
for (let n = 1; n <= 24; n++) OTEL_LEVELS[String(n)] = otelSeverity(n);

const HTTP_FIELDS = {
  status: ['res.statusCode', 'statusCode', 'res.status'],
  durationMs: ['responseTime', 'durationMs', 'duration_ms', 'elapsed'],
};

export const BUILTIN_FORMATS: FormatSpec[] = [
  {
    id: 'bunyan',
    detect: { all: ['v', 'level', 'time', 'msg', 'hostname', 'pid'], types: { level: 'number', v: 'number' } },
    fields: { time: ['time'], level: ['level'], message: ['msg'], callerFile: ['src.file'], callerLine: ['src.line'], ...HTTP_FIELDS },
    levels: PINO_LEVELS,
    timeFormat: 'iso',
  },
  {
    id: 'pino-http',
    detect: { all: ['level', 'time'], any: ['res', 'responseTime'], types: { level: 'number' } },
    fields: { time: ['time'], level: ['level'], message: ['msg', 'message'], ...HTTP_FIELDS },
    levels: PINO_LEVELS,
  },
  {
    id: 'pino',
    detect: { all: ['level', 'time'], types: { level: 'number', time: 'number' } },
    fields: { time: ['time'], level: ['level'], message: ['msg', 'message'], callerFile: ['caller'], ...HTTP_FIELDS },
    levels: PINO_LEVELS,
  },
  {
    id: 'ecs',
    detect: { all: ['@timestamp'], any: ['log.level', 'ecs.version', 'ecs'] },
    fields: {
      time: ['@timestamp'], level: ['log.level'], message: ['message'],
      requestId: ['http.request.id'], traceId: ['trace.id'], spanId: ['span.id'],
      callerFile: ['log.origin.file.name'], callerLine: ['log.origin.file.line'],
      status: ['http.response.status_code'], durationMs: [],
    },
    timeFormat: 'iso',
  },
  {
    id: 'otel',
    detect: { any: ['severity_text', 'severityText', 'severity_number', 'severityNumber', 'timeUnixNano', 'time_unix_nano', 'observedTimeUnixNano', 'observed_time_unix_nano'] },
    fields: {
      time: ['timeUnixNano', 'time_unix_nano', 'observedTimeUnixNano', 'observed_time_unix_nano', 'timestamp'],
      level: ['severity_text', 'severityText', 'severity_number', 'severityNumber'],
      message: ['body.stringValue', 'body'],
      traceId: ['trace_id', 'traceId'], spanId: ['span_id', 'spanId'],
      requestId: ['attributes["http.request.id"]', 'attributes.request_id', 'attributes.requestId'],
      callerFile: ['attributes["code.filepath"]'], callerLine: ['attributes["code.lineno"]'],
      status: ['attributes["http.response.status_code"]', 'attributes["http.status_code"]'],
    },
    levels: OTEL_LEVELS,
    timeFormat: 'auto',
  },
  {
    id: 'gcp',
    detect: { all: ['severity'], any: ['message', 'logging.googleapis.com/trace', 'textPayload', 'time', 'timestamp'] },
    fields: {
      time: ['timestamp', 'time'], level: ['severity'], message: ['message', 'textPayload', 'msg'],
      traceId: ['["logging.googleapis.com/trace"]'], spanId: ['["logging.googleapis.com/spanId"]'],
      callerFile: ['["logging.googleapis.com/sourceLocation"].file'], callerLine: ['["logging.googleapis.com/sourceLocation"].line'],
      status: ['httpRequest.status'],
    },
    timeFormat: 'iso',
  },
  {
    id: 'winston',
    detect: { all: ['level', 'message'], types: { level: 'string' } },
    fields: { time: ['timestamp', 'time'], level: ['level'], message: ['message'], ...HTTP_FIELDS },
  },
  {
    // Any other JSON object: still a record, with the usual field names tried.
    id: 'json',
    detect: {},
    fields: {
      time: ['time', 'timestamp', 'ts', '@timestamp', 'date'],
      level: ['level', 'severity', 'lvl', 'loglevel', 'log.level'],
      message: ['msg', 'message', 'text', 'body'],
      ...HTTP_FIELDS,
    },
  },
  {
    id: 'logfmt',
    detect: { kind: 'logfmt', any: ['level', 'lvl', 'msg', 'message'] },
    fields: {
      time: ['ts', 'time', 'timestamp', 't'], level: ['level', 'lvl'], message: ['msg', 'message'],
      callerFile: ['caller', 'source'], status: ['status', 'statusCode'], durationMs: ['duration_ms', 'duration', 'responseTime', 'took'],
    },
  },
  {
    // log4js basic/colored layout: [2024-05-01T10:00:00.123] [INFO] category - message
    id: 'log4js',
    detect: { kind: 'regex', pattern: '^\\[(?<time>\\d{4}-\\d\\d-\\d\\dT[\\d:.]+(?:Z|[+-]\\d\\d:?\\d\\d)?)\\] \\[(?<level>[A-Za-z]+)\\] (?<category>\\S+) - (?<message>.*)$' },
    fields: { time: ['time'], level: ['level'], message: ['message'] },
    timeFormat: 'iso',
  },
  {
    // NestJS ConsoleLogger: [Nest] 1234  - 05/01/2024, 10:00:00 AM     LOG [Context] message
    id: 'nestjs',
    detect: { kind: 'regex', pattern: '^\\[Nest\\] (?<pid>\\d+)\\s+-\\s+(?<time>.+?)\\s+(?<level>LOG|ERROR|WARN|DEBUG|VERBOSE|FATAL) (?:\\[(?<context>[^\\]]*)\\] )?(?<message>.*)$' },
    fields: { time: ['time'], level: ['level'], message: ['message'] },
  },
];

/** Checks user formats (JSON from settings). Invalid entries are left out with a message naming them. */
export function validateFormats(raw: unknown[]): { formats: FormatSpec[]; errors: string[] } {
  const formats: FormatSpec[] = [];
  const errors: string[] = [];
  if (!Array.isArray(raw)) return { formats, errors: ['tail.formats must be an array of format objects'] };
  raw.forEach((entry, index) => {
    const problems: string[] = [];
    const spec = checkFormat(entry, problems);
    const name = isObj(entry) && typeof entry.id === 'string' ? `"${entry.id}"` : `#${index + 1}`;
    if (problems.length) errors.push(`tail.formats[${index}] (${name}): ${problems.join('; ')}`);
    else if (spec) formats.push(spec);
  });
  return { formats, errors };
}

type Obj = Record<string, unknown>;
function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkPaths(v: unknown, where: string, problems: string[]): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((p) => typeof p === 'string')) {
    problems.push(`${where} must be an array of field paths (strings)`);
    return undefined;
  }
  for (const p of v as string[]) if (!parsePath(p)) problems.push(`${where}: "${p}" is not a valid field path`);
  return v as string[];
}

function checkFormat(entry: unknown, problems: string[]): FormatSpec | null {
  if (!isObj(entry)) {
    problems.push('must be an object with id, detect and fields');
    return null;
  }
  for (const key of Object.keys(entry)) {
    if (!['id', 'detect', 'fields', 'levels', 'timeFormat'].includes(key)) problems.push(`unknown key "${key}"`);
  }
  if (typeof entry.id !== 'string' || !entry.id.trim()) problems.push('id must be a non-empty string');
  const detect: FormatDetect = {};
  const d = entry.detect ?? {};
  if (!isObj(d)) problems.push('detect must be an object');
  else {
    if (d.kind !== undefined && !['json', 'logfmt', 'regex'].includes(d.kind as string)) problems.push('detect.kind must be "json", "logfmt" or "regex"');
    else if (d.kind !== undefined) detect.kind = d.kind as FormatDetect['kind'];
    detect.all = checkPaths(d.all, 'detect.all', problems);
    detect.any = checkPaths(d.any, 'detect.any', problems);
    if (d.types !== undefined) {
      if (!isObj(d.types) || !Object.values(d.types).every((t) => t === 'string' || t === 'number' || t === 'object')) {
        problems.push('detect.types must map field paths to "string", "number" or "object"');
      } else detect.types = d.types as FormatDetect['types'];
    }
    if (detect.kind === 'regex') {
      if (typeof d.pattern !== 'string') problems.push('detect.pattern (a regular expression with named groups) is required for kind "regex"');
      else {
        try {
          const re = compileUserPattern(d.pattern, typeof d.flags === 'string' ? d.flags : '');
          if (re.groupNames.length === 0) problems.push('detect.pattern has no named groups (?<name>...)');
          detect.pattern = d.pattern;
          if (typeof d.flags === 'string') detect.flags = d.flags;
        } catch (e) {
          if (!(e instanceof PatternError)) throw e;
          problems.push(`detect.pattern is not a valid regular expression: ${e.message}`);
        }
      }
    }
  }
  const fields: FormatSpec['fields'] = {};
  if (!isObj(entry.fields)) problems.push('fields must be an object mapping field names to arrays of paths');
  else {
    for (const [k, v] of Object.entries(entry.fields)) {
      if (!FIELD_NAMES.includes(k as FieldName)) {
        problems.push(`fields.${k} is not a known field (known: ${FIELD_NAMES.join(', ')})`);
        continue;
      }
      const paths = checkPaths(v, `fields.${k}`, problems);
      if (paths) fields[k as FieldName] = paths;
    }
  }
  let levels: FormatSpec['levels'];
  if (entry.levels !== undefined) {
    if (!isObj(entry.levels) || !Object.values(entry.levels).every((l) => l === null || LEVEL_NAMES.includes(l as LevelName))) {
      problems.push(`levels must map raw values to one of ${LEVEL_NAMES.join(', ')} or null`);
    } else levels = entry.levels as FormatSpec['levels'];
  }
  let timeFormat: TimeFormat | undefined;
  if (entry.timeFormat !== undefined) {
    if (!TIME_FORMATS.includes(entry.timeFormat as TimeFormat)) problems.push(`timeFormat must be one of ${TIME_FORMATS.join(', ')}`);
    else timeFormat = entry.timeFormat as TimeFormat;
  }
  if (problems.length) return null;
  return { id: (entry.id as string).trim(), detect, fields, levels, timeFormat };
}
