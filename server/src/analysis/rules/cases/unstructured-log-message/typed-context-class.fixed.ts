// @case library=pino path=src/queryRunners/refresh.ts
// GrowthBook's request context: a class of another module whose field holds the logger (`public
// logger: pino.BaseLogger`), reached through a parameter typed with it, directly or through type
// aliases in declaration files (`ApiReqContext = ReqContext = ReqContextClass`).
import type { ReqContextClass } from '../services/context';
import type { ApiReqContext } from '../../types/api';

export function refresh(context: ApiReqContext, experimentId: string) {
  context.logger.warn(
    { experimentId },
    'Incremental refresh lock lost for experiment'
  );
  context.logger.warn({ experimentId }, 'Incremental refresh lock lost');
}

export function bandit(context: ReqContextClass, id: string) {
  context.logger.info({ id }, 'Updating bandit');
}
