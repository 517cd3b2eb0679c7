import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import type { PagedTemplate, PageData, SiteContext } from '../../src/render/context.ts';
import { html } from '../../src/markup/html.ts';
import { listingPages, type ListingPage } from '../../src/corpus/archive.ts';
import { basePage } from '../layouts/base.ts';
import { pageNav } from '../partials/page-nav.ts';
import { storyCard } from '../partials/story-card.ts';
import { frontPage, type FrontPage } from '../../src/corpus/front-page.ts';
import { frontPageMain } from '../partials/front-page.ts';
import { firstPhotos } from '../partials/thumbnail.ts';

/** What the front page shows: its stories, and of each section only its name and address. */
function shownOnFront({ sections, ...stories }: FrontPage): unknown {
  return { ...stories, sections: sections.map(({ group, top, more }) => ({ name: group.name, url: group.url, top, more })) };
}

interface ListingData extends PageData {
  listing: ListingPage<ArticleEntry>;
}

/**
 * The front page (the newspaper's: lead story, top stories, latest, a block per section; see
 * `frontPage`) and the whole archive's numbered pages (`/trang/1/` the oldest, see `listingPages`),
 * newest story first on each, which the front page links to. Paginated one page description at a
 * time, like every site page, so site-pages workers can share them out; an empty site still gets a front page.
 */
export function listingTemplate(ctx: SiteContext): PagedTemplate<ListingPage<ArticleEntry>, ListingData> {
  const { site } = ctx;
  return {
    alias: 'listing',
    pages: (data) => listingPages('/', data.corpus.entries, site.perPage),
    // The front page shows stories beyond its own 20 (top stories, section blocks): it reads what it chose.
    reads: (listing) => (listing.pageNumber === null ? { ...listing, front: shownOnFront(frontPage(ctx.archive.corpus.entries, ctx.archive.sections)) } : listing),
    data: {
      permalink: (data: ListingData) => data.listing.url,
      eleventyExcludeFromCollections: true,
    },
    async render(data) {
      const { listing } = data;
      const front = listing.pageNumber === null;
      const heading = front ? 'Tin mới nhất' : `Tin bài – trang ${listing.pageNumber}`;
      const entries = listing.items;
      const chosen = front ? frontPage(data.corpus.entries, ctx.archive.sections) : null;
      const shown = chosen ? [chosen.lead, ...chosen.top, ...chosen.sections.map((block) => block.top)].filter((entry) => entry !== null) : entries;
      const photos = await firstPhotos(ctx.images, shown);
      const main = chosen
        ? html`${frontPageMain(chosen, photos, listing.older, site.name)}
${pageNav(listing)}`
        : html`<h1 class="listing-title">${heading}</h1>
<ol class="stories">
${entries.map((entry) => storyCard(entry, false, 2, photos.get(entry) ?? null))}
</ol>
${pageNav(listing)}`;
      return basePage(
        ctx,
        {
          title: front ? `${site.name} – ${heading}` : `${heading} – ${site.name}`,
          description: site.description,
          url: listing.url,
          type: 'website',
        },
        main,
        ctx.archive.nav,
      );
    },
  };
}
