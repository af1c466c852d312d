import pinoHttp from 'pino-http';

it('logs requests', () => {
  const middleware = pinoHttp();
  expect(middleware).toBeDefined();
});
