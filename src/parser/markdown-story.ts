/**
 * Markdown stories (`.md`): YAML front matter (the override block's fields plus title, date, lead,
 * source) and a Markdown body. The body is parsed by markdown-it into the same blocks as a text
 * story wherever it says the same thing (a plain paragraph, a `##` heading, a photo standing alone
 * with its caption), so a story converted from text renders as before; whatever else Markdown adds
 * (links, lists, emphasis, quotes, tables) is a `markdown` block of tokens, rendered at page time.
 */
import type { Token } from 'markdown-it';
import type { Article, Block, MarkdownToken } from '../article.ts';
import { decodeUtf8 } from '../encoding/decode.ts';
import { LEGACY_ENCODING_LABELS } from '../encoding/legacy.ts';
import { guessMisreadLegacyEncoding } from '../encoding/mojibake.ts';
import { slug } from '../slug.ts';
import { applyCaptionOverride, applyHeadingOverride } from './apply-override.ts';
import { readFrontMatter, type FrontMatter } from './front-matter.ts';
import type { ParseResult } from './index.ts';
import { error, FILE_NAME, warning, type Issue } from './issue.ts';
import { foldWhitespace } from './lines.ts';
import { markdownHeadingTexts, markdownIt, plainText } from './markdown-syntax.ts';
import { isoVietnam } from './vietnam-time.ts';
import { lifecycleFields } from './override.ts';

const md = markdownIt();

/** A photo of the body: its line, and the file it names beside the story (null: `NAME-k` by its place). */
interface Photo {
  line: number;
  file: string | null;
}

/** The tokens of one top-level block: an opening token to its closing one, or a single token. */
function topLevelBlocks(tokens: readonly Token[]): Token[][] {
  const groups: Token[][] = [];
  for (let i = 0; i < tokens.length; ) {
    let end = i;
    if (tokens[i]!.nesting === 1) while (!(tokens[end]!.level === 0 && tokens[end]!.nesting === -1)) end++;
    groups.push(tokens.slice(i, end + 1));
    i = end + 1;
  }
  return groups;
}

/** The words of a block's tokens: each paragraph, item or cell, and code as written. */
function blockText(group: readonly Token[]): string {
  const code = (token: Token) => (token.type === 'fence' || token.type === 'code_block' ? token.content : '');
  return foldWhitespace(group.map((token) => (token.children ? plainText(token.children) : code(token))).join(' '));
}

/** Text only, no markup: what a text story's paragraph or heading is. */
function isPlain(children: readonly Token[]): boolean {
  return children.every((child) => child.type === 'text' || child.type === 'softbreak');
}

function isBlankText(token: Token): boolean {
  return (token.type === 'text' && token.content.trim() === '') || token.type === 'softbreak';
}

/**
 * The heading levels the page can show without a gap in its outline: the page's title is the
 * only `h1`, so `#` is an `h2`, and no heading goes more than one level below the one before it.
 */
function levelHeadings(tokens: readonly Token[]): void {
  let previous = 1;
  for (const token of tokens) {
    if (token.type !== 'heading_open' && token.type !== 'heading_close') continue;
    if (token.type === 'heading_open') previous = Math.max(2, Math.min(Number(token.tag.slice(1)), previous + 1));
    token.tag = `h${previous}`;
  }
}

/** `NAME-1.jpg` in `![…](NAME-1.jpg)`; null for the `#anh-k` that `parse` writes; undefined for an address elsewhere. */
function photoFile(src: string): string | null | undefined {
  if (src === '' || src.startsWith('#')) return null;
  let name: string;
  try {
    name = decodeURIComponent(src);
  } catch {
    return undefined;
  }
  return /^[^/\\:?#]+$/.test(name) && !name.startsWith('.') ? name.normalize('NFC') : undefined;
}

function imageWarning(line: number, why: string): Issue {
  return warning('MARKDOWN_IMAGE', line, `${why} Hãy viết ảnh thành một đoạn riêng: ![Chú thích ảnh](TÊN-BÀI-1.jpg), tệp ảnh đặt cạnh bài.`);
}

function toData(token: Token): MarkdownToken {
  const { type, tag, attrs, nesting, level, children, content, markup, info, block, hidden } = token;
  return { type, tag, attrs: attrs?.map(([name, value]) => [name, String(value)]) ?? null, nesting, level, children: children?.map(toData) ?? null, content, markup, info, block, hidden };
}

/** Reads the body's blocks and photos; `firstLine` is the body's first line in the file. */
function bodyBlocks(body: string, firstLine: number, issues: Issue[]): { blocks: Block[]; photos: Photo[] } {
  const tokens = md.parse(body, {});
  levelHeadings(tokens);
  const blocks: Block[] = [];
  const photos: Photo[] = [];
  for (const group of topLevelBlocks(tokens)) {
    const [open, inline] = group;
    const line = firstLine + (open!.map?.[0] ?? 0);
    const children = inline?.type === 'inline' && group.length === 3 ? (inline.children ?? []) : null;
    if (children && open!.type === 'paragraph_open') {
      const shown = children.filter((child) => !isBlankText(child));
      const image = shown.length === 1 && shown[0]!.type === 'image' ? shown[0]! : null;
      if (image) {
        const caption = plainText(image.children ?? []);
        const src = String(image.attrGet('src') ?? '');
        const file = photoFile(src);
        if (!caption) issues.push(imageWarning(line, 'Ảnh không có chú thích: chữ trong ![…] là chú thích của ảnh.'));
        if (file === undefined) issues.push(imageWarning(line, `Ảnh chỉ tới "${src}", không phải một tệp ảnh đặt cạnh bài; trang không lấy ảnh từ nơi khác.`));
        blocks.push({ kind: 'figure', caption, line });
        photos.push({ line, file: file ?? null });
        continue;
      }
      if (isPlain(children)) {
        blocks.push({ kind: 'paragraph', text: plainText(children), line });
        continue;
      }
    }
    if (children && open!.type === 'heading_open' && open!.tag === 'h2' && isPlain(children)) {
      blocks.push({ kind: 'heading', text: plainText(children), line });
      continue;
    }
    for (const token of group) {
      for (const child of token.children ?? []) {
        if (child.type !== 'image') continue;
        issues.push(imageWarning(line, 'Ảnh nằm giữa chữ; trang hiện chú thích của ảnh thay cho ảnh.'));
        Object.assign(child, { type: 'text', tag: '', attrs: null, content: plainText(child.children ?? []), children: null });
      }
    }
    blocks.push({ kind: 'markdown', tokens: group.map(toData), text: blockText(group), line });
  }
  return { blocks, photos };
}

/**
 * The file names the body's photos give, in photo order, up to the first photo that gives none:
 * `photos:` names photo k by its k-th entry, and a photo past the list's end is `NAME-k`, so a
 * name after a photo without one cannot be said.
 */
function namedPhotos(photos: readonly Photo[], issues: Issue[]): string[] {
  const named: string[] = [];
  photos.forEach((photo, index) => {
    if (photo.file === null) return;
    if (named.length === index) named.push(photo.file);
    else {
      issues.push(
        imageWarning(
          photo.line,
          `Tên tệp "${photo.file}" không được dùng: một ảnh trước nó không ghi tên tệp. Ghi tên tệp cho mọi ảnh, hoặc không ghi cho ảnh nào (ảnh thứ k là TÊN-BÀI-k.jpg).`,
        ),
      );
    }
  });
  return named;
}

/** Headings within `markdown` blocks are headings of the story too (for its related stories). */
function headingTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : block.kind === 'markdown' ? markdownHeadingTexts(block.tokens) : []));
}

function missingField(code: 'NO_DATE' | 'NO_TITLE' | 'NO_LEAD', field: string, what: string): Issue {
  return error(code, 1, `Bài Markdown thiếu ${what}: thêm dòng "${field}: …" vào phần đầu (front matter, giữa hai dòng --- ở đầu tệp).`);
}

function assemble(frontMatter: FrontMatter, issues: Issue[]): ParseResult {
  const { fields } = frontMatter;
  const body = bodyBlocks(frontMatter.body, frontMatter.bodyLine, issues);
  let { blocks } = body;
  const fieldsReported = issues.some((issue) => issue.code === 'BAD_OVERRIDE');
  if (!fields.date && !fieldsReported) issues.push(missingField('NO_DATE', 'date', 'ngày giờ đăng'));
  if (!fields.title && !fieldsReported) issues.push(missingField('NO_TITLE', 'title', 'tiêu đề'));
  if (fields.title && !fields.lead && !fieldsReported) issues.push(missingField('NO_LEAD', 'lead', 'sapo'));
  if (fields.author === undefined && fields.credit === undefined && !fieldsReported) {
    issues.push(warning('NO_BYLINE', 1, 'Bài Markdown không ghi tác giả: thêm dòng "author: TÊN TÁC GIẢ" (hay "credit: Bài, ảnh: TÊN") vào phần đầu.'));
  }
  if (fields.headings) blocks = applyHeadingOverride(blocks, fields.headings, issues);
  if (fields.captions) blocks = applyCaptionOverride(blocks, fields.captions, issues, frontMatter.fieldLine('captions'));
  const listed = fields.photos ?? namedPhotos(body.photos, issues);

  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  if (errors.length > 0 || !fields.date || !fields.title || !fields.lead) return { ok: false, errors, warnings };
  const article: Article = {
    title: fields.title,
    date: isoVietnam(fields.date),
    author: fields.author ?? null,
    credit: fields.credit ?? null,
    source: frontMatter.source ?? null,
    lead: fields.lead,
    headings: fields.headings ?? headingTexts(blocks),
    captions: blocks.flatMap((block) => (block.kind === 'figure' ? [block.caption] : [])),
    body: frontMatter.body,
    blocks,
    slug: slug(fields.slug ?? fields.title),
    section: fields.section ?? null,
    photos: listed,
    ...(fields.featured !== undefined ? { featured: fields.featured } : {}),
    ...(fields.tags ? { tags: fields.tags } : {}),
    ...lifecycleFields(fields),
  };
  return { ok: true, article, warnings };
}

/** Parses a Markdown story's text. Pure: no file system, no clock. */
export function parseMarkdownStory(input: string): ParseResult {
  const misread = guessMisreadLegacyEncoding(input);
  if (misread) {
    const message = `Chữ trong tệp bị lỗi phông: tệp mã ${LEGACY_ENCODING_LABELS[misread]} đã bị lưu lại thành UTF-8 mà không chuyển mã. Sửa: npx tsx src/cli.ts convert --force --from ${misread} ${FILE_NAME}`;
    return { ok: false, errors: [error('MISREAD_ENCODING', 1, message)], warnings: [] };
  }
  const text = input.replace(/^\ufeff/, '').normalize('NFC').replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return { ok: false, errors: [error('EMPTY_FILE', 1, 'Tệp không có nội dung bài viết. Bài Markdown mở đầu bằng phần đầu (front matter) giữa hai dòng ---.')], warnings: [] };
  }
  const frontMatter = readFrontMatter(text);
  return assemble(frontMatter, [...frontMatter.issues]);
}

/** Parses a Markdown story file's bytes, which must be UTF-8. */
export function parseMarkdownStoryBytes(bytes: Uint8Array): ParseResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, errors: [error('NOT_UTF8', decoded.line, decoded.message)], warnings: [] };
  return parseMarkdownStory(decoded.text);
}
