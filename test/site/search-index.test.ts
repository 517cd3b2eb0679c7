import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/search/search-index.ts';
import { searchTiers, type SearchPage } from '../../src/search/search-tiers.ts';
import { hashTree } from './site-fixture.ts';

/** Story dates (Vietnam time) of the miniature site: two today, one earlier this month, one earlier this year, two older years. */
const DATES = ['2020-03-06T09:00', '2020-03-06T07:00', '2020-03-02T09:00', '2020-01-15T09:00', '2019-12-31T23:30', '2016-06-11T07:38'];

/** A built site in miniature: a story page marked for the index per date, and a listing that is not; and its pages to index. */
async function miniSite(dates: readonly string[] = DATES): Promise<{ site: string; pages: SearchPage[] }> {
  const site = await mkdtemp(path.join(os.tmpdir(), 'search-index-'));
  const pages: SearchPage[] = [];
  for (const [i, date] of dates.entries()) {
    const folder = `${date.slice(0, 4)}/${date.slice(5, 7)}/bai-${i}`;
    await mkdir(path.join(site, folder), { recursive: true });
    await writeFile(
      path.join(site, folder, 'index.html'),
      `<!DOCTYPE html><html lang="vi"><head><title>Bài ${i}</title></head><body><main><article data-pagefind-body><h1>Đảng ủy xã số ${i}</h1><p>Nội dung bài ${i} về Quảng Ngãi.</p></article></main></body></html>`,
    );
    pages.push({ file: `${folder}/index.html`, date: `${date}:00+07:00` });
  }
  await writeFile(path.join(site, 'index.html'), '<!DOCTYPE html><html lang="vi"><head><title>Trang chủ</title></head><body><h1>Tin mới</h1></body></html>');
  return { site, pages };
}

async function pageCount(folder: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** Every file under `dir` with its modification time, to tell a file left alone from one written again with the same bytes. */
async function mtimes(dir: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const file of (await readdir(dir, { recursive: true })).sort()) times.set(file, (await stat(path.join(dir, file))).mtimeMs);
  return times;
}

describe('writeSearchIndex', () => {
  it('builds an index per calendar tier side by side, lists them, and writes the same files every time', async () => {
    const first = await miniSite();
    const second = await miniSite();
    await Promise.all([writeSearchIndex(first.site, searchTiers(first.pages)), writeSearchIndex(second.site, searchTiers(second.pages))]);

    const root = path.join(first.site, 'pagefind');
    expect(JSON.parse(await readFile(path.join(root, 'indexes.json'), 'utf8'))).toEqual({
      scopes: [
        { folders: ['ngay/', 'thang/'], year: 2020, month: 3 },
        { folders: ['nam/'], year: 2020, month: null },
        { folders: ['2019/'], year: 2019, month: null },
        { folders: ['2016/'], year: 2016, month: null },
      ],
    });
    expect((await readdir(root)).sort()).toEqual(['2016', '2019', 'indexes.json', 'nam', 'ngay', 'thang']);
    const counts = [];
    for (const tier of ['ngay', 'thang', 'nam', '2019', '2016']) {
      const names = await readdir(path.join(root, tier));
      expect(names.filter((name) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(name)), tier).toEqual([]);
      // Pagefind's script loads its worker and WebAssembly from the first index it opens: they are kept there only.
      for (const engine of ['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind']) expect(names.includes(engine), `${tier}/${engine}`).toBe(tier === 'ngay');
      counts.push(await pageCount(path.join(root, tier)));
    }
    expect(counts).toEqual([2, 1, 1, 1, 1]);

    expect(await hashTree(path.join(second.site, 'pagefind'))).toEqual(await hashTree(root));
  });

  it('with `only`, rebuilds just those tiers, leaves the others byte for byte and removes tiers that are gone', async () => {
    const { site, pages } = await miniSite();
    const root = path.join(site, 'pagefind');
    await writeSearchIndex(site, searchTiers(pages));
    const before = await hashTree(root);
    const beforeTimes = await mtimes(root);

    // A story of the next day: yesterday's two become `thang`, today's `ngay` is the new one alone.
    await mkdir(path.join(site, '2020/03/moi'), { recursive: true });
    await writeFile(path.join(site, '2020/03/moi/index.html'), '<!DOCTYPE html><html lang="vi"><body><article data-pagefind-body><h1>Tin mới nhất</h1></article></body></html>');
    const later = [...pages, { file: '2020/03/moi/index.html', date: '2020-03-07T06:00:00+07:00' }];
    await writeSearchIndex(site, searchTiers(later), { only: new Set(['ngay', 'thang']) });

    const after = await hashTree(root);
    const afterTimes = await mtimes(root);
    const untouched = [...before.keys()].filter((file) => /^(nam|2019|2016|indexes\.json)/.test(file));
    expect(untouched.length).toBeGreaterThan(10);
    for (const file of untouched) {
      expect(after.get(file), file).toBe(before.get(file));
      expect(afterTimes.get(file), file).toBe(beforeTimes.get(file));
    }
    expect(await pageCount(path.join(root, 'ngay'))).toBe(1);
    expect(await pageCount(path.join(root, 'thang'))).toBe(3);
    // The same as a full build of the new article set.
    const full = await miniSite();
    await mkdir(path.join(full.site, '2020/03/moi'), { recursive: true });
    await writeFile(path.join(full.site, '2020/03/moi/index.html'), await readFile(path.join(site, '2020/03/moi/index.html')));
    await writeSearchIndex(full.site, searchTiers(later));
    expect(await hashTree(path.join(full.site, 'pagefind'))).toEqual(after);

    // A story of the next year: `thang` and `nam` are gone, 2020 is a year of its own.
    await mkdir(path.join(site, '2021/01/nam-moi'), { recursive: true });
    await writeFile(path.join(site, '2021/01/nam-moi/index.html'), '<!DOCTYPE html><html lang="vi"><body><article data-pagefind-body><h1>Năm mới</h1></article></body></html>');
    const nextYear = [...later, { file: '2021/01/nam-moi/index.html', date: '2021-01-01T00:30:00+07:00' }];
    await writeSearchIndex(site, searchTiers(nextYear), { only: new Set(['ngay', '2020']) });
    expect((await readdir(root)).sort()).toEqual(['2016', '2019', '2020', 'indexes.json', 'ngay']);
    expect(await pageCount(path.join(root, '2020'))).toBe(5);
    expect(JSON.parse(await readFile(path.join(root, 'indexes.json'), 'utf8'))).toEqual({
      scopes: [
        { folders: ['ngay/'], year: 2021, month: 1 },
        { folders: ['2020/'], year: 2020, month: null },
        { folders: ['2019/'], year: 2019, month: null },
        { folders: ['2016/'], year: 2016, month: null },
      ],
    });
  });

  it('a page a worker cannot read fails the whole index with its name; no worker is left, no tier changes', async () => {
    const { site, pages } = await miniSite();
    const root = path.join(site, 'pagefind');
    await writeSearchIndex(site, searchTiers(pages));
    const before = await hashTree(root);
    const broken = [...pages, { file: '2019/06/mat-tich/index.html', date: '2019-06-01T08:00:00+07:00' }];
    await expect(writeSearchIndex(site, searchTiers(broken))).rejects.toThrow(/2019\/06\/mat-tich\/index\.html|ENOENT/);
    expect(await hashTree(root)).toEqual(before);
    // Every search worker of this process has ended (they are its children, started with tsx's loader).
    const children = execFileSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n');
    expect(children.filter((line) => line.includes('search-worker'))).toEqual([]);
  });

  it('rebuilding a tier whose stories did not change leaves every one of its files as it was, modification time included', async () => {
    const { site, pages } = await miniSite();
    const root = path.join(site, 'pagefind');
    const tiers = searchTiers(pages);
    await writeSearchIndex(site, tiers);
    const before = await mtimes(path.join(root, 'nam'));
    await writeSearchIndex(site, tiers, { only: new Set(['nam']) });
    expect(await mtimes(path.join(root, 'nam'))).toEqual(before);
  });

  it('repairs what a killed run left: a half-written tier goes, a missing tier is built', async () => {
    const { site, pages } = await miniSite();
    const root = path.join(site, 'pagefind');
    const tiers = searchTiers(pages);
    await writeSearchIndex(site, tiers);
    const whole = await hashTree(root);

    await mkdir(path.join(root, '.thang.new-abc123'));
    await writeFile(path.join(root, '.thang.new-abc123', 'pagefind-entry.json'), '{');
    await rename(path.join(root, '2016'), path.join(root, '2016-gone'));
    await writeSearchIndex(site, tiers, { only: new Set() });

    expect((await readdir(root)).sort()).toEqual(['2016', '2016-gone', '2019', 'indexes.json', 'nam', 'ngay', 'thang']);
    const repaired = await hashTree(root);
    for (const [file, hash] of whole) expect(repaired.get(file), file).toBe(hash);
  });

  it('says which index could not be written, and leaves the tiers as they were', async () => {
    const { site, pages } = await miniSite();
    const root = path.join(site, 'pagefind');
    const tiers = searchTiers(pages);
    await writeSearchIndex(site, tiers);
    const before = await hashTree(root);
    const broken = tiers.map((tier) => (tier.name === 'nam' ? { ...tier, files: [...tier.files, '2020/02/khong-co/index.html'] } : tier));
    await expect(writeSearchIndex(site, broken, { only: new Set(['nam']) })).rejects.toThrow(/^Không lập được chỉ mục tìm kiếm \(Pagefind\): .*khong-co/);
    expect(await hashTree(root)).toEqual(before);
    expect((await readdir(root)).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
