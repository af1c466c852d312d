// Writes a fixed file back the way it was: same byte order mark, same line endings. Fixes are
// written with "\n"; in a CRLF file those become "\r\n" so the diff shows only the fix.
import * as fs from 'node:fs';

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

/** Writes through a temporary file and a rename, so an interrupted run never leaves half a file. */
export function writeFileAtomic(filePath: string, text: string): void {
  // Through a symbolic link, replace the file it points to, not the link.
  const absPath = fs.realpathSync(filePath);
  const tmp = `${absPath}.obs-lens-${process.pid}.tmp`;
  let mode: number | undefined;
  try {
    mode = fs.statSync(absPath).mode;
  } catch {
    mode = undefined;
  }
  fs.writeFileSync(tmp, text, mode !== undefined ? { mode } : undefined);
  try {
    fs.renameSync(tmp, absPath);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
