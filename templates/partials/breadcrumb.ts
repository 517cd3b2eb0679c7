import { html, type SafeHtml } from '../../src/markup/html.ts';
import type { Link } from '../../src/corpus/archive-model.ts';

/** `Trang chủ › Thời sự` above a story that has a section; nothing for one that has none. */
export function breadcrumb(section: Link | null): SafeHtml | '' {
  if (!section) return '';
  return html`<nav class="breadcrumb" aria-label="Breadcrumb"><ol>
<li><a href="/">Trang chủ</a></li>
<li><a href="${section.url}">${section.name}</a></li>
</ol></nav>`;
}
