// Where the lines of a followed file went when a poll cannot see them at its path: a file rotated
// more than once between two polls (app.log → app.log.1 while app.log.1 → app.log.2, ...) leaves the
// files created and renamed away in between only under their rotated names, and copytruncate leaves
// what was written just before the truncation only in its copy. Both are looked for next to the file.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Sibling {
  path: string;
  st: fs.Stats;
}

/** Compressed archives hold no lines we can read. */
const COMPRESSED = /\.(?:gz|bz2|xz|zst|lz4|lzma|zip|br|7z|Z)$/;

/**
 * Whether `name` is a rotated name of `base` (a file name): the name with a suffix holding a digit
 * (app.log.1, app.log-20240501, app.log.2024-05-01), or a part holding a digit before its extension
 * (app.1.log, app-2024-05-01.log). Compressed archives are not.
 */
export function isRotatedName(name: string, base: string): boolean {
  if (name === base || COMPRESSED.test(name)) return false;
  if (name.startsWith(base) && rotationPart(name.slice(base.length))) return true;
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return false;
  const stem = base.slice(0, dot);
  const ext = base.slice(dot);
  return name.length > base.length && name.startsWith(stem) && name.endsWith(ext) && rotationPart(name.slice(stem.length, name.length - ext.length));
}

/** A separator, then letters, digits, dots and dashes with at least one digit: ".1", "-2024-05-01". */
function rotationPart(s: string): boolean {
  return /^[.\-_][\w.-]*$/.test(s) && /\d/.test(s);
}

/** The regular files next to `file` with a rotated name of it, with their stats (none when the directory cannot be read). */
export async function rotatedSiblings(file: string): Promise<Sibling[]> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return [];
  }
  const out: Sibling[] = [];
  for (const name of names) {
    if (!isRotatedName(name, base)) continue;
    const p = path.join(dir, name);
    try {
      const st = await fs.promises.stat(p);
      if (st.isFile()) out.push({ path: p, st });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * Oldest first: by creation time where the file system keeps it, else by last write; then, for names
 * of the renaming scheme (app.log.1 → app.log.2: the higher number the older), by that number; then by
 * inode. File times come from a coarse clock (a few milliseconds here), so files rotated in a burst
 * share them, and inodes freed by other files are reused in any order.
 */
export function oldestFirst(a: Sibling, b: Sibling): number {
  const byBirth = a.st.birthtimeMs > 0 && b.st.birthtimeMs > 0 ? a.st.birthtimeMs - b.st.birthtimeMs : 0;
  const [ia, ib] = [renameIndex(a.path), renameIndex(b.path)];
  const byIndex = ia !== null && ib !== null ? ib - ia : 0;
  return byBirth || a.st.mtimeMs - b.st.mtimeMs || byIndex || a.st.ino - b.st.ino;
}

/** The number a renaming rotation appends (`app.log.3` → 3), or null for any other name. */
function renameIndex(file: string): number | null {
  const m = /\.(\d{1,6})$/.exec(path.basename(file));
  return m ? Number(m[1]) : null;
}
