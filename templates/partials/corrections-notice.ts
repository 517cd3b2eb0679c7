import type { Correction } from '../../src/article.ts';
import { isoDateTime, vietnameseDateTime } from '../../src/markup/filters.ts';
import { html, type SafeHtml } from '../../src/markup/html.ts';

/**
 * The "Đính chính" notice at the top of a corrected story, before its lead, so a reader meets the
 * correction before the text it corrects; it links to every correction of the paper.
 */
export function correctionsNotice(corrections: readonly Correction[] | undefined, allUrl: string): SafeHtml | '' {
  if (!corrections || corrections.length === 0) return '';
  return html`<aside class="corrections" aria-labelledby="dinh-chinh">
<h2 id="dinh-chinh">Đính chính</h2>
<ul>
${corrections.map(({ date, text }) => html`<li><time datetime="${isoDateTime(date)}">${vietnameseDateTime(date)}</time>: ${text}</li>\n`)}</ul>
<p><a href="${allUrl}">Mọi đính chính của báo</a></p>
</aside>
`;
}

/** `Cập nhật lúc …` beside the publication date, for a story updated since. */
export function updatedNote(updated: string | undefined): SafeHtml | '' {
  return updated ? html` · <span class="updated">Cập nhật lúc <time datetime="${isoDateTime(updated)}">${vietnameseDateTime(updated)}</time></span>` : '';
}
