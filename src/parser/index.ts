import type { Article } from '../article.ts';
import { decodeUtf8 } from '../encoding/decode.ts';
import { LEGACY_ENCODING_LABELS } from '../encoding/legacy.ts';
import { guessMisreadLegacyEncoding } from '../encoding/mojibake.ts';
import { slug } from '../slug.ts';
import { error, FILE_NAME, type Issue } from './issue.ts';
import { contentLines } from './lines.ts';
import { blocksToMarkdown } from './markdown.ts';
import { applyCaptionOverride, applyHeadingOverride } from './apply-override.ts';
import { lifecycleFields, readOverride, type Override } from './override.ts';
import { qualityWarnings } from './quality.ts';
import { byline } from './rules/byline.ts';
import { heading } from './rules/heading.ts';
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

/**
 * Gives each line to the first rule that takes it. A rule that says it took a line must have moved
 * past it, and one that declines must not have moved: either slip would loop forever or skip text
 * silently, so it stops the parse loudly instead (a bug in a rule, never in the article).
 */
export function runRules(state: ParserState, rules: readonly Rule[] = RULES): void {
  while (state.pos < state.lines.length) {
    const start = state.pos;
    const taker = rules.find((rule) => {
      const took = rule(state);
      if (!took && state.pos !== start) throw new Error(`parser rule "${rule.name}" moved past line ${state.lines[start]!.line} without taking it`);
      return took;
    });
    if (taker === undefined) throw new Error(`no parser rule took line ${state.lines[start]!.line}`);
    if (state.pos <= start) throw new Error(`parser rule "${taker.name}" took line ${state.lines[start]!.line} without moving past it`);
  }
}

function normalize(text: string): string {
  return text.replace(/^\ufeff/, '').normalize('NFC');
}

/** Parses one article file's text. Pure: no file system, no clock. */
export function parseArticle(input: string): ParseResult {
  const misread = guessMisreadLegacyEncoding(input);
  if (misread) {
    const message = `Chữ trong tệp bị lỗi phông: tệp mã ${LEGACY_ENCODING_LABELS[misread]} đã bị lưu lại thành UTF-8 mà không chuyển mã. Sửa: npx tsx src/cli.ts convert --force --from ${misread} ${FILE_NAME}`;
    return { ok: false, errors: [error('MISREAD_ENCODING', 1, message)], warnings: [] };
  }
  const text = normalize(input).replace(/\r\n?/g, '\n');
  const leading = /^(?:[ \t\u00a0\u200b]*\n)*/.exec(text)![0];
  const firstLine = leading.split('\n').length;
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
    ...(override.featured !== undefined ? { featured: override.featured } : {}),
    ...(override.tags ? { tags: override.tags } : {}),
    ...lifecycleFields(override),
  };
  return { ok: true, article, warnings };
}
