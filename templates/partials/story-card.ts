import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import { excerpt, isoDateTime, vietnameseShortDate } from '../../src/markup/filters.ts';
import { html, type SafeHtml } from '../../src/markup/html.ts';
import { memoized } from '../../src/markup/memo.ts';

/** Characters of lead shown in a listing; the featured story gets more room. */
const EXCERPT = 160;
const FEATURED_EXCERPT = 320;

/**
 * One story in a listing: linked title, date, shortened lead, author. Reads no body text.
 * A story appears in up to five listings (front page, section, writer, year, month), so each card is made once.
 */
export const storyCard = memoized(function storyCard(entry: ArticleEntry, featured: boolean): SafeHtml {
  const { title, date, lead, author } = entry.article;
  return html`<li class="${featured ? 'story-card featured' : 'story-card'}">
<article>
<h2 class="story-title"><a href="${entry.url}">${title}</a></h2>
<p class="meta"><time datetime="${isoDateTime(date)}">${vietnameseShortDate(date)}</time>${author ? html` · <span class="author">${author}</span>` : ''}</p>
<p class="excerpt">${excerpt(lead, featured ? FEATURED_EXCERPT : EXCERPT)}</p>
</article>
</li>`;
});
