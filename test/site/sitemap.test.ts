import { describe, expect, test } from 'vitest';
import { sitemapFiles, sitemapXml, type SitemapGroup, type SitemapUrl } from '../../src/markup/sitemap.ts';
import { assertWellFormedXml } from './site-fixture.ts';

const absolute = (url: string) => `https://baoquangngai.example${url}`;
const urls: SitemapUrl[] = [
  { loc: '/', lastmod: '2022-03-26T09:00:00+07:00' },
  { loc: '/2022/03/a/', lastmod: '2022-03-26T09:00:00+07:00' },
  { loc: '/2022/03/b/', lastmod: '2022-03-25T09:00:00+07:00' },
  { loc: '/tim-kiem/' },
  { loc: '/2021/01/c/', lastmod: '2021-01-02T09:15:00+07:00' },
  { loc: '/2021/01/d/?x=1&y=2', lastmod: '2021-01-01T09:15:00+07:00' },
  { loc: '/2020/07/e/', lastmod: '2020-07-01T00:00:00Z' },
];

// As the sitemap template groups them: the listings, then each year's stories, newest year first.
const groups: SitemapGroup[] = [
  { name: 'trang', urls: [urls[0]!, urls[3]!] },
  { name: '2022', urls: [urls[1]!, urls[2]!] },
  { name: '2021', urls: [urls[4]!, urls[5]!] },
  { name: '2020', urls: [urls[6]!] },
];
const inGroups = groups.flatMap((group) => group.urls);

describe('sitemap files', () => {
  test('up to the limit: one /sitemap.xml with every URL', () => {
    const files = sitemapFiles(groups, urls.length);
    expect(files).toHaveLength(1);
    const xml = sitemapXml(files[0]!, absolute);
    assertWellFormedXml(xml);
    expect(files[0]!.url).toBe('/sitemap.xml');
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual(inGroups.map((u) => absolute(u.loc).replace(/&/g, '&amp;')));
    expect(xml).toContain('<loc>https://baoquangngai.example/2021/01/d/?x=1&amp;y=2</loc>');
  });

  test('over the limit: /sitemap.xml is an index of a part per group, each group cut at the limit, every URL once, in order', () => {
    const files = sitemapFiles(groups, 2);
    expect(files.map((f) => f.url)).toEqual(['/sitemap.xml', '/sitemap-trang.xml', '/sitemap-2022.xml', '/sitemap-2021.xml', '/sitemap-2020.xml']);
    const [index, ...parts] = files.map((file) => sitemapXml(file, absolute));
    for (const xml of [index!, ...parts]) assertWellFormedXml(xml);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...index!.matchAll(/<sitemap><loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual(files.slice(1).map((file) => absolute(file.url)));
    // Each part's lastmod is its newest URL's, in Vietnam time; a part without dates has none.
    expect([...index!.matchAll(/<sitemap>(.*?)<\/sitemap>/g)].map((m) => /<lastmod>([^<]+)</.exec(m[1]!)?.[1])).toEqual([
      '2022-03-26T09:00:00+07:00',
      '2022-03-26T09:00:00+07:00',
      '2021-01-02T09:15:00+07:00',
      '2020-07-01T07:00:00+07:00',
    ]);
    const locs = parts.flatMap((xml) => [...xml.matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(locs).toEqual(inGroups.map((u) => absolute(u.loc).replace(/&/g, '&amp;')));

    const cut = sitemapFiles(groups, 1);
    expect(cut.map((f) => f.url)).toEqual([
      '/sitemap.xml',
      '/sitemap-trang-1.xml',
      '/sitemap-trang-2.xml',
      '/sitemap-2022-1.xml',
      '/sitemap-2022-2.xml',
      '/sitemap-2021-1.xml',
      '/sitemap-2021-2.xml',
      '/sitemap-2020.xml',
    ]);
    for (const file of cut.slice(1)) expect(file.kind === 'urlset' && file.urls.length).toBe(1);
  });

  test("a new story changes only the listings part and its year's: the other parts keep their bytes", () => {
    const before = sitemapFiles(groups, 2);
    const story = { loc: '/2022/04/f/', lastmod: '2022-04-01T09:00:00+07:00' };
    const after = sitemapFiles(
      groups.map((group) => (group.name === 'trang' ? { ...group, urls: [{ ...urls[0]!, lastmod: story.lastmod }, urls[3]!] } : group.name === '2022' ? { ...group, urls: [story, ...group.urls] } : group)),
      2,
    );
    const xml = (files: typeof before) => new Map(files.map((file) => [file.url, sitemapXml(file, absolute)]));
    const [was, now] = [xml(before), xml(after)];
    const changed = [...now.keys()].filter((url) => now.get(url) !== was.get(url));
    expect(changed).toEqual(['/sitemap.xml', '/sitemap-trang.xml', '/sitemap-2022-1.xml', '/sitemap-2022-2.xml']);
  });
});
