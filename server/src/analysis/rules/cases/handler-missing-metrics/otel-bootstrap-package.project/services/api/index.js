import { createApp } from '@acme/api';

createApp().listen(3000);
