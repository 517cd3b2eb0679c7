import type { PagedTemplate, PageData, SiteContext } from '../../src/render/context.ts';
import { html } from '../../src/markup/html.ts';
import { basePage } from '../layouts/base.ts';

interface TakenDownData extends PageData {
  takenDown: { url: string };
}

/**
 * The address of a story taken down (`unpublished: true`): a short page that says so, so a shared
 * link explains itself instead of a bare 404. It names nothing of the story (its title is what
 * was taken down) and is kept out of search engines and the site's search.
 */
export function takenDownTemplate(ctx: SiteContext): PagedTemplate<{ url: string }, TakenDownData> {
  return {
    alias: 'takenDown',
    pages: ({ corpus }) => corpus.lifecycle.takenDown.map((url) => ({ url })),
    data: { permalink: (data: TakenDownData) => data.takenDown.url, eleventyExcludeFromCollections: true },
    render({ takenDown }) {
      const main = html`<h1>Bài viết đã được gỡ</h1>
<p>Bài viết ở địa chỉ này đã được ${ctx.site.name} gỡ khỏi trang.</p>
<p><a href="/">Về trang chủ để đọc tin mới nhất</a></p>`;
      return basePage(
        ctx,
        { title: `Bài viết đã được gỡ – ${ctx.site.name}`, description: 'Bài viết ở địa chỉ này đã được gỡ khỏi trang.', url: takenDown.url, type: 'website', noindex: true },
        main,
        ctx.archive.nav,
      );
    },
  };
}
