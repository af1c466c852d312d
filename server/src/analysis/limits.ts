// Limits shared by the engine and the workspace pass; kept apart from the engine's code so that the
// CLI's front (which loads the engine only on a cache miss) can read them.

/** Larger files are generated or data: skipped with a reason, never read whole. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
