// Command-line entry points without an extension (`./nodebb`, `bin/migrate`): `#!/usr/bin/env node`
// files that discovery does not list (it takes files by extension), yet whose requires say which
// modules only a command runs. They join the import graph (never the files analysed) at a package's
// root and its bin/ folder. One that starts a server itself (express-generator's `bin/www`:
// `http.createServer(app)`, `server.listen(port)`) is left out: as a CLI it would make the whole
// service "imported only by CLI code".
import * as path from 'node:path';
import { scanFile, type ScannedFile, startsServer } from './scan';
import type { RoleProject } from './types';
import { NODE_SHEBANG } from '../shebang';


/** A script bigger than this is no entry stub: not read further. */
const MAX_ENTRY_BYTES = 64 * 1024;

export interface ExtensionlessEntry {
  readonly file: string;
  readonly scan: ScannedFile;
}

/** The extension-less node entries of each package folder (and its bin/), not already `noted`. */
export function extensionlessEntries(project: RoleProject, packageDirs: Iterable<string>, noted: (file: string) => boolean): ExtensionlessEntry[] {
  const out: ExtensionlessEntry[] = [];
  if (!project.fileNames) return out;
  for (const pkg of packageDirs) {
    for (const dir of [pkg, path.join(pkg, 'bin')]) {
      for (const name of project.fileNames(dir)) {
        if (name.includes('.')) continue;
        const file = path.join(dir, name);
        if (noted(file)) continue;
        const text = project.readFile(file);
        if (text === undefined || text.length > MAX_ENTRY_BYTES || !NODE_SHEBANG.test(text) || startsServer(text)) continue;
        out.push({ file, scan: scanFile(text, name) });
      }
    }
  }
  return out;
}
