import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import { isoDateTime, vietnameseShortDate } from '../../src/markup/filters.ts';
import { html, type SafeHtml } from '../../src/markup/html.ts';
import { memoized } from '../../src/markup/memo.ts';

/** "Tin liên quan" under a story: 3 to 5 other stories, linked, with their dates; nothing when there are none. */
export function relatedStories(entries: readonly ArticleEntry[]): SafeHtml | '' {
  if (entries.length === 0) return '';
  return html`<aside class="related" aria-label="Tin liên quan">
<h2>Tin liên quan</h2>
<ul>
${entries.map((entry) => relatedStory(entry))}</ul>
</aside>`;
}

/** One related story; made once, as a story is among the related stories of several others. */
const relatedStory = memoized(function relatedStory({ url, article }: ArticleEntry): SafeHtml {
  return html`<li><a href="${url}">${article.title}</a> <time datetime="${isoDateTime(article.date)}">${vietnameseShortDate(article.date)}</time></li>\n`;
});
