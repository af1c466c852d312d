// @case library=pino loggerModule=src/logger.ts path=src/auth/signin.ts
// What runs only in development is printed for the developer at the keyboard and never reaches
// production logs (Outline prints sign-in links this way): left alone. A production test's else
// branch and `!isProduction` are development too; a test of anything else is not.
import { logger } from '../logger';

const env = { isDevelopment: process.env.NODE_ENV === 'development', isProduction: process.env.NODE_ENV === 'production', isCloud: false };

export function signIn(email: string, link: string, code: string) {
  if (env.isDevelopment) {
    logger.info(`Sign-in link for ${email}: ${link}`);
  }
  if (process.env.NODE_ENV !== 'production') logger.info(`Verification code ${code}`);
  if (env.isProduction) {
    logger.info({ email }, 'sign-in link sent');
  } else {
    logger.debug(`Would send ${link}`);
  }
  if (env.isCloud) {
    logger.info(`Cloud sign-in for ${email}`);
              //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }
  logger.info(`Signed in ${email}`);
            //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
