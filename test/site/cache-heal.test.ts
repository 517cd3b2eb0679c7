import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from 'vitest';
import { ImageStore } from '../../src/markup/images.ts';
import { hashTree, makeContent, PHOTO_ARTICLE, SITE_URL } from './site-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** The real build command with its caches in `cacheDir`, so this test spoils no one else's. */
async function buildWithCache(content: string, cacheDir: string): Promise<{ out: string; stdout: string; stderr: string }> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-heal-site-')), '_site');
  const args = ['src/cli.ts', 'build', '--content', content, '--output', out, '--site-url', SITE_URL];
  const { stdout, stderr } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env: { ...process.env, TOA_SOAN_CACHE_DIR: cacheDir } });
  return { out, stdout, stderr };
}

/** Every file below `dir` (not folders), sorted. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Ways an entry is found after a full disk, a kill mid-write or a cache restored half-way. */
const SPOILERS: ((file: string) => Promise<void>)[] = [
  (file) => writeFile(file, ''),
  async (file) => truncate(file, Math.floor((await stat(file)).size / 2)),
  (file) => writeFile(file, '{"ok": tr'),
  (file) => writeFile(file, '{"ok":"yes","warnings":[]}\n[]\n'),
  async (file) => writeFile(file, (await readFile(file, 'utf8')).split('\n')[0]!),
  async (file) => writeFile(file, `${(await readFile(file, 'utf8')).split('\n')[0]}\n[{"kind":"paragraph","te\n`),
  async (file) => writeFile(file, Buffer.alloc((await stat(file)).size, 0x41)),
  async (file) => {
    await rm(file);
    await mkdir(path.join(file, 'folder'), { recursive: true });
  },
];

/**
 * What a crash or a half-restored cache does to an encoded image: gone, cut short, a folder in its
 * place. The image cache checks sizes, not checksums (reading every photo on every build is what
 * it saves), so a file rewritten at its own size is not among them.
 */
const IMAGE_SPOILERS: ((file: string) => Promise<void>)[] = [SPOILERS[0]!, SPOILERS[1]!, SPOILERS[7]!, (file) => rm(file)];

/** The id of a process that has ended: what a killed build's temporary files are named with. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

let content: string;
let cacheDir: string;
let first: { out: string; stdout: string };
let spoiled: string[];

beforeAll(async () => {
  content = await makeContent();
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-heal-cache-'));
  first = await buildWithCache(content, cacheDir);
  spoiled = await filesBelow(cacheDir);
  // The photo's record stays whole here, so its spoilt files must be caught by their sizes; a spoilt record is tested below.
  const images = spoiled.filter((file) => file.startsWith(path.join(cacheDir, 'img') + path.sep) && !file.includes(`${path.sep}records${path.sep}`));
  const entries = spoiled.filter((file) => file.startsWith(path.join(cacheDir, 'articles') + path.sep));
  for (const [index, file] of entries.entries()) await SPOILERS[index % SPOILERS.length]!(file);
  for (const [index, file] of images.entries()) await IMAGE_SPOILERS[index % IMAGE_SPOILERS.length]!(file);
  // What killed writers left: a temporary entry and a staging folder half-way through an encode.
  const [folder] = (await readdir(path.join(cacheDir, 'articles'))).sort();
  await writeFile(path.join(cacheDir, 'articles', folder!, `tmp-${deadPid()}-x1y2z3`), '{"ok":true,"summ');
  const staging = path.join(cacheDir, 'img', `.staging-${deadPid()}-a1b2c3`);
  await mkdir(staging);
  await writeFile(path.join(staging, 'half.avif'), 'half');
});

test('the first build fills both caches: parses and encoded images', async () => {
  const files = spoiled.map((file) => path.relative(cacheDir, file));
  expect(files.filter((file) => file.startsWith('articles/') && file.endsWith('.jsonl')).length).toBeGreaterThan(20);
  // AVIF and JPEG at 640 and 1280 pixels (the photo is 1600 wide: no third width).
  expect(files.filter((file) => /^img\/[0-9a-f]{32}-(640|1280)\.(avif|jpeg)$/.test(file)).length).toBe(4);
  expect(files.filter((file) => file.startsWith('img/records/')).length).toBe(1);
});

test('a build after corrupting every cache entry succeeds and produces the same site byte for byte', async () => {
  const second = await buildWithCache(content, cacheDir);
  expect(second.stderr).not.toMatch(/\n\s+at |SyntaxError/);
  expect(await hashTree(second.out)).toEqual(await hashTree(first.out));
  // One quiet line for the lot, not one per entry.
  expect(second.stdout.split('\n').filter((line) => line.includes('Bộ nhớ đệm'))).toEqual([
    expect.stringMatching(/^Bộ nhớ đệm: \d+ mục hỏng trong .* đã được làm lại\.$/),
  ]);

  const leftovers = (await readdir(cacheDir, { recursive: true })).filter((name) => /(^|\/)(tmp-|\.staging-)/.test(name));
  expect(leftovers).toEqual([]);

  const third = await buildWithCache(content, cacheDir);
  expect(third.stdout).not.toContain('Bộ nhớ đệm');
  expect(await hashTree(third.out)).toEqual(await hashTree(first.out));
});

test('a photo whose record is spoilt is encoded again, into the same files', async () => {
  const store = new ImageStore(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-heal-img-')));
  const photo = path.join(content, PHOTO_ARTICLE.photo);
  const where = { file: path.join(content, PHOTO_ARTICLE.file), line: 1 };
  const picture = await store.encode(photo, where);
  const encoded = await hashTree(store.cacheDir);
  const records = (await filesBelow(store.cacheDir)).filter((file) => file.includes(`${path.sep}records${path.sep}`));
  for (const [index, record] of records.entries()) await SPOILERS[index % SPOILERS.length]!(record);

  const again = new ImageStore(store.cacheDir);
  expect(await again.encode(photo, where)).toEqual(picture);
  expect(await hashTree(store.cacheDir)).toEqual(encoded);
});
