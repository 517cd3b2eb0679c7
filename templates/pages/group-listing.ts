import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import type { PagedTemplate, PageData, SiteContext } from '../../src/render/context.ts';
import { html, type SafeHtml } from '../../src/markup/html.ts';
import type { ArchiveModel, GroupPage, StoryGroup } from '../../src/corpus/archive-model.ts';
import { TOPICS_URL } from '../../src/corpus/archive.ts';
import { basePage } from '../layouts/base.ts';
import { pageTitle } from './article.ts';
import { pageNav } from '../partials/page-nav.ts';
import { storyCard } from '../partials/story-card.ts';
import { leadStory } from '../partials/front-page.ts';
import { firstPhotos } from '../partials/thumbnail.ts';
import { leadStory as chooseLead } from '../../src/corpus/front-page.ts';

interface GroupData extends PageData {
  listing: GroupPage;
}

/** What a group's listing is called: its heading on the root, and what the author page says of itself. */
function heading({ group }: GroupPage): string {
  if (group.kind === 'author') return `Bài của ${group.name}`;
  return group.kind === 'topic' ? `Chủ đề: ${group.name}` : group.name;
}

/** Sections and topics have their own feed, and their pages open with a lead story; writers and the archive by date do not. */
function isFront({ kind }: StoryGroup): boolean {
  return kind === 'section' || kind === 'topic';
}

function monthsOf(archive: ArchiveModel, year: StoryGroup): readonly StoryGroup[] {
  return archive.months.filter((month) => month.url.startsWith(year.url));
}

/** Below a year's heading, its months; below a month's, the way up to its year and the archive. */
function archiveLinks(archive: ArchiveModel, { group }: GroupPage): SafeHtml | '' {
  if (group.kind === 'year') {
    const months = monthsOf(archive, group);
    return html`<nav class="archive-nav" aria-label="Các tháng của ${group.name}"><ul>
${months.map((month) => html`<li><a href="${month.url}">${month.name}</a></li>\n`)}</ul></nav>`;
  }
  if (group.kind === 'topic') return html`<p class="archive-nav"><a href="${TOPICS_URL}">Mọi chủ đề</a></p>`;
  if (group.kind === 'month') {
    const year = group.url.split('/')[1]!;
    return html`<p class="archive-nav"><a href="/${year}/">Cả năm ${year}</a> · <a href="/luu-tru/">Lưu trữ</a></p>`;
  }
  return '';
}

/**
 * The listings of a section (`/thoi-su/`), a topic (`/chu-de/bao-so-4/`), a writer (`/tac-gia/x-thien/`), a year (`/2016/`) and a
 * month (`/2016/06/`): each a root of its newest stories and numbered pages from the oldest (`…/trang/1/`,
 * see `listingPages`), newest story first on each. Reads article metadata only.
 */
export function groupListingTemplate(ctx: SiteContext): PagedTemplate<GroupPage, GroupData> {
  const { site } = ctx;
  return {
    alias: 'listing',
    pages: () => ctx.archive.pages(site.perPage),
    // The group's own stories are the page's items: a story elsewhere in the group leaves this page as it is.
    reads: (listing) => ({
      ...listing,
      group: { kind: listing.group.kind, name: listing.group.name, url: listing.group.url },
      months: listing.pageNumber === null && listing.group.kind === 'year' ? monthsOf(ctx.archive, listing.group).map(({ name, url }) => ({ name, url })) : null,
    }),
    data: {
      permalink: (data: GroupData) => data.listing.url,
      eleventyExcludeFromCollections: true,
    },
    async render(data) {
      const { listing } = data;
      const { group, pageNumber } = listing;
      const { archive } = ctx;
      const title = pageNumber === null ? heading(listing) : `${heading(listing)} – trang ${pageNumber}`;
      const feed = isFront(group) ? { title: `${site.name} – ${group.name}`, url: `${group.url}feed.xml` } : undefined;
      const items = listing.items as ArticleEntry[];
      // A section's or a topic's own page opens like the front page, with its lead story (chosen among the stories it shows).
      const lead = isFront(group) && pageNumber === null ? chooseLead(items) : null;
      const photos = await firstPhotos(ctx.images, items);
      const main = html`<h1 class="listing-title">${title}</h1>
${pageNumber === null ? archiveLinks(archive, listing) : ''}
${lead ? html`${leadStory(lead, photos.get(lead) ?? null)}
` : ''}<ol class="stories">
${items.filter((entry) => entry !== lead).map((entry) => storyCard(entry, false, 2, photos.get(entry) ?? null))}
</ol>
${pageNav(listing)}
${feed ? html`<p class="feed-link"><a href="${feed.url}">Nhận tin ${group.name} qua RSS/Atom</a></p>` : ''}`;
      return basePage(
        ctx,
        {
          title: pageTitle(title, site.name),
          description: `${title}: tin bài của ${site.name}, mới nhất trước.`,
          url: listing.url,
          type: 'website',
          ...(feed ? { feed } : {}),
        },
        main,
        archive.nav,
      );
    },
  };
}
