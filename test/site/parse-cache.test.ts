import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseArticle } from '../../src/parser/index.ts';
import { ParseCache } from '../../src/corpus/parse-cache.ts';
import { simpleArticle } from './site-fixture.ts';

async function entryFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.jsonl')).sort();
}

describe('parse cache', () => {
  test('a second read of an unchanged file comes from the cache and equals the parse', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-cache-'));
    const file = path.join(dir, 'bai.txt');
    await writeFile(file, simpleArticle('Tin thử bộ nhớ đệm', 3));
    const cache = new ParseCache(path.join(dir, 'cache'));

    const first = await cache.parseFile(file);
    expect(await entryFiles(cache.dir)).toHaveLength(1);
    const second = await new ParseCache(cache.dir).parseFile(file);
    expect(second).toEqual(first);

    const parsed = parseArticle(await readFile(file, 'utf8'));
    if (!parsed.ok || !second.ok) throw new Error('the article must parse');
    const { body: _markdown, blocks, ...summary } = parsed.article;
    expect(second.summary).toEqual(summary);
    expect(await cache.blocks(second.key, file)).toEqual(blocks);
  });

  test('a deleted entry is made again from the unchanged file; a changed file is an error, not stale text', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-cache-'));
    const file = path.join(dir, 'bai.txt');
    await writeFile(file, simpleArticle('Tin thử xoá bộ nhớ đệm', 4));
    const cache = new ParseCache(path.join(dir, 'cache'));
    const { key } = await cache.parseFile(file);
    const blocks = await cache.blocks(key, file);
    await rm(cache.dir, { recursive: true });
    expect(await cache.blocks(key, file)).toEqual(blocks);
    await rm(cache.dir, { recursive: true });
    await writeFile(file, simpleArticle('Tin đã sửa giữa chừng', 4));
    await expect(cache.blocks(key, file)).rejects.toThrow(/bai\.txt: bài đã thay đổi trong lúc dựng trang/);
  });

  test('an unchanged file is not parsed again: what its entry holds comes back', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-cache-'));
    const file = path.join(dir, 'bai.txt');
    await writeFile(file, simpleArticle('Tiêu đề gốc', 3));
    const cache = new ParseCache(path.join(dir, 'cache'));
    const first = await cache.parseFile(file);
    const [entry] = await entryFiles(cache.dir);
    const entryPath = path.join(cache.dir, entry!);
    await writeFile(entryPath, (await readFile(entryPath, 'utf8')).replace('Tiêu đề gốc', 'Tiêu đề trong bộ nhớ đệm'));
    const again = await cache.parseFile(file);
    expect(again.key).toBe(first.key);
    expect(again.ok && again.summary.title).toBe('Tiêu đề trong bộ nhớ đệm');
  });

  test('an edited file gets a new key and a fresh parse; errors are cached too', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-cache-'));
    const file = path.join(dir, 'bai.txt');
    const cache = new ParseCache(path.join(dir, 'cache'));
    await writeFile(file, simpleArticle('Tiêu đề cũ', 3));
    const before = await cache.parseFile(file);
    await writeFile(file, simpleArticle('Tiêu đề mới', 3));
    const after = await cache.parseFile(file);
    expect(after.key).not.toBe(before.key);
    expect(after.ok && after.summary.title).toBe('Tiêu đề mới');
    expect(await entryFiles(cache.dir)).toHaveLength(2);

    await writeFile(file, 'Không có dòng thời gian.\n');
    const broken = await cache.parseFile(file);
    expect(broken.ok).toBe(false);
    expect(await new ParseCache(cache.dir).parseFile(file)).toEqual(broken);
  });

  test('an unreadable entry is a miss: parsed again, rewritten and counted, never a SyntaxError', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-cache-'));
    const file = path.join(dir, 'bai.txt');
    await writeFile(file, simpleArticle('Tin thử bộ nhớ đệm hỏng', 5));
    const cache = new ParseCache(path.join(dir, 'cache'));
    const fresh = await cache.parseFile(file);
    const blocks = await cache.blocks(fresh.key, file);
    const [entry] = await entryFiles(cache.dir);
    const entryPath = path.join(cache.dir, entry!);
    const whole = await readFile(entryPath, 'utf8');
    const spoilt = ['', whole.slice(0, whole.length / 2), '{"ok":true,"summary":{}}\n[]\n', whole.split('\n')[0]!, 'null\n[]\n'];
    for (const [index, text] of spoilt.entries()) {
      await writeFile(entryPath, text);
      const reader = new ParseCache(cache.dir);
      expect(await reader.parseFile(file)).toEqual(fresh);
      expect(reader.repaired).toBe(1);
      expect(await readFile(entryPath, 'utf8'), `spoilt entry ${index}`).toBe(whole);
    }
    await rm(entryPath);
    await mkdir(entryPath);
    const reader = new ParseCache(cache.dir);
    expect(await reader.parseFile(file)).toEqual(fresh);
    expect(reader.repaired).toBe(1);
    expect(await readFile(entryPath, 'utf8')).toBe(whole);

    // A whole summary over blocks cut short: the page renderer parses the file again.
    await writeFile(entryPath, `${whole.split('\n')[0]}\n[{"kind":"para\n`);
    expect(await new ParseCache(cache.dir).blocks(fresh.key, file)).toEqual(blocks);
    expect(await readFile(entryPath, 'utf8')).toBe(whole);
  });

  test('a cache that cannot be written costs speed only', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-cache-'));
    const file = path.join(dir, 'bai.txt');
    await writeFile(file, simpleArticle('Tin thử bộ nhớ đệm không ghi được', 6));
    // A file where the cache folder should be: no entry can be written below it.
    await writeFile(path.join(dir, 'cache'), 'không phải thư mục');
    const cache = new ParseCache(path.join(dir, 'cache'));
    const parsed = await cache.parseFile(file);
    expect(parsed.ok && parsed.summary.title).toBe('Tin thử bộ nhớ đệm không ghi được');
    expect((await cache.blocks(parsed.key, file)).length).toBeGreaterThan(0);
  });

  test("half-written entries of killed writers are never read, and removed; a live writer's are kept", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-cache-'));
    const file = path.join(dir, 'bai.txt');
    await writeFile(file, simpleArticle('Tin thử tệp tạm', 7));
    const cache = new ParseCache(path.join(dir, 'cache'));
    await cache.parseFile(file);
    const [folder] = await readdir(cache.dir);
    const dead = `tmp-${spawnSync(process.execPath, ['-e', '']).pid}-abc`;
    const live = `tmp-${process.pid}-def`;
    for (const name of [dead, live]) await writeFile(path.join(cache.dir, folder!, name), '{"ok":tr');
    expect((await new ParseCache(cache.dir).parseFile(file)).ok).toBe(true);
    await cache.removeLeftovers();
    expect((await readdir(path.join(cache.dir, folder!))).filter((name) => name.startsWith('tmp-'))).toEqual([live]);
  });
});
