// The vocabulary of file roles: what a file is for, why the engine thinks so, and what the role
// computation needs from the rest of the engine (the project's files and module resolution).
import type { FileKind } from '../rule';

/** A file's role is its FileKind: the name rules ask for. */
export type FileRole = FileKind;

export interface RoleVerdict {
  readonly role: FileRole;
  /** A short reason a person can check, e.g. "package.json scripts.seed runs it" (for `obs-lens explain`). */
  readonly why: string;
  /**
   * Service code because server code imports it, not because the project runs it (an entry, a
   * start script's file): what such a module does when executed directly (`if (require.main ===
   * module)`) is a command's, not the server's (rules/util/commandOnly.ts).
   */
  readonly loadedByServer?: boolean;
  /**
   * Server code that browser code imports too (Karakeep's shared query parser, Documenso's audit-log
   * helpers): a fix must not import the server's logger into it, which would land in the browser bundle.
   */
  readonly sharedWithBrowser?: boolean;
}

/**
 * Resolves an import specifier written in `fromFile` to the workspace file it names (absolute, with
 * its extension), or null for packages, builtins and files outside the workspace. The relative
 * specifiers are probed among the noted files (resolver.ts); the rest go to the project model's
 * resolver (model/resolver.ts: TypeScript's, with tsconfig paths, barrels, workspace packages).
 */
export interface ModuleResolver {
  resolve(fromFile: string, specifier: string): string | null;
  /** The source of the project's compiled output a path specifier names (`./dist/controller.js`), or null. */
  compiledSource(fromFile: string, specifier: string): string | null;
}

/** What the role computation reads from the project model. */
export interface RoleProject {
  /** The workspace root (absolute). */
  readonly root: string;
  /** A file's text, or undefined when it does not exist (reads are recorded by the CLI's cache token). */
  readFile(absPath: string): string | undefined;
  /** The folder of the nearest package.json at or above the file, within the root; null when none. */
  packageDirFor(absPath: string): string | null;
  /** Names of the files in a folder (CI workflows, Dockerfiles); none when not given. */
  fileNames?(dir: string): ReadonlySet<string>;
  /** The folder of the workspace package of this name (a tsconfig's `extends: "@acme/tsconfig/base.json"`); null when none. */
  workspacePackageDir?(name: string): string | null;
}

/**
 * One piece of evidence for a file's role. `weak` evidence is a fallback (a folder name, a whole
 * front-end package): server code importing the file overrides it.
 */
export interface Evidence extends RoleVerdict {
  readonly weak?: boolean;
}
