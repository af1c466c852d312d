// URI <-> path conversions. The engine works on absolute paths; LSP speaks URIs. Untitled
// documents have no path, so they get a stable pseudo path whose extension follows the language
// (the parser picks TS/TSX/JS/JSX from it).
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const EXTENSION_BY_LANGUAGE: Readonly<Record<string, string>> = {
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
};

export function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

/** Absolute path of a file: URI, or undefined for other schemes and malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!isFileUri(uri)) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(absPath: string): string {
  return pathToFileURL(absPath).href;
}

/**
 * The path the engine analyses a document under: its file path, or for untitled/other schemes a
 * pseudo path (never read from disk) with the language's extension.
 */
export function documentPath(uri: string, languageId: string): string {
  const filePath = uriToPath(uri);
  if (filePath) return filePath;
  const ext = EXTENSION_BY_LANGUAGE[languageId] ?? '.ts';
  const name = uri.replace(/[^A-Za-z0-9._-]+/g, '_');
  return path.join(path.sep, '__obs_lens_untitled__', name.endsWith(ext) ? name : name + ext);
}

/** Whether `child` is `parent` or lies below it. */
export function isWithin(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
