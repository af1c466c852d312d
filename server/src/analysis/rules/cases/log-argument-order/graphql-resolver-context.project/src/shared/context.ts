import type { Logger } from 'pino';

type AuthContext = { userId?: string };

export type GraphQLContext = AuthContext & {
  loaders: Record<string, unknown>;
  log: Logger;
};
