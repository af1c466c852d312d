import assert from 'node:assert';
import { it, mock } from 'node:test';
import { logger } from './logger';
import { finish } from './jobs';

it('warns about the missing file', () => {
  const mockLogWarn = mock.method(logger, 'warn');
  finish('/tmp/a.txt', 3);
  const arg = mockLogWarn.mock.calls[0].arguments[0];
  assert.deepStrictEqual(arg, `File path '/tmp/a.txt' not found`);
});
