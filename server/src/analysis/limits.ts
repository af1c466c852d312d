// Limits shared by the engine and the workspace pass; kept apart from the engine's code so that the
// CLI's front (which loads the engine only on a cache miss) can read them.

/** Larger files are generated or data: skipped with a reason, never read whole. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** `2097153` → "2,097,153": exact, and readable. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * A file over a size limit, in exact bytes: rounded figures read "2.0 MB, over the 2.0 MB limit"
 * for a file one byte over.
 */
export function overSizeLimit(size: number, limit: number): string {
  return `file is ${grouped(size)} byte${size === 1 ? '' : 's'}, over the ${grouped(limit)}-byte limit`;
}

/** Why a source file over the analysis limit is skipped (CLI and editor say the same). */
export function tooLargeToAnalyse(size: number, limit: number): string {
  return `${overSizeLimit(size, limit)} (generated or bundled code is not analysed)`;
}

/**
 * How long one file's analysis may take before it stops and the file is reported as skipped: the
 * language server analyses in its message loop, and no file may hold the editor longer than this.
 * A service file takes milliseconds; only machine-made code comes near.
 */
export const DEFAULT_TIME_BUDGET_MS = 3000;

/**
 * The CLI's: a check in CI must not report different files on a busy machine than on an idle one,
 * nor hang on one; nobody waits on it keystroke by keystroke.
 */
export const CLI_TIME_BUDGET_MS = 30_000;

/** Environment variable that sets the time budget (milliseconds) for the CLI and the language server. */
export const TIME_BUDGET_ENV = 'OBS_LENS_TIME_BUDGET_MS';

/** The time budget the environment asks for, or `fallback` when it names no number of milliseconds. */
export function timeBudgetFrom(env: NodeJS.ProcessEnv, fallback: number): number {
  const raw = env[TIME_BUDGET_ENV];
  const ms = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(ms) && ms >= 0 ? ms : fallback;
}
