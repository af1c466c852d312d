import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { app } from '../src/app';

test('health endpoint answers', async () => {
  const server = app.listen(0);
  const { port } = server.address() as { port: number };
  console.log('test server on port', port);
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  assert.equal(res.status, 200);
  server.close();
});
