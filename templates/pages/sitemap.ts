import type { ArchiveModel } from '../../src/corpus/archive-model.ts';
import type { PagedTemplate, PageData, SiteContext } from '../../src/render/context.ts';
import { sitemapFiles, sitemapXml, type SitemapFile, type SitemapGroup, type SitemapUrl } from '../../src/markup/sitemap.ts';
import { listingPages } from '../../src/corpus/archive.ts';
import { modifiedDate } from '../../src/corpus/lifecycle.ts';

interface SitemapData extends PageData {
  sitemap: SitemapFile;
}

/**
 * Every listing page (front, section, writer, year, month) with the archive and search pages, then
 * every article (not the 404 page) by the year of its address, newest year first. A listing
 * page's lastmod is its newest story's date; there is no build time in it, so rebuilding changes nothing.
 */
function sitemapGroups(data: PageData, archive: ArchiveModel, withArchive: boolean, perPage: number): SitemapGroup[] {
  const { corpus } = data;
  const entries = corpus.entries;
  const listings: SitemapUrl[] = [];
  for (const page of [...listingPages('/', entries, perPage), ...archive.pages(perPage)]) listings.push({ loc: page.url, lastmod: page.items[0]?.article.date });
  if (withArchive) listings.push({ loc: '/luu-tru/', lastmod: entries[0]?.article.date });
  listings.push({ loc: '/tim-kiem/' });
  const years = new Map<string, SitemapUrl[]>();
  for (const entry of entries) {
    const year = yearOf(entry.url);
    let urls = years.get(year);
    if (!urls) years.set(year, (urls = []));
    urls.push({ loc: entry.url, lastmod: modifiedDate(entry.article) });
  }
  const newestFirst = [...years].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  return [{ name: 'trang', urls: listings }, ...newestFirst.map(([name, urls]) => ({ name, urls }))];
}

/** The year of a story's address (`/2016/06/slug/`); `khac` ("other") for an address without one. */
function yearOf(url: string): string {
  return /^\/(\d{4})\//.exec(url)?.[1] ?? 'khac';
}

/**
 * `/sitemap.xml`, and past 50,000 URLs (a sitemap's limit) `/sitemap.xml` as a sitemap index of
 * `/sitemap-trang.xml` (the listings) and a part per year, `/sitemap-2024.xml`… (see `sitemapFiles`).
 */
export function sitemapTemplate(ctx: SiteContext): PagedTemplate<SitemapFile, SitemapData> {
  return {
    alias: 'sitemap',
    pages: (data) => sitemapFiles(sitemapGroups(data, ctx.archive, ctx.features.archive, ctx.site.perPage)),
    data: {
      permalink: (data: SitemapData) => data.sitemap.url,
      eleventyExcludeFromCollections: true,
    },
    render: ({ sitemap }) => sitemapXml(sitemap, ctx.absolute),
  };
}
