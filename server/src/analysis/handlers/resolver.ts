// How the linker finds the file an import names. One interface, so that module resolution can be
// swapped (TypeScript's resolver with tsconfig paths and workspace packages) without touching the
// linker; this implementation follows relative specifiers only, as the project model does.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ImportResolver {
  /** The absolute path of the source file `specifier` names when imported from `fromFile`, or null. */
  resolve(fromFile: string, specifier: string): string | null;
}

/** What a specifier without extension may be written as, in the order Node and TypeScript try. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * Relative specifiers (`./routes/users`, `../app.js`) to existing files: the exact file, then the
 * path with each source extension (a `.js` specifier in TypeScript names the `.ts` file), then
 * `index` in that folder. Directory listings are read once each.
 */
export class RelativeModuleResolver implements ImportResolver {
  private readonly listings = new Map<string, ReadonlySet<string>>();

  constructor(private readonly listDirectory: (dir: string) => readonly string[] = readDirectory) {}

  resolve(fromFile: string, specifier: string): string | null {
    if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return null;
    const exact = path.resolve(path.dirname(fromFile), specifier);
    // A `.js` specifier in TypeScript names the `.ts` file: try the path without its extension too.
    const base = EXTENSIONS.includes(path.extname(exact).toLowerCase()) ? exact.slice(0, -path.extname(exact).length) : exact;
    if (this.exists(exact)) return exact;
    for (const candidate of [base, path.join(exact, 'index')]) {
      for (const ext of EXTENSIONS) if (this.exists(candidate + ext)) return candidate + ext;
    }
    return null;
  }

  private exists(file: string): boolean {
    const dir = path.dirname(file);
    let names = this.listings.get(dir);
    if (!names) {
      names = new Set(this.listDirectory(dir));
      this.listings.set(dir, names);
    }
    return names.has(path.basename(file)) && EXTENSIONS.includes(path.extname(file).toLowerCase());
  }
}

function readDirectory(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
  } catch {
    return [];
  }
}
