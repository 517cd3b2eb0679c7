import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/search/search-index.ts';
import { hashTree } from './site-fixture.ts';

/** A built site in miniature: `count` story pages marked for the index, and a listing that is not. */
async function miniSite(count: number): Promise<string> {
  const site = await mkdtemp(path.join(os.tmpdir(), 'search-index-'));
  for (let i = 1; i <= count; i++) {
    await mkdir(path.join(site, '2016', '06', `bai-${i}`), { recursive: true });
    await writeFile(
      path.join(site, '2016', '06', `bai-${i}`, 'index.html'),
      `<!DOCTYPE html><html lang="vi"><head><title>Bài ${i}</title></head><body><main><article data-pagefind-body><h1>Đảng ủy xã số ${i}</h1><p>Nội dung bài ${i} về Quảng Ngãi.</p></article></main></body></html>`,
    );
  }
  await writeFile(path.join(site, 'index.html'), '<!DOCTYPE html><html lang="vi"><head><title>Trang chủ</title></head><body><h1>Tin mới</h1></body></html>');
  return site;
}

describe('writeSearchIndex', () => {
  it('builds an index per shard of story pages side by side, with the same files every time', async () => {
    const first = await miniSite(7);
    const second = await miniSite(7);
    await Promise.all([writeSearchIndex(first, 3), writeSearchIndex(second, 3)]);

    const root = path.join(first, 'pagefind');
    expect(JSON.parse(await readFile(path.join(root, 'indexes.json'), 'utf8'))).toEqual(['2/', '3/']);
    const pageCounts = [];
    for (const folder of [root, path.join(root, '2'), path.join(root, '3')]) {
      const names = await readdir(folder);
      expect(names).toContain('pagefind-entry.json');
      expect(names.filter((name) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(name))).toEqual([]);
      expect(names.includes('pagefind.js')).toBe(folder === root);
      const entry = JSON.parse(await readFile(path.join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      pageCounts.push(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0));
    }
    expect(pageCounts).toEqual([3, 3, 1]);

    expect(await hashTree(path.join(second, 'pagefind'))).toEqual(await hashTree(root));
  });

  it('says which index could not be written, and stops', async () => {
    const site = await miniSite(4);
    // Where the second index goes, a file: Pagefind cannot make its folder.
    await mkdir(path.join(site, 'pagefind'));
    await writeFile(path.join(site, 'pagefind', '2'), 'not a folder');
    await expect(writeSearchIndex(site, 2)).rejects.toThrow(/^Không lập được chỉ mục tìm kiếm \(Pagefind\): /);
  });
});
