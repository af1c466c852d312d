// `npm run demo`: builds and starts the example service on a free loopback port, drives a little traffic
// at it (requests that succeed, fail, and log through console), stops it, and leaves the log behind for
// the Logs panel and `obs-lens tail`. The service's pino records and its console output go to the same
// file, as they would when a process manager appends a service's stdout to one log.
//
// Usage: node scripts/demo.mjs [--log PATH] [--quiet]
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = path.join(ROOT, 'examples', 'express-service');
const { values: opts } = parseArgs({
  options: { log: { type: 'string' }, quiet: { type: 'boolean', default: false } },
});
const logFile = path.resolve(opts.log ?? path.join(EXAMPLE, 'logs', 'demo.log'));
const say = (line) => {
  if (!opts.quiet) process.stdout.write(`${line}\n`);
};

/** The requests the demo sends: each with its own request ID, so the log can be read per request. */
const REQUESTS = [
  { id: 'demo-health', method: 'GET', path: '/health' },
  { id: 'demo-create-user', method: 'POST', path: '/users', body: { id: 'u1', email: 'ada@example.com', password: 'hunter2' } },
  { id: 'demo-get-user', method: 'GET', path: '/users/u1' },
  { id: 'demo-missing-user', method: 'GET', path: '/users/nobody' },
  { id: 'demo-login', method: 'POST', path: '/users/login', body: { email: 'ada@example.com' }, headers: { authorization: 'Bearer secret' } },
  { id: 'demo-order-paid', method: 'POST', path: '/orders', body: { id: 'o1', amount: 42, currency: 'EUR', cardToken: 'tok_visa' } },
  { id: 'demo-order-declined', method: 'POST', path: '/orders', body: { id: 'o2', amount: 7, currency: 'EUR', cardToken: 'bad' } },
  { id: 'demo-get-order', method: 'GET', path: '/orders/o1' },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, child) {
  // Bounded: 100 tries, 100 ms apart.
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`the example service exited with code ${child.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(`${base}/health`, { headers: { 'x-request-id': 'demo-startup-probe' } });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the example service did not answer /health within 10 s');
}

async function main() {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: EXAMPLE, stdio: opts.quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the example failed:\n${build.stderr ?? ''}`);

  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, '');
  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(EXAMPLE, 'dist', 'app.js')], {
    cwd: EXAMPLE,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_FILE: logFile },
    stdio: ['ignore', out, out],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child);
    for (const r of REQUESTS) {
      const headers = { 'x-request-id': r.id, ...(r.body ? { 'content-type': 'application/json' } : {}), ...r.headers };
      const res = await fetch(`${base}${r.path}`, { method: r.method, headers, body: r.body ? JSON.stringify(r.body) : undefined });
      await res.arrayBuffer();
      say(`${r.method} ${r.path} -> ${res.status}  (x-request-id: ${r.id})`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    fs.closeSync(out);
  }
  say(`\nThe log is in ${path.relative(process.cwd(), logFile) || logFile}. Try:`);
  say(`  node dist/cli.js tail ${path.relative(process.cwd(), logFile)} --request demo-order-declined`);
}

main().catch((err) => {
  process.stderr.write(`demo: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
