// @case library=pino loggerModule=src/logger.ts path=src/auth/signin.ts
// What runs only in development is printed for the developer at the keyboard and never reaches
// production logs (Outline prints sign-in links this way): left alone, as is what runs only under the
// test suite (its output is the test run's). "Not production" is not
// development (staging ships its logs), and a bare `dev` or `local` is no environment test.
import { logger } from '../logger';

const env = { isDevelopment: process.env.NODE_ENV === 'development', isProduction: process.env.NODE_ENV === 'production' };
// A constant named so in upper snake case (Leon's `IS_DEVELOPMENT_ENV`).
const IS_DEVELOPMENT_ENV = process.env.LEON_NODE_ENV === 'development';

export function signIn(email: string, link: string, code: string, options: { dev?: boolean }) {
  if (env.isDevelopment) {
    logger.info(`Sign-in link for ${email}: ${link}`);
  }
  if (process.env.NODE_ENV === 'development') logger.info(`Verification code ${code}`);
  if (IS_DEVELOPMENT_ENV) logger.warn(`Failed to send sign-in data for ${email}`);
  if (process.env.NODE_ENV === 'test') logger.info(`Test sign-in code ${code}`);
  if (process.env.NODE_ENV !== 'development') {
    logger.info({ email }, 'sign-in link sent');
  } else {
    logger.debug(`Would send ${link}`);
  }
  if (!env.isProduction) {
    logger.info({ email }, 'Staging sign-in for email');
  }
  if (options.dev) logger.info({ email }, 'Dev flag set by email');
  logger.info({ email }, 'Signed in email');
}

// A callback that returns first unless in development (Docmost's Kysely query log, with its
// environment read through a getter): what follows is development-only. Returning unless in
// production guards nothing.
export function queryLog(env: { getNodeEnv(): string }, event: { sql: string; ms: number }) {
  if (env.getNodeEnv() !== 'development') return;
  logger.debug('query time: ' + event.ms + ' ms');
}

export function slowQuery(env: { getNodeEnv(): string }, event: { sql: string; ms: number }) {
  if (env.getNodeEnv() !== 'production') return;
  logger.warn({ eventSql: event.sql }, 'slow query');
}

// The guard at the top of a long body, and a `throw` as the way out, guard what follows too.
export function explain(env: { getNodeEnv(): string }, plan: { sql: string; cost: number; rows: number }) {
  if (env.getNodeEnv() !== 'development') throw new Error('explain is for development');
  const a = plan.cost;
  const b = plan.rows;
  const c = a * b;
  const d = c + 1;
  const e = d + 1;
  const f = e + 1;
  const g = f + 1;
  const h = g + 1;
  const i = h + 1;
  const j = i + 1;
  const k = j + 1;
  const l = k + 1;
  const m = l + 1;
  const n = m + 1;
  const o = n + 1;
  const q = o + 1;
  const r = q + 1;
  logger.debug('plan: ' + plan.sql + ' ' + r);
}


// A flag or options checked by a function named for development mode (Vendure's email plugin:
// `if (isDevModeOptions(this.options))` before it logs where a development mail went) guards as the
// flag does; a function named for something else does not.
declare function isDevModeOptions(o: unknown): boolean;
declare function isDevMode(): boolean;
declare function isEnabled(o: unknown): boolean;
declare function isLocal(ip: string): boolean;
export function sendMail(options: unknown, to: string, file: string, ip: string) {
  if (isDevModeOptions(options)) {
    logger.info(`Email for ${to} written to ${file}`);
  }
  if (isDevMode()) logger.debug(`Dev mail ${to}`);
  // A guard asking about its argument, not the environment: a mail from a local address is logged in production too.
  if (isLocal(ip)) logger.info({ ip }, 'Local mail from ip');
  if (isEnabled(options)) logger.info({ to }, 'Email sent to');
}

// A module constant holding the environment's test guards as the test does, whatever its name
// (Sharetribe's server: `const dev = process.env.REACT_APP_ENV === 'development'`); a constant
// holding another setting does not.
const dev = process.env.REACT_APP_ENV === 'development';
const verbose = process.env.VERBOSE === 'true';
export function renderInfo(info: { url: string; ms: number }) {
  if (dev) logger.info(`Render info: ${JSON.stringify(info)}`);
  if (verbose) logger.info({ infoUrl: info.url }, 'Rendered');
}
// A parameter or local of that name is not the module's constant.
export function handle(url: string, dev: boolean) {
  if (dev) logger.info({ url }, 'local request');
}

// Either of two such tests (`config.env === 'development' || process.env.E2E_TEST`: Open Collective's
// one-time code, printed for the developer or the end-to-end run); one of them beside a setting
// that may hold in production is no guard.
export function sendOtp(config: { env: string }, email: string, otp: string) {
  if (config.env === 'development' || process.env.E2E_TEST) {
    logger.info(`OTP Code for ${email}: ${otp}`);
  }
  if (config.env === 'development' || process.env.VERBOSE) {
    logger.info({ email }, 'OTP sent to email');
  }
}
