import * as Sentry from '@sentry/nestjs';

export const initializeSentry = (appName: string) => {
  if (!process.env.SENTRY_DSN) return null;
  Sentry.init({
    dsn: process.env.SENTRY_DSN,
    initialScope: { tags: { service: appName } },
    tracesSampleRate: 1.0,
  });
  return true;
};
