import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import type { FrontPage, SectionBlock } from '../../src/corpus/front-page.ts';
import { excerpt, isoDateTime, vietnameseShortDate } from '../../src/markup/filters.ts';
import { html, type SafeHtml } from '../../src/markup/html.ts';
import { slug } from '../../src/slug.ts';
import type { EncodedPhoto } from '../../src/markup/images.ts';
import { storyCard } from './story-card.ts';
import { LEAD_PHOTO_SIZES, storyPhoto } from './thumbnail.ts';

/** The first photo of each story the page shows (`firstPhotos`). */
export type PhotosOf = ReadonlyMap<ArticleEntry, EncodedPhoto | null>;

/** Characters of lead under the lead story's headline. */
const LEAD_EXCERPT = 320;

/** `<time>` of a story, as listings write it: `24/03/2022 08:00`. */
function storyTime(entry: ArticleEntry): SafeHtml {
  return html`<time datetime="${isoDateTime(entry.article.date)}">${vietnameseShortDate(entry.article.date)}</time>`;
}

/**
 * The story a page opens with: its photo, fetched at once as it fills the first screen, a large headline, date and author, and a longer lead. The front page's and each section's.
 */
export function leadStory(entry: ArticleEntry, photo: EncodedPhoto | null): SafeHtml {
  const { title, lead, author } = entry.article;
  return html`<article class="lead-story">
${photo ? html`${storyPhoto(photo, 'lead-photo', LEAD_PHOTO_SIZES, true)}
` : ''}<h2 class="story-title"><a href="${entry.url}">${title}</a></h2>
<p class="meta">${storyTime(entry)}${author ? html` · <span class="author">${author}</span>` : ''}</p>
<p class="excerpt">${excerpt(lead, LEAD_EXCERPT)}</p>
</article>`;
}

/** "Tin mới": the latest headlines with their times, and the way into the numbered pages of every story. */
function latestList(latest: readonly ArticleEntry[], allStories: string | null): SafeHtml {
  return html`<section class="front-latest" aria-labelledby="tin-moi">
<h2 id="tin-moi">Tin mới</h2>
<ol class="latest">
${latest.map((entry) => html`<li>${storyTime(entry)} <a href="${entry.url}">${entry.article.title}</a></li>\n`)}</ol>
${allStories ? html`<p class="all-stories"><a href="${allStories}">Mọi tin, theo trang →</a></p>` : ''}
</section>`;
}

/** A section's block: its name linked to its page, its top story as a card, a few more headlines. */
function sectionBlock({ group, top, more }: SectionBlock, photos: PhotosOf): SafeHtml {
  const id = `muc-${slug(group.url) || 'chuyen-muc'}`;
  return html`<section class="section-block" aria-labelledby="${id}">
<h2 id="${id}" class="section-name"><a href="${group.url}">${group.name}</a></h2>
<ol class="stories">
${storyCard(top, false, 3, photos.get(top) ?? null)}
${more.map((entry) => html`<li class="headline"><a href="${entry.url}">${entry.article.title}</a></li>\n`)}</ol>
</section>`;
}

/**
 * The newspaper's front page: the lead story, the top stories, "Tin mới", then a block per section in
 * menu order. `allStories` is the newest numbered page of every story.
 */
export function frontPageMain(front: FrontPage, photos: PhotosOf, allStories: string | null, siteName: string): SafeHtml {
  if (!front.lead) return html`<h1 class="listing-title">${siteName}</h1>\n<p>Chưa có bài viết nào.</p>`;
  return html`<h1 class="visually-hidden">${siteName}: tin mới nhất</h1>
<div class="front">
<section class="front-lead" aria-label="Tin chính">
${leadStory(front.lead, photos.get(front.lead) ?? null)}
</section>
${front.top.length > 0 ? html`<section class="front-top" aria-label="Tin nổi bật">
<ol class="stories">
${front.top.map((entry) => storyCard(entry, false, 2, photos.get(entry) ?? null))}
</ol>
</section>` : ''}
${latestList(front.latest, allStories)}
</div>
${front.sections.length > 0 ? html`<div class="section-blocks">
${front.sections.map((block) => sectionBlock(block, photos))}
</div>` : ''}`;
}
