import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import { renderBlocks, renderLead } from '../../src/markup/body.ts';
import type { PageData, PageTemplate, SiteContext } from '../../src/render/context.ts';
import { excerpt, isoDateTime, vietnameseDateTime, vietnameseShortDate } from '../../src/markup/filters.ts';
import { escapeHtml, html, type SafeHtml } from '../../src/markup/html.ts';
import { newsArticle } from '../../src/markup/structured-data.ts';
import { listingUrl } from '../../src/corpus/urls.ts';
import { searchTerms } from '../../src/search/search-terms.ts';
import { basePage } from '../layouts/base.ts';
import { breadcrumb, breadcrumbList, linkedByline, relatedList } from '../partials/article-links.ts';

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

/** Links to the stories published just before and just after this one (none on a one-story site). */
function storyNav(older: ArticleEntry | undefined, newer: ArticleEntry | undefined): SafeHtml {
  if (!older && !newer) return html``;
  const link = (entry: ArticleEntry | undefined, rel: 'prev' | 'next', label: string) =>
    entry ? html`<a rel="${rel}" href="${entry.url}"><span class="label">${label}</span> ${entry.article.title}</a>\n` : '';
  return html`<nav class="story-nav" aria-label="Bài trước, bài sau">
${link(older, 'prev', 'Bài trước:')}${link(newer, 'next', 'Bài sau:')}</nav>`;
}

/** One page per article at `/YYYY/MM/slug/`, paginated from the corpus one entry at a time. */
export function articleTemplate(ctx: SiteContext): PageTemplate<ArticleData> {
  return {
    data: {
      pagination: { data: 'corpus.articlePages', size: 1, alias: 'entry' },
      permalink: (data: ArticleData) => data.entry.url,
      eleventyExcludeFromCollections: true,
    },
    async render(data) {
      const { entry, corpus } = data;
      const { article } = entry;
      const index = await ctx.storyLinks;
      const section = index.sectionLink(entry);
      const blocks = await ctx.blocks(entry);
      let shareImage: string | undefined;
      const body = await renderBlocks(blocks, async ({ caption, line }, index) => {
        const source = entry.photos[index];
        if (!source) return html`<figure class="photo no-image"><figcaption>${caption}</figcaption></figure>`;
        const picture = await ctx.images.picture(source, caption, index === 0, { file: entry.file, line });
        shareImage ??= picture.shareImage;
        return html`<figure class="photo">${picture.markup}<figcaption>${caption}</figcaption></figure>`;
      });
      const published = isoDateTime(article.date);
      const byline = article.credit ?? article.author;
      const texts = [article.title, article.lead, ...blocks.map((block) => (block.kind === 'figure' ? block.caption : block.text))];
      // For the search index only: the result's date and lead, and the folded words (search-terms.ts). An empty
      // element with attributes, so no reader or screen reader meets it and no stylesheet is needed to hide it.
      const terms = searchTerms(texts);
      const forSearch = html`<span data-pagefind-meta="date[data-date], lead[data-lead]" data-date="${vietnameseShortDate(article.date)}" data-lead="${article.lead}"${
        terms ? html` data-pagefind-index-attrs="data-terms" data-terms="${terms}"` : ''
      }></span>`;
      const main = html`${breadcrumb(section)}
<article class="story" data-pagefind-body>
<header>
<h1>${article.title}</h1>
<p class="dateline"><time datetime="${published}">${vietnameseDateTime(article.date)}</time></p>
</header>
${renderLead(entry)}
${body}
${byline ? html`<p class="byline">${linkedByline(byline, index.authorsOf(entry))}</p>` : ''}
${forSearch}
</article>
${relatedList(index.related(entry))}
${storyNav(corpus.older(entry), corpus.newer(entry))}
<p class="back"><a href="${listingUrl(corpus.listingPage(entry, ctx.site.perPage))}">← Về danh sách tin</a></p>`;
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
          modified: published,
          jsonLd: [
            newsArticle(entry, ctx.site, ctx.absolute(entry.url), shareImage && ctx.absolute(shareImage), ctx.absolute('/')),
            breadcrumbList(section && { ...section, url: ctx.absolute(section.url) }, { name: 'Trang chủ', url: ctx.absolute('/') }),
          ].filter(Boolean),
        },
        main,
        index.nav,
      );
    },
  };
}
