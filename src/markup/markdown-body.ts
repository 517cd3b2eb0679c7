/**
 * The HTML of a Markdown story's `markdown` blocks (lists, quotes, tables, text with links or
 * emphasis), rendered from the tokens the parser kept, with the story's own conventions: headings
 * get the ids of `heading-ids.ts`, links out of the site say so. What a story may contain (no raw
 * HTML, no `javascript:` links) was settled when it was parsed (`src/parser/markdown-syntax.ts`).
 */
import type { Token } from 'markdown-it';
import type { MarkdownToken } from '../article.ts';
import { markdownIt } from '../parser/markdown-syntax.ts';
import { escapeHtml, raw, type SafeHtml } from './html.ts';

/** Told to screen readers after the words of a link that leaves the site. */
export const EXTERNAL_LINK_NOTE = ' (trang ngoài)';

/** How a story's links are written where it is shown: on the site's own pages, or in a feed. */
export interface LinkStyle {
  /** The address to write for a link to a page of the site (`/2024/04/bai/`). */
  sitePath: (path: string) => string;
  /**
   * Whether a link out of the site carries the hidden note for screen readers: a feed reader has no
   * stylesheet to hide it, so in a feed the note would be read as part of the story.
   */
  externalNote: boolean;
}

/** The site's pages: links as written (the build adds `--prefix`), each external one noted. */
export const PAGE_LINKS: LinkStyle = { sitePath: (path) => path, externalNote: true };

type RenderEnv = {
  /** The ids of the block's headings, in order; `heading` counts those used. */
  headingIds: readonly string[];
  heading: number;
  /** Whether each link opened and not yet closed leaves the site. */
  external: boolean[];
  /** Inside a `tel:` link, whose number must not break across lines. */
  phone: boolean;
  links: LinkStyle;
};

function isExternal(href: string): boolean {
  return /^(?:https?:)?\/\//i.test(href);
}

function isSitePath(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//');
}

const md = markdownIt();
const TokenClass = new md.core.State('', md, {}).Token;
const renderToken = md.renderer.renderToken.bind(md.renderer);

md.renderer.rules.heading_open = (tokens, idx, options, env) => {
  const state = env as RenderEnv;
  const id = state.headingIds[state.heading++];
  if (id !== undefined) tokens[idx]!.attrSet('id', id);
  return renderToken(tokens, idx, options);
};
md.renderer.rules.link_open = (tokens, idx, options, env) => {
  const state = env as RenderEnv;
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  const external = isExternal(href);
  if (external) token.attrSet('rel', 'external noopener');
  if (isSitePath(href)) token.attrSet('href', state.links.sitePath(href));
  state.external.push(external);
  state.phone = href.startsWith('tel:');
  return renderToken(tokens, idx, options);
};
md.renderer.rules.link_close = (tokens, idx, options, env) => {
  const state = env as RenderEnv;
  state.phone = false;
  const noted = state.external.pop() && state.links.externalNote;
  return `${noted ? `<span class="visually-hidden">${escapeHtml(EXTERNAL_LINK_NOTE)}</span>` : ''}${renderToken(tokens, idx, options)}`;
};
md.renderer.rules.text = (tokens, idx, _options, env) => {
  const text = tokens[idx]!.content;
  return escapeHtml((env as RenderEnv).phone ? text.replace(/ /g, '\u00a0').replace(/-/g, '\u2011') : text);
};
// A table column's alignment as a class, not an inline style: the pages allow no inline styles.
for (const cell of ['th_open', 'td_open'] as const) {
  md.renderer.rules[cell] = (tokens, idx, options) => {
    const token = tokens[idx]!;
    const align = /^text-align:(left|center|right)$/.exec(String(token.attrGet('style') ?? ''))?.[1];
    if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== 'style');
    if (align) token.attrJoin('class', `align-${align}`);
    return renderToken(tokens, idx, options);
  };
}

/**
 * A token read back from the parse cache, with the methods markdown-it's renderer calls. Its
 * attributes are copied: the rules above set some, and the same blocks may be rendered again (the page, the feed).
 */
function revive(data: MarkdownToken): Token {
  const token = new TokenClass(data.type, data.tag, data.nesting);
  return Object.assign(token, { ...data, attrs: data.attrs?.map(([name, value]) => [name, value]) ?? null, children: data.children?.map(revive) ?? null });
}

/** One `markdown` block as HTML; `headingIds` are the ids of its headings, in order; `links` says where it is shown. */
export function markdownHtml(tokens: readonly MarkdownToken[], headingIds: readonly string[], links: LinkStyle = PAGE_LINKS): SafeHtml {
  const env: RenderEnv = { headingIds, heading: 0, external: [], phone: false, links };
  return raw(md.renderer.render(tokens.map(revive), md.options, env));
}
