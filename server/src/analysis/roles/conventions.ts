// What a file's path says about its role when nothing in the project's configuration does: test
// folders and names, script folders, tooling files by name, and the weak conventions (public/ and
// static/ hold browser code, migrations/ and seeds/ scripts, build.js and *.config.* build steps)
// that server code importing the file overrides.
import type { Evidence } from './types';

/** Folders holding tests and what only tests use (fixtures, helpers, acceptance support). */
const TEST_DIRS = new Set([
  'test', 'tests', '__tests__', 'e2e', '__mocks__', 'spec', 'testing', 'acceptance', 'cypress', 'playwright', '__fixtures__',
  'test-utils', 'test-utilities', 'test-helpers', 'test-support', 'testutils', 'integration-tests',
  // Type tests: compiled by the type checker, never run (NodeCG's typetest/fake-bundle, tsd's test-d/).
  'typetest', 'typetests', 'type-tests', 'types-test', 'test-d',
]);
// `.scripts/` (Logto's version and release scripts) is a scripts folder as well.
const SCRIPT_DIRS = new Set(['scripts', '.scripts', 'bin']);
/**
 * `tools/` is a scripts folder at the top of a repository or package; deeper it is often a feature (`views/tools/`).
 * So are benchmarks, run by hand against the service (Triton CloudAPI's bench/bench.js).
 */
const TOP_SCRIPT_DIRS = new Set(['tools', 'bench', 'benchmark', 'benchmarks']);
const TOOLING_DIRS = new Set(['.storybook', '.husky']);
/** What CI runs from its own folder: actions/github-script files, custom actions, pipeline helpers. */
const CI_DIRS = new Set(['.github', '.gitlab', '.circleci', '.buildkite']);
const BROWSER_DIRS = new Set(['public', 'static']);
const SCRIPT_FALLBACK_DIRS = new Set(['migrations', 'migration', 'seeds', 'seeders']);
/**
 * Inside a package, usage examples run by hand against the service (Documenso's packages/api/v1/examples/).
 * A package of its own under examples/ (this repository's examples/express-service) is not affected:
 * only folders between the file and its package count.
 */
const EXAMPLE_DIRS = new Set(['examples', 'example']);

/** `x.test.ts`, and a test set aside by its name (`x.vm.test.disabled.ts`, `x.spec.skip.js`): no runner picks it up, yet it is a test. */
const TEST_NAME = /\.(test|spec|e2e-spec|e2e)(\.(disabled|skip|skipped|off|todo))?\.[^.]+$/i;
const TEST_SETUP_NAME = /^(setupTests|setup-tests|test-setup|jest[.-]setup|vitest[.-]setup|global[.-]?setup|global[.-]?teardown)\.[cm]?[jt]sx?$/i;
const TEST_CONFIG_NAME = /^(jest|vitest|karma|cypress|playwright|wdio)([.-][\w-]+)?\.(config|preset)\.[cm]?[jt]s$|\.vitest\.config\.[cm]?[jt]s$|^\.mocharc\.[cm]?js$/i;
const TOOLING_NAME = /^(\.?eslintrc|eslint\.config|\.?prettierrc|prettier\.config|commitlint\.config|\.?commitlintrc|\.?lintstagedrc|lint-staged\.config|\.?stylelintrc|stylelint\.config|\.releaserc|release\.config)(\.[\w-]+)*$|\.stories\.[cm]?[jt]sx?$/i;
const BUILD_NAME = /^(build|gulpfile|gruntfile)\.[cm]?[jt]s$|\.build\.[cm]?[jt]s$|^build-[\w-]+\.[cm]?[jt]s$/i;
/** `*.config.*` is build configuration (vite, webpack, babel) unless server code imports it (a NestJS `app.config.ts`). */
const CONFIG_NAME = /\.config(?:\.[\w-]+)?\.[cm]?[jt]s$/i;
const SEED_NAME = /^seeds?\.[cm]?[jt]s$/i;

const SEPARATOR = /[\\/]/;

/** A path as the conventions read it: its folder names (lower case) and file name. */
export interface PathParts {
  readonly dirs: readonly string[];
  readonly base: string;
  /** The first folder inside the file's package (`tools` in `packages/x/tools/a.ts`). */
  readonly packageTop: string | undefined;
  /** The folders between the file's package and the file (lower case). */
  readonly packageDirs: readonly string[];
}

/** `rel` relative to the root, `relInPackage` to the file's package folder. */
export function pathParts(rel: string, relInPackage: string): PathParts {
  const parts = rel.split(SEPARATOR);
  const base = parts.pop() ?? '';
  const inPackage = relInPackage.split(SEPARATOR);
  const packageDirs = inPackage.slice(0, -1).map((d) => d.toLowerCase());
  return { dirs: parts.map((d) => d.toLowerCase()), base, packageTop: packageDirs[0], packageDirs };
}

/** Tests by folder or name. */
export function testConvention({ dirs, base }: PathParts): Evidence | null {
  const dir = dirs.find((d) => TEST_DIRS.has(d));
  if (dir) return { role: 'test', why: `in ${dir}/ (a test folder)` };
  if (TEST_NAME.test(base)) return { role: 'test', why: `named like a test (${base})` };
  if (TEST_SETUP_NAME.test(base)) return { role: 'test', why: `named like a test setup file (${base})` };
  if (TEST_CONFIG_NAME.test(base)) return { role: 'test', why: `test runner configuration (${base})` };
  return null;
}

/** Scripts by folder, tooling by name. */
export function toolConvention({ dirs, base, packageTop }: PathParts): Evidence | null {
  const ci = dirs.find((d) => CI_DIRS.has(d));
  if (ci) return { role: 'script', why: `in ${ci}/ (run by continuous integration)` };
  const scripts = dirs.find((d) => SCRIPT_DIRS.has(d));
  if (scripts) return { role: 'script', why: `in ${scripts}/ (a scripts folder)` };
  const top = [dirs[0], packageTop].find((d) => d !== undefined && TOP_SCRIPT_DIRS.has(d));
  if (top) return { role: 'script', why: `in ${top}/ (a scripts folder)` };
  const tooling = dirs.find((d) => TOOLING_DIRS.has(d));
  if (tooling) return { role: 'tooling', why: `in ${tooling}/` };
  if (TOOLING_NAME.test(base)) return { role: 'tooling', why: `lint, format, release or storybook file (${base})` };
  return null;
}

/** The weak conventions: a fallback that server code importing the file overrides. */
export function fallbackConvention({ dirs, base, packageDirs }: PathParts): Evidence | null {
  const browser = dirs.find((d) => BROWSER_DIRS.has(d));
  if (browser) return { role: 'browser', why: `in ${browser}/ (served to browsers)`, weak: true };
  // `migrations/`, and a kind of them: `code-migrations/`, `data_migrations/`.
  const script = dirs.find((d) => SCRIPT_FALLBACK_DIRS.has(d) || SCRIPT_FALLBACK_DIRS.has(d.slice(Math.max(d.lastIndexOf('-'), d.lastIndexOf('_')) + 1)));
  if (script) return { role: 'script', why: `in ${script}/ (run by a tool or by hand, not imported by the server)`, weak: true };
  const example = packageDirs.find((d) => EXAMPLE_DIRS.has(d));
  if (example) return { role: 'script', why: `in ${example}/ inside its package (usage examples, run by hand)`, weak: true };
  if (SEED_NAME.test(base)) return { role: 'script', why: `a seed script (${base})`, weak: true };
  if (CONFIG_NAME.test(base)) return { role: 'build', why: `build or tool configuration (${base})`, weak: true };
  // Weak too: NodeBB's server rebuilds its assets on an admin's request with src/meta/build.js.
  if (BUILD_NAME.test(base)) return { role: 'build', why: `build script (${base})`, weak: true };
  return null;
}
