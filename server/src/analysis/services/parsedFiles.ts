// Trees the file phase already made, lent to the service phase of the same pass. Handler discovery
// and coverage read the files that register routes and the functions handlers call: without this,
// each such file is parsed a second (and third) time after the file phase parsed it. A tree is
// lent only for the very text it was made from.
import type { ParsedServiceFile } from '../rule';

export class ParsedFiles {
  private readonly trees = new Map<string, ParsedServiceFile>();

  keep(parsed: ParsedServiceFile): void {
    this.trees.set(parsed.file, parsed);
  }

  /** The tree of `file` when it was made from `text`, else undefined. */
  get(file: string, text: string): ParsedServiceFile | undefined {
    const p = this.trees.get(file);
    return p && p.text === text ? p : undefined;
  }

  /** Lets the trees go (they hold most of a pass's memory). */
  clear(): void {
    this.trees.clear();
  }
}

/**
 * `files` with those whose trees are kept (`keeps`) moved to the end, each part in its order. A kept
 * tree costs the collector for as long as it lives (it is copied out of the young generation and
 * marked by every full collection after): analysed last, just before the service phase reads and
 * drops them, they live through the fewest collections (about 0.1 s of a 1.6 s pass on the
 * benchmark workspace, bench/prof/phases.ts).
 */
export function treesLast<T>(files: readonly T[], keeps: (file: T) => boolean): T[] {
  const rest: T[] = [];
  const kept: T[] = [];
  for (const f of files) (keeps(f) ? kept : rest).push(f);
  return rest.concat(kept);
}
