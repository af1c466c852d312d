import { setup } from '@acme/otel';

setup({ name: 'api' });
