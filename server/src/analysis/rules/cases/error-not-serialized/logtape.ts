// @case path=apps/workflows/src/checker/alerting.ts type=module rules=error-not-serialized,unstructured-log-message
// OpenStatus logs through LogTape (`getLogger(category)`, message first, `{placeholders}` filled
// from the properties object after it): a logging package the model knows by name. An error's text
// in the properties is a lost stack; a placeholder message is constant.
import { getLogger } from "@logtape/logtape";

const logger = getLogger("workflow");

export async function fetchIncident(id: number, find: (id: number) => Promise<unknown>) {
  try {
    return await find(id);
  } catch (err) {
    logger.warn("Failed to fetch incident data", {
      incident_id: id,
      error_message: err instanceof Error ? err.message : String(err),
                   //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `err instanceof Error ? err.message : String(err)` logs the error as text, which loses its stack and type; log the error object instead.
    });
    logger.error("Failed to fetch incident {incident_id}", { incident_id: id, error: err });
    // LogTape's warn is `warning`; console prints an object argument whole, a field's error text with it.
    logger.warning("Failed to resolve incident", { error_message: (err as Error).message });
                                                                //~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(err as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
    console.error("Failed to parse notification data:", { error: err instanceof Error ? err.message : "Unknown error" });
                                                               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `err instanceof Error ? err.message : "Unknown error"` logs the error as text, which loses its stack and type; log the error object instead.
    logger.error(`Failed to fetch incident ${id}`);
               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }
}
