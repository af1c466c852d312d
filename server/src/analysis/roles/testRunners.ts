// Test-runner configurations read as text: which files a package's jest, vitest or mocha runs as
// tests (jest `testMatch`/`testRegex`/`roots`, vitest `test.include`, mocha `spec`) and which it
// loads to set tests up (jest `setupFiles`/`setupFilesAfterEnv`/`globalSetup`/`globalTeardown`,
// vitest `setupFiles`/`globalSetup`, mocha `require`/`file`). Both kinds are test code.
import * as path from 'node:path';
import { compileGlob, compileRegex, type PathMatcher } from './glob';
import type { ConfigProperty } from './configText';

export interface TestRunner {
  /** Where the configuration was read, for reasons: "jest testMatch in packages/api/jest.config.js". */
  readonly source: string;
  readonly runner: 'jest' | 'vitest' | 'mocha';
  /** The folder patterns are relative to. */
  readonly base: string;
  /** Folders a test must be in (jest `roots`); empty for anywhere under base. */
  readonly roots: readonly string[];
  readonly matchers: readonly PathMatcher[];
  /** Setup and support modules, absolute, as written (without probing for an extension). */
  readonly setupFiles: readonly string[];
}

const JEST_DEFAULT_MATCH = ['**/__tests__/**/*.[jt]s?(x)', '**/?(*.)+(spec|test).[jt]s?(x)'];
const VITEST_DEFAULT_INCLUDE = ['**/*.{test,spec}.?(c|m)[jt]s?(x)'];
/** Properties whose values are not test locations even when their names match (`coverage.include`, transform options). */
const NOT_TEST_LOCATIONS = new Set(['coverage', 'coverageThreshold', 'transform', 'moduleNameMapper', 'globals', 'typecheck', 'benchmark', 'resolve', 'alias']);

function valuesOf(props: readonly ConfigProperty[], key: string, under?: string): string[] {
  const out: string[] = [];
  for (const p of props) {
    if (p.chain[p.chain.length - 1] !== key) continue;
    const parents = p.chain.slice(0, -1);
    if (parents.some((c) => NOT_TEST_LOCATIONS.has(c))) continue;
    if (under !== undefined && !parents.includes(under)) continue;
    out.push(...p.values);
  }
  return out;
}

/** A module path a configuration names: relative to `base`; packages (`jest-extended/all`) are null. */
function modulePath(base: string, value: string): string | null {
  if (!(value.startsWith('.') || value.startsWith('/') || value.startsWith('<rootDir>'))) return null;
  return path.resolve(base, value.replace(/^<rootDir>\/?/, './'));
}

/** Path patterns relative to the base, `<rootDir>/` removed. */
function relativePattern(value: string): string {
  return value.replace(/^<rootDir>\/?/, '').replace(/^\.\//, '');
}

export function jestRunner(configFile: string, props: readonly ConfigProperty[], source: string): TestRunner {
  const configDir = path.dirname(configFile);
  const rootDirValue = valuesOf(props, 'rootDir')[0];
  const base = rootDirValue ? path.resolve(configDir, rootDirValue) : configDir;
  const testMatch = valuesOf(props, 'testMatch');
  const testRegex = valuesOf(props, 'testRegex');
  const matchers = [
    ...(testMatch.length || testRegex.length ? testMatch : JEST_DEFAULT_MATCH).map((g) => compileGlob(relativePattern(g))),
    ...testRegex.map(compileRegex),
  ];
  const roots = valuesOf(props, 'roots').flatMap((r) => modulePath(base, r.startsWith('<rootDir>') || r.startsWith('.') ? r : `./${r}`) ?? []);
  const setupKeys = ['setupFiles', 'setupFilesAfterEnv', 'globalSetup', 'globalTeardown', 'testSequencer', 'snapshotResolver', 'testEnvironment'];
  const setupFiles = setupKeys.flatMap((k) => valuesOf(props, k)).flatMap((v) => modulePath(base, v) ?? []);
  return { source, runner: 'jest', base, roots, matchers, setupFiles };
}

/** A vitest configuration (vitest.config.*, or vite.config.* with a `test` block); null when it configures no tests. */
export function vitestRunner(configFile: string, props: readonly ConfigProperty[], source: string, requireTestBlock: boolean): TestRunner | null {
  const inTest = props.filter((p) => p.chain.includes('test'));
  if (requireTestBlock && inTest.length === 0 && !props.some((p) => p.chain[0] === 'test')) return null;
  const configDir = path.dirname(configFile);
  const rootValue = props.find((p) => p.chain.length === 1 && p.chain[0] === 'root')?.values[0];
  const base = rootValue ? path.resolve(configDir, rootValue) : configDir;
  const include = valuesOf(props, 'include', 'test');
  const matchers = (include.length ? include : VITEST_DEFAULT_INCLUDE).map((g) => compileGlob(relativePattern(g)));
  const setupFiles = ['setupFiles', 'globalSetup'].flatMap((k) => valuesOf(props, k, 'test')).flatMap((v) => modulePath(base, v.startsWith('.') || v.startsWith('/') ? v : `./${v}`) ?? []);
  return { source, runner: 'vitest', base, roots: [], matchers, setupFiles };
}

/** A mocha configuration: .mocharc.* or package.json `mocha`, relative to the package (mocha's working folder). */
export function mochaRunner(packageDir: string, values: { spec: string[]; require: string[]; file: string[] }, source: string): TestRunner {
  const matchers = values.spec.map((g) => compileGlob(relativePattern(g)));
  const setupFiles = [...values.require, ...values.file].flatMap((v) => modulePath(packageDir, v.startsWith('.') || v.startsWith('/') ? v : `./${v}`) ?? []);
  return { source, runner: 'mocha', base: packageDir, roots: [], matchers, setupFiles };
}

/** Whether the runner runs the file as a test. */
export function runsAsTest(runner: TestRunner, absPath: string): boolean {
  if (!absPath.startsWith(runner.base + path.sep)) return false;
  if (runner.roots.length && !runner.roots.some((r) => absPath.startsWith(r + path.sep))) return false;
  const rel = absPath.slice(runner.base.length + 1);
  const posix = path.sep === '/' ? rel : rel.split(path.sep).join('/');
  return runner.matchers.some((m) => m.matches(posix));
}
