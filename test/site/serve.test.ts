import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort, pollUntil } from '../browser/harness.ts';
import { makeContent, PHOTO_ARTICLE, simpleArticle } from './site-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

let content: string;
let base: string;
let server: ChildProcess;
let stderr = '';

beforeAll(async () => {
  content = await makeContent();
  const output = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-serve-')), '_site');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--content', content, '--output', output, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  await pollUntil(`${base}/`, (status) => status === 200, 120_000);
});

afterAll(() => {
  server?.kill();
});

describe('serve', () => {
  test('an edited title is served at its new address, and the front page lists it', async () => {
    await writeFile(path.join(content, 'loat', 'bai-24.txt'), simpleArticle('Tin đã sửa khi đang xem trước', 24));
    const page = await pollUntil(`${base}/2022/03/tin-da-sua-khi-dang-xem-truoc/`, (status, body) => status === 200 && body.includes('Tin đã sửa khi đang xem trước'));
    expect(page).toContain('<h1>Tin đã sửa khi đang xem trước</h1>');
    // The story just older than it links to it by its new title.
    await pollUntil(`${base}/2022/03/tin-ngan-so-23-trong-ngay/`, (_, body) => body.includes('Tin đã sửa khi đang xem trước'));
    await pollUntil(`${base}/`, (_, body) => body.includes('/2022/03/tin-da-sua-khi-dang-xem-truoc/'));
    // The old address is gone.
    await pollUntil(`${base}/2022/03/tin-ngan-so-24-trong-ngay/`, (status) => status === 404);
  });

  test('a replaced photo is re-encoded and its article page shows the new image', async () => {
    const url = `${base}${PHOTO_ARTICLE.url}`;
    const imageOf = (page: string) => /<img src="([^"]+)"/.exec(page)?.[1];
    const before = imageOf(await pollUntil(url, (status) => status === 200));
    expect(before).toMatch(/^\/img\//);
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .jpeg()
      .toFile(path.join(content, PHOTO_ARTICLE.photo));
    const after = imageOf(await pollUntil(url, (_, body) => imageOf(body) !== before));
    expect(after).toMatch(/^\/img\//);
    expect((await fetch(`${base}${after}`)).status).toBe(200);
  });

  test('a broken edit is reported as FILE:LINE and the last good page stays', async () => {
    const file = path.join(content, 'loat', 'bai-23.txt');
    await writeFile(file, 'Bài không còn dòng thời gian.\n\nMột đoạn văn.\n');
    const deadline = Date.now() + 60_000;
    while (!stderr.includes('bai-23.txt:1: NO_DATE') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stderr).toMatch(/loat\/bai-23\.txt:1: NO_DATE: /);
    const page = await fetch(`${base}/2022/03/tin-ngan-so-23-trong-ngay/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Tin ngắn số 23 trong ngày</h1>');
  });
});
