import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import type { PageTemplate, SiteContext } from '../../src/render/context.ts';
import { isoDateTime } from '../../src/markup/filters.ts';
import { escapeHtml as text } from '../../src/markup/html.ts';

/** Google News lists stories of the last two days. */
const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Of `entries` (newest first), the stories of the two days up to the newest one. The window ends at
 * the newest story's date, not at the build's clock, so the same content always gives the same sitemap.
 */
export function newsStories(entries: readonly ArticleEntry[]): ArticleEntry[] {
  const newest = entries[0] ? Date.parse(entries[0].article.date) : 0;
  const stories: ArticleEntry[] = [];
  for (const entry of entries) {
    if (newest - Date.parse(entry.article.date) >= NEWS_WINDOW_MS) break;
    stories.push(entry);
  }
  return stories;
}

/** `/sitemap-news.xml`: a Google News sitemap (publication name and language, date with +07:00, title). */
export function newsSitemapTemplate(ctx: SiteContext): PageTemplate {
  const { site } = ctx;
  return {
    data: { permalink: '/sitemap-news.xml', eleventyExcludeFromCollections: true },
    render({ corpus }) {
      let out = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
`;
      for (const entry of newsStories(corpus.entries)) {
        out += `<url><loc>${text(ctx.absolute(entry.url))}</loc><news:news><news:publication><news:name>${text(site.name)}</news:name><news:language>${site.language}</news:language></news:publication><news:publication_date>${isoDateTime(entry.article.date)}</news:publication_date><news:title>${text(entry.article.title)}</news:title></news:news></url>\n`;
      }
      return `${out}</urlset>\n`;
    },
  };
}
