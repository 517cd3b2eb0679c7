import yaml from 'js-yaml';
import { DateTime } from 'luxon';
import { error, warning, type Issue } from './issue.ts';
import { nearMiss } from './near-miss.ts';
import { slug } from '../slug.ts';
import { EXAMPLE_FIELD, explainYamlError, OVERRIDE_YAML_OPTIONS, quoted } from './override-mistakes.ts';
import { isoVietnam, VIETNAM_ZONE, vietnamTime } from './vietnam-time.ts';
import type { Article } from '../article.ts';

/** Fields an editor may set in the `---` block to correct what the heuristics read. */
export interface Override {
  title?: string;
  date?: DateTime;
  author?: string | null;
  credit?: string | null;
  lead?: string;
  headings?: string[];
  captions?: string[];
  slug?: string;
  section?: string;
  photos?: string[];
  /** The editors' choice of a top story for the front page. */
  featured?: boolean;
  /** Topics the story belongs to (`Bão số 4`), each with its own page. */
  tags?: string[];
  /** When the story was last updated (`Cập nhật lúc …` beside its date). */
  updated?: DateTime;
  /** Dated corrections, as written. */
  corrections?: { date: DateTime; text: string }[];
  /** Taken down: in no public output, its address explains that it was removed. */
  unpublished?: boolean;
  /** Addresses the story had before (old paths of this site), each served as a redirect to it. */
  aliases?: string[];
}

export interface OverrideBlock {
  override: Override;
  /** The text after the block. */
  rest: string;
  /** How many lines the block took, so later line numbers still point into the file. */
  lineCount: number;
  issues: Issue[];
}

const TEXT_FIELDS = ['title', 'lead', 'slug', 'section'] as const;
const NULLABLE_TEXT_FIELDS = ['author', 'credit'] as const;
const LIST_FIELDS = ['headings', 'captions', 'photos'] as const;
const KNOWN_FIELDS: readonly string[] = [
  'title', 'date', 'author', 'credit', 'lead', 'headings', 'captions', 'slug', 'section', 'photos', 'featured', 'tags',
  'updated', 'corrections', 'unpublished', 'reason', 'aliases',
];
/** A topic is a few words, as a newsroom names a running story (`Bão số 4`, `Tết Nguyên đán 2024`). */
export const TAG_MAX_LENGTH = 40;

const DELIMITER = /^---[ \t]*$/;
const FIELD_LINE = /^(["']?)([^\s"'#:-][^:]*?)\1[ \t]*:(?:[ \t]+(.*))?$/;

const LOCAL_FORMATS = ['yyyy-MM-dd HH:mm', 'yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd H:mm', 'dd/MM/yyyy HH:mm', 'd/M/yyyy H:mm', 'yyyy-MM-dd'];

/** `2016-06-11 07:38` (Vietnam time), `11/06/2016 07:38`, or full ISO 8601 with or without an offset. */
export function readOverrideDate(value: string): DateTime | null {
  const iso = DateTime.fromISO(value, { zone: VIETNAM_ZONE });
  if (iso.isValid) return iso;
  for (const format of LOCAL_FORMATS) {
    const local = DateTime.fromFormat(value, format, { zone: VIETNAM_ZONE });
    if (local.isValid) return vietnamTime(local);
  }
  return null;
}

interface FieldLine {
  index: number;
  /** What follows `key:` on its line, or '' when the value is on the lines below. */
  raw: string;
}

/** Where each top-level field is written in the block (its first occurrence). */
function fieldLines(lines: readonly string[]): Map<string, FieldLine> {
  const found = new Map<string, FieldLine>();
  lines.forEach((line, index) => {
    const match = FIELD_LINE.exec(line);
    if (match && !found.has(match[2]!)) found.set(match[2]!, { index, raw: (match[3] ?? '').trim() });
  });
  return found;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

function isFieldSet(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

function describeShape(data: unknown): string {
  if (Array.isArray(data)) return 'một danh sách';
  if (typeof data === 'number') return 'một con số';
  return 'một dòng chữ';
}

function notAFieldSet(data: unknown): string {
  const listHint = Array.isArray(data)
    ? ' Nếu đây là các tiêu đề phụ, thêm dòng "headings:" ngay trên danh sách và thụt mỗi mục vào hai dấu cách.'
    : ' Nếu đây là nội dung bài, hãy xoá hai dòng --- bao quanh; nếu muốn sửa một trường, viết tên trường trước, như title: …';
  return `Khối ghi đè (giữa hai dòng ---) chỉ chứa các dòng "tên: giá trị", như ${EXAMPLE_FIELD}, nhưng ở đây là ${describeShape(data)}.${listHint}`;
}

function parseYaml(text: string): { ok: true; data: unknown } | { ok: false; err: unknown } {
  try {
    return { ok: true, data: yaml.load(text, OVERRIDE_YAML_OPTIONS) };
  } catch (err) {
    return { ok: false, err };
  }
}

/** The issue for a field whose value has the wrong shape; a text field written inline is shown quoted. */
function badField(key: string, where: FieldLine | undefined, what: string, blockLine: number): Issue {
  const quoteHint = where?.raw && key !== 'date' && !LIST_FIELDS.includes(key as never) ? ` Nếu đó là chữ, viết: ${key}: ${quoted(where.raw)}` : '';
  return error('BAD_OVERRIDE', blockLine + (where?.index ?? 0), `Trường "${key}" trong khối ghi đè ${what}.${quoteHint}`);
}

function unknownField(key: string, line: number): Issue {
  const meant = nearMiss(key, KNOWN_FIELDS);
  if (meant !== null) {
    // The editor meant to correct a field: publishing what the parser guessed instead would undo that silently.
    return error(
      'UNKNOWN_OVERRIDE',
      line,
      `Trường "${key}" không có; có phải ý bạn là "${meant}"? Hãy sửa tên trường thành "${meant}" (hoặc xoá dòng này nếu không cần ghi đè).`,
    );
  }
  return warning('UNKNOWN_OVERRIDE', line, `Trường "${key}" không được dùng. Các trường có thể ghi đè: ${KNOWN_FIELDS.join(', ')}.`);
}

function notTrueOrFalse(line: number): Issue {
  return error('BAD_OVERRIDE', line, 'Trường "featured" trong khối ghi đè chỉ nhận true (đưa bài lên tin nổi bật của trang chủ) hoặc false, viết không có ngoặc kép: featured: true');
}

const DATE_HINT = 'viết như "2016-06-12 09:00" (giờ Việt Nam)';

/** A correction is a date and a text, written as a list item with both. */
function readCorrections(value: unknown, line: number, issues: Issue[]): { date: DateTime; text: string }[] | null {
  const example = 'corrections:\n  - date: 2016-06-12 09:00\n    text: Bài viết đã sửa tên xã cho đúng là xã Nghĩa Hà.';
  if (!Array.isArray(value) || value.length === 0) {
    issues.push(error('BAD_CORRECTION', line, `Trường "corrections" phải là một danh sách đính chính, mỗi mục có ngày (date) và nội dung (text), như:\n${example}`));
    return null;
  }
  const corrections: { date: DateTime; text: string }[] = [];
  value.forEach((item: unknown, index) => {
    const fields = isFieldSet(item) ? item : {};
    const dateText = asText(fields['date']);
    const date = dateText ? readOverrideDate(dateText) : null;
    const text = asText(fields['text']);
    const which = `Đính chính thứ ${index + 1}`;
    if (!dateText) issues.push(error('BAD_CORRECTION', line, `${which} không có ngày: thêm dòng "date:" (${DATE_HINT}) để bạn đọc biết bài được đính chính khi nào. Ví dụ:\n${example}`));
    else if (!date) issues.push(error('BAD_CORRECTION', line, `${which} có ngày "${dateText}" không đọc được; ${DATE_HINT}.`));
    if (!text) issues.push(error('BAD_CORRECTION', line, `${which} không có nội dung: thêm dòng "text:" nói điều gì đã được sửa. Ví dụ:\n${example}`));
    if (date && text) corrections.push({ date, text });
  });
  return corrections.length === value.length ? corrections : null;
}

/** An alias is a path of this site (`/2016/06/ten-cu/`, `/tin-tuc/123.html`): no host, no query, no `..`. */
export function aliasPath(value: string): string | null {
  if (!value.startsWith('/') || value.startsWith('//') || /[\s?#\\]/.test(value) || value.split('/').some((part) => part === '..' || part === '.')) return null;
  if (value === '/') return null;
  return /\.html?$/.test(value) || value.endsWith('/') ? value : `${value}/`;
}

function readAliases(value: unknown, line: number, issues: Issue[]): string[] | null {
  const items = Array.isArray(value) ? value.map(asText) : undefined;
  if (!items || !items.every((item): item is string => Boolean(item))) {
    issues.push(error('BAD_ALIAS', line, 'Trường "aliases" phải là một danh sách địa chỉ cũ của bài, mỗi địa chỉ một dòng bắt đầu bằng "- ", như:\naliases:\n  - /2016/06/ten-cu-cua-bai/'));
    return null;
  }
  const paths = items.map((item) => ({ item, path: aliasPath(item) }));
  for (const { item } of paths.filter(({ path }) => path === null)) {
    issues.push(error('BAD_ALIAS', line, `Địa chỉ cũ "${item}" không phải một đường dẫn trong trang: viết phần sau tên miền, bắt đầu bằng "/", như /2016/06/ten-cu-cua-bai/ (không có https://, ?, # hay khoảng trắng).`));
  }
  return paths.every(({ path }) => path !== null) ? [...new Set(paths.map(({ path }) => path!))] : null;
}

/** The lifecycle fields of `override` as an article carries them: absent unless set. */
export function lifecycleFields(override: Override): Pick<Article, 'updated' | 'corrections' | 'unpublished' | 'aliases'> {
  return {
    ...(override.updated ? { updated: isoVietnam(override.updated) } : {}),
    ...(override.corrections ? { corrections: override.corrections.map(({ date, text }) => ({ date: isoVietnam(date), text })) } : {}),
    ...(override.unpublished ? { unpublished: true } : {}),
    ...(override.aliases ? { aliases: override.aliases } : {}),
  };
}

/** The topics of a `tags:` list, each once in the order written; null (and the issues) when one cannot be a topic. */
function readTags(value: unknown, line: number, issues: Issue[]): string[] | null {
  const items = Array.isArray(value) ? value.map(asText) : undefined;
  if (!items || !items.every((item): item is string => Boolean(item))) {
    issues.push(error('BAD_OVERRIDE', line, 'Trường "tags" trong khối ghi đè phải là một danh sách chủ đề, mỗi chủ đề một dòng bắt đầu bằng "- ", như:\ntags:\n  - Bão số 4'));
    return null;
  }
  const bad = items.filter((tag) => tag.length > TAG_MAX_LENGTH || !slug(tag));
  for (const tag of bad) {
    const why = tag.length > TAG_MAX_LENGTH ? `dài ${tag.length} ký tự; một chủ đề chỉ là vài chữ (tối đa ${TAG_MAX_LENGTH} ký tự)` : 'không có chữ hay số nào để làm địa chỉ trang chủ đề';
    issues.push(error('BAD_TAG', line, `Chủ đề "${tag}" ${why}. Hãy đặt tên chủ đề ngắn, như "Bão số 4".`));
  }
  if (bad.length > 0) return null;
  // Two spellings of one topic (`Bão số 4`, `bão số 4`) would be one page: the first written names it.
  const bySlug = new Map<string, string>();
  for (const tag of items) if (!bySlug.has(slug(tag))) bySlug.set(slug(tag), tag);
  return [...bySlug.values()];
}

/** The override fields of a YAML mapping read from `lines`, which start at file line `blockLine`. */
export function readFields(data: Record<string, unknown>, lines: readonly string[], blockLine: number): { override: Override; issues: Issue[] } {
  const where = fieldLines(lines);
  const issues: Issue[] = [];
  const override: Override = {};
  const has = (key: string) => Object.hasOwn(data, key);
  const bad = (key: string, what: string) => issues.push(badField(key, where.get(key), what, blockLine));

  for (const key of Object.keys(data)) {
    if (!KNOWN_FIELDS.includes(key)) issues.push(unknownField(key, blockLine + (where.get(key)?.index ?? 0)));
  }
  for (const key of TEXT_FIELDS) {
    if (!has(key)) continue;
    const value = asText(data[key]);
    if (value) override[key] = value;
    else bad(key, 'phải là một dòng chữ không rỗng');
  }
  for (const key of NULLABLE_TEXT_FIELDS) {
    if (!has(key)) continue;
    const value = data[key] === null ? null : asText(data[key]);
    if (value === undefined || value === '') bad(key, 'phải là một dòng chữ (hoặc null để bỏ trống)');
    else override[key] = value;
  }
  for (const key of LIST_FIELDS) {
    if (!has(key)) continue;
    const value = data[key];
    const items = Array.isArray(value) ? value.map(asText) : undefined;
    if (items && items.every((item): item is string => Boolean(item))) override[key] = items;
    else bad(key, 'phải là một danh sách, mỗi mục một dòng bắt đầu bằng "- "');
  }
  if (has('featured')) {
    if (typeof data['featured'] === 'boolean') override.featured = data['featured'];
    else issues.push(notTrueOrFalse(blockLine + (where.get('featured')?.index ?? 0)));
  }
  if (has('tags')) {
    const line = blockLine + (where.get('tags')?.index ?? 0);
    const tags = readTags(data['tags'], line, issues);
    if (tags) override.tags = tags;
  }
  if (has('updated')) {
    const value = asText(data['updated']);
    const updated = value ? readOverrideDate(value) : null;
    if (updated) override.updated = updated;
    else bad('updated', `phải là ngày giờ có thật, ${DATE_HINT}`);
  }
  if (has('corrections')) {
    const corrections = readCorrections(data['corrections'], blockLine + (where.get('corrections')?.index ?? 0), issues);
    if (corrections) override.corrections = corrections;
  }
  if (has('unpublished')) {
    if (typeof data['unpublished'] === 'boolean') override.unpublished = data['unpublished'];
    else {
      const line = blockLine + (where.get('unpublished')?.index ?? 0);
      issues.push(error('BAD_OVERRIDE', line, 'Trường "unpublished" chỉ nhận true (gỡ bài khỏi trang, tệp vẫn giữ làm hồ sơ) hoặc false (đăng lại), viết không có ngoặc kép: unpublished: true'));
    }
  }
  if (has('reason') && !asText(data['reason'])) bad('reason', 'phải là một dòng chữ không rỗng (lý do gỡ bài, chỉ để toà soạn lưu, không hiện trên trang)');
  if (has('aliases')) {
    const aliases = readAliases(data['aliases'], blockLine + (where.get('aliases')?.index ?? 0), issues);
    if (aliases) override.aliases = aliases;
  }
  if (has('date')) {
    const value = asText(data['date']);
    const date = value ? readOverrideDate(value) : null;
    if (date) override.date = date;
    else bad('date', 'phải là ngày giờ có thật, viết như "2016-06-11 07:38" (giờ Việt Nam) hoặc "2016-06-11T07:38:00+07:00"');
  }
  return { override, issues };
}

function firstContentIndex(lines: readonly string[]): number {
  const index = lines.findIndex((line) => !/^\s*(?:#.*)?$/.test(line));
  return Math.max(index, 0);
}

/**
 * Reads the optional `---` block at the top of the file. `text` has `\n` line ends and starts at
 * file line `firstLine` (leading blank lines already skipped). A block that cannot be read gives
 * one BAD_OVERRIDE error on the line to fix, and the article after it is still read.
 */
export function readOverride(text: string, firstLine: number): OverrideBlock {
  const lines = text.split('\n');
  if (!DELIMITER.test(lines[0]!) || lines.length < 2) return { override: {}, rest: text, lineCount: 0, issues: [] };
  const close = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (close < 0) {
    const message =
      'Khối ghi đè mở bằng dòng --- này nhưng không có dòng --- đóng lại. ' +
      'Hãy thêm một dòng chỉ có --- ngay sau trường ghi đè cuối cùng (trước dòng "Cập nhật lúc: …"); nếu không cần ghi đè, xoá dòng --- này.';
    return { override: {}, rest: '', lineCount: lines.length, issues: [error('BAD_OVERRIDE', firstLine, message)] };
  }
  const blockLines = lines.slice(1, close);
  const blockLine = firstLine + 1;
  const after = { rest: lines.slice(close + 1).join('\n'), lineCount: close + 1 };
  const parsed = parseYaml(blockLines.join('\n'));
  if (!parsed.ok) {
    const { index, message } = explainYamlError(blockLines, parsed.err);
    return { override: {}, ...after, issues: [error('BAD_OVERRIDE', blockLine + index, message)] };
  }
  if (parsed.data === null || parsed.data === undefined) return { override: {}, ...after, issues: [] };
  if (!isFieldSet(parsed.data)) {
    const line = blockLine + firstContentIndex(blockLines);
    return { override: {}, ...after, issues: [error('BAD_OVERRIDE', line, notAFieldSet(parsed.data))] };
  }
  return { ...readFields(parsed.data, blockLines, blockLine), ...after };
}
