import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaticSite } from '../src/http/static-site.ts';

describe('static web app', () => {
  let root: string;
  let baseUrl: string;
  let close: () => Promise<void>;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'pilar-site-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<h1>v1</h1>');
    await writeFile(join(root, 'assets', 'app-1.js'), 'console.log(1)');
    const site = createStaticSite(root);
    const server = createServer((req, res) =>
      site?.(req, res, () => {
        res.statusCode = 404;
        res.end('not found');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterEach(async () => {
    await close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves client routes from index.html uncached, and hashed assets for a year', async () => {
    const page = await fetch(`${baseUrl}/settings/general`);
    expect([page.status, await page.text(), page.headers.get('cache-control')]).toEqual([
      200,
      '<h1>v1</h1>',
      'no-cache',
    ]);
    const asset = await fetch(`${baseUrl}/assets/app-1.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('follows a rebuild while running: new files are served, removed ones are 404', async () => {
    await rm(join(root, 'assets', 'app-1.js'));
    await writeFile(join(root, 'assets', 'app-2.js'), 'console.log(2)');
    await writeFile(join(root, 'index.html'), '<h1>v2</h1>');
    expect(await (await fetch(`${baseUrl}/`)).text()).toBe('<h1>v2</h1>');
    expect((await fetch(`${baseUrl}/assets/app-2.js`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/assets/app-1.js`)).status).toBe(404);
  });
});
