import { prometheus } from '@hono/prometheus';
import { Hono } from 'hono';
import { register } from 'prom-client';

type PrometheusHandlers = ReturnType<typeof prometheus>;

// Kept across hot reloads (Karakeep's routes/metrics.ts).
const globalForPrometheus = globalThis as typeof globalThis & { __apiPrometheus?: PrometheusHandlers };
const prometheusHandlers = (globalForPrometheus.__apiPrometheus ??= prometheus({ registry: register, prefix: 'api_' }));

export const { printMetrics, registerMetrics } = prometheusHandlers;

export default new Hono().get('/', printMetrics);
