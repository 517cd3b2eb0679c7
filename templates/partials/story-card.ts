import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import { excerpt, isoDateTime, vietnameseShortDate } from '../../src/markup/filters.ts';
import { html, type SafeHtml } from '../../src/markup/html.ts';
import type { EncodedPhoto } from '../../src/markup/images.ts';
import { memoized } from '../../src/markup/memo.ts';
import { storyPhoto, THUMB_SIZES } from './thumbnail.ts';

/** Characters of lead shown in a listing; the featured story gets more room. */
const EXCERPT = 160;
const FEATURED_EXCERPT = 320;

/**
 * One story in a listing: linked title, date, shortened lead, author, and a thumbnail of its first photo
 * when it has one (`firstPhoto`). Reads no body text. Its headline is an `h2`, or an `h3` under a heading
 * of its own (a section's block on the front page).
 * A story appears in up to five listings (front page, section, writer, year, month), so each card is made once.
 */
export const storyCard = memoized(function storyCard(entry: ArticleEntry, featured: boolean, level: 2 | 3 = 2, photo: EncodedPhoto | null = null): SafeHtml {
  const { title, date, lead, author } = entry.article;
  const headline = html`<a href="${entry.url}">${title}</a>`;
  const classes = ['story-card', ...(featured ? ['featured'] : []), ...(photo ? ['with-thumb'] : [])].join(' ');
  return html`<li class="${classes}">
<article>
${level === 2 ? html`<h2 class="story-title">${headline}</h2>` : html`<h3 class="story-title">${headline}</h3>`}
<p class="meta"><time datetime="${isoDateTime(date)}">${vietnameseShortDate(date)}</time>${author ? html` · <span class="author">${author}</span>` : ''}</p>
<p class="excerpt">${excerpt(lead, featured ? FEATURED_EXCERPT : EXCERPT)}</p>
${photo ? html`${storyPhoto(photo, 'thumb', THUMB_SIZES, false)}
` : ''}</article>
</li>`;
});
