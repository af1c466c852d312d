// Builds the tail benchmark's input: real pino-http output captured from a real HTTP server on
// 127.0.0.1 (a few hundred requests), then repeated with fresh request IDs and times up to the size
// wanted, so the file has the exact shape pino-http writes.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import pinoHttp from 'pino-http';

/** The lines of one request, in order; `id` appears in each line that carries the request. */
export interface RequestTemplate {
  id: string;
  lines: string[];
}

/** Runs a small service with pino-http and returns each request's log lines. */
export async function captureTemplates(requests = 300): Promise<RequestTemplate[]> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n')) if (l) lines.push(l);
      cb();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const httpLogger = pinoHttp({ logger, genReqId: () => randomUUID() });
  const server = http.createServer((req, res) => {
    httpLogger(req, res);
    const url = req.url ?? '/';
    req.log.debug({ route: url.split('?')[0] }, 'route matched');
    if (url.startsWith('/orders')) {
      req.log.info({ orderId: Number(url.split('/')[2]) || 0, items: 3 }, 'loading order');
      if (url.endsWith('7')) {
        req.log.error({ err: new Error('database timeout') }, 'order lookup failed');
        res.statusCode = 500;
        res.end('{"error":"internal"}');
        return;
      }
    }
    if (url.startsWith('/missing')) {
      req.log.warn({ path: url }, 'no such resource');
      res.statusCode = 404;
    }
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const paths = ['/health', '/orders/', '/users/42?expand=profile', '/missing/thing', '/orders/'];
  const get = (p: string) =>
    new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: p, agent, headers: { 'user-agent': 'bench-client/1.0', accept: 'application/json' } }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
        .on('error', reject);
    });
  for (let i = 0; i < requests; i++) {
    const p = paths[i % paths.length];
    await get(p.endsWith('/') ? p + i : p);
  }
  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const byId = new Map<string, string[]>();
  for (const line of lines) {
    const m = /"req":\{"id":"([0-9a-f-]{36})"/.exec(line);
    if (!m) continue;
    let group = byId.get(m[1]);
    if (!group) byId.set(m[1], (group = []));
    group.push(line);
  }
  return [...byId].map(([id, ls]) => ({ id, lines: ls }));
}

/** An ID shaped like a UUID, unique per counter value. */
export function requestIdFor(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `5e1f0c2a-7b3d-4c8e-9a6f-${hex}`;
}

/**
 * Writes about `bytes` of pino-http lines to `file`, cycling through the templates with request IDs
 * requestIdFor(0), requestIdFor(1), ... Returns the number of requests and lines written.
 */
export function writeLog(file: string, templates: RequestTemplate[], bytes: number): { requests: number; lines: number; bytes: number } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  let written = 0;
  let requests = 0;
  let lineCount = 0;
  let time = Date.UTC(2024, 4, 1, 10, 0, 0);
  let batch: string[] = [];
  try {
    while (written < bytes) {
      const t = templates[requests % templates.length];
      const id = requestIdFor(requests++);
      for (const line of t.lines) {
        time += 3;
        const out = line.split(t.id).join(id).replace(/"time":\d+/, `"time":${time}`) + '\n';
        batch.push(out);
        written += out.length;
        lineCount++;
      }
      if (batch.length >= 2000) {
        fs.writeSync(fd, batch.join(''));
        batch = [];
      }
    }
    if (batch.length) fs.writeSync(fd, batch.join(''));
  } finally {
    fs.closeSync(fd);
  }
  return { requests, lines: lineCount, bytes: written };
}
