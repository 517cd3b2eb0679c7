import type { Article, Block } from '../article.ts';
import { decodeUtf8 } from '../encoding/decode.ts';
import { LEGACY_ENCODING_LABELS } from '../encoding/legacy.ts';
import { guessMisreadLegacyEncoding } from '../encoding/mojibake.ts';
import { slug } from '../slug.ts';
import { error, warning, type Issue } from './issue.ts';
import { contentLines } from './lines.ts';
import { blocksToMarkdown } from './markdown.ts';
import { readOverride, type Override } from './override.ts';
import { byline } from './rules/byline.ts';
import { heading, HEADING_MAX_CHARS } from './rules/heading.ts';
import { lead } from './rules/lead.ts';
import { paragraph } from './rules/paragraph.ts';
import { photoCaption } from './rules/photo-caption.ts';
import { relatedNews } from './rules/related-news.ts';
import { timestamp } from './rules/timestamp.ts';
import { title } from './rules/title.ts';
import { newState, type ParserState, type Rule } from './state.ts';
import { isoVietnam } from './vietnam-time.ts';

export type ParseResult = { ok: true; article: Article; warnings: Issue[] } | { ok: false; errors: Issue[]; warnings: Issue[] };

/** In order: the first rule that takes a line decides what it is. `paragraph` takes anything. */
const RULES: readonly Rule[] = [timestamp, title, relatedNews, photoCaption, byline, lead, heading, paragraph];

const LONG_HEADING_CHARS = 70;

function runRules(state: ParserState): void {
  while (state.pos < state.lines.length) {
    for (const rule of RULES) {
      if (rule(state)) break;
    }
  }
}

/** Headings listed in an override decide which lone lines are headings; the others stay paragraphs. */
function applyHeadingOverride(blocks: Block[], headings: readonly string[], issues: Issue[]): Block[] {
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

function applyCaptionOverride(blocks: Block[], captions: readonly string[], issues: Issue[], line: number): Block[] {
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

function qualityWarnings(blocks: readonly Block[], state: ParserState, issues: Issue[]): void {
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

function normalize(text: string): string {
  return text.replace(/^\ufeff/, '').normalize('NFC');
}

/** Parses one article file's text. Pure: no file system, no clock. */
export function parseArticle(input: string): ParseResult {
  const misread = guessMisreadLegacyEncoding(input);
  if (misread) {
    const message = `Chữ trong tệp bị lỗi phông: tệp mã ${LEGACY_ENCODING_LABELS[misread]} đã bị lưu lại thành UTF-8 mà không chuyển mã. Sửa: npx tsx src/cli.ts convert --force --from ${misread} TỆP`;
    return { ok: false, errors: [error('MISREAD_ENCODING', 1, message)], warnings: [] };
  }
  const text = normalize(input).replace(/\r\n?/g, '\n');
  const leading = /^(?:[ \t\u00a0\u200b]*\n)*/.exec(text)![0];
  const firstLine = 1 + leading.split('\n').length - 1;
  const { override, rest, lineCount, issues } = readOverride(text.slice(leading.length), firstLine);
  const lines = contentLines(rest, firstLine + lineCount);
  if (lines.length === 0 && !issues.some((issue) => issue.severity === 'error')) {
    issues.push(error('EMPTY_FILE', 1, 'Tệp không có nội dung bài viết. Hãy dán toàn văn bài, bắt đầu bằng dòng "Cập nhật lúc: ...".'));
  }
  const state = newState(lines);
  runRules(state);
  issues.push(...state.issues);
  return assemble(state, override, issues);
}

/** Parses an article file's bytes, which must be UTF-8. */
export function parseArticleBytes(bytes: Uint8Array): ParseResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, errors: [error('NOT_UTF8', decoded.line, decoded.message)], warnings: [] };
  return parseArticle(decoded.text);
}

function assemble(state: ParserState, override: Override, issues: Issue[]): ParseResult {
  const firstLine = state.lines[0]?.line ?? 1;
  // A date that is there but unreadable (a bad timestamp or override) has its own error already.
  const dateReported = issues.some((issue) => ['BAD_TIMESTAMP', 'EMPTY_FILE', 'BAD_OVERRIDE'].includes(issue.code));
  if (!state.date && !override.date && !dateReported) {
    issues.push(
      error(
        'NO_DATE',
        firstLine,
        'Thiếu dòng thời gian "Cập nhật lúc: HH:mm, dd/MM/yyyy" ở đầu bài, và khối ghi đè không có "date:". Hãy thêm dòng đó làm dòng đầu tiên của bài.',
      ),
    );
  }
  const titleText = override.title ?? state.title?.text;
  if (!titleText && state.lines.length > 0) {
    issues.push(error('NO_TITLE', firstLine, 'Bài không có tiêu đề: dòng đầu tiên sau dòng thời gian phải là tiêu đề bài.'));
  }
  const leadText = override.lead ?? state.lead?.text;
  if (titleText && !leadText) {
    issues.push(
      error('NO_LEAD', state.title?.line ?? firstLine, 'Bài không có sapo: đoạn văn đầu tiên sau tiêu đề phải là phần mở đầu (sapo) của bài.'),
    );
  }

  let blocks = state.blocks;
  if (override.headings) blocks = applyHeadingOverride(blocks, override.headings, issues);
  if (override.captions) blocks = applyCaptionOverride(blocks, override.captions, issues, 1);
  qualityWarnings(blocks, state, issues);

  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const date = override.date ?? state.date?.value;
  if (errors.length > 0 || !date || !titleText || !leadText) return { ok: false, errors, warnings };

  const headings = override.headings ?? blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
  const captions = blocks.flatMap((block) => (block.kind === 'figure' ? [block.caption] : []));
  const article: Article = {
    title: titleText,
    date: isoVietnam(date),
    author: override.author !== undefined ? override.author : (state.byline?.author ?? null),
    credit: override.credit !== undefined ? override.credit : (state.byline?.credit ?? null),
    source: state.source,
    lead: leadText,
    headings,
    captions,
    body: blocksToMarkdown(blocks),
    blocks,
    slug: slug(override.slug ?? titleText),
    section: override.section ?? null,
    photos: override.photos ?? [],
  };
  return { ok: true, article, warnings };
}
