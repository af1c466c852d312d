import type { Logger } from 'pino';
import { logger } from '../logger';

export type TrpcContext = ({ user: null } | { user: { id: number } }) & {
  teamId: number | undefined;
  logger: Logger;
};

export const createContext = (): TrpcContext => ({ user: null, teamId: undefined, logger: logger.child({ scope: 'trpc' }) });
