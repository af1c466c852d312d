// @case library=pino path=src/queryRunners/refresh.ts
// GrowthBook's request context: a class of another module whose field holds the logger (`public
// logger: pino.BaseLogger`), reached through a parameter typed with it, directly or through type
// aliases in declaration files (`ApiReqContext = ReqContext = ReqContextClass`).
import type { ReqContextClass } from '../services/context';
import type { ApiReqContext } from '../../types/api';

export function refresh(context: ApiReqContext, experimentId: string) {
  context.logger.warn('Incremental refresh lock lost for experiment: ' + experimentId);
                    //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  context.logger.warn({ experimentId }, 'Incremental refresh lock lost');
}

export function bandit(context: ReqContextClass, id: string) {
  context.logger.info(`Updating bandit ${id}`);
                    //~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
