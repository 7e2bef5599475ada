import { expect, test } from 'vitest';
import { json } from './http/errors.js';
import { createRouter } from './router.js';

const ok = (name: string) => async () => json({ name });
const route = createRouter('/api/cartlift', [
  { method: 'GET', path: '/config', handler: ok('config') },
  { method: 'GET', path: '/admin/*', handler: ok('admin') },
  { method: 'POST', path: '/admin/*', handler: ok('admin-post') },
]);
const call = async (method: string, path: string) => {
  const res = await route(new Request(`http://x${path}`, { method }));
  return { status: res.status, body: await res.json(), allow: res.headers.get('allow') };
};

test('exact and prefix routes, 404 and 405', async () => {
  expect((await call('GET', '/api/cartlift/config')).body).toEqual({ name: 'config' });
  expect((await call('GET', '/api/cartlift/config/')).body).toEqual({ name: 'config' });
  expect((await call('GET', '/api/cartlift/admin')).body).toEqual({ name: 'admin' });
  expect((await call('POST', '/api/cartlift/admin/promotions/1')).body).toEqual({ name: 'admin-post' });
  expect((await call('GET', '/api/cartlift/administrator')).status).toBe(404);
  expect((await call('GET', '/elsewhere')).status).toBe(404);
  expect(await call('DELETE', '/api/cartlift/config')).toMatchObject({ status: 405, allow: 'GET' });
});
