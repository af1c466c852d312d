// Writes a fixed file back the way it was: same byte order mark, same line endings, same bytes
// wherever no fix changed the text (see losslessText.ts), same mode and owner. Fixes are written
// with "\n"; in a CRLF file those become "\r\n" so the diff shows only the fix.
//
// And only where it was asked to: a file is fixed when its real path (links resolved) lies inside
// the paths the run was given, it is a regular file and it is writable. A read-only file is left
// alone, even for root, who could replace it. The new text goes to a fresh temporary file (created
// exclusively: a link planted at that name is not followed) renamed over the real path, which
// replaces whatever is at that name instead of writing through it.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from '../analysis/model/paths';
import { kindOf, NotRegularFileError, readRegularFile } from '../analysis/regularFile';
import { decodeLossless, encodeLossless } from './losslessText';

export function matchLineEndings(original: string, fixed: string): string {
  const crlf = (original.match(/\r\n/g) ?? []).length;
  const lf = (original.match(/\n/g) ?? []).length;
  // Only a file that is consistently CRLF is converted; mixed files are left as the fix wrote them.
  if (crlf === 0 || crlf !== lf) return fixed;
  return fixed.replace(/\r?\n/g, '\r\n');
}

export function matchBom(original: string, fixed: string): string {
  const had = original.charCodeAt(0) === 0xfeff;
  const has = fixed.charCodeAt(0) === 0xfeff;
  if (had && !has) return '\ufeff' + fixed;
  if (!had && has) return fixed.slice(1);
  return fixed;
}

/** The text to write for `fixed`, given the file's original text. */
export function preserveFileStyle(original: string, fixed: string): string {
  return matchBom(original, matchLineEndings(original, fixed));
}

/** A fix the run will not write, with the reason for the user. */
export class FixRefused extends Error {}

/** A file --fix may rewrite, as read: its real path, status and text (lossless, see losslessText.ts). */
export interface FixTarget {
  readonly realPath: string;
  readonly stat: fs.Stats;
  readonly text: string;
}

/**
 * Where fixes may be written: the real path of each path given (the project root when none). A
 * path named inside the project that a link takes out of it is no place to write.
 */
export function writableRoots(projectRoot: string, paths: readonly string[]): string[] {
  const realRoot = realPathOrNull(projectRoot) ?? path.resolve(projectRoot);
  const out: string[] = [];
  for (const p of paths.length > 0 ? paths : [projectRoot]) {
    const real = realPathOrNull(p);
    if (real === null || (isInside(projectRoot, p) && !isInside(realRoot, real))) continue;
    out.push(real);
  }
  return out;
}

/** Reads a file to fix; throws FixRefused when fixes may not be written to it. */
export function readFixTarget(filePath: string, roots: readonly string[]): FixTarget {
  const realPath = realPathOrNull(filePath);
  if (realPath === null) throw new FixRefused('it no longer exists');
  if (!roots.some((r) => isInside(r, realPath))) {
    throw new FixRefused(`it is a link to ${realPath}, outside the paths checked`);
  }
  let read: { bytes: Buffer; stat: fs.Stats };
  try {
    read = readRegularFile(realPath, { noFollow: true });
  } catch (err) {
    throw new FixRefused(err instanceof NotRegularFileError ? err.message : `cannot read it: ${(err as Error).message}`);
  }
  if (!isWritable(realPath, read.stat)) throw new FixRefused('it is read-only');
  return { realPath, stat: read.stat, text: decodeLossless(read.bytes) };
}

/**
 * Replaces the target's content with `text` through a temporary file and a rename, so an
 * interrupted run never leaves half a file. Returns the bytes written. Throws FixRefused when the
 * file changed into something else (a link, another file) since it was read.
 */
export function writeFixTarget(target: FixTarget, text: string): Buffer {
  const bytes = encodeLossless(text);
  const dir = path.dirname(target.realPath);
  const tmp = path.join(dir, `.${path.basename(target.realPath)}.obs-lens-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': O_CREAT|O_EXCL, which fails on anything already at that name, a symbolic link included.
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    try {
      fs.writeFileSync(fd, bytes);
      fs.fchmodSync(fd, target.stat.mode & 0o7777);
      // Root rewriting another user's file gives it back to them.
      if (typeof process.getuid === 'function' && process.getuid() === 0 && (target.stat.uid !== 0 || target.stat.gid !== 0)) {
        fs.fchownSync(fd, target.stat.uid, target.stat.gid);
      }
    } finally {
      fs.closeSync(fd);
    }
    const now = lstatOrNull(target.realPath);
    if (!now || !now.isFile() || now.ino !== target.stat.ino || now.dev !== target.stat.dev) {
      throw new FixRefused(`it changed while being fixed (now ${now ? (now.isSymbolicLink() ? 'a symbolic link' : now.isFile() ? 'another file' : kindOf(now)) : 'gone'})`);
    }
    fs.renameSync(tmp, target.realPath);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return bytes;
}

/** Writable by someone (a file with no write bit is read-only by intent, also for root) and by us. */
function isWritable(realPath: string, stat: fs.Stats): boolean {
  if ((stat.mode & 0o222) === 0) return false;
  try {
    fs.accessSync(realPath, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function realPathOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

function lstatOrNull(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
}
