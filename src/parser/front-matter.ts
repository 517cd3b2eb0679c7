import matter from 'gray-matter';
import yaml from 'js-yaml';
import { error, type Issue } from './issue.ts';
import { explainYamlError, OVERRIDE_YAML_OPTIONS } from './override-mistakes.ts';
import { readFields, type Override } from './override.ts';

/** What a Markdown story's front matter says: the override block's fields, and the lead's source tag. */
export interface FrontMatter {
  fields: Override;
  /** `source:` (what `parse` prints for `(Báo Quảng Ngãi)-`); undefined when not written. */
  source?: string | null;
  /** The file line of each field written, for issues about its value. */
  fieldLine(key: string): number;
  /** The text after the front matter, and its first line's number in the file. */
  body: string;
  bodyLine: number;
  issues: Issue[];
}

const DELIMITER = /^---[ \t]*$/;
/** The front matter's first line in the file: the line after the opening `---`. */
const FIRST_FIELD_LINE = 2;

const EXAMPLE =
  'Bài Markdown mở đầu bằng phần đầu (front matter) giữa hai dòng ---, như:\n---\ntitle: "Tiêu đề bài"\ndate: 2024-05-01 07:30\nlead: "Sapo của bài."\nauthor: THANH THUẬN\n---';

function none(body: string, issues: Issue[] = []): FrontMatter {
  return { fields: {}, fieldLine: () => 1, body, bodyLine: 1, issues };
}

/** Where each top-level key is written, as a file line (the first occurrence). */
function keyLines(lines: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  lines.forEach((line, index) => {
    const key = /^(["']?)([^\s"'#:-][^:]*?)\1[ \t]*:/.exec(line)?.[2];
    if (key !== undefined && !found.has(key)) found.set(key, FIRST_FIELD_LINE + index);
  });
  return found;
}

function readSource(value: unknown, line: number, issues: Issue[]): string | null | undefined {
  if (value === null) return null;
  if (typeof value === 'string' && value.trim() !== '') return value.normalize('NFC').trim();
  issues.push(error('BAD_OVERRIDE', line, 'Trường "source" phải là một dòng chữ, như source: Báo Quảng Ngãi (hoặc null để bỏ trống).'));
  return undefined;
}

/**
 * Reads the YAML front matter of a Markdown story (`text` normalized, `\n` line ends) with
 * gray-matter, through the same YAML options, field rules and messages as a text story's override
 * block, so both kinds of story report the same codes on the file's own lines.
 */
export function readFrontMatter(text: string): FrontMatter {
  const lines = text.split('\n');
  // Only a bare `---` opens front matter: gray-matter would evaluate `---js` as JavaScript.
  if (!DELIMITER.test(lines[0]!)) return none(text);
  const close = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (close < 0) return none('', [error('BAD_OVERRIDE', 1, `Phần đầu mở bằng dòng --- này nhưng không có dòng --- đóng lại. ${EXAMPLE}`)]);
  let parsed;
  try {
    parsed = matter(text, { language: 'yaml', engines: { yaml: (source: string) => yaml.load(fieldText(source), OVERRIDE_YAML_OPTIONS) as object } });
  } catch (err) {
    const { index, message } = explainYamlError(lines.slice(1, close), err);
    return none('', [error('BAD_OVERRIDE', FIRST_FIELD_LINE + index, message)]);
  }
  const body = parsed.content;
  const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  const fieldLines = fieldText(parsed.matter).split('\n');
  const where = keyLines(fieldLines);
  const fieldLine = (key: string) => where.get(key) ?? 1;
  const data: unknown = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ...none(body, [error('BAD_OVERRIDE', FIRST_FIELD_LINE, `Phần đầu chỉ chứa các dòng "tên: giá trị". ${EXAMPLE}`)]), bodyLine };
  }
  const { source, ...rest } = data as Record<string, unknown>;
  const issues: Issue[] = [];
  const read = readFields(rest, fieldLines, FIRST_FIELD_LINE);
  issues.push(...read.issues);
  const frontMatter: FrontMatter = { fields: read.override, fieldLine, body, bodyLine, issues };
  if (Object.hasOwn(data, 'source')) frontMatter.source = readSource(source, fieldLine('source'), issues);
  return frontMatter;
}

/** gray-matter's front matter starts with the rest of the opening `---` line; the fields start on the next. */
function fieldText(source: string): string {
  return source.slice(source.indexOf('\n') + 1);
}
