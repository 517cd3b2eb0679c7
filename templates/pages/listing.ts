import type { ArticleEntry } from '../../src/site/corpus.ts';
import type { PageData, PageTemplate, SiteContext } from '../../src/site/context.ts';
import { html } from '../../src/site/html.ts';
import { pageIndex, type IndexData } from '../../src/site/site-index.ts';
import { listingUrl } from '../../src/site/urls.ts';
import { basePage } from '../layouts/base.ts';
import { pageNav } from '../partials/page-nav.ts';
import { storyCard } from '../partials/story-card.ts';

/** The front page and its continuation pages (`/`, `/trang/2/`, …), newest story first. */
export function listingTemplate(ctx: SiteContext): PageTemplate<PageData & IndexData> {
  const { site } = ctx;
  return {
    data: {
      pagination: { data: 'corpus.entries', size: site.perPage },
      permalink: (data: PageData) => listingUrl(data.pagination.pageNumber + 1),
      // An empty site still gets a front page.
      generatePageOnEmptyData: true,
      eleventyExcludeFromCollections: true,
    },
    render(data) {
      const { corpus, pagination } = data;
      const current = pagination.pageNumber + 1;
      const total = corpus.pageCount(site.perPage);
      const entries = pagination.items as ArticleEntry[];
      const heading = current === 1 ? 'Tin mới nhất' : `Tin mới nhất – trang ${current}`;
      const main = html`<h1 class="${current === 1 ? 'visually-hidden' : 'listing-title'}">${heading}</h1>
${entries.length === 0 ? html`<p>Chưa có bài viết nào.</p>` : html`<ol class="stories">
${entries.map((entry, i) => storyCard(entry, current === 1 && i === 0))}
</ol>`}
${pageNav(current, total)}`;
      return basePage(
        ctx,
        {
          title: current === 1 ? `${site.name} – ${heading}` : `${heading} – ${site.name}`,
          description: site.description,
          url: listingUrl(current),
          type: 'website',
        },
        main,
        pageIndex(data).nav,
      );
    },
  };
}
