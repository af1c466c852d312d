// An OTLP/HTTP logs receiver (POST /v1/logs, JSON or protobuf, optionally gzip) as a LogSource.
// Services that export logs with the OpenTelemetry SDK point their exporter at it; each log record
// becomes one JSON line in the OTel data model (see otlpRecord.ts) for the normal parser.
// It binds to loopback only: anything on the network could otherwise inject records.
import * as http from 'node:http';
import * as zlib from 'node:zlib';
import type { LogSource, SourceSink } from '../types';
import { exportToLines, OtlpShapeError } from './otlpRecord';
import { decodeExportLogsRequest, emptyExportLogsResponse, encodeStatus } from './otlpProto';

export interface OtlpReceiverOptions {
  /** 0 picks a free port; read `.port` after `ready`. The OTLP/HTTP default is 4318. */
  port: number;
  host?: '127.0.0.1' | '::1' | 'localhost';
  /** Largest accepted body, compressed or not. Default 16 MiB. */
  maxBodyBytes?: number;
}

type Encoding = 'json' | 'protobuf';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export class OtlpReceiver implements LogSource {
  readonly label = 'otlp';
  /** Resolves when listening (then `.port` is the bound port); rejects when the port cannot be bound. */
  readonly ready: Promise<void>;
  port: number;
  /** Log records received so far. */
  received = 0;
  private readonly host: string;
  private readonly maxBody: number;
  private server: http.Server | null = null;
  private sink: SourceSink | null = null;
  private settle!: { resolve: () => void; reject: (e: Error) => void };

  constructor(options: OtlpReceiverOptions) {
    this.port = options.port;
    this.host = options.host ?? '127.0.0.1';
    this.maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;
    this.ready = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.ready.catch(() => undefined); // reported as an 'error' event too; a caller need not await it
  }

  /** The URL to give an OTLP exporter. */
  get url(): string {
    const host = this.host === '::1' ? '[::1]' : this.host;
    return `http://${host}:${this.port}/v1/logs`;
  }

  start(sink: SourceSink): void {
    if (this.server) return;
    this.sink = sink;
    if (!LOOPBACK.has(this.host)) {
      const message = `the OTLP receiver listens on loopback only, not on ${this.host}`;
      sink.event({ type: 'error', source: this.label, message });
      this.settle.reject(new Error(message));
      return;
    }
    const server = http.createServer((req, res) => this.handle(req, res));
    this.server = server;
    server.on('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'the port is in use (another collector or receiver?)' : err.message;
      const message = `cannot listen on ${this.host}:${this.port} for OTLP logs: ${why}`;
      sink.event({ type: 'error', source: this.label, message });
      this.settle.reject(new Error(message));
    });
    server.listen(this.port, this.host, () => {
      const addr = server.address();
      if (addr && typeof addr === 'object') this.port = addr.port;
      sink.event({ type: 'opened', source: this.label, detail: `receiving OTLP logs at ${this.url}` });
      this.settle.resolve();
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const encoding = mediaEncoding(req.headers['content-type']);
    this.process(req, encoding)
      .then((lines) => {
        for (const line of lines) {
          if (this.sink?.line) this.sink.line(line);
          else this.sink?.data(Buffer.from(line + '\n'));
        }
        this.received += lines.length;
        if (encoding === 'protobuf') send(res, 200, 'application/x-protobuf', Buffer.from(emptyExportLogsResponse()));
        else send(res, 200, 'application/json', '{}');
      })
      .catch((err: unknown) => {
        const status = err instanceof HttpError ? err.status : 500;
        const message = err instanceof Error ? err.message : String(err);
        if (status === 413) res.setHeader('Connection', 'close');
        if (encoding === 'protobuf') send(res, status, 'application/x-protobuf', Buffer.from(encodeStatus(3, message)));
        else send(res, status, 'application/json', JSON.stringify({ code: 3, message }));
        if (status === 413) res.on('finish', () => req.destroy());
      });
  }

  private async process(req: http.IncomingMessage, encoding: Encoding | null): Promise<string[]> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/v1/logs') throw new HttpError(404, `no such endpoint ${path}; OTLP logs go to POST /v1/logs`);
    if (req.method !== 'POST') throw new HttpError(405, `${req.method} is not allowed; use POST /v1/logs`);
    if (!encoding) {
      throw new HttpError(415, `unsupported content type ${JSON.stringify(req.headers['content-type'] ?? '')}; use application/json or application/x-protobuf`);
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBody) throw new HttpError(413, `body of ${declared} bytes is over the ${this.maxBody} byte limit`);
    let body = await readBody(req, this.maxBody);
    body = await decompress(body, String(req.headers['content-encoding'] ?? 'identity').toLowerCase().trim(), this.maxBody);

    let payload: unknown;
    try {
      payload = encoding === 'json' ? JSON.parse(body.toString('utf8')) : decodeExportLogsRequest(body);
    } catch (err) {
      throw new HttpError(400, `cannot decode the ${encoding === 'json' ? 'JSON' : 'protobuf'} body: ${(err as Error).message}`);
    }
    try {
      return exportToLines(payload);
    } catch (err) {
      if (err instanceof OtlpShapeError) throw new HttpError(400, `not an OTLP logs export: ${err.message}`);
      throw err;
    }
  }
}

function mediaEncoding(contentType: string | undefined): Encoding | null {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (media === 'application/json') return 'json';
  if (media === 'application/x-protobuf' || media === 'application/protobuf') return 'protobuf';
  return null;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new HttpError(413, `body is over the ${limit} byte limit`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => failed || resolve(Buffer.concat(chunks)));
    req.on('error', (err) => failed || reject(new HttpError(400, `the request body could not be read: ${err.message}`)));
  });
}

function decompress(body: Buffer, encoding: string, limit: number): Promise<Buffer> {
  if (encoding === 'identity' || encoding === '') return Promise.resolve(body);
  const fn = encoding === 'gzip' || encoding === 'x-gzip' ? zlib.gunzip : encoding === 'deflate' ? zlib.inflate : null;
  if (!fn) return Promise.reject(new HttpError(415, `unsupported content encoding ${encoding}; use gzip or none`));
  return new Promise((resolve, reject) =>
    fn(body, { maxOutputLength: limit }, (err, out) => {
      if (!err) return resolve(out);
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') reject(new HttpError(413, `body is over the ${limit} byte limit once decompressed`));
      else reject(new HttpError(400, `cannot decompress the ${encoding} body: ${err.message}`));
    }),
  );
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
