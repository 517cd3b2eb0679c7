import { html, type HtmlValue, type SafeHtml } from '../../src/markup/html.ts';
import type { Link } from '../../src/corpus/archive-model.ts';

/** The byline under the story, `Bài, ảnh: X.THIÊN`, each writer's name linked to their page; nothing when there is none. */
export function byline(printed: string | null, authors: readonly Link[]): SafeHtml | '' {
  if (!printed) return '';
  return html`<p class="byline">${linkedByline(printed, authors)}</p>`;
}

/**
 * The byline as printed with each credited writer's name linked to their page.
 * A writer the printed byline does not spell out is added after it.
 */
export function linkedByline(printed: string, authors: readonly Link[]): SafeHtml {
  const parts: HtmlValue[] = [];
  const missing: Link[] = [];
  let rest = printed;
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
