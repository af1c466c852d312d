// @case library=pino path=packages/director/src/hooks.ts rules=unstructured-log-message
// sorry-cypress: the shared pino logger is given `log = info`, and the services log through it.
import { getLogger } from '@acme/logger';

export function reportHooks(projectId: string, eventType: string) {
  getLogger().log(`[hooks] Hooks set for project ${projectId}`);
  //              ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  getLogger().log({ projectId, eventType }, '[hooks] Reporting');
}
