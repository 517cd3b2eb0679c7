import { html, type SafeHtml } from '../../src/markup/html.ts';
import type { SiteSettings } from '../../src/render/settings.ts';

export interface NavLink {
  name: string;
  url: string;
}

/** The masthead last rendered for each sections list: every page of a build shares one list (`ArchiveModel.nav`). */
const rendered = new WeakMap<readonly NavLink[], { site: SiteSettings; withArchive: boolean; markup: SafeHtml }>();

/** The paper's name, then the sections that have stories (menu order), the archive and search. */
export function masthead(site: SiteSettings, sections: readonly NavLink[], withArchive: boolean): SafeHtml {
  const last = rendered.get(sections);
  if (last && last.site === site && last.withArchive === withArchive) return last.markup;
  const archive = withArchive ? [{ name: 'Lưu trữ', url: '/luu-tru/' }] : [];
  const links = [...sections, ...archive, { name: 'Tìm kiếm', url: '/tim-kiem/' }];
  const markup = html`<header class="masthead">
<a class="brand" href="/">${site.name}</a>
<nav class="sections" aria-label="Chuyên mục">
<ul>${links.map((link) => html`<li><a href="${link.url}">${link.name}</a></li>`)}</ul>
</nav>
</header>`;
  rendered.set(sections, { site, withArchive, markup });
  return markup;
}
