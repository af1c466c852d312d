// An OTLP/HTTP logs receiver (POST /v1/logs, JSON or protobuf, optionally gzip) as a LogSource.
// Services that export logs with the OpenTelemetry SDK point their exporter at it; each log record
// becomes one JSON line in the OTel data model (see otlpRecord.ts) for the normal parser.
// It binds to loopback only: anything on the network could otherwise inject records. A web page can
// still reach loopback through DNS rebinding (its own host name resolving to 127.0.0.1), so only
// requests naming a loopback host and this port are served. What one client can hold is bounded:
// requests at once, bytes buffered, time for a body to arrive, and how deep a body nests.
import * as http from 'node:http';
import type { Socket } from 'node:net';
import * as zlib from 'node:zlib';
import type { LogSource, SourceSink } from '../types';
import { nestsDeeper } from '../jsonScan';
import { exportToLines, OtlpShapeError } from './otlpRecord';
import { decodeExportLogsRequest, emptyExportLogsResponse, encodeStatus } from './otlpProto';

export interface OtlpReceiverOptions {
  /** 0 picks a free port; read `.port` after `ready`. The OTLP/HTTP default is 4318. */
  port: number;
  host?: '127.0.0.1' | '::1' | 'localhost';
  /** Largest accepted body, compressed or not. Default 16 MiB. */
  maxBodyBytes?: number;
  /** A body not fully arrived this long after its headers gets 408 and its connection is closed. Default 5 s. */
  bodyTimeoutMs?: number;
  /** Requests handled at once; more get 503. Idle connections beyond 4x this are closed. Default 16. */
  maxConnections?: number;
  /** Request bytes held at once (bodies read or declared, decompressed); past it, 503. Default 2x maxBodyBytes. */
  maxBytesInFlight?: number;
  /** Deepest nesting of objects/arrays in a JSON body; deeper gets 400. Default 128 (OTLP needs about 4 per level of attributes). */
  maxNesting?: number;
}

type Encoding = 'json' | 'protobuf';

/** What one request holds of the receiver's limits, given back when it is answered. */
interface Held {
  /** It counts as one of the requests being received. */
  counted: boolean;
  bytes: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** Host names a request may name (with the bound port): anything else is a rebound name or a mistake. */
const LOOPBACK_AUTHORITIES = ['127.0.0.1', 'localhost', '[::1]'];

export class OtlpReceiver implements LogSource {
  readonly label = 'otlp';
  /** Resolves when listening (then `.port` is the bound port); rejects when the port cannot be bound. */
  readonly ready: Promise<void>;
  port: number;
  /** Log records received so far. */
  received = 0;
  private readonly host: string;
  private readonly maxBody: number;
  private readonly bodyTimeoutMs: number;
  private readonly maxRequests: number;
  private readonly maxInFlight: number;
  private readonly maxNesting: number;
  /** Requests being read or decoded, and the bytes they hold (declared or read, then decompressed). */
  private activeRequests = 0;
  private bytesInFlight = 0;
  private server: http.Server | null = null;
  private sink: SourceSink | null = null;
  private settle!: { resolve: () => void; reject: (e: Error) => void };

  constructor(options: OtlpReceiverOptions) {
    this.port = options.port;
    this.host = options.host ?? '127.0.0.1';
    this.maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;
    this.bodyTimeoutMs = options.bodyTimeoutMs ?? 5000;
    this.maxRequests = options.maxConnections ?? 16;
    this.maxInFlight = options.maxBytesInFlight ?? 2 * this.maxBody;
    this.maxNesting = options.maxNesting ?? 128;
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
    // Headers must arrive within the body timeout too (checked at this interval): a connection that
    // never finishes its headers is closed rather than held.
    const server = http.createServer(
      { headersTimeout: this.bodyTimeoutMs, requestTimeout: 0, connectionsCheckingInterval: Math.max(50, Math.min(1000, this.bodyTimeoutMs / 2)) },
      (req, res) => this.handle(req, res),
    );
    server.maxConnections = 4 * this.maxRequests;
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
    const held: Held = { counted: false, bytes: 0 };
    this.process(req, encoding, held)
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
        // A body left unread (refused early, too big, stalled) is not waited for: the connection goes.
        const close = !req.complete;
        if (close) res.setHeader('Connection', 'close');
        if (encoding === 'protobuf') send(res, status, 'application/x-protobuf', Buffer.from(encodeStatus(3, message)));
        else send(res, status, 'application/json', JSON.stringify({ code: 3, message }));
        if (close) closeAfter(res, req.socket);
      })
      .finally(() => {
        if (held.counted) this.activeRequests--;
        this.bytesInFlight -= held.bytes;
      });
  }

  /** Refuses a request before its body is read: a host name that is not loopback, or no room for it. */
  private admit(req: http.IncomingMessage, held: Held): void {
    const authority = String(req.headers.host ?? '').toLowerCase();
    if (!LOOPBACK_AUTHORITIES.some((name) => authority === `${name}:${this.port}`)) {
      throw new HttpError(421, `requests must name this receiver as 127.0.0.1:${this.port}, localhost:${this.port} or [::1]:${this.port}, not ${JSON.stringify(authority)}`);
    }
    if (this.activeRequests >= this.maxRequests) throw new HttpError(503, `busy: ${this.activeRequests} requests are being received; retry later`);
    this.activeRequests++;
    held.counted = true;
  }

  /** Counts `n` more bytes against the receiver's budget for this request, or refuses it. */
  private hold(held: Held, n: number): void {
    if (this.bytesInFlight + n > this.maxInFlight) {
      throw new HttpError(503, `busy: ${this.bytesInFlight} bytes of requests are held, the limit is ${this.maxInFlight}; retry later`);
    }
    this.bytesInFlight += n;
    held.bytes += n;
  }

  private async process(req: http.IncomingMessage, encoding: Encoding | null, held: Held): Promise<string[]> {
    this.admit(req, held);
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/v1/logs') throw new HttpError(404, `no such endpoint ${path}; OTLP logs go to POST /v1/logs`);
    if (req.method !== 'POST') throw new HttpError(405, `${req.method} is not allowed; use POST /v1/logs`);
    if (!encoding) {
      throw new HttpError(415, `unsupported content type ${JSON.stringify(req.headers['content-type'] ?? '')}; use application/json or application/x-protobuf`);
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBody) throw new HttpError(413, `body of ${declared} bytes is over the ${this.maxBody} byte limit`);
    // A declared length is held up front, so bodies that stall half-way are counted whole.
    if (Number.isFinite(declared) && declared > 0) this.hold(held, declared);
    const body = await readBody(req, this.maxBody, this.bodyTimeoutMs, (n) => {
      if (held.bytes < n) this.hold(held, n - held.bytes);
    });
    const contentEncoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
    const plain = await decompress(body, contentEncoding, this.maxBody);
    if (plain !== body) this.hold(held, plain.length);

    // AnyValues become lines recursively: JSON nested 20,000 deep would overflow the stack, so it is
    // measured (without recursion) before it is parsed. protobufjs refuses deep nesting itself.
    if (encoding === 'json' && nestsDeeper(plain, this.maxNesting)) {
      throw new HttpError(400, `the body nests objects or arrays more than ${this.maxNesting} deep`);
    }
    let payload: unknown;
    try {
      payload = encoding === 'json' ? JSON.parse(plain.toString('utf8')) : decodeExportLogsRequest(plain);
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

/**
 * The body, whole, within `timeoutMs` of now; `grew(total)` hears the bytes read so far (it may throw
 * to refuse the rest). Rejects with an HttpError: 413 past `limit`, 408 when it stalls, 400 on a read error.
 */
function readBody(req: http.IncomingMessage, limit: number, timeoutMs: number, grew: (total: number) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(() => finish(new HttpError(408, `the request body did not arrive within ${timeoutMs} ms`)), timeoutMs);
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) return finish(new HttpError(413, `body is over the ${limit} byte limit`));
      try {
        grew(size);
      } catch (err) {
        return finish(err as Error);
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => finish(null));
    req.on('error', (err) => finish(new HttpError(400, `the request body could not be read: ${err.message}`)));
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

/** Closes the connection once the answer is out, or at once when it cannot be written (a client not reading). */
function closeAfter(res: http.ServerResponse, socket: Socket | null): void {
  if (!socket) return;
  const force = setTimeout(() => socket.destroy(), 1000);
  force.unref();
  res.on('finish', () => {
    clearTimeout(force);
    socket.destroy();
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
