// A file's bytes as text and back, losing nothing. Sources are UTF-8, but a file may hold a byte
// that is not (a Latin-1 `é` in a comment): decoding turns it into U+FFFD and writing the fixed text
// back would change bytes no fix touched. Here each such byte decodes to a lone surrogate
// U+DC80..U+DCFF (Python's "surrogateescape") that encodes back to that very byte, so every byte
// outside a fix's edits is written back as it was read. Valid UTF-8 never decodes to a lone surrogate.
import { isUtf8 } from 'node:buffer';

const ESCAPE_BASE = 0xdc00;
/** An escaped byte: a low surrogate U+DC80..U+DCFF not completing a pair. */
const ESCAPED_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

export function decodeLossless(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return buffer.toString('utf8');
  const parts: string[] = [];
  let runStart = 0;
  let i = 0;
  while (i < buffer.length) {
    const n = utf8SequenceLength(buffer, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (runStart < i) parts.push(buffer.toString('utf8', runStart, i));
    parts.push(String.fromCharCode(ESCAPE_BASE + buffer[i]));
    runStart = ++i;
  }
  if (runStart < i) parts.push(buffer.toString('utf8', runStart, i));
  return parts.join('');
}

export function encodeLossless(text: string): Buffer {
  const chunks: Buffer[] = [];
  let last = 0;
  for (const m of text.matchAll(ESCAPED_BYTE)) {
    chunks.push(Buffer.from(text.slice(last, m.index), 'utf8'), Buffer.of(m[0].charCodeAt(0) - ESCAPE_BASE));
    last = m.index! + 1;
  }
  if (last === 0) return Buffer.from(text, 'utf8');
  chunks.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(chunks);
}

/** Length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), or 0 when the byte there starts none. */
function utf8SequenceLength(b: Buffer, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
