// @case library=pino loggerModule=src/logger.ts path=src/trpc/routers/signup.ts type=module
// A tRPC instance made without a context type still hands its resolvers the request's input: the
// builder is followed from the module that exports it, and the whole input logged is reported.
import { z } from 'zod';
import { logger } from '../../logger';
import { publicProcedure, router } from '../trpc';

export const signupRouter = router({
  create: publicProcedure.input(z.object({ email: z.string(), password: z.string() })).mutation(({ input }) => {
    logger.info({ input }, 'signing up');
                //~~~~~ [sensitive-log-data] Log record includes the whole `input`, the request's input as the client sent it (passwords, tokens, personal data); log only the fields you need.
    return true;
  }),
});
