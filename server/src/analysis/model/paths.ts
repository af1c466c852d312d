// Path helpers the model shares: module paths without extension, containment, import specifiers.
import * as path from 'node:path';

export function stripExtension(p: string): string {
  return p.replace(/\.(d\.)?([cm]?[jt]sx?)$/i, '');
}

export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether a path passes through a node_modules folder (third-party code, never the project's own). */
export function inNodeModules(p: string): boolean {
  return /[\\/]node_modules[\\/]/.test(p);
}

/** The relative specifier (`./lib/logger`, `../logger`) from a file to a module path without extension. */
export function relativeSpecifier(fromFile: string, targetNoExt: string): string {
  let rel = path.relative(path.dirname(fromFile), targetNoExt).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

/** Whether an import specifier names a file by path rather than a package or alias. */
export function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || path.isAbsolute(specifier);
}

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
