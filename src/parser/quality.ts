import type { Block } from '../article.ts';
import { warning, type Issue } from './issue.ts';
import { HEADING_MAX_CHARS } from './rules/heading.ts';
import type { ParserState } from './state.ts';

const LONG_HEADING_CHARS = 70;

/** Warnings for what parses but looks wrong: a heading long enough to be a sentence, no byline. */
export function qualityWarnings(blocks: readonly Block[], state: ParserState, issues: Issue[]): void {
  for (const block of blocks) {
    if (block.kind === 'heading' && block.text.length > LONG_HEADING_CHARS) {
      issues.push(
        warning(
          'LONG_HEADING',
          block.line,
          `Tiêu đề phụ dài ${block.text.length} ký tự (tối đa ${HEADING_MAX_CHARS}). Nếu đây là một câu văn, hãy thêm dấu chấm cuối câu để nó thành đoạn văn.`,
        ),
      );
    }
  }
  if (!state.byline && state.lines.length > 0) {
    const last = state.lines[state.lines.length - 1];
    issues.push(
      warning(
        'NO_BYLINE',
        last?.line ?? 1,
        'Không thấy dòng tác giả ở cuối bài (ví dụ "Bài, ảnh: X.THIÊN" hoặc "THANH THUẬN"). Hãy thêm dòng tác giả, hoặc ghi "author:" trong khối ghi đè.',
      ),
    );
  }
}
