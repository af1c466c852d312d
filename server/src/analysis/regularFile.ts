// Reading a workspace file without trusting what the name points to: a named pipe (FIFO) or a
// device named like a source file, a config file or a package.json would block a plain read
// forever (or never end). The file is opened without blocking, checked to be a regular file on the
// open descriptor (no race with a rename in between), and only then read.
import * as fs from 'node:fs';
import { overSizeLimit } from './limits';

/** The name is not a regular file: a FIFO, a folder, a device or a socket. */
export class NotRegularFileError extends Error {
  constructor(readonly kind: string) {
    super(`is ${kind}, not a regular file`);
  }
}

/** The file is larger than the caller reads. */
export class FileTooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number) {
    super(overSizeLimit(size, limit));
  }
}

export interface ReadOptions {
  /** Larger files are not read (FileTooLargeError). */
  maxBytes?: number;
  /** Refuse a symbolic link as the last part of the path (the caller resolved links itself). */
  noFollow?: boolean;
}

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer (POSIX; 0 where absent).
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** The bytes of a regular file and its status; throws NotRegularFileError, FileTooLargeError or the open error. */
export function readRegularFile(absPath: string, options: ReadOptions = {}): { bytes: Buffer; stat: fs.Stats } {
  const fd = fs.openSync(absPath, READ_FLAGS | (options.noFollow ? (fs.constants.O_NOFOLLOW ?? 0) : 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFileError(kindOf(stat));
    if (options.maxBytes !== undefined && stat.size > options.maxBytes) throw new FileTooLargeError(stat.size, options.maxBytes);
    return { bytes: fs.readFileSync(fd), stat };
  } finally {
    fs.closeSync(fd);
  }
}

/** The first `bytes` bytes of a regular file as UTF-8 text (a shebang, a lockfile's format line); undefined when it cannot be read or is no regular file. */
export function readRegularHead(absPath: string, bytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(absPath, READ_FLAGS);
    if (!fs.fstatSync(fd).isFile()) return undefined; // a named pipe or a device: never read
    const buffer = Buffer.alloc(bytes);
    return buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, bytes, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** readRegularFile for the language server, which must not hold a thread of its own on a pipe either. */
export async function readRegularFileAsync(absPath: string): Promise<Buffer> {
  const handle = await fs.promises.open(absPath, READ_FLAGS);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new NotRegularFileError(kindOf(stat));
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** The text of a regular file (UTF-8), or undefined when it cannot be read, is no regular file or is over maxBytes. */
export function readRegularTextOrUndefined(absPath: string, maxBytes?: number): string | undefined {
  try {
    return readRegularFile(absPath, { maxBytes }).bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * A pass's reader for its project model: the pass's own texts, else the disk, each file read from
 * the disk added to `fromDisk` (a cache's token counts them). The main thread and every analysis
 * worker read through one, so their models learn the same.
 */
export function textsThenDisk(texts: ReadonlyMap<string, string>, fromDisk: Set<string>): (absPath: string) => string | undefined {
  return (absPath) => {
    const known = texts.get(absPath);
    if (known !== undefined) return known;
    fromDisk.add(absPath);
    return readRegularTextOrUndefined(absPath);
  };
}

/** What a file that is not regular is, for messages: "a named pipe (FIFO)". */
export function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}
