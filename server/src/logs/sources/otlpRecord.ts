// Turns an OTLP logs export (the JSON encoding, or decoded protobuf in the same shape) into one JSON
// line per log record in the OpenTelemetry log data model shape, so the ordinary record parser
// reads it with its `otel` format:
//   {"timestamp","severity_text","severity_number","body","trace_id","span_id","attributes","resource"}
// AnyValues are flattened to plain JSON (kvlist → object, array → array, int64 → number when safe).

export class OtlpShapeError extends Error {}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arr(v: unknown, where: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new OtlpShapeError(`${where} must be an array`);
  return v;
}

/** AnyValue → plain JSON. */
export function anyValue(v: unknown): unknown {
  if (!isObj(v)) return null;
  if ('stringValue' in v) return v.stringValue;
  if ('boolValue' in v) return v.boolValue;
  if ('intValue' in v) return int64(v.intValue);
  if ('doubleValue' in v) return typeof v.doubleValue === 'string' ? Number(v.doubleValue) : v.doubleValue;
  if ('arrayValue' in v) return (isObj(v.arrayValue) && Array.isArray(v.arrayValue.values) ? v.arrayValue.values : []).map(anyValue);
  if ('kvlistValue' in v) return keyValues(isObj(v.kvlistValue) ? v.kvlistValue.values : []);
  if ('bytesValue' in v) return v.bytesValue; // base64, as the OTLP JSON encoding writes it
  return null;
}

function int64(v: unknown): unknown {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v;
  }
  return v ?? null;
}

export function keyValues(list: unknown): Obj {
  const out: Obj = {};
  for (const kv of Array.isArray(list) ? list : []) {
    if (isObj(kv) && typeof kv.key === 'string') out[kv.key] = anyValue(kv.value);
  }
  return out;
}

/** Nanoseconds since the epoch (string or number) → ISO 8601 with milliseconds, null when unset. */
function isoFromNanos(v: unknown): string | null {
  if (v === undefined || v === null || v === '' || v === '0' || v === 0) return null;
  let ms: number;
  try {
    ms = typeof v === 'number' ? v / 1e6 : Number(BigInt(String(v)) / 1_000_000n);
  } catch {
    return null;
  }
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Hex trace/span id; all-zero or empty ids mean "none". */
function hexId(v: unknown): string | null {
  if (typeof v !== 'string' || !/^[0-9a-fA-F]+$/.test(v) || /^0+$/.test(v)) return null;
  return v.toLowerCase();
}

/** One JSON line per log record in the export. Throws OtlpShapeError when the shape is wrong. */
export function exportToLines(payload: unknown): string[] {
  if (!isObj(payload)) throw new OtlpShapeError('the body must be an ExportLogsServiceRequest object');
  const lines: string[] = [];
  for (const rl of arr(payload.resourceLogs, 'resourceLogs')) {
    if (!isObj(rl)) throw new OtlpShapeError('resourceLogs[] entries must be objects');
    const resource = keyValues(isObj(rl.resource) ? rl.resource.attributes : []);
    for (const sl of arr(rl.scopeLogs, 'scopeLogs')) {
      if (!isObj(sl)) throw new OtlpShapeError('scopeLogs[] entries must be objects');
      const scope = isObj(sl.scope) && typeof sl.scope.name === 'string' && sl.scope.name ? sl.scope.name : null;
      for (const rec of arr(sl.logRecords, 'logRecords')) {
        if (!isObj(rec)) throw new OtlpShapeError('logRecords[] entries must be objects');
        lines.push(JSON.stringify(recordToModel(rec, resource, scope)));
      }
    }
  }
  return lines;
}

function recordToModel(rec: Obj, resource: Obj, scope: string | null): Obj {
  const out: Obj = {};
  const ts = isoFromNanos(rec.timeUnixNano) ?? isoFromNanos(rec.observedTimeUnixNano);
  if (ts) out.timestamp = ts;
  if (typeof rec.severityText === 'string' && rec.severityText) out.severity_text = rec.severityText;
  const sevNum = typeof rec.severityNumber === 'number' ? rec.severityNumber : Number(rec.severityNumber);
  if (Number.isFinite(sevNum) && sevNum > 0) out.severity_number = sevNum;
  out.body = rec.body === undefined ? null : anyValue(rec.body);
  const traceId = hexId(rec.traceId);
  const spanId = hexId(rec.spanId);
  if (traceId) out.trace_id = traceId;
  if (spanId) out.span_id = spanId;
  if (typeof rec.eventName === 'string' && rec.eventName) out.event_name = rec.eventName;
  out.attributes = keyValues(rec.attributes);
  out.resource = resource;
  if (scope) out.scope = scope;
  return out;
}
