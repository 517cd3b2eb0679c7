import type { ArchiveModel } from '../../src/corpus/archive-model.ts';
import type { PagedTemplate, PageData, SiteContext } from '../../src/render/context.ts';
import { sitemapFiles, sitemapXml, type SitemapFile, type SitemapGroup, type SitemapUrl } from '../../src/markup/sitemap.ts';
import { listingHeads } from '../../src/corpus/archive.ts';
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
  for (const { url, newest } of [...listingHeads('/', entries, perPage), ...archive.heads(perPage)]) listings.push({ loc: url, lastmod: newest?.article.date });
  if (withArchive) listings.push({ loc: '/luu-tru/', lastmod: entries[0]?.article.date });
  listings.push({ loc: '/tim-kiem/' });
  const years = new Map<string, SitemapUrl[]>();
  // Newest first, so the stories of a year come together: its list is looked up once a year, not once a story.
  let year: string | undefined;
  let urls: SitemapUrl[] = [];
  for (const entry of entries) {
    const its = yearOf(entry.url);
    if (its !== year) {
      year = its;
      urls = years.get(its) ?? [];
      years.set(its, urls);
    }
    urls.push({ loc: entry.url, lastmod: modifiedDate(entry.article) });
  }
  const newestFirst = [...years].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  return [{ name: 'trang', urls: listings }, ...newestFirst.map(([name, urls]) => ({ name, urls }))];
}

/** The year of a story's address (`/2016/06/slug/`); `khac` ("other") for an address without one. */
function yearOf(url: string): string {
  // Read from its characters, not matched: the sitemap asks this of every story.
  if (url.length < 6 || url.charCodeAt(0) !== SLASH || url.charCodeAt(5) !== SLASH) return OTHER_YEAR;
  for (let i = 1; i < 5; i++) {
    const code = url.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return OTHER_YEAR;
  }
  return url.slice(1, 5);
}

const OTHER_YEAR = 'khac';
const SLASH = 0x2f;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

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
