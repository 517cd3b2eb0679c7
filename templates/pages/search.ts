import type { PageTemplate, SiteContext } from '../../src/render/context.ts';
import { html } from '../../src/markup/html.ts';
import { basePage } from '../layouts/base.ts';

/**
 * `/tim-kiem/`: the search page, the only page with a script. The form also works as a plain link
 * target (`/tim-kiem/?q=…`); without JavaScript a note says what search needs and where else to look.
 * A query searches the newest story's year first; the button, shown by the script while earlier years
 * are left, adds the next one. The status line is where focus goes once no earlier year is left.
 */
export function searchTemplate(ctx: SiteContext): PageTemplate {
  return {
    data: { permalink: '/tim-kiem/', eleventyExcludeFromCollections: true },
    render() {
      // Without the archive (the benchmark's baseline, features.ts) the note does not point to it.
      const elsewhere = ctx.features.archive ? html` hoặc trong <a href="/luu-tru/">lưu trữ</a>` : '';
      const main = html`<h1 class="listing-title">Tìm kiếm</h1>
<search>
<form id="tim-kiem" class="search-form" action="/tim-kiem/" method="get">
<label for="tu-khoa">Tìm bài viết (có dấu hay không dấu đều được)</label>
<input type="search" id="tu-khoa" name="q" autocomplete="off">
<button type="submit">Tìm</button>
</form>
</search>
<noscript><p class="search-status">Tìm kiếm cần bật JavaScript trong trình duyệt. Bạn vẫn có thể tìm bài theo chuyên mục${elsewhere}.</p></noscript>
<p id="trang-thai" class="search-status" role="status" tabindex="-1"></p>
<ol id="ket-qua" class="stories search-results"></ol>
<script type="module" src="/search.js"></script>`;
      return basePage(
        ctx,
        {
          title: `Tìm kiếm – ${ctx.site.name}`,
          description: `Tìm bài trên ${ctx.site.name}, có dấu hay không dấu.`,
          url: '/tim-kiem/',
          type: 'website',
        },
        main,
        ctx.archive.nav,
      );
    },
  };
}
