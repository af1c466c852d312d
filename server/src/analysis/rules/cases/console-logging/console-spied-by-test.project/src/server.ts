import { throwEnvError, warnDeprecated } from './env';

if (!process.env.ENCRYPTION_KEY) throwEnvError(['ENCRYPTION_KEY']);
warnDeprecated('OLD_KEY');
