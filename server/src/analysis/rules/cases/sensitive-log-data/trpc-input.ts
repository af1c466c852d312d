// @case library=pino loggerModule=src/logger.ts path=src/trpc/routers/claims.ts type=module
// A tRPC resolver's `input` is the request's whole payload as the client sent it (Documenso's
// admin routers log it): like a whole request body, it may carry passwords, tokens or personal data.
import { z } from 'zod';
import { authenticatedProcedure, router } from '../trpc';

export const claimsRouter = router({
  create: authenticatedProcedure.input(z.object({ name: z.string(), password: z.string() })).mutation(async ({ input, ctx }) => {
    ctx.logger.info({ input }, 'creating claim');
                    //~~~~~ [sensitive-log-data] Log record includes the whole `input`, the request's input as the client sent it (passwords, tokens, personal data); log only the fields you need.
    // One field of it, named for what it is: nothing secret.
    ctx.logger.info({ name: input.name }, 'claim named');
    return input.name;
  }),
  update: authenticatedProcedure.mutation(async (opts) => {
    opts.ctx.logger.info({ claim: opts.input }, 'updating claim');
                                //~~~~~~~~~~ [sensitive-log-data] Log record includes the whole `opts.input`, the request's input as the client sent it (passwords, tokens, personal data); log only the fields you need.
  }),
});
