import type { ArticleEntry, ArticleSummary } from '../../src/corpus/corpus.ts';
import type { Block } from '../../src/article.ts';
import type { ArticleTemplate, PageData, SiteContext } from '../../src/render/context.ts';
import { excerpt, isoDateTime, vietnameseDateTime, vietnameseShortDate } from '../../src/markup/filters.ts';
import { escapeHtml, html, type SafeHtml } from '../../src/markup/html.ts';
import { breadcrumbList, newsArticle } from '../../src/markup/structured-data.ts';
import { searchTerms } from '../../src/search/search-terms.ts';
import { basePage } from '../layouts/base.ts';
import { breadcrumb } from '../partials/breadcrumb.ts';
import { byline } from '../partials/byline.ts';
import { encodePhotos, photo } from '../partials/photo.ts';
import { relatedStories } from '../partials/related-stories.ts';
import { topicLinks } from '../partials/topics.ts';
import { lead, storyText } from '../partials/story-text.ts';
import { correctionsNotice, updatedNote } from '../partials/corrections-notice.ts';
import { CORRECTIONS_URL } from '../../src/corpus/archive.ts';
import { modifiedDate } from '../../src/corpus/lifecycle.ts';

interface ArticleData extends PageData {
  entry: ArticleEntry;
}

/** Longest `<title>` as written in the HTML (search results cut the rest; html-validate's recommended limit). */
const TITLE_MAX = 70;

/**
 * `Headline - Báo Quảng Ngãi` when it fits, else the headline alone, shortened at a word if need
 * be. Length is counted as written, after escaping, which is what validators count.
 */
export function pageTitle(headline: string, siteName: string): string {
  const fits = (title: string) => escapeHtml(title).length <= TITLE_MAX;
  const full = `${headline} - ${siteName}`;
  if (fits(full)) return full;
  let max = TITLE_MAX;
  let title = excerpt(headline, max);
  while (!fits(title) && max > 1) title = excerpt(headline, --max);
  return title;
}

/**
 * For the search index only: the result's date and lead, and the folded words (search-terms.ts). An empty
 * element with attributes, so no reader or screen reader meets it and no stylesheet is needed to hide it.
 */
function forSearch(article: ArticleSummary, blocks: readonly Block[]): SafeHtml {
  const terms = searchTerms([article.title, article.lead, ...blocks.map((block) => (block.kind === 'figure' ? block.caption : block.text))]);
  return html`<span data-pagefind-meta="date[data-date], lead[data-lead]" data-date="${vietnameseShortDate(article.date)}" data-lead="${article.lead}"${
    terms ? html` data-pagefind-index-attrs="data-terms" data-terms="${terms}"` : ''
  }></span>`;
}

/** What a page shows of a story it links to by its title. */
function linkTo(entry: ArticleEntry | undefined): { title: string; url: string } | null {
  return entry ? { title: entry.article.title, url: entry.url } : null;
}

/** One page per article at `/YYYY/MM/slug/`, paginated from the corpus one entry at a time. */
export function articleTemplate(ctx: SiteContext): ArticleTemplate<ArticleData> {
  return {
    reads: (entry, corpus, links) => ({
      entry,
      older: linkTo(corpus.older(entry)),
      newer: linkTo(corpus.newer(entry)),
      section: links.sectionLink(entry),
      authors: links.authorsOf(entry),
      related: links.related(entry),
      back: links.backLink(entry, ctx.site.perPage),
    }),
    data: {
      pagination: { data: 'corpus.articlePages', size: 1, alias: 'entry' },
      permalink: (data: ArticleData) => data.entry.url,
      eleventyExcludeFromCollections: true,
    },
    async render(data) {
      const { entry, corpus } = data;
      const { article } = entry;
      const links = await ctx.storyLinks;
      const section = links.sectionLink(entry);
      const blocks = await ctx.blocks(entry);
      const photos = await encodePhotos(ctx.images, entry, blocks);
      const shareImage = photos.find((encoded) => encoded !== null)?.shareImage;
      const published = isoDateTime(article.date);
      const older = corpus.older(entry);
      const newer = corpus.newer(entry);
      const main = html`${breadcrumb(section)}
<article class="story" data-pagefind-body>
<header>
<h1>${article.title}</h1>
<p class="dateline"><time datetime="${published}">${vietnameseDateTime(article.date)}</time>${updatedNote(article.updated)}</p>
</header>
${correctionsNotice(article.corrections, CORRECTIONS_URL)}${lead(article)}
${storyText(blocks, (caption, n) => photo(caption, photos[n] ?? null, n === 0))}
${byline(article.credit ?? article.author, links.authorsOf(entry))}
${topicLinks(links.topicsOf(entry))}
${forSearch(article, blocks)}
</article>
${relatedStories(links.related(entry))}
${older || newer ? html`<nav class="story-nav" aria-label="Bài trước, bài sau">
${older ? html`<a rel="prev" href="${older.url}"><span class="label">Bài trước:</span> ${older.article.title}</a>\n` : ''}${
        newer ? html`<a rel="next" href="${newer.url}"><span class="label">Bài sau:</span> ${newer.article.title}</a>\n` : ''
      }</nav>` : ''}
<p class="back"><a href="${links.backLink(entry, ctx.site.perPage)}">← Về danh sách tin</a></p>`;
      ctx.articleRendered();
      return basePage(
        ctx,
        {
          title: pageTitle(article.title, ctx.site.name),
          headline: article.title,
          description: article.lead,
          url: entry.url,
          type: 'article',
          image: shareImage,
          published,
          modified: isoDateTime(modifiedDate(article)),
          jsonLd: [
            newsArticle(entry, ctx.site, ctx.absolute(entry.url), shareImage && ctx.absolute(shareImage), ctx.absolute('/'), ctx.absolute(entry.id)),
            breadcrumbList(section && { ...section, url: ctx.absolute(section.url) }, { name: 'Trang chủ', url: ctx.absolute('/') }),
          ].filter(Boolean),
        },
        main,
        links.nav,
      );
    },
  };
}
