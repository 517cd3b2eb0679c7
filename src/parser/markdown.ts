import type { Block } from '../article.ts';

// Characters that Markdown (CommonMark, markdown-it) could read as syntax anywhere in a line.
const INLINE_SYNTAX = /[\\`*_[\]<>#&~|]/g;
// At the start of a line: block quotes, list items, ordered-list numbers.
const LINE_START_SYNTAX = /^([-+=]|\d+(?=[.)]))/;

/** Escapes plain text so that Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_SYNTAX, '\\$&').replace(LINE_START_SYNTAX, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/** The photo's anchor in the body: `#anh-1`, `#anh-2`… in photo order. */
export function photoAnchor(index: number): string {
  return `#anh-${index + 1}`;
}

/** The body as Markdown: paragraphs, `## headings`, and each photo as an image whose alt text is its caption. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  let photo = 0;
  const parts = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return escapeMarkdown(block.text);
      case 'heading':
        return `## ${escapeMarkdown(block.text)}`;
      case 'figure':
        return `![${escapeMarkdown(block.caption)}](${photoAnchor(photo++)})`;
    }
  });
  return parts.length > 0 ? `${parts.join('\n\n')}\n` : '';
}
