import type { Block } from '../article.ts';
import { error, warning, type Issue } from './issue.ts';

/** Headings listed in an override decide which lone lines are headings; the others stay paragraphs. */
export function applyHeadingOverride(blocks: Block[], headings: readonly string[], issues: Issue[]): Block[] {
  const wanted = new Set(headings);
  const result = blocks.map((block): Block => {
    if (block.kind === 'heading' && !wanted.has(block.text)) return { kind: 'paragraph', text: block.text, line: block.line };
    if (block.kind === 'paragraph' && wanted.has(block.text)) return { kind: 'heading', text: block.text, line: block.line };
    return block;
  });
  const found = new Set(result.flatMap((block) => (block.kind === 'heading' ? [block.text] : [])));
  for (const missing of headings.filter((text) => !found.has(text))) {
    issues.push(
      warning(
        'OVERRIDE_HEADING_NOT_FOUND',
        1,
        `Tiêu đề phụ "${missing}" trong khối ghi đè không có dòng nào trùng khớp trong bài, nên không hiện trong thân bài. Hãy chép đúng nguyên văn dòng đó.`,
      ),
    );
  }
  return result;
}

export function applyCaptionOverride(blocks: Block[], captions: readonly string[], issues: Issue[], line: number): Block[] {
  const figures = blocks.filter((block) => block.kind === 'figure').length;
  if (figures !== captions.length) {
    issues.push(
      error(
        'BAD_OVERRIDE',
        line,
        `Khối ghi đè có ${captions.length} chú thích ảnh nhưng bài có ${figures} ảnh. Danh sách "captions" phải có đúng một chú thích cho mỗi ảnh, theo thứ tự.`,
      ),
    );
    return blocks;
  }
  let index = 0;
  return blocks.map((block): Block => (block.kind === 'figure' ? { ...block, caption: captions[index++]! } : block));
}
