import matter from 'gray-matter';
import yaml from 'js-yaml';
import { DateTime } from 'luxon';
import { error, warning, type Issue } from './issue.ts';
import { VIETNAM_ZONE, vietnamTime } from './vietnam-time.ts';

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
const KNOWN_FIELDS = new Set<string>([...TEXT_FIELDS, ...NULLABLE_TEXT_FIELDS, ...LIST_FIELDS, 'date']);

// The core schema keeps `2019-04-14 08:00` a string: YAML's timestamp type would read it as UTC, not Vietnam time.
const YAML_OPTIONS = { engines: { yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object } };

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

function fieldLine(block: string, key: string, firstLine: number): number {
  const index = block.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? firstLine : firstLine + index;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * Reads the optional `---` block at the top of the file with gray-matter.
 * `firstLine` is the file line where `text` starts (leading blank lines already skipped).
 */
export function readOverride(text: string, firstLine: number): OverrideBlock {
  if (!/^---[ \t]*\n/.test(text)) return { override: {}, rest: text, lineCount: 0, issues: [] };
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, YAML_OPTIONS);
  } catch (err) {
    const mark = (err as { mark?: { line?: number } }).mark;
    // js-yaml may point past the block's end (an unclosed quote runs to the end of the stream).
    const blockLines = text.split('\n').findIndex((line, index) => index > 0 && /^---\s*$/.test(line)) - 1;
    const line = firstLine + 1 + Math.min(mark?.line ?? 0, Math.max(blockLines - 1, 0));
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return {
      override: {},
      rest: '',
      lineCount: 0,
      issues: [
        error('BAD_OVERRIDE', line, `Khối ghi đè (giữa hai dòng ---) viết sai cú pháp YAML: ${reason}. Mỗi dòng phải có dạng "tên: giá trị".`),
      ],
    };
  }
  const lineCount = text.slice(0, text.length - parsed.content.length).split('\n').length - 1;
  const block = parsed.matter.replace(/^\n/, '');
  const blockLine = firstLine + 1;
  const issues: Issue[] = [];
  const data: Record<string, unknown> = parsed.data ?? {};
  const override: Override = {};
  const bad = (key: string, what: string) =>
    issues.push(error('BAD_OVERRIDE', fieldLine(block, key, blockLine), `Trường "${key}" trong khối ghi đè ${what}.`));

  for (const [key, value] of Object.entries(data)) {
    if (!KNOWN_FIELDS.has(key)) {
      issues.push(
        warning(
          'UNKNOWN_OVERRIDE',
          fieldLine(block, key, blockLine),
          `Trường "${key}" không được dùng. Các trường có thể ghi đè: ${[...KNOWN_FIELDS].join(', ')}.`,
        ),
      );
    }
  }
  for (const key of TEXT_FIELDS) {
    if (!(key in data)) continue;
    const value = asText(data[key]);
    if (value) override[key] = value;
    else bad(key, 'phải là một dòng chữ không rỗng');
  }
  for (const key of NULLABLE_TEXT_FIELDS) {
    if (!(key in data)) continue;
    const value = data[key] === null ? null : asText(data[key]);
    if (value === undefined || value === '') bad(key, 'phải là một dòng chữ (hoặc null để bỏ trống)');
    else override[key] = value;
  }
  for (const key of LIST_FIELDS) {
    if (!(key in data)) continue;
    const value = data[key];
    const items = Array.isArray(value) ? value.map(asText) : undefined;
    if (items && items.every((item): item is string => Boolean(item))) override[key] = items;
    else bad(key, 'phải là một danh sách, mỗi mục một dòng bắt đầu bằng "- "');
  }
  if ('date' in data) {
    const value = asText(data['date']);
    const date = value ? readOverrideDate(value) : null;
    if (date) override.date = date;
    else bad('date', 'phải là ngày giờ có thật, viết như "2016-06-11 07:38" (giờ Việt Nam) hoặc "2016-06-11T07:38:00+07:00"');
  }
  return { override, rest: parsed.content, lineCount, issues };
}
