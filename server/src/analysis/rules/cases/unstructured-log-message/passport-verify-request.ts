// @case library=pino-http loggerModule=src/logger.ts path=src/auth/google.ts type=module
import express from 'express';
import pinoHttp from 'pino-http';
import passport from 'passport';
import { Strategy as GoogleStrategy } from 'passport-google-oauth20';
import * as openid from 'openid-client';
import { Retrier } from './retrier';

const app = express();
app.use(pinoHttp());

// passReqToCallback: Passport calls the verify callback with the request first, so `req.log` is pino-http's.
passport.use(
  new GoogleStrategy({ clientID: 'id', clientSecret: 'secret', callbackURL: '/cb', passReqToCallback: true }, async (req, accessToken, refreshToken, profile, done) => {
    const logger = req.log.child({ strategy: 'google' });
    logger.info(`login for ${profile.id}`);
              //~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    done(null, profile);
  }),
);

passport.use(
  new openid.Strategy({ client: {}, passReqToCallback: true }, (req, tokenSet, userinfo, done) => {
    req.log.warn(`token for ${userinfo.sub}`);
               //~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    done(null, userinfo);
  }),
);

// Without the option the first parameter is the access token, not a request.
passport.use(
  new GoogleStrategy({ clientID: 'id', clientSecret: 'secret', callbackURL: '/cb' }, (accessToken, refreshToken, profile, done) => {
    accessToken.log.info(`login for ${profile.id}`);
    done(null, profile);
  }),
);

// Not a Passport strategy: the option means nothing to it.
new Retrier({ passReqToCallback: true }, (req) => {
  req.log.info(`retry ${req.id}`);
});

export default app;
