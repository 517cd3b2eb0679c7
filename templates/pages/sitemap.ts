import type { ArchiveModel } from '../../src/corpus/archive-model.ts';
import type { PagedTemplate, PageData, SiteContext } from '../../src/render/context.ts';
import { sitemapFiles, sitemapXml, type SitemapFile, type SitemapUrl } from '../../src/markup/sitemap.ts';
import { listingPages } from '../../src/corpus/archive.ts';
import { modifiedDate } from '../../src/corpus/lifecycle.ts';

interface SitemapData extends PageData {
  sitemap: SitemapFile;
}

/**
 * Every listing page (front, section, writer, year, month), the archive and search pages, and
 * every article (not the 404 page). A listing page's lastmod is its newest story's date; there is
 * no build time in it, so rebuilding changes nothing.
 */
function sitemapUrls(data: PageData, archive: ArchiveModel, withArchive: boolean, perPage: number): SitemapUrl[] {
  const { corpus } = data;
  const entries = corpus.entries;
  const urls: SitemapUrl[] = [];
  for (const page of [...listingPages('/', entries, perPage), ...archive.pages(perPage)]) urls.push({ loc: page.url, lastmod: page.items[0]?.article.date });
  if (withArchive) urls.push({ loc: '/luu-tru/', lastmod: entries[0]?.article.date });
  urls.push({ loc: '/tim-kiem/' });
  for (const entry of entries) urls.push({ loc: entry.url, lastmod: modifiedDate(entry.article) });
  return urls;
}

/**
 * `/sitemap.xml`, and past 50,000 URLs (a sitemap's limit) `/sitemap.xml` as a sitemap index of
 * `/sitemap-1.xml`, `/sitemap-2.xml`… (see `sitemapFiles`).
 */
export function sitemapTemplate(ctx: SiteContext): PagedTemplate<SitemapFile, SitemapData> {
  return {
    alias: 'sitemap',
    pages: (data) => sitemapFiles(sitemapUrls(data, ctx.archive, ctx.features.archive, ctx.site.perPage)),
    data: {
      permalink: (data: SitemapData) => data.sitemap.url,
      eleventyExcludeFromCollections: true,
    },
    render: ({ sitemap }) => sitemapXml(sitemap, ctx.absolute),
  };
}
