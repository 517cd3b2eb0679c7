/**
 * The README's nginx example, run as written (only the port, the folder and the MIME file's absolute path
 * changed) in front of a site built with --prefix /tin/: the published instructions do serve the site.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, extraArticle, freePort, ROOT, startNginx, tempDir, type StaticServer } from '../browser/harness.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function readmeNginxBlock(): string {
  const block = /```nginx\n([\s\S]*?)```/.exec(README)?.[1];
  if (!block) throw new Error('README.md has no ```nginx example');
  return block;
}

let work: string;
let server: StaticServer;

beforeAll(async () => {
  work = await tempDir('readme-nginx');
  const content = join(work, 'content');
  const site = join(work, '_site');
  await mkdir(content);
  for (const n of [1, 2]) await writeFile(join(content, `tin-${n}.txt`), extraArticle(n));
  const port = await freePort();
  await buildSite(content, site, '/tin/', `http://127.0.0.1:${port}/`);
  const block = readmeNginxBlock()
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/server_name [^;]+;/, '')
    .replace('include mime.types;', 'include /etc/nginx/mime.types;')
    .replace('/srv/toa-soan/_site/', `${site}/`);
  server = await startNginx(block, port);
});

afterAll(async () => {
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("README's nginx example", () => {
  it('is the one adapted here (so the test follows README edits)', () => {
    expect(readmeNginxBlock()).toMatch(/listen 80;[\s\S]*include mime\.types;[\s\S]*alias \/srv\/toa-soan\/_site\/;[\s\S]*error_page 404 \/tin\/404\.html;/);
  });

  it.each([
    ['/tin/', 'text/html; charset=utf-8'],
    ['/tin/style.css', 'text/css; charset=utf-8'],
    ['/tin/feed.xml', 'text/xml; charset=utf-8'],
    ['/tin/sitemap.xml', 'text/xml; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const response = await fetch(`${server.origin}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('answers a missing address with the site’s 404 page and status 404', async () => {
    const response = await fetch(`${server.origin}/tin/2015/01/khong-co-bai-nay/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<h1>Không tìm thấy trang</h1>');
  });
});
