import { initializeSentry } from '@acme/shared/sentry/initialize.sentry';
initializeSentry('backend');
import { app } from './app';

app.listen(3000);
