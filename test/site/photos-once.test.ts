import { execFile } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gitBlobId } from '../../src/corpus/file-identity.ts';
import { ImageStore, parseRecord, PHOTO_SETTINGS, photoKey, recordFiles, settingsId, type PhotoRecord } from '../../src/markup/images.ts';
import { FIXTURES, hashTree, listFiles, PHOTO_ARTICLE, PHOTO_FIXTURE, SITE_URL, story } from './site-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

interface Built {
  code: number;
  out: string;
  stdout: string;
  stderr: string;
}

/** The real build command, with its caches in `cacheDir`, `extra` arguments and environment `env`. */
async function build(content: string, cacheDir: string, extra: string[] = [], env: Record<string, string> = {}): Promise<Built> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-once-site-')), '_site');
  const args = ['src/cli.ts', 'build', '--content', content, '--output', out, '--site-url', SITE_URL, '--no-search', ...extra];
  try {
    const { stdout, stderr } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env: { ...process.env, ...env, TOA_SOAN_CACHE_DIR: cacheDir } });
    return { code: 0, out, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** `dir` served under `/tin/` on 127.0.0.1, every request path recorded. */
async function serve(dir: string): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    requests.push(pathname);
    const file = path.join(dir, pathname.replace(/^\/tin\//, ''));
    stat(file).then(
      (found) => {
        if (!found.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'content-length': found.size });
        createReadStream(file).pipe(res);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/tin/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const tempFolder = (stem: string) => mkdtemp(path.join(os.tmpdir(), `toa-soan-once-${stem}-`));

/** What readers are served: every file but the build's own state in `.toa-soan/` (which names the build's options). */
async function site(dir: string): Promise<Map<string, string>> {
  const hashes = await hashTree(dir);
  for (const file of hashes.keys()) if (file.startsWith('.toa-soan/')) hashes.delete(file);
  return hashes;
}

/** Pages and everything else the site has, without the images and records under `img/`. */
async function pages(dir: string): Promise<Map<string, string>> {
  const hashes = await site(dir);
  for (const file of hashes.keys()) if (file.startsWith('img/')) hashes.delete(file);
  return hashes;
}

const imageFiles = (files: readonly string[]) => files.filter((file) => /^img\/[^/]+\.(avif|jpeg)$/.test(file));

let content: string;
let key: string;
let first: Built;

beforeAll(async () => {
  content = await tempFolder('content');
  await mkdir(path.join(content, 'anh'));
  await writeFile(path.join(content, PHOTO_ARTICLE.file), await readFile(path.join(FIXTURES, PHOTO_FIXTURE)));
  const photo = await sharp({ create: { width: 1000, height: 750, channels: 3, background: { r: 30, g: 140, b: 90 } } }).jpeg().toBuffer();
  await writeFile(path.join(content, PHOTO_ARTICLE.photo), photo);
  // A second story, so that workers render the pages when shards of one article are asked for.
  await writeFile(path.join(content, 'anh', 'khac.txt'), story('Một bài khác không có ảnh', '08:00, 02/08/2020', 'Bài: PHÓNG VIÊN'));
  key = photoKey(gitBlobId(photo));
  first = await build(content, await tempFolder('cache'));
  expect(first.stderr).not.toMatch(/\n\s+at /);
  expect(first.code).toBe(0);
});

describe('a first build', () => {
  test('writes the photo as AVIF and JPEG at 640 px and its own width (never upscaled), and its record', async () => {
    const files = await listFiles(first.out);
    const record = parseRecord(await readFile(path.join(first.out, 'img/rec', `${key}.json`), 'utf8'), key)!;
    expect(record.files.map(({ name, width, height }) => [name, width, height])).toEqual([
      [`${key}-640.avif`, 640, 480],
      [`${key}-1000.avif`, 1000, 750],
      [`${key}-640.jpeg`, 640, 480],
      [`${key}-1000.jpeg`, 1000, 750],
    ]);
    for (const file of record.files) expect((await stat(path.join(first.out, 'img', file.name))).size).toBe(file.bytes);
    expect(files.filter((file) => file.startsWith('img/')).sort()).toEqual(recordFiles(record).sort());
    const page = await readFile(path.join(first.out, PHOTO_ARTICLE.url, 'index.html'), 'utf8');
    expect(page).toContain(`<source type="image/avif" srcset="/img/${key}-640.avif 640w, /img/${key}-1000.avif 1000w"`);
    expect(page).toContain(`<img src="/img/${key}-1000.jpeg" srcset="/img/${key}-640.jpeg 640w, /img/${key}-1000.jpeg 1000w"`);
  });
});

describe('a build given the site as published before', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve(first.out);
  });
  afterAll(() => server.close());

  test('with an empty cache encodes nothing, downloads no image, and writes the same pages and records but no image files', async () => {
    const cache = await tempFolder('empty-cache');
    const second = await build(content, cache, ['--previous', server.url]);
    expect(second.stderr).toBe(first.stderr);
    expect(second.code).toBe(0);
    expect(await pages(second.out)).toEqual(await pages(first.out));
    const files = await listFiles(second.out);
    expect(files.filter((file) => file.startsWith('img/'))).toEqual([`img/rec/${key}.json`]);
    expect(await readFile(path.join(second.out, 'img/rec', `${key}.json`))).toEqual(await readFile(path.join(first.out, 'img/rec', `${key}.json`)));
    // Nothing encoded: an encode leaves its files in the cache.
    expect(imageFiles(await listFiles(cache).catch(() => []))).toEqual([]);
    // The address ledger (a story's old addresses), then the photo's record: no image.
    expect(server.requests).toEqual(['/tin/addresses.json', `/tin/img/rec/${key}.json`]);
  });

  test('rendered by workers, the same', async () => {
    const cache = await tempFolder('empty-cache');
    const second = await build(content, cache, ['--previous', server.url], { TOA_SOAN_SHARD_SIZE: '1', TOA_SOAN_SITE_SHARDS: '2' });
    expect(second.code).toBe(0);
    expect(await pages(second.out)).toEqual(await pages(first.out));
    expect((await listFiles(second.out)).filter((file) => file.startsWith('img/'))).toEqual([`img/rec/${key}.json`]);
    expect(imageFiles(await listFiles(cache).catch(() => []))).toEqual([]);
  });

  test('as a folder, the same', async () => {
    const cache = await tempFolder('empty-cache');
    const second = await build(content, cache, ['--previous', first.out]);
    expect(second.code).toBe(0);
    expect(await pages(second.out)).toEqual(await pages(first.out));
    expect((await listFiles(second.out)).filter((file) => file.startsWith('img/'))).toEqual([`img/rec/${key}.json`]);
    expect(imageFiles(await listFiles(cache).catch(() => []))).toEqual([]);
  });

  test('that lacks the record encodes the photo and writes its files', async () => {
    const cache = await tempFolder('empty-cache');
    const second = await build(content, cache, ['--previous', await tempFolder('empty-site')]);
    expect(second.code).toBe(0);
    expect(await site(second.out)).toEqual(await site(first.out));
    expect(imageFiles(await listFiles(cache))).toHaveLength(4);
  });

  test('that cannot be reached stops the build before anything is written: without its ledger, old addresses would be lost', async () => {
    const second = await build(content, await tempFolder('empty-cache'), ['--previous', 'http://127.0.0.1:9/']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('Không dựng trang: cần sổ địa chỉ của trang đã xuất bản');
    expect(existsSync(second.out)).toBe(false);
  });

  test('that is neither an address nor a folder is a usage error', async () => {
    const wrong = await build(content, await tempFolder('cache'), ['--previous', path.join(content, 'khong-co')]);
    expect(wrong.code).toBe(2);
    const [first, usage, ...rest] = wrong.stderr.trimEnd().split('\n');
    expect(first).toMatch(/^toa-soan build: --previous: ".*khong-co" không phải địa chỉ http\(s\) hay thư mục có sẵn/);
    expect(usage).toMatch(/^Cách dùng \(usage\): toa-soan build .*\[--previous ĐỊA_CHỈ\|THƯ_MỤC\]/);
    expect(rest).toEqual(['(toa-soan build --help cho biết chi tiết)']);
  });
});

describe('photoKey', () => {
  test('another photo, or other settings, give another key', () => {
    const id = gitBlobId(Buffer.from('ảnh'));
    expect(photoKey(id)).toMatch(/^[0-9a-f]{32}$/);
    expect(photoKey(id)).toBe(photoKey(gitBlobId(Buffer.from('ảnh'))));
    expect(photoKey(gitBlobId(Buffer.from('ảnh mới')))).not.toBe(photoKey(id));
    const versions = { sharp: '0.33.5', vips: '8.15.3' };
    const current = settingsId(PHOTO_SETTINGS, versions);
    expect(photoKey(id, settingsId(PHOTO_SETTINGS, versions))).toBe(photoKey(id, current));
    expect(photoKey(id, settingsId({ ...PHOTO_SETTINGS, avif: { quality: 50, effort: 4 } }, versions))).not.toBe(photoKey(id, current));
    expect(photoKey(id, settingsId({ ...PHOTO_SETTINGS, widths: [640, 1440] }, versions))).not.toBe(photoKey(id, current));
    expect(photoKey(id, settingsId(PHOTO_SETTINGS, { ...versions, sharp: '0.34.0' }))).not.toBe(photoKey(id, current));
  });
});

describe('the image cache', () => {
  const where = () => ({ file: path.join(content, PHOTO_ARTICLE.file), line: 1 });
  const photoFile = () => path.join(content, PHOTO_ARTICLE.photo);

  test('answers from the previous site without encoding, and counts what it encodes', async () => {
    const cacheDir = await tempFolder('store');
    const fromPrevious = new ImageStore(cacheDir, { previous: first.out });
    const picture = await fromPrevious.encode(photoFile(), where());
    expect(fromPrevious.encodedCount).toBe(0);
    const encoding = new ImageStore(cacheDir);
    expect(await encoding.encode(photoFile(), where())).toEqual(picture);
    expect(encoding.encodedCount).toBe(1);
    const cached = new ImageStore(cacheDir);
    expect(await cached.encode(photoFile(), where())).toEqual(picture);
    expect(cached.encodedCount).toBe(0);
  });

  test('repairs what a killed encode left: a staging folder, a record whose file is missing or cut short', async () => {
    const cacheDir = await tempFolder('store');
    const store = new ImageStore(cacheDir);
    const picture = await store.encode(photoFile(), where());
    const record = JSON.parse(await readFile(path.join(cacheDir, 'records', `${key}.json`), 'utf8')) as PhotoRecord;
    const whole = await hashTree(cacheDir);
    const spoilers: ((file: string) => Promise<void>)[] = [(file) => rm(file), async (file) => truncate(file, Math.floor((await stat(file)).size / 2))];
    for (const [index, file] of record.files.entries()) {
      await spoilers[index % spoilers.length]!(path.join(cacheDir, file.name));
      const deadPid = 2 ** 22 + 1;
      await mkdir(path.join(cacheDir, `.staging-${deadPid}-a1b2c3`));
      await writeFile(path.join(cacheDir, `.staging-${deadPid}-a1b2c3`, `${key}-640.avif`), 'half');
      const again = new ImageStore(cacheDir);
      expect(await again.removeLeftovers()).toBe(1);
      expect(await again.encode(photoFile(), where())).toEqual(picture);
      expect(again.encodedCount).toBe(1);
      expect(await hashTree(cacheDir)).toEqual(whole);
    }
    expect((await readdir(cacheDir)).filter((name) => name.startsWith('.staging-'))).toEqual([]);
  });
});
