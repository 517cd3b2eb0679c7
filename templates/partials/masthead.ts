import { html, type SafeHtml } from '../../src/markup/html.ts';
import { memoized } from '../../src/markup/memo.ts';
import type { SiteSettings } from '../../src/render/settings.ts';

export interface NavLink {
  name: string;
  url: string;
}

/**
 * The paper's name, then the sections that have stories (menu order), the archive and search.
 * Made once per build: every page of a build shares one sections list (`ArchiveModel.nav`).
 */
export const masthead = memoized(function masthead(site: SiteSettings, sections: readonly NavLink[], withArchive: boolean): SafeHtml {
  const archive = withArchive ? [{ name: 'Lưu trữ', url: '/luu-tru/' }] : [];
  const links = [...sections, ...archive, { name: 'Tìm kiếm', url: '/tim-kiem/' }];
  return html`<header class="masthead">
<a class="brand" href="/">${site.name}</a>
<nav class="sections" aria-label="Chuyên mục">
<ul>${links.map((link) => html`<li><a href="${link.url}">${link.name}</a></li>`)}</ul>
</nav>
</header>`;
});
