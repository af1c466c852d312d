// Where the last lines of a file begin, found by reading backwards from a position in chunks: linear
// in the bytes read, and only as far back as those lines go (the lines after them are never read).
import * as fs from 'node:fs';

const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

function readAt(fd: number, into: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, into, 0, length, position, (e, n) => (e ? reject(e) : resolve(n))));
}

/**
 * The position just after the `count`-th newline before `end` (scanning backwards from `end - 1`),
 * not counting a newline at `end - 1` when `skipLast`; 0 when there are fewer.
 */
async function afterNewlinesBack(fd: number, end: number, count: number, skipLast: boolean): Promise<number> {
  const buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let left = count;
  let pos = end;
  let first = true;
  while (pos > 0) {
    const len = Math.min(CHUNK_BYTES, pos);
    const from = pos - len;
    const n = await readAt(fd, buf, len, from);
    if (n < len) return 0; // the file shrank under us: start from its beginning
    for (let i = len - 1; i >= 0; i--) {
      if (buf[i] !== NEWLINE) {
        first = false;
        continue;
      }
      if (first && skipLast) {
        first = false;
        continue;
      }
      first = false;
      if (--left === 0) return from + i + 1;
    }
    pos = from;
  }
  return 0;
}

/**
 * Start of the last `lines` lines of the bytes before `end`, as `tail -n` counts them: a newline
 * at `end - 1` ends the last line, and bytes after the last newline are a line of their own.
 * `end` for 0 lines, 0 when there are fewer lines than asked.
 */
export function lastLinesStart(fd: number, end: number, lines: number): Promise<number> {
  if (lines <= 0 || end <= 0) return Promise.resolve(Math.max(0, end));
  return afterNewlinesBack(fd, end, lines, true);
}

/** The last line boundary at or before `end`: `end` itself when a newline ends there, 0 when there is none. */
export function lineStartAtOrBefore(fd: number, end: number): Promise<number> {
  if (end <= 0) return Promise.resolve(0);
  return afterNewlinesBack(fd, end, 1, false);
}
