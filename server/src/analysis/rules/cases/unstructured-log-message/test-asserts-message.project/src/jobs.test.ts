import { logger } from './logger';
import { finish } from './jobs';

it('logs the finished job', () => {
  const info = jest.spyOn(logger, 'info');
  finish('42', 3);
  expect(info).toHaveBeenCalledWith(`job ${'42'} finished after retries`);
});
