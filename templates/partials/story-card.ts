import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import { excerpt, isoDateTime, vietnameseShortDate } from '../../src/markup/filters.ts';
import { html, type SafeHtml } from '../../src/markup/html.ts';
import { memoized } from '../../src/markup/memo.ts';

/** Characters of lead shown in a listing; the featured story gets more room. */
const EXCERPT = 160;
const FEATURED_EXCERPT = 320;

/**
 * One story in a listing: linked title, date, shortened lead, author. Reads no body text. Its headline
 * is an `h2`, or an `h3` under a heading of its own (a section's block on the front page).
 * A story appears in up to five listings (front page, section, writer, year, month), so each card is made once.
 */
export const storyCard = memoized(function storyCard(entry: ArticleEntry, featured: boolean, level: 2 | 3 = 2): SafeHtml {
  const { title, date, lead, author } = entry.article;
  const headline = html`<a href="${entry.url}">${title}</a>`;
  return html`<li class="${featured ? 'story-card featured' : 'story-card'}">
<article>
${level === 2 ? html`<h2 class="story-title">${headline}</h2>` : html`<h3 class="story-title">${headline}</h3>`}
<p class="meta"><time datetime="${isoDateTime(date)}">${vietnameseShortDate(date)}</time>${author ? html` · <span class="author">${author}</span>` : ''}</p>
<p class="excerpt">${excerpt(lead, featured ? FEATURED_EXCERPT : EXCERPT)}</p>
</article>
</li>`;
});
