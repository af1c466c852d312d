// Hand-written samples per each format's spec, user formats as data, and their validation.
import * as assert from 'node:assert/strict';
import { validateFormats } from '../../../server/src/logs';
import { ingest } from './helpers';

describe('logs: formats', () => {
  it('ECS: @timestamp, log.level (flat or nested), message, trace.id, http.request.id', () => {
    const { records } = ingest([
      '{"@timestamp":"2024-05-01T10:00:00.123Z","log.level":"warn","message":"slow","ecs.version":"8.10.0","trace.id":"t-1","http":{"request":{"id":"ecs-req-1"}}}\n',
      '{"@timestamp":"2024-05-01T10:00:01Z","log":{"level":"ERROR"},"message":"broken","ecs":{"version":"8.10.0"},"http.request.id":"ecs-req-2","trace":{"id":"t-2"}}\n',
    ]);
    assert.deepEqual(records.map((r) => r.format), ['ecs', 'ecs']);
    assert.deepEqual(records.map((r) => r.level), ['warn', 'error']);
    assert.deepEqual(records.map((r) => r.requestId), ['ecs-req-1', 'ecs-req-2']);
    assert.deepEqual(records.map((r) => r.traceId), ['t-1', 't-2']);
    assert.equal(records[0].time, Date.parse('2024-05-01T10:00:00.123Z'));
  });

  it('OpenTelemetry log data model: snake_case and OTLP/JSON camelCase, severity number or text, nanosecond times', () => {
    const { records } = ingest([
      '{"time_unix_nano":"1714557600123000000","severity_number":17,"body":"payment failed","trace_id":"5b8efff798038103d269b633813fc60c","span_id":"eee19b7ec3c1b174","attributes":{"http.request.id":"otel-1"}}\n',
      '{"timeUnixNano":"1714557601000000000","severityText":"WARN","severityNumber":13,"body":{"stringValue":"retrying"},"traceId":"aaaabbbbccccdddd0000111122223333"}\n',
      '{"observedTimeUnixNano":"1714557602000000000","severityNumber":3,"body":{"stringValue":"tick"}}\n',
    ]);
    assert.deepEqual(records.map((r) => r.format), ['otel', 'otel', 'otel']);
    assert.deepEqual(records.map((r) => r.level), ['error', 'warn', 'trace']);
    assert.deepEqual(records.map((r) => r.message), ['payment failed', 'retrying', 'tick']);
    assert.equal(records[0].time, 1714557600123);
    assert.equal(records[0].requestId, 'otel-1');
    assert.equal(records[0].traceId, '5b8efff798038103d269b633813fc60c');
    // No request ID field: the trace ID stands in, so the request view still groups the lines.
    assert.equal(records[1].requestId, 'aaaabbbbccccdddd0000111122223333');
  });

  it('Google Cloud structured logging: severity (DEFAULT has no level), message, trace, source location', () => {
    const { records } = ingest([
      '{"severity":"ERROR","message":"quota exceeded","timestamp":"2024-05-01T10:00:00Z","logging.googleapis.com/trace":"projects/my-proj/traces/06796866738c859f2f19b7cfb3214824","logging.googleapis.com/sourceLocation":{"file":"src/quota.ts","line":"88"}}\n',
      '{"severity":"DEFAULT","message":"hello","time":"2024-05-01T10:00:01Z"}\n',
      '{"severity":"CRITICAL","message":"down"}\n',
    ]);
    assert.deepEqual(records.map((r) => r.format), ['gcp', 'gcp', 'gcp']);
    assert.deepEqual(records.map((r) => r.level), ['error', null, 'fatal']);
    assert.equal(records[0].traceId, '06796866738c859f2f19b7cfb3214824');
    assert.equal(records[0].requestId, '06796866738c859f2f19b7cfb3214824');
    assert.deepEqual(records[0].caller, { file: 'src/quota.ts', line: 88 });
    assert.equal(records[1].time, Date.parse('2024-05-01T10:00:01Z'));
  });

  it('logfmt: level=, msg= (quoted with escapes), ts=, request_id=, numbers', () => {
    const { records } = ingest([
      'ts=2024-05-01T10:00:00Z level=info msg="user \\"ann\\" logged in" request_id=lf-1 status=200 duration_ms=12.5\n',
      'time=1714557600 lvl=WARNING message=disk_low\n',
    ]);
    assert.deepEqual(records.map((r) => r.format), ['logfmt', 'logfmt']);
    assert.equal(records[0].message, 'user "ann" logged in');
    assert.equal(records[0].requestId, 'lf-1');
    assert.equal(records[0].status, 200);
    assert.equal(records[0].durationMs, 12.5);
    assert.equal(records[0].time, Date.parse('2024-05-01T10:00:00Z'));
    assert.equal(records[1].level, 'warn');
    assert.equal(records[1].time, 1714557600000);
  });

  it('log4js and NestJS text layouts', () => {
    const { records } = ingest([
      '[2024-05-01T10:00:00.123] [ERROR] orders - could not reserve stock\n',
      '[Nest] 4242  - 05/01/2024, 10:00:00 AM     WARN [RouterExplorer] Mapped {/, GET} route twice\n',
    ]);
    assert.deepEqual(records.map((r) => r.format), ['log4js', 'nestjs']);
    assert.deepEqual(records.map((r) => r.level), ['error', 'warn']);
    assert.deepEqual(records.map((r) => r.message), ['could not reserve stock', 'Mapped {/, GET} route twice']);
  });

  it('level names in any case and the numeric scales', () => {
    const lines = ['WARNING', 'Critical', 'EMERGENCY', 'alert', 'notice', 'silly', 'fatal'].map((l) => JSON.stringify({ level: l, message: 'x' }));
    const { records } = ingest([lines.join('\n') + '\n']);
    assert.deepEqual(records.map((r) => r.level), ['warn', 'fatal', 'fatal', 'fatal', 'info', 'trace', 'fatal']);
    const pinoNums = [10, 20, 30, 40, 50, 60].map((n) => JSON.stringify({ level: n, time: 1714557600000, msg: 'x' }));
    assert.deepEqual(ingest([pinoNums.join('\n')]).records.map((r) => r.level), ['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
  });

  it('request IDs from the usual places, numbers as strings, user fields first', () => {
    const lines = [
      { reqId: 7, msg: 'a' },
      { requestId: 'b', msg: 'b' },
      { request_id: 'c', msg: 'c' },
      { req: { headers: { 'x-request-id': 'd' } }, msg: 'd' },
      { headers: { 'x-request-id': 'e' }, msg: 'e' },
      { 'x-request-id': 'f', msg: 'f' },
      { 'http.request.id': 'g', msg: 'g' },
      { trace_id: 'h', msg: 'h' },
      { ctx: { corr: 'i' }, requestId: 'not-this', msg: 'i' },
    ].map((o) => JSON.stringify(o));
    const { records } = ingest([lines.join('\n') + '\n'], { requestIdFields: ['ctx.corr'] });
    assert.deepEqual(records.map((r) => r.requestId), ['7', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    assert.equal(records[7].traceId, 'h');
  });

  it('user formats described as data come first; bad ones are refused with clear messages', () => {
    const { formats, errors } = validateFormats([
      {
        id: 'acme',
        detect: { all: ['sev', 'ts'], types: { sev: 'string' } },
        fields: { level: ['sev'], time: ['ts'], message: ['text'], requestId: ['ctx.rid'] },
        levels: { I: 'info', E: 'error' },
        timeFormat: 'epoch-s',
      },
      { id: 'broken', detect: { kind: 'regex', pattern: '([' }, fields: {} },
      { id: 'typo', detect: {}, fields: { mesage: ['m'] } },
      'not an object',
    ]);
    assert.equal(formats.length, 1);
    assert.equal(errors.length, 3);
    assert.match(errors[0], /tail\.formats\[1\] \("broken"\): detect\.pattern is not a valid regular expression/);
    assert.match(errors[1], /fields\.mesage is not a known field/);
    assert.match(errors[2], /tail\.formats\[3\].*must be an object/);
    const { records } = ingest(['{"sev":"E","ts":1714557600,"text":"bad thing","ctx":{"rid":"u-1"}}\n'], { formats });
    assert.equal(records[0].format, 'acme');
    assert.equal(records[0].level, 'error');
    assert.equal(records[0].time, 1714557600000);
    assert.equal(records[0].message, 'bad thing');
    assert.equal(records[0].requestId, 'u-1');
    assert.deepEqual(validateFormats('nope' as unknown as unknown[]).errors, ['tail.formats must be an array of format objects']);
  });
});
