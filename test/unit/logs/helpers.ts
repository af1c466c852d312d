// Shared by the log engine tests: a real pipeline into a real store, and a stream that collects
// what a real logger writes.
import { Writable } from 'node:stream';
import { LineSplitter, LogPipeline, LogStore, RecordParser, type LogRecord, type RawLine, type RecordParserOptions } from '../../../server/src/logs';

export function ingest(chunks: Array<string | Buffer>, options: RecordParserOptions & { maxRecords?: number; maxBytes?: number } = {}, source = 'test'): { store: LogStore; records: LogRecord[] } {
  const store = new LogStore({ maxRecords: options.maxRecords ?? 100_000, maxBytes: options.maxBytes ?? 64 * 1024 * 1024 });
  const pipeline = new LogPipeline(store, new RecordParser(options));
  for (const c of chunks) pipeline.feed(source, typeof c === 'string' ? Buffer.from(c) : c);
  pipeline.end(source);
  const records: LogRecord[] = [];
  for (let s = store.firstSeq; s < store.nextSeq; s++) {
    const r = store.bySeq(s);
    if (r) records.push(r);
  }
  return { store, records };
}

/** A writable that keeps every chunk, as a logger destination. */
export class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    cb();
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Splits `data` with one LineSplitter, delivering it in pieces cut at `cuts` (byte offsets). */
export function splitAt(data: Buffer, cuts: number[], max?: number): RawLine[] {
  const s = new LineSplitter(max ? { maxLineBytes: max } : {});
  const out: RawLine[] = [];
  let prev = 0;
  for (const c of [...cuts, data.length]) {
    out.push(...s.push(data.subarray(prev, c)));
    prev = c;
  }
  out.push(...s.flush());
  return out;
}
