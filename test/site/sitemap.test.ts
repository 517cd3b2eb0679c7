import { describe, expect, test } from 'vitest';
import { sitemapFiles, sitemapXml, type SitemapUrl } from '../../src/markup/sitemap.ts';
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

describe('sitemap files', () => {
  test('up to the limit: one /sitemap.xml with every URL', () => {
    const files = sitemapFiles(urls, urls.length);
    expect(files).toHaveLength(1);
    const xml = sitemapXml(files[0]!, absolute);
    assertWellFormedXml(xml);
    expect(files[0]!.url).toBe('/sitemap.xml');
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...xml.matchAll(/<loc>/g)]).toHaveLength(urls.length);
    expect(xml).toContain('<loc>https://baoquangngai.example/2021/01/d/?x=1&amp;y=2</loc>');
  });

  test('over the limit: /sitemap.xml is an index of parts holding every URL once, in order', () => {
    const files = sitemapFiles(urls, 3);
    expect(files.map((f) => f.url)).toEqual(['/sitemap.xml', '/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml']);
    const [index, ...parts] = files.map((file) => sitemapXml(file, absolute));
    for (const xml of [index!, ...parts]) assertWellFormedXml(xml);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...index!.matchAll(/<sitemap><loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://baoquangngai.example/sitemap-1.xml',
      'https://baoquangngai.example/sitemap-2.xml',
      'https://baoquangngai.example/sitemap-3.xml',
    ]);
    // Each part's lastmod is its newest URL's, in Vietnam time.
    expect([...index!.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((m) => m[1])).toEqual([
      '2022-03-26T09:00:00+07:00',
      '2021-01-02T09:15:00+07:00',
      '2020-07-01T07:00:00+07:00',
    ]);
    const locs = parts.flatMap((xml) => [...xml.matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(locs).toEqual(urls.map((u) => absolute(u.loc).replace(/&/g, '&amp;')));
    for (const xml of parts) expect([...xml.matchAll(/<url>/g)].length).toBeLessThanOrEqual(3);
  });
});
