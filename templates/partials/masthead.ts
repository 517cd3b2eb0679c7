import { html, type SafeHtml } from '../../src/markup/html.ts';
import { memoized } from '../../src/markup/memo.ts';
import type { SiteSettings } from '../../src/render/settings.ts';
import { TOPICS_URL } from '../../src/corpus/archive.ts';
import { ICONS } from '../pages/icons.ts';

export interface NavLink {
  name: string;
  url: string;
}

/**
 * The paper's mark and name (the name is text, so it reads even where the image does not load), then
 * the sections that have stories (menu order), the topics, the archive and search. Topics are the
 * running stories a reader comes back for (a storm, a congress), so they are a click from every page,
 * not only from the footer. `/chu-de/` is written even before any story has a topic: the link never
 * depends on the stories, and no page is rebuilt when the first topic appears. On a phone the links
 * fold into a `<details>` menu that opens without JavaScript; on a wide screen style.css shows a row.
 * Made once per build: every page of a build shares one sections list (`ArchiveModel.nav`).
 */
export const masthead = memoized(function masthead(site: SiteSettings, sections: readonly NavLink[], withArchive: boolean): SafeHtml {
  const archive = withArchive ? [{ name: 'Lưu trữ', url: '/luu-tru/' }] : [];
  const links = [...sections, { name: 'Chủ đề', url: TOPICS_URL }, ...archive, { name: 'Tìm kiếm', url: '/tim-kiem/' }];
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
