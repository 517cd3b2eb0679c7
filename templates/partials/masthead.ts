import { html, type SafeHtml } from '../../src/markup/html.ts';
import { memoized } from '../../src/markup/memo.ts';
import type { SiteSettings } from '../../src/render/settings.ts';
import { ICONS } from '../pages/icons.ts';

export interface NavLink {
  name: string;
  url: string;
}

/**
 * The paper's mark and name (the name is text, so it reads even where the image does not load), then
 * the sections that have stories (menu order), the archive and search. On a phone the sections fold
 * into a `<details>` menu that opens without JavaScript; on a wide screen style.css shows them as a row.
 * Made once per build: every page of a build shares one sections list (`ArchiveModel.nav`).
 */
export const masthead = memoized(function masthead(site: SiteSettings, sections: readonly NavLink[], withArchive: boolean): SafeHtml {
  const archive = withArchive ? [{ name: 'Lưu trữ', url: '/luu-tru/' }] : [];
  const links = [...sections, ...archive, { name: 'Tìm kiếm', url: '/tim-kiem/' }];
  return html`<header class="masthead">
<a class="brand" href="/"><img class="brand-mark" src="${ICONS.svg}" alt="" width="40" height="40"><span class="brand-name">${site.name}</span></a>
<details class="menu">
<summary>Chuyên mục</summary>
<nav class="sections" aria-label="Chuyên mục">
<ul>${links.map((link) => html`<li><a href="${link.url}">${link.name}</a></li>`)}</ul>
</nav>
</details>
</header>`;
});
