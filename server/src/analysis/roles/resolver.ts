// The simple module resolver: relative and absolute specifiers (ES imports and CommonJS require
// alike) to a workspace file, probing extensions and `index` files as Node, TypeScript and the
// bundlers do, including `./x.js` naming `x.ts`. It asks only which files exist, so it does no I/O
// of its own. Aliases (tsconfig paths, bundler aliases) and packages are left unresolved here.
import * as path from 'node:path';
import { stripExtension } from '../model/paths';
import type { ModuleResolver } from './types';

/** Extensions probed for a specifier without one, in the order TypeScript and Node try them. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export class RelativeResolver implements ModuleResolver {
  constructor(private readonly exists: (absPath: string) => boolean) {}

  resolve(fromFile: string, specifier: string): string | null {
    if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) return null;
    const written = path.resolve(path.dirname(fromFile), specifier.split('?')[0]);
    return probeModule(stripExtension(written), written, this.exists);
  }
}

/**
 * The file a module path names: `written` as it is (`./data.json` is no module, so only source
 * extensions count), then `base` (the path without a source extension) with each extension, then
 * its `index` file.
 */
export function probeModule(base: string, written: string, exists: (absPath: string) => boolean): string | null {
  if (written !== base && exists(written)) return written;
  for (const ext of SOURCE_EXTENSIONS) if (exists(base + ext)) return base + ext;
  for (const ext of SOURCE_EXTENSIONS) {
    const index = path.join(base, 'index' + ext);
    if (exists(index)) return index;
  }
  return null;
}
