import { html, type SafeHtml } from '../../src/markup/html.ts';
import type { SiteSettings } from '../../src/render/settings.ts';
import { CORRECTIONS_URL, TOPICS_URL } from '../../src/corpus/archive.ts';

/** No year here: a page must not change just because it was rebuilt in another year. */
export function footer(site: SiteSettings): SafeHtml {
  return html`<footer class="site-footer">
<p><a href="/">${site.name}</a> · <a href="${TOPICS_URL}">Chủ đề</a> · <a href="${CORRECTIONS_URL}">Đính chính</a> · <a href="/feed.xml">Nhận tin qua RSS/Atom</a></p>
</footer>`;
}
