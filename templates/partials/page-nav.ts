import { html, type SafeHtml } from '../../src/markup/html.ts';
import type { ListingPage } from '../../src/corpus/archive.ts';

/**
 * Navigation between a listing's pages: to the next newer and next older numbered pages, and from a
 * numbered page to the root. No page count and no other pages, so a new story changes no page
 * but the root and the newest numbered one (see `listingPages`). Nothing when there is nowhere to go.
 */
export function pageNav(page: ListingPage<unknown>): SafeHtml {
  const links = [
    page.newer && html`<li><a rel="prev" href="${page.newer}">← Tin mới hơn</a></li>\n`,
    page.pageNumber !== null && html`<li><a href="${page.root}">Tin mới nhất</a></li>\n`,
    page.older && html`<li><a rel="next" href="${page.older}">${page.pageNumber === null ? 'Tin cũ hơn, theo trang' : 'Tin cũ hơn'} →</a></li>\n`,
  ].filter((link) => link !== null && link !== false);
  if (links.length === 0) return html``;
  return html`<nav class="page-nav" aria-label="Phân trang"><ol>
${links}</ol></nav>`;
}
