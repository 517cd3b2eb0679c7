import type { PageTemplate, SiteContext } from '../../src/render/context.ts';
import { TOPICS_URL } from '../../src/corpus/archive.ts';
import { html } from '../../src/markup/html.ts';
import { basePage } from '../layouts/base.ts';
import { pageTitle } from './article.ts';

/** `/chu-de/`: every topic the editors named (`tags:`), alphabetically, with how many stories each has. Always written, as every footer links it. */
export function topicIndexTemplate(ctx: SiteContext): PageTemplate {
  const { site } = ctx;
  return {
    data: { permalink: TOPICS_URL, eleventyExcludeFromCollections: true },
    render() {
      const { topics } = ctx.archive;
      const main = html`<h1 class="listing-title">Chủ đề</h1>
${topics.length === 0 ? html`<p>Chưa có chủ đề nào.</p>` : html`<ul class="topic-index">
${topics.map((topic) => html`<li><a href="${topic.url}">${topic.name}</a> <span class="count">(${topic.entries.length} bài)</span></li>\n`)}</ul>`}`;
      return basePage(
        ctx,
        { title: pageTitle('Chủ đề', site.name), description: `Các chủ đề, sự kiện ${site.name} theo dõi.`, url: TOPICS_URL, type: 'website' },
        main,
        ctx.archive.nav,
      );
    },
  };
}
