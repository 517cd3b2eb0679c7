import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import type { Article } from '../article.ts';
import { formatIssue } from '../parser/issue.ts';
import { parseStoryBytes, storyFormatOf } from '../parser/story.ts';
import { UsageError, type Command } from './command.ts';

const help = `toa-soan parse [--json] TỆP

Đọc một tệp bài viết (.txt hay .md) và in ra bài đã phân tích (parse one article file):
  mặc định  Markdown với khối YAML ở đầu (front matter): một bài .md dựng ra đúng bài đó
            (toa-soan parse bai.txt > bai.md chuyển bài sang Markdown; ảnh vẫn là bai-1.jpg…)
  --json    một đối tượng JSON: title, date, author, credit, source, lead, headings, captions, body, slug

Tệp lỗi: in một dòng "TỆP:DÒNG: MÃ: lời nhắn" ra stderr cho mỗi lỗi và thoát với mã 1.`;

/** The fields `parse` prints, in a fixed order; `featured` and `tags` only when the story sets them. */
export function printedFields(article: Article) {
  const { title, date, author, credit, source, lead, headings, captions, body, slug, featured, tags } = article;
  return { title, date, author, credit, source, lead, headings, captions, body, slug, ...(featured !== undefined ? { featured } : {}), ...(tags ? { tags } : {}) };
}

export function toMarkdown(article: Article): string {
  const { body, ...data } = printedFields(article);
  return matter.stringify(body, data);
}

export const command: Command = {
  name: 'parse',
  summary: 'in một bài đã phân tích (Markdown hoặc JSON)',
  help,
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('cần đúng một tệp bài viết (exactly one FILE)');
    const file = positionals[0]!;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      process.stderr.write(`${file}:1: NO_FILE: Không đọc được tệp (${(err as NodeJS.ErrnoException).code ?? 'lỗi'}).\n`);
      return 1;
    }
    const result = parseStoryBytes(storyFormatOf(file), bytes);
    if (!result.ok) {
      for (const issue of result.errors) process.stderr.write(`${formatIssue(file, issue)}\n`);
      return 1;
    }
    for (const issue of result.warnings) process.stderr.write(`${formatIssue(file, issue)}\n`);
    process.stdout.write(values.json ? `${JSON.stringify(printedFields(result.article), null, 2)}\n` : toMarkdown(result.article));
    return 0;
  },
};
