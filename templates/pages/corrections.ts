import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import type { Link } from '../../src/corpus/archive-model.ts';
import type { PagedTemplate, PageData, SiteContext } from '../../src/render/context.ts';
import { isoDateTime, vietnameseDateTime, vietnameseShortDate } from '../../src/markup/filters.ts';
import { html } from '../../src/markup/html.ts';
import { CORRECTIONS_URL } from '../../src/corpus/archive.ts';
import { basePage } from '../layouts/base.ts';

/** One correction as the page lists it: what it says, and the story it corrects. */
export interface CorrectionItem {
  date: string;
  text: string;
  story: { title: string; url: string; published: string; section: Link | null };
}

interface CorrectionsData extends PageData {
  corrections: { url: string; items: CorrectionItem[] };
}

/** Every correction of the public stories, newest first (a story's own in the order written when dated alike). */
export function correctionItems(entries: readonly ArticleEntry[], sectionOf: (entry: ArticleEntry) => Link | null): CorrectionItem[] {
  // A loop, not a flatMap: an update lists them from the whole archive, where an array for each story took a fifth of a second.
  const items: CorrectionItem[] = [];
  for (const entry of entries) {
    const { corrections, title, date: published } = entry.article;
    if (!corrections) continue;
    const story = { title, url: entry.url, published, section: sectionOf(entry) };
    for (const { date, text } of corrections) items.push({ date, text, story });
  }
  return items.sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || (a.story.url < b.story.url ? -1 : a.story.url > b.story.url ? 1 : 0));
}

/**
 * `/dinh-chinh/`: the correction notices ("Thông tin cải chính", Press Law art. 42), newest first,
 * each naming and linking the story it corrects, with its section and publication date.
 */
export function correctionsTemplate(ctx: SiteContext): PagedTemplate<CorrectionsData['corrections'], CorrectionsData> {
  const { site } = ctx;
  return {
    alias: 'corrections',
    pages: ({ corpus }) => [{ url: CORRECTIONS_URL, items: correctionItems(corpus.entries, (entry) => ctx.archive.sectionLink(entry)) }],
    data: { permalink: CORRECTIONS_URL, eleventyExcludeFromCollections: true },
    render({ corrections }) {
      const { items } = corrections;
      const main = html`<h1 class="listing-title">Đính chính</h1>
<p class="corrections-intro">Thông tin cải chính của ${site.name}, mới nhất trước.</p>
${items.length === 0
  ? html`<p>Chưa có đính chính nào.</p>`
  : html`<ol class="corrections-list">
${items.map(({ date, text, story }) => html`<li>
<p class="correction-date"><time datetime="${isoDateTime(date)}">${vietnameseDateTime(date)}</time></p>
<p class="correction-text">${text}</p>
<p class="correction-story">Bài: <a href="${story.url}">${story.title}</a>${story.section ? html` · <a href="${story.section.url}">${story.section.name}</a>` : ''} · đăng ngày <time datetime="${isoDateTime(story.published)}">${vietnameseShortDate(story.published)}</time></p>
</li>
`)}</ol>`}`;
      return basePage(
        ctx,
        { title: `Đính chính – ${site.name}`, description: `Thông tin cải chính của ${site.name}, mới nhất trước.`, url: CORRECTIONS_URL, type: 'website' },
        main,
        ctx.archive.nav,
      );
    },
  };
}
