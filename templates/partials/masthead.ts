import { html, type SafeHtml } from '../../src/site/html.ts';
import type { SiteSettings } from '../../src/site/settings.ts';

export function masthead(site: SiteSettings): SafeHtml {
  return html`<header class="masthead">
<a class="brand" href="/">${site.name}</a>
</header>`;
}
