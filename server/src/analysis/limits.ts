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
