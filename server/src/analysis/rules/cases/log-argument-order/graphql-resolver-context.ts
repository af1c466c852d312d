// @case library=pino loggerModule=src/logger.ts path=src/graph/resolvers/runs.ts type=module
// A resolver map typed with GraphQL Code Generator's Resolvers: every resolver gets the generated
// context type (its `ContextType` default) as its third parameter, so `ctx.log` is the context's pino logger.
import type { PlainResolvers, Resolvers } from '../generated/graphql';

const enabled = process.env.RUNS === '1';

export default (enabled
  ? {
      Run: {
        results(parent: { results?: string }, _args: unknown, ctx) {
          try {
            return JSON.parse(parent.results ?? 'null');
          } catch (e) {
            ctx.log.warn('Error formatting results', e);
                                                   //~ [log-argument-order] pino drops an error passed after the message (no message, no stack in the record); pass it first: logger.error(err, 'message').
          }
          return null;
        },
      },
      Query: {
        run: async (_parent, args: { id: string }, context) => {
          context.log.info('loading run', { id: args.id });
                                        //~~~~~~~~~~~~~~~ [log-argument-order] pino drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').
          return null;
        },
      },
    }
  : {}) as Resolvers;

export const others: Resolvers = {
  Query: {
    // Not the context: the second parameter.
    status: (_parent, args) => {
      args.log.info('status', { a: 1 });
      return 'ok';
    },
  },
};

export const plain = {
  Query: {
    ping: (_parent, _args, ctx) => {
      ctx.log.info('ping', { a: 1 });
      return 'pong';
    },
  },
} satisfies PlainResolvers;
