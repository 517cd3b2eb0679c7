import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import { isoDateTime, vietnameseShortDate } from '../../src/markup/filters.ts';
import { html, type HtmlValue, type SafeHtml } from '../../src/markup/html.ts';
import type { Link } from '../../src/corpus/archive-model.ts';

/** `Trang chủ › Thời sự` above an article that has a section; nothing for one that has none. */
export function breadcrumb(section: Link | null): SafeHtml | '' {
  if (!section) return '';
  return html`<nav class="breadcrumb" aria-label="Breadcrumb"><ol>
<li><a href="/">Trang chủ</a></li>
<li><a href="${section.url}">${section.name}</a></li>
</ol></nav>`;
}

/** schema.org BreadcrumbList for the same trail, with absolute URLs. */
export function breadcrumbList(section: Link | null, home: { name: string; url: string }): Record<string, unknown> | null {
  if (!section) return null;
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: home.name, item: home.url },
      { '@type': 'ListItem', position: 2, name: section.name, item: section.url },
    ],
  };
}

/**
 * The byline as printed (`Bài, ảnh: X.THIÊN`) with each credited writer's name linked to their page.
 * A writer the printed byline does not spell out is added after it.
 */
export function linkedByline(byline: string, authors: readonly Link[]): SafeHtml {
  const parts: HtmlValue[] = [];
  const missing: Link[] = [];
  let rest = byline;
  for (const author of authors) {
    const at = rest.indexOf(author.name);
    if (at < 0) {
      missing.push(author);
      continue;
    }
    parts.push(rest.slice(0, at), html`<a href="${author.url}">${author.name}</a>`);
    rest = rest.slice(at + author.name.length);
  }
  parts.push(rest);
  for (const author of missing) parts.push(', ', html`<a href="${author.url}">${author.name}</a>`);
  return html`${parts}`;
}

/** "Tin liên quan": 3 to 5 other stories, linked, with their dates. */
export function relatedList(entries: readonly ArticleEntry[]): SafeHtml | '' {
  if (entries.length === 0) return '';
  return html`<aside class="related" aria-label="Tin liên quan">
<h2>Tin liên quan</h2>
<ul>
${entries.map(relatedItem)}</ul>
</aside>`;
}

/** Each story's item, made once: a story is among the related stories of several others. */
const relatedItems = new WeakMap<ArticleEntry, SafeHtml>();

function relatedItem(entry: ArticleEntry): SafeHtml {
  let item = relatedItems.get(entry);
  if (!item) {
    const { url, article } = entry;
    item = html`<li><a href="${url}">${article.title}</a> <time datetime="${isoDateTime(article.date)}">${vietnameseShortDate(article.date)}</time></li>\n`;
    relatedItems.set(entry, item);
  }
  return item;
}
