import type { PageTemplate, SiteContext } from '../../src/render/context.ts';
import { html } from '../../src/markup/html.ts';
import { basePage } from '../layouts/base.ts';

/** `/luu-tru/`: every month that has stories, grouped by year, newest first, each linking to its listing. */
export function archiveIndexTemplate(ctx: SiteContext): PageTemplate {
  return {
    data: { permalink: '/luu-tru/', eleventyExcludeFromCollections: true },
    render() {
      const { archive } = ctx;
      const main = html`<h1 class="listing-title">Lưu trữ</h1>
${archive.years.length === 0 ? html`<p>Chưa có bài viết nào.</p>` : ''}${archive.years.map((year) => {
        const months = archive.months.filter((month) => month.url.startsWith(year.url));
        return html`<section class="archive-year" aria-label="${year.name}">
<h2><a href="${year.url}">${year.name}</a></h2>
<ul>
${months.map((month) => html`<li><a href="${month.url}">${month.name}</a> <span class="count">(${month.entries.length} bài)</span></li>\n`)}</ul>
</section>
`;
      })}`;
      return basePage(
        ctx,
        {
          title: `Lưu trữ – ${ctx.site.name}`,
          description: `Mọi bài của ${ctx.site.name} theo năm và tháng.`,
          url: '/luu-tru/',
          type: 'website',
        },
        main,
        archive.nav,
      );
    },
  };
}
