// @case library=pino loggerModule=src/logger.ts path=src/trpc/routers/documents.ts type=module
// tRPC resolvers get `{ ctx }` of the context type named in `initTRPC.context<TrpcContext>()`
// (Documenso's routers): `ctx.logger` is the pino logger TrpcContext declares, through procedure
// builders exported from another module and chained with `.input()`.
import { z } from 'zod';
import { authenticatedProcedure, procedure, router } from '../trpc';

export const documentsRouter = router({
  get: authenticatedProcedure.input(z.object({ id: z.number() })).query(async ({ input, ctx }) => {
    ctx.logger.info(`fetching document ${input.id}`);
                  //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    return { id: input.id };
  }),
  remove: procedure.mutation(async (opts) => {
    opts.ctx.logger.warn(`removing for team ${opts.ctx.teamId}`);
                       //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }),
});

// Not a tRPC builder: its callback's `ctx` is whatever the caller passes.
export const other = {
  query: (fn: (o: { ctx: { logger: { info(m: string): void } } }) => void) => fn,
};
other.query(({ ctx }) => {
  ctx.logger.info(`not a tRPC resolver ${Date.now()}`);
});
