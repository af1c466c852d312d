// Helpers for "go to code": where a record's caller file could be in the workspace, whether a
// candidate really is a workspace file, and which of its fields to send to the language server.
// No vscode import, so they are tested bare.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Paths, inside one of the workspace folders, that the caller file a record names may refer to.
 * Paths outside every folder are never offered: a log must not open arbitrary files.
 */
export function callerCandidates(file: string, folders: readonly string[]): string[] {
  let f = file.trim();
  if (f.startsWith('file://')) {
    try {
      f = fileURLToPath(f);
    } catch {
      return [];
    }
  }
  if (f === '' || f.includes('\0')) return [];
  const out: string[] = [];
  const inside = (p: string) => folders.some((root) => isBelow(root, p));
  if (path.isAbsolute(f)) {
    const p = path.normalize(f);
    if (inside(p)) out.push(p);
  } else {
    for (const root of folders) {
      const p = path.resolve(root, f);
      if (inside(p)) out.push(p);
    }
  }
  return out;
}

/**
 * The file to open for a candidate path: its real path when, links resolved, it is a regular file
 * below the real path of a workspace folder; else undefined. A log names the path, and a link
 * inside the workspace may lead anywhere (`src/x.ts -> /home/me/.ssh/id_rsa`).
 */
export function workspaceFile(candidate: string, folders: readonly string[]): string | undefined {
  const real = realPath(candidate);
  if (real === undefined) return undefined;
  const roots = folders.map(realPath).filter((r): r is string => r !== undefined);
  if (!roots.some((root) => isBelow(root, real))) return undefined;
  try {
    return fs.statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function realPath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/** Strictly below `root` (the folder itself is no file to open). */
function isBelow(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

const MAX_FIELDS = 50;
const MAX_VALUE = 200;

/** The record's top-level scalar fields (bounded), which help the server break ties between call sites. */
export function lookupFields(parsed: unknown): Record<string, unknown> | undefined {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (n >= MAX_FIELDS) break;
    if (typeof v === 'string') out[k] = v.length > MAX_VALUE ? v.slice(0, MAX_VALUE) : v;
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null) out[k] = v;
    else out[k] = Array.isArray(v) ? [] : {}; // the key's presence matters, not its contents
    n++;
  }
  return out;
}
