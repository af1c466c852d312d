import ddTrace from 'dd-trace';

ddTrace
  .init()
  .use('express', { service: 'api' });
