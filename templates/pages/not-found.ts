import type { PageTemplate, SiteContext } from '../../src/render/context.ts';
import { html } from '../../src/markup/html.ts';
import { basePage } from '../layouts/base.ts';

/** `/404.html`, which static hosts serve for unknown addresses. */
export function notFoundTemplate(ctx: SiteContext): PageTemplate {
  return {
    data: { permalink: '/404.html', eleventyExcludeFromCollections: true },
    render() {
      const main = html`<h1>Không tìm thấy trang</h1>
<p>Địa chỉ này không có trên ${ctx.site.name}: có thể bài đã được chuyển hoặc địa chỉ bị gõ nhầm.</p>
<p><a href="/">Về trang chủ để đọc tin mới nhất</a></p>`;
      return basePage(
        ctx,
        {
          title: `Không tìm thấy trang – ${ctx.site.name}`,
          description: 'Không tìm thấy trang bạn yêu cầu.',
          url: '/404.html',
          type: 'website',
          noindex: true,
        },
        main,
        ctx.archive.nav,
      );
    },
  };
}
