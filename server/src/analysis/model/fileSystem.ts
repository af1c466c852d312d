// The file system as module resolution sees it: existence answered from one cached listing per
// directory (resolution asks about many paths that do not exist: extensions, index files,
// node_modules at every level), texts read through the project's reader (open documents first).
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Listing {
  files: Set<string>;
  /** Sub-folders, links to folders included. */
  dirs: Set<string>;
  /** Sub-folders that are folders themselves (not links): what searches descend into, so a link loop is never walked. */
  realDirs: Set<string>;
}

const EMPTY: Listing = { files: new Set(), dirs: new Set(), realDirs: new Set() };

export class FileSystemView {
  private readonly listings = new Map<string, Listing>();
  private readonly realpaths = new Map<string, string>();

  constructor(readonly readFile: (absPath: string) => string | undefined) {}

  fileExists(absPath: string): boolean {
    return this.listing(path.dirname(absPath)).files.has(path.basename(absPath));
  }

  directoryExists(absPath: string): boolean {
    const parent = path.dirname(absPath);
    if (parent === absPath) return true;
    return this.listing(parent).dirs.has(path.basename(absPath));
  }

  /** Names of the files in `dir` (none when it cannot be read). */
  fileNames(dir: string): ReadonlySet<string> {
    return this.listing(dir).files;
  }

  /** Names of the sub-folders of `dir` that are not links (none when it cannot be read). */
  subdirectories(dir: string): ReadonlySet<string> {
    return this.listing(dir).realDirs;
  }

  realpath(absPath: string): string {
    let real = this.realpaths.get(absPath);
    if (real === undefined) {
      try {
        real = fs.realpathSync.native(absPath);
      } catch {
        real = absPath;
      }
      this.realpaths.set(absPath, real);
    }
    return real;
  }

  /** Forgets what was listed of `dir` (a file was created or deleted there). */
  forget(dir: string): void {
    this.listings.delete(dir);
    this.realpaths.clear();
  }

  private listing(dir: string): Listing {
    let listing = this.listings.get(dir);
    if (listing) return listing;
    listing = { files: new Set(), dirs: new Set(), realDirs: new Set() };
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      this.listings.set(dir, EMPTY);
      return EMPTY;
    }
    for (const e of entries) {
      if (e.isFile()) listing.files.add(e.name);
      else if (e.isDirectory()) {
        listing.dirs.add(e.name);
        listing.realDirs.add(e.name);
      }
      else if (e.isSymbolicLink()) {
        // pnpm and npm workspaces link packages into node_modules: a link counts as what it points at.
        try {
          const stat = fs.statSync(path.join(dir, e.name));
          (stat.isDirectory() ? listing.dirs : listing.files).add(e.name);
        } catch {
          // a dangling link is nothing
        }
      }
    }
    this.listings.set(dir, listing);
    return listing;
  }
}
