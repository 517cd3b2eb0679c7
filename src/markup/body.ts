import type { Block } from '../article.ts';
import type { ArticleEntry } from '../corpus/corpus.ts';
import { headingIds } from './heading-ids.ts';
import { html, type SafeHtml } from './html.ts';

/** Renders one photo; `index` is the photo's place among the article's photos (0-based). */
export type FigureRenderer = (figure: Extract<Block, { kind: 'figure' }>, index: number) => Promise<SafeHtml>;

/** The article body (`blocks`, read from the parse cache) in reading order: paragraphs, `<h2 id>` headings, and each photo where it stood. */
export async function renderBlocks(blocks: readonly Block[], figure: FigureRenderer): Promise<SafeHtml> {
  const ids = headingIds(blocks.filter((b) => b.kind === 'heading').map((b) => b.text));
  let heading = 0;
  let photo = 0;
  const parts: SafeHtml[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') parts.push(html`<p>${block.text}</p>`);
    else if (block.kind === 'heading') parts.push(html`<h2 id="${ids[heading++]}">${block.text}</h2>`);
    else parts.push(await figure(block, photo++));
  }
  return html`${parts.map((part) => html`${part}\n`)}`;
}

/** The lead paragraph, with the paper's source tag when the article carried one. */
export function renderLead(entry: ArticleEntry): SafeHtml {
  const { lead, source } = entry.article;
  return html`<p class="lead">${source ? html`<span class="source">(${source})</span> ` : ''}${lead}</p>`;
}
