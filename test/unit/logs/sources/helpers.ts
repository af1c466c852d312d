// Shared by the source tests: a sink that records what a source delivers, a bounded wait, temp dirs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SourceEvent, SourceSink } from '../../../../server/src/logs/types';

export class RecordingSink implements SourceSink {
  chunks: Buffer[] = [];
  events: SourceEvent[] = [];
  data(chunk: Buffer): void {
    this.chunks.push(Buffer.from(chunk));
  }
  event(e: SourceEvent): void {
    this.events.push(e);
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
  /** Complete lines received so far, in order. */
  lines(): string[] {
    const t = this.text();
    const parts = t.split('\n');
    parts.pop(); // the piece after the last newline is not a whole line yet
    return parts;
  }
  eventTypes(): string[] {
    return this.events.map((e) => e.type);
  }
}

/** Polls until check() is truthy; fails with `what` after the bound (a liveness bound, not a timing assertion). */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, boundMs = 8000): Promise<T> {
  const until = Date.now() + boundMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `obs-lens-${prefix}-`));
}
