import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import * as net from 'node:net';
import * as zlib from 'node:zlib';
import { ROOT_CONTEXT, SeverityNumber, TraceFlags, trace } from '@opentelemetry/api';
import { OTLPLogExporter as JsonExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtoExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider, SimpleLogRecordProcessor, type LogRecordExporter } from '@opentelemetry/sdk-logs';
import { LogPipeline } from '../../../../server/src/logs/pipeline';
import { RecordParser } from '../../../../server/src/logs/parser';
import { OtlpReceiver } from '../../../../server/src/logs/sources';
import { LogStore } from '../../../../server/src/logs/store';
import type { LogRecord, SourceEvent } from '../../../../server/src/logs/types';
import { waitFor } from './helpers';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

/** A sink that delivers whole lines, as the panel's does, into the real log engine. */
function engineSink() {
  const store = new LogStore({ maxRecords: 1000, maxBytes: 1 << 20 });
  const pipeline = new LogPipeline(store, new RecordParser());
  const lines: string[] = [];
  const events: SourceEvent[] = [];
  const records: LogRecord[] = [];
  store.onAdd((r) => records.push(r));
  const sink = {
    data: (c: Buffer) => pipeline.feed('otlp', c),
    line: (t: string) => {
      lines.push(t);
      pipeline.feedLine('otlp', t);
    },
    event: (e: SourceEvent) => events.push(e),
  };
  return { sink, lines, events, records };
}

function post(port: number, headers: http.OutgoingHttpHeaders, body: Buffer | string, urlPath = '/v1/logs', method = 'POST') {
  return new Promise<{ status: number; type: string; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function emitWithSdk(exporter: LogRecordExporter, batch: boolean): Promise<void> {
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': 'checkout' }),
    processors: [batch ? new BatchLogRecordProcessor({ exporter }) : new SimpleLogRecordProcessor({ exporter })],
  });
  const logger = provider.getLogger('orders');
  const context = trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: TraceFlags.SAMPLED });
  logger.emit({
    severityNumber: SeverityNumber.WARN,
    severityText: 'WARN',
    body: 'payment slow',
    attributes: { 'http.request.id': 'req-42', 'payment.ms': 1250, retried: true },
    context,
  });
  logger.emit({ severityNumber: SeverityNumber.ERROR, severityText: 'ERROR', body: { msg: 'declined', code: 'E51' }, attributes: { 'http.request.id': 'req-43' } });
  await provider.forceFlush();
  await provider.shutdown();
}

describe('OtlpReceiver (OTLP/HTTP logs)', () => {
  let receiver: OtlpReceiver | null = null;
  afterEach(async () => {
    await receiver?.stop();
    receiver = null;
  });

  async function startReceiver() {
    const got = engineSink();
    receiver = new OtlpReceiver({ port: 0, host: '127.0.0.1' });
    receiver.start(got.sink);
    await receiver.ready;
    assert.ok(receiver.port > 0);
    return got;
  }

  function checkRecords(got: ReturnType<typeof engineSink>) {
    assert.equal(got.lines.length, 2);
    const first = JSON.parse(got.lines[0]);
    assert.equal(first.severity_text, 'WARN');
    assert.equal(first.severity_number, SeverityNumber.WARN);
    assert.equal(first.body, 'payment slow');
    assert.equal(first.trace_id, TRACE_ID);
    assert.equal(first.span_id, SPAN_ID);
    assert.deepEqual(first.attributes, { 'http.request.id': 'req-42', 'payment.ms': 1250, retried: true });
    assert.equal(first.resource['service.name'], 'checkout');
    assert.ok(!Number.isNaN(Date.parse(first.timestamp)) && Math.abs(Date.parse(first.timestamp) - Date.now()) < 60_000);
    const second = JSON.parse(got.lines[1]);
    assert.deepEqual(second.body, { msg: 'declined', code: 'E51' });
    assert.equal(second.trace_id, undefined, 'no trace context, no trace id');

    // Through the real engine: the OTel format reads level, message, trace and request IDs.
    const [r1, r2] = got.records;
    assert.equal(r1.format, 'otel');
    assert.equal(r1.level, 'warn');
    assert.equal(r1.message, 'payment slow');
    assert.equal(r1.traceId, TRACE_ID);
    assert.equal(r1.requestId, 'req-42');
    assert.equal(r1.time, Date.parse(first.timestamp));
    assert.equal(r2.level, 'error');
    assert.equal(r2.requestId, 'req-43');
  }

  it('receives records from the real SDK and JSON exporter', async () => {
    const got = await startReceiver();
    await emitWithSdk(new JsonExporter({ url: receiver!.url }), false);
    await waitFor('2 lines', () => got.lines.length >= 2);
    checkRecords(got);
  });

  it('receives records from the real SDK and protobuf exporter, gzip-compressed, batched', async () => {
    const got = await startReceiver();
    await emitWithSdk(new ProtoExporter({ url: receiver!.url, compression: CompressionAlgorithm.GZIP }), true);
    await waitFor('2 lines', () => got.lines.length >= 2);
    checkRecords(got);
    assert.equal(receiver!.received, 2);
  });

  it('answers as OTLP expects: {} for JSON, 400 with a message, 415, 404, 413', async () => {
    const got = await startReceiver();
    const port = receiver!.port;
    const ok = await post(port, { 'content-type': 'application/json' }, JSON.stringify({ resourceLogs: [] }));
    assert.equal(ok.status, 200);
    assert.equal(ok.body.toString(), '{}');

    const bad = await post(port, { 'content-type': 'application/json' }, '{"resourceLogs": [');
    assert.equal(bad.status, 400);
    assert.match(JSON.parse(bad.body.toString()).message, /cannot decode the JSON body/);

    const wrongShape = await post(port, { 'content-type': 'application/json' }, JSON.stringify({ resourceLogs: 'nope' }));
    assert.equal(wrongShape.status, 400);
    assert.match(JSON.parse(wrongShape.body.toString()).message, /resourceLogs must be an array/);

    const badProto = await post(port, { 'content-type': 'application/x-protobuf' }, Buffer.from([0x0a, 0xff, 0xff, 0xff]));
    assert.equal(badProto.status, 400);
    assert.equal(badProto.type, 'application/x-protobuf');

    assert.equal((await post(port, { 'content-type': 'text/plain' }, 'hello')).status, 415);
    assert.equal((await post(port, { 'content-type': 'application/json' }, '{}', '/v1/traces')).status, 404);
    assert.equal((await post(port, { 'content-type': 'application/json', 'content-encoding': 'br' }, '{}')).status, 415);

    const bomb = zlib.gzipSync(Buffer.alloc(17 * 1024 * 1024, 0x20));
    const tooBig = await post(port, { 'content-type': 'application/json', 'content-encoding': 'gzip' }, bomb);
    assert.equal(tooBig.status, 413);
    assert.equal(got.lines.length, 0, 'nothing delivered from rejected bodies');
  });

  it('hand-written OTLP JSON: int64 as strings, kvlist bodies, nested attributes', async () => {
    const got = await startReceiver();
    const body = {
      resourceLogs: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
          scopeLogs: [
            {
              scope: { name: 'http' },
              logRecords: [
                {
                  timeUnixNano: '1700000000123456789',
                  severityNumber: 9,
                  severityText: 'INFO',
                  body: { stringValue: 'request done' },
                  attributes: [
                    { key: 'http.request.id', value: { stringValue: 'r-1' } },
                    { key: 'bytes', value: { intValue: '512' } },
                    { key: 'user', value: { kvlistValue: { values: [{ key: 'id', value: { intValue: 7 } }] } } },
                    { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { boolValue: false }] } } },
                  ],
                  traceId: TRACE_ID,
                  spanId: SPAN_ID,
                },
              ],
            },
          ],
        },
      ],
    };
    const res = await post(receiver!.port, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(body));
    assert.equal(res.status, 200);
    assert.equal(got.lines.length, 1);
    const line = JSON.parse(got.lines[0]);
    assert.equal(line.timestamp, '2023-11-14T22:13:20.123Z');
    assert.deepEqual(line.attributes, { 'http.request.id': 'r-1', bytes: 512, user: { id: 7 }, tags: ['a', false] });
    assert.equal(got.records[0].time, Date.parse('2023-11-14T22:13:20.123Z'));
    assert.equal(got.records[0].level, 'info');
  });

  it('reports a port in use as an error event and a rejected ready, without throwing', async () => {
    const first = await startReceiver();
    void first;
    const events: SourceEvent[] = [];
    const second = new OtlpReceiver({ port: receiver!.port, host: '127.0.0.1' });
    second.start({ data: () => undefined, event: (e) => events.push(e) });
    await assert.rejects(second.ready, /in use/);
    assert.equal(events[0]?.type, 'error');
    await second.stop();
  });
});

/** A raw HTTP/1.1 exchange on a real socket, for requests an HTTP client library would not send. */
class RawRequest {
  readonly socket: net.Socket;
  response = '';
  closed = false;
  constructor(port: number) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.setEncoding('latin1');
    this.socket.on('data', (d: string) => (this.response += d));
    this.socket.on('error', () => undefined); // a reset after the server gave up is expected
    this.socket.on('close', () => (this.closed = true));
  }
  /** Sends the headers (asking for 100-continue, so the test knows the server took the request) and part of a body. */
  async start(headers: Record<string, string | number>, partialBody: string): Promise<void> {
    const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
    this.socket.write(`POST /v1/logs HTTP/1.1\r\n${lines.join('\r\n')}\r\nExpect: 100-continue\r\n\r\n`);
    await waitFor('100 Continue', () => this.response.startsWith('HTTP/1.1 100'));
    this.socket.write(partialBody);
  }
  status(): number {
    const finals = this.response.split('HTTP/1.1 ').slice(1).filter((r) => !r.startsWith('100'));
    return finals.length ? Number(finals[0].slice(0, 3)) : 0;
  }
}

function jsonExport(message: string): string {
  return JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ severityText: 'INFO', body: { stringValue: message } }] }] }] });
}

describe('OtlpReceiver limits (DNS rebinding, slow bodies, floods, deep nesting)', function () {
  this.timeout(30_000);
  let receiver: OtlpReceiver | null = null;
  const raws: RawRequest[] = [];
  afterEach(async () => {
    for (const r of raws.splice(0)) r.socket.destroy();
    await receiver?.stop();
    receiver = null;
  });

  async function start(options: Partial<ConstructorParameters<typeof OtlpReceiver>[0]> = {}) {
    const got = engineSink();
    receiver = new OtlpReceiver({ port: 0, host: '127.0.0.1', ...options });
    receiver.start(got.sink);
    await receiver.ready;
    return { got, port: receiver.port };
  }
  const raw = (port: number) => {
    const r = new RawRequest(port);
    raws.push(r);
    return r;
  };

  it('refuses a Host that is not a loopback name with this port (DNS rebinding), delivering nothing', async () => {
    const { got, port } = await start();
    const json = { 'content-type': 'application/json' };
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`]) {
      const res = await post(port, { ...json, host }, jsonExport('injected'));
      assert.equal(res.status, 421, host);
      assert.match(JSON.parse(res.body.toString()).message, /must name this receiver as 127\.0\.0\.1:/);
    }
    assert.deepEqual(got.lines, [], 'no record from a refused host');
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      assert.equal((await post(port, { ...json, host }, jsonExport(`from ${host}`))).status, 200, host);
    }
    assert.equal(got.lines.length, 4);
  });

  it('answers a stalled body (or stalled headers) 408 and closes its connection after the body timeout', async () => {
    const { got, port } = await start({ bodyTimeoutMs: 300 });
    const stalled = raw(port);
    await stalled.start({ Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'Content-Length': 1_000_000 }, '{"resourceLogs":[');
    const halfHeaders = raw(port);
    halfHeaders.socket.write('POST /v1/logs HTTP/1.1\r\nHost: 127.0.0.1');
    await waitFor('the stalled connection to be closed', () => stalled.closed);
    assert.equal(stalled.status(), 408);
    assert.match(stalled.response, /did not arrive within 300 ms/);
    await waitFor('the connection with unfinished headers to be closed', () => halfHeaders.closed);
    assert.equal(halfHeaders.status(), 408);
    // The receiver is still there for well-behaved clients.
    assert.equal((await post(port, { 'content-type': 'application/json' }, jsonExport('after'))).status, 200);
    assert.equal(got.lines.length, 1);
  });

  it('refuses requests past the connection cap with 503, and takes them again once there is room', async () => {
    const { got, port } = await start({ maxConnections: 2, bodyTimeoutMs: 20_000 });
    const held = [raw(port), raw(port)];
    for (const r of held) await r.start({ Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'Content-Length': 100 }, '{');
    const third = await post(port, { 'content-type': 'application/json' }, jsonExport('third'));
    assert.equal(third.status, 503);
    assert.match(JSON.parse(third.body.toString()).message, /busy: 2 requests/);
    for (const r of held) r.socket.destroy();
    await waitFor('a request to be accepted again', async () => (await post(port, { 'content-type': 'application/json' }, jsonExport('later'))).status === 200);
    assert.deepEqual(got.lines.map((l) => JSON.parse(l).body), ['later']);
  });

  it('refuses a request with 503 when the bytes held by requests would pass the cap', async () => {
    const { got, port } = await start({ maxBytesInFlight: 64 * 1024, bodyTimeoutMs: 20_000 });
    const big = raw(port);
    await big.start({ Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'Content-Length': 50_000 }, '{');
    const second = await post(port, { 'content-type': 'application/json' }, `${jsonExport('second')}${' '.repeat(30_000)}`);
    assert.equal(second.status, 503);
    assert.match(JSON.parse(second.body.toString()).message, /bytes of requests are held, the limit is 65536/);
    big.socket.destroy();
    await waitFor('room again', async () => (await post(port, { 'content-type': 'application/json' }, jsonExport('small'))).status === 200);
    assert.equal(got.lines.length, 1);
  });

  it('answers 400 to JSON nested 20,000 deep and still takes the next good request', async () => {
    const { got, port } = await start();
    const levels = 7000; // three JSON levels per AnyValue: 21,000 deep
    const deep = '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":' + '{"arrayValue":{"values":['.repeat(levels) + '{"stringValue":"x"}' + ']}}'.repeat(levels) + '}]}]}]}';
    const res = await post(port, { 'content-type': 'application/json' }, deep);
    assert.equal(res.status, 400);
    assert.match(JSON.parse(res.body.toString()).message, /nests objects or arrays more than 128 deep/);
    const bare = await post(port, { 'content-type': 'application/json' }, '['.repeat(20_000) + ']'.repeat(20_000));
    assert.equal(bare.status, 400);
    assert.equal((await post(port, { 'content-type': 'application/json' }, jsonExport('next'))).status, 200);
    assert.deepEqual(got.lines.map((l) => JSON.parse(l).body), ['next']);
  });
});
