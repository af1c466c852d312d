import { initTRPC } from '@trpc/server';
import type { TrpcContext } from './context';

const t = initTRPC.meta<{ audit?: boolean }>().context<TrpcContext>().create();

export const router = t.router;
export const procedure = t.procedure;
export const authenticatedProcedure = t.procedure.use(async ({ ctx, next }) => next({ ctx }));
