import type { Article, Block } from '../../src/article.ts';
import { headingIds } from '../../src/markup/heading-ids.ts';
import { html, type SafeHtml } from '../../src/markup/html.ts';
import { markdownHtml, PAGE_LINKS, type LinkStyle } from '../../src/markup/markdown-body.ts';
import { markdownHeadingTexts } from '../../src/parser/markdown-syntax.ts';

/** A photo where it stood in the text; `index` is its place among the story's photos (0-based). */
export type PhotoAt = (caption: string, index: number) => SafeHtml;

/** The lead (sapo), with the paper's source tag, `(Báo Quảng Ngãi)`, when the story carried one. */
export function lead({ lead, source }: Pick<Article, 'lead' | 'source'>): SafeHtml {
  return html`<p class="lead">${source ? html`<span class="source">(${source})</span> ` : ''}${lead}</p>`;
}

/** The texts of a block's headings: a subheading, or those within what a Markdown story adds. */
function headingsOf(block: Block): string[] {
  if (block.kind === 'heading') return [block.text];
  return block.kind === 'markdown' ? markdownHeadingTexts(block.tokens) : [];
}

/**
 * The story's text in reading order, one element a line: paragraphs, subheadings (each with an `id`
 * from its words, so a link to it stays valid), each photo where it stood, drawn by `photoAt`, and
 * what a Markdown story adds (lists, quotes, tables, links written as `links` says). The article page
 * and the feed share it; each draws photos and links its own way.
 */
export function storyText(blocks: readonly Block[], photoAt: PhotoAt, links: LinkStyle = PAGE_LINKS): SafeHtml {
  const ids = headingIds(blocks.flatMap(headingsOf));
  let heading = 0;
  let photo = 0;
  return html`${blocks.map((block) => {
    if (block.kind === 'paragraph') return html`<p>${block.text}</p>\n`;
    if (block.kind === 'heading') return html`<h2 id="${ids[heading++]}">${block.text}</h2>\n`;
    if (block.kind === 'markdown') {
      const count = markdownHeadingTexts(block.tokens).length;
      heading += count;
      return markdownHtml(block.tokens, ids.slice(heading - count, heading), links);
    }
    return html`${photoAt(block.caption, photo++)}\n`;
  })}`;
}
