// Probing a module path written in a configuration (a package.json script, `main`, a test runner's
// setup file) for the source file it names, as Node, TypeScript and the bundlers do: extensions,
// `index` files, `./x.js` naming `x.ts`. It asks only which files exist. Imports between modules
// are resolved by the project model's resolver (model/resolver.ts), which RoleIndex is given.
import * as path from 'node:path';

/** Extensions probed for a specifier without one, in the order TypeScript and Node try them. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

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
