import type { ArticleEntry } from '../../src/site/corpus.ts';
import type { PageData, PageTemplate, SiteContext } from '../../src/site/context.ts';
import { isoDateTime } from '../../src/site/filters.ts';
import { escapeHtml } from '../../src/site/html.ts';
import { pageIndex, type IndexData } from '../../src/site/site-index.ts';
import { listingUrl } from '../../src/site/urls.ts';

/**
 * `/sitemap.xml`: every listing page (front, section, writer, year, month), the archive and search
 * pages, and every article (not the 404 page). A listing page's lastmod is
 * its newest story's date; there is no build time in it, so rebuilding changes nothing.
 * A sitemap may list at most 50,000 URLs; a bigger site will need a sitemap index (not written yet).
 */
export function sitemapTemplate(ctx: SiteContext): PageTemplate<PageData & IndexData> {
  const { perPage } = ctx.site;
  const url = (loc: string, lastmod: string | undefined) =>
    `<url><loc>${escapeHtml(ctx.absolute(loc))}</loc>${lastmod ? `<lastmod>${isoDateTime(lastmod)}</lastmod>` : ''}</url>\n`;
  return {
    data: { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true },
    render(data) {
      const { corpus } = data;
      const entries: readonly ArticleEntry[] = corpus.entries;
      let out = '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
      for (let page = 1; page <= corpus.pageCount(perPage); page++) {
        out += url(listingUrl(page), entries[(page - 1) * perPage]?.article.date);
      }
      for (const page of pageIndex(data).pages(perPage)) out += url(page.url, page.items[0]?.article.date);
      out += url('/luu-tru/', entries[0]?.article.date);
      out += url('/tim-kiem/', undefined);
      for (const entry of entries) out += url(entry.url, entry.article.date);
      return `${out}</urlset>\n`;
    },
  };
}
