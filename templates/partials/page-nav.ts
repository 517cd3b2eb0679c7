import { html, type SafeHtml } from '../../src/markup/html.ts';
import { listingUrl } from '../../src/corpus/urls.ts';

/** Page numbers shown around the current one; the first and last are always shown. */
const AROUND = 2;

/** Which page numbers to show, with `null` for a gap: 1 … 4 5 [6] 7 8 … 5000. */
export function visiblePages(current: number, total: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= AROUND) pages.push(n);
    else if (pages.at(-1) !== null) pages.push(null);
  }
  return pages;
}

/**
 * Numbered navigation between listing pages (`/`, `/trang/2/`, … or another listing's `urlOf`);
 * nothing when there is one page.
 */
export function pageNav(current: number, total: number, urlOf: (pageNumber: number) => string = listingUrl): SafeHtml {
  if (total <= 1) return html``;
  const items = visiblePages(current, total).map((n) =>
    n === null
      ? html`<li class="gap" aria-hidden="true">…</li>`
      : n === current
        ? html`<li><a href="${urlOf(n)}" aria-current="page">${n}</a></li>`
        : html`<li><a href="${urlOf(n)}">${n}</a></li>`,
  );
  return html`<nav class="page-nav" aria-label="Phân trang">
${current > 1 ? html`<a class="prev" rel="prev" href="${urlOf(current - 1)}">← Trang trước</a>` : ''}
<ol>${items}</ol>
${current < total ? html`<a class="next" rel="next" href="${urlOf(current + 1)}">Trang sau →</a>` : ''}
</nav>`;
}
