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
