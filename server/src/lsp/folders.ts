// The workspace folders the client reported, and which one a file belongs to (the deepest root
// containing it, so nested folders in a multi-root workspace get their own settings).
import type { WorkspaceFolder } from 'vscode-languageserver/node';
import { isWithin, pathToUri, uriToPath } from './uris';

export interface Folder {
  uri: string;
  root: string;
}

export class WorkspaceFolders {
  private folders: Folder[] = [];

  set(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const list: Folder[] = [];
    for (const f of folders ?? []) {
      const root = uriToPath(f.uri);
      if (root) list.push({ uri: f.uri, root });
    }
    if (list.length === 0 && rootUri) {
      const root = uriToPath(rootUri);
      if (root) list.push({ uri: rootUri, root });
    }
    this.folders = list;
  }

  add(added: readonly WorkspaceFolder[]): void {
    for (const f of added) {
      const root = uriToPath(f.uri);
      if (root && !this.folders.some((x) => x.root === root)) this.folders.push({ uri: f.uri, root });
    }
  }

  remove(removed: readonly WorkspaceFolder[]): void {
    const roots = new Set(removed.map((f) => uriToPath(f.uri)));
    this.folders = this.folders.filter((f) => !roots.has(f.root));
  }

  all(): readonly Folder[] {
    return this.folders;
  }

  /** The innermost folder containing the file, or undefined for files outside the workspace. */
  folderFor(absPath: string | undefined): Folder | undefined {
    if (!absPath) return undefined;
    let best: Folder | undefined;
    for (const f of this.folders) {
      if (isWithin(f.root, absPath) && (!best || f.root.length > best.root.length)) best = f;
    }
    return best;
  }

  folderByRoot(root: string): Folder {
    return this.folders.find((f) => f.root === root) ?? { uri: pathToUri(root), root };
  }
}
