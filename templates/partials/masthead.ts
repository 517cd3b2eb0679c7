import { html, type SafeHtml } from '../../src/site/html.ts';
import { siteFeatures } from '../../src/site/features.ts';
import type { SiteSettings } from '../../src/site/settings.ts';

export interface NavLink {
  name: string;
  url: string;
}

/** The paper's name, then the sections that have stories (menu order), the archive and search. */
export function masthead(site: SiteSettings, sections: readonly NavLink[] = []): SafeHtml {
  const archive = siteFeatures().archive ? [{ name: 'Lưu trữ', url: '/luu-tru/' }] : [];
  const links = [...sections, ...archive, { name: 'Tìm kiếm', url: '/tim-kiem/' }];
  return html`<header class="masthead">
<a class="brand" href="/">${site.name}</a>
<nav class="sections" aria-label="Chuyên mục">
<ul>${links.map((link) => html`<li><a href="${link.url}">${link.name}</a></li>`)}</ul>
</nav>
</header>`;
}
