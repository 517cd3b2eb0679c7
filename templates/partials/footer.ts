import { html, type SafeHtml } from '../../src/markup/html.ts';
import type { SiteSettings } from '../../src/render/settings.ts';

/** No year here: a page must not change just because it was rebuilt in another year. */
export function footer(site: SiteSettings): SafeHtml {
  return html`<footer class="site-footer">
<p><a href="/">${site.name}</a> · <a href="/feed.xml">Nhận tin qua RSS/Atom</a></p>
</footer>`;
}
