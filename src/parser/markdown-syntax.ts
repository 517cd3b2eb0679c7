import markdownItLibrary, { type MarkdownIt } from 'markdown-it';
import { foldWhitespace } from './lines.ts';

/** Schemes a link in a story may use; any other (`javascript:`, `vbscript:`, `data:`, `file:`…) stays text. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Whether markdown-it may make `url` a link or an image. An allow-list rather than markdown-it's
 * own deny-list: article text is data, so only the schemes a newspaper links to are let through.
 */
export function isAllowedLink(url: string): boolean {
  const scheme = SCHEME.exec(url.trim())?.[1];
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme.toLowerCase());
}

/**
 * The one markdown-it set-up of Markdown stories: raw HTML is shown as text (`html: false`), bare
 * addresses become links (`linkify`), and links are checked by `isAllowedLink`. Parsing and page
 * rendering both use it, so what a story may contain is decided in one place.
 */
export function markdownIt(): MarkdownIt {
  const md = markdownItLibrary({ html: false, linkify: true });
  md.validateLink = isAllowedLink;
  return md;
}

/** What `plainText` reads of a token: markdown-it's own, or one read back from the parse cache. */
export interface TextToken {
  type: string;
  content: string;
  children: readonly TextToken[] | null;
}

/** The words of inline tokens, as a reader sees them. */
export function plainText(children: readonly TextToken[]): string {
  return foldWhitespace(
    children
      .map((child) => {
        if (child.type === 'softbreak' || child.type === 'hardbreak') return ' ';
        if (child.children) return plainText(child.children);
        return child.type === 'text' || child.type === 'code_inline' ? child.content : '';
      })
      .join(''),
  );
}

/** The text of each heading among a block's tokens (a heading's inline token follows its opening one). */
export function markdownHeadingTexts(tokens: readonly TextToken[]): string[] {
  return tokens.flatMap((token, i) => (token.type === 'heading_open' ? [plainText(tokens[i + 1]?.children ?? [])] : []));
}
