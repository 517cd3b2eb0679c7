import type { ArticleEntry, Corpus } from '../../src/corpus/corpus.ts';
import type { PagedTemplate, PageData, SiteContext } from '../../src/render/context.ts';
import { html } from '../../src/markup/html.ts';
import { listingUrl } from '../../src/corpus/urls.ts';
import { basePage } from '../layouts/base.ts';
import { pageNav } from '../partials/page-nav.ts';
import { storyCard } from '../partials/story-card.ts';

/** One page of the front-page listing. */
export interface ListingPage {
  pageNumber: number;
  items: readonly ArticleEntry[];
  url: string;
}

/** The listing's pages, `perPage` stories each; an empty site still gets a front page. */
export function listingPages(corpus: Corpus, perPage: number): ListingPage[] {
  return Array.from({ length: corpus.pageCount(perPage) }, (_, i) => ({
    pageNumber: i + 1,
    items: corpus.entries.slice(i * perPage, (i + 1) * perPage),
    url: listingUrl(i + 1),
  }));
}

interface ListingData extends PageData {
  listing: ListingPage;
}

/**
 * The front page and its continuation pages (`/`, `/trang/2/`, …), newest story first. Paginated
 * one page description at a time, like every site page, so site-pages workers can share them out.
 */
export function listingTemplate(ctx: SiteContext): PagedTemplate<ListingPage, ListingData> {
  const { site } = ctx;
  return {
    alias: 'listing',
    pages: (data) => listingPages(data.corpus, site.perPage),
    data: {
      permalink: (data: ListingData) => data.listing.url,
      eleventyExcludeFromCollections: true,
    },
    render(data) {
      const { corpus, listing } = data;
      const current = listing.pageNumber;
      const total = corpus.pageCount(site.perPage);
      const entries = listing.items;
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
        ctx.archive.nav,
      );
    },
  };
}
