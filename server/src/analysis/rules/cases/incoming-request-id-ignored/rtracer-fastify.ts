// @case library=pino path=src/server.ts type=module
import Fastify from 'fastify';
import rTracer from 'cls-rtracer';
import { fastifyPlugin } from 'cls-rtracer';

export const app = Fastify({ logger: true, requestIdHeader: 'x-request-id' });
app.register(rTracer.fastifyPlugin);
//           ~~~~~~~~~~~~~~~~~~~~~ [incoming-request-id-ignored] cls-rtracer makes a new id for every request unless useHeader is true: the x-request-id a caller sent is ignored.
app.register(rTracer.fastifyPlugin, { echoHeader: true });
//           ~~~~~~~~~~~~~~~~~~~~~ [incoming-request-id-ignored] cls-rtracer makes a new id for every request unless useHeader is true: the x-request-id a caller sent is ignored.
app.register(fastifyPlugin, { useHeader: false });
//           ~~~~~~~~~~~~~ [incoming-request-id-ignored] cls-rtracer makes a new id for every request unless useHeader is true: the x-request-id a caller sent is ignored.
app.register(rTracer.fastifyPlugin, { useHeader: true, headerName: 'x-request-id' });
// Fastify's own request id, read from requestIdHeader: judged at the Fastify call.
app.register(rTracer.fastifyPlugin, { useFastifyRequestId: true });
// Options built elsewhere: not in view.
const options = { useHeader: process.env.TRUST_IDS === '1' };
app.register(rTracer.fastifyPlugin, options);
// Another plugin.
app.register(async () => undefined, { useHeader: false });
