import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pollUntil, startPreview, type Preview } from '../browser/harness.ts';
import { makeContent, PHOTO_ARTICLE, simpleArticle } from './site-fixture.ts';

let content: string;
let preview: Preview;

beforeAll(async () => {
  content = await makeContent();
  const output = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-serve-')), '_site');
  preview = await startPreview(content, output);
});

afterAll(() => {
  preview?.server.kill();
});

describe('serve', () => {
  test('an edited title is served at its new address, and the front page lists it', async () => {
    await writeFile(path.join(content, 'loat', 'bai-24.txt'), simpleArticle('Tin đã sửa khi đang xem trước', 24));
    const page = await pollUntil(`${preview.base}/2022/03/tin-da-sua-khi-dang-xem-truoc/`, (status, body) => status === 200 && body.includes('Tin đã sửa khi đang xem trước'));
    expect(page).toContain('<h1>Tin đã sửa khi đang xem trước</h1>');
    // The story just older than it links to it by its new title.
    await pollUntil(`${preview.base}/2022/03/tin-ngan-so-23-trong-ngay/`, (_, body) => body.includes('Tin đã sửa khi đang xem trước'));
    await pollUntil(`${preview.base}/`, (_, body) => body.includes('/2022/03/tin-da-sua-khi-dang-xem-truoc/'));
    // The old address is gone.
    await pollUntil(`${preview.base}/2022/03/tin-ngan-so-24-trong-ngay/`, (status) => status === 404);
  });

  test('a replaced photo is re-encoded and its article page shows the new image', async () => {
    const url = `${preview.base}${PHOTO_ARTICLE.url}`;
    const imageOf = (page: string) => /<img src="([^"]+)"/.exec(page)?.[1];
    const before = imageOf(await pollUntil(url, (status) => status === 200));
    expect(before).toMatch(/^\/img\//);
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .jpeg()
      .toFile(path.join(content, PHOTO_ARTICLE.photo));
    const after = imageOf(await pollUntil(url, (_, body) => imageOf(body) !== before));
    expect(after).toMatch(/^\/img\//);
    expect((await fetch(`${preview.base}${after}`)).status).toBe(200);
  });

  test('a broken edit is reported as FILE:LINE and the last good page stays', async () => {
    const file = path.join(content, 'loat', 'bai-23.txt');
    await writeFile(file, 'Bài không còn dòng thời gian.\n\nMột đoạn văn.\n');
    const deadline = Date.now() + 60_000;
    while (!preview.stderr().includes('bai-23.txt:1: NO_DATE') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(preview.stderr()).toMatch(/loat\/bai-23\.txt:1: NO_DATE: /);
    const page = await fetch(`${preview.base}/2022/03/tin-ngan-so-23-trong-ngay/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Tin ngắn số 23 trong ngày</h1>');
  });
});
