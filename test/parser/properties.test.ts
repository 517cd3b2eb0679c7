import fc from 'fast-check';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { printedFields, toMarkdown } from '../../src/commands/parse.ts';
import { parseArticle } from '../../src/parser/index.ts';

const RUNS = { numRuns: 1000 };
const markdown = new MarkdownIt();

const WORDS = [
  'Quảng', 'Ngãi', 'Đảng', 'ủy', 'hòa', 'hoà', 'người', 'dân', 'THANH', 'THUẬN', 'Bài', 'ảnh:', 'Tin', 'Theo', 'TIN', 'LIÊN', 'QUAN',
  '1.', '2)', '-', '+', '#', '*', '_', '`', '[x]', '<b>', '&amp;', '\\', '~~', '|', '>', '!', '(BQN)-', '“trích”', 'ngày', '07:38,', '11/06/2016',
];
const END = ['', '.', '?', '!', ':', ',', '…', ';'];

const word = fc.constantFrom(...WORDS);
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 16 }), fc.constantFrom(...END))
  .map(([words, end]) => `${words.join(' ')}${end}`);
const separator = fc.constantFrom('\n', '\n\n', '\n.\n', '\n\u00a0\n', '\n  \n\n', '\r\n\r\n');
const timestampLine = fc
  .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }), d: fc.integer({ min: 1, max: 28 }), mo: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 2000, max: 2030 }) })
  .map(({ h, m, d, mo, y }) => `Cập nhật lúc: ${h}:${String(m).padStart(2, '0')}, ${d}/${mo}/${y} [GMT+7]`);
/** Some lines are doubled, as the export prints a photo's alt text and caption. */
const bodyLine = fc.tuple(sentence, fc.boolean()).map(([text, doubled]) => (doubled ? `${text}\n${text}` : text));
const article = fc
  .tuple(timestampLine, fc.array(fc.tuple(bodyLine, separator), { minLength: 2, maxLength: 14 }))
  .map(([stamp, lines]) => `${stamp}\n.\n\n${lines.map(([line, sep]) => line + sep).join('')}`);

function fold(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function renderedBlocks(body: string): string[] {
  const html = markdown.render(body);
  return [...html.matchAll(/<p><img src="[^"]*" alt="([^"]*)"><\/p>|<(p|h2)>(.*?)<\/\2>/gs)].map((match) => {
    const inner = match[1] ?? match[3] ?? '';
    return inner
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  });
}

describe('parser properties', () => {
  it('returns an article or parse errors for any input, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), article, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const result = parseArticle(text);
        if (result.ok) expect(result.article.title.length).toBeGreaterThan(0);
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('puts every content line in exactly one of title, lead, headings, captions, body or credit', () => {
    fc.assert(
      fc.property(article, (text) => {
        const result = parseArticle(text);
        if (!result.ok) return;
        const { article: parsed } = result;
        const lines = text
          .split(/\r?\n/)
          .slice(1)
          .map(fold)
          .filter((line) => line !== '' && line !== '.' && !/^tin liên quan$/iu.test(line));
        // A source tag alone on its line is lifted into `source`; otherwise it prefixes the lead's line.
        const tagged = lines.find((line) => line.startsWith('(') && line.endsWith(parsed.lead) && line !== parsed.lead);
        const tagAlone = parsed.source && !tagged ? [lines.find((line) => /^\((?:BQN|Báo Quảng Ngãi)\)-?$/u.test(line))] : [];
        const taken = [
          parsed.title,
          ...tagAlone,
          parsed.source && tagged ? tagged : parsed.lead,
          ...parsed.blocks.flatMap((block) => (block.kind === 'figure' ? [block.caption, block.caption] : [block.text])),
          ...(parsed.credit ? [parsed.credit] : []),
        ];
        expect(taken.sort()).toEqual(lines.sort());
      }),
      RUNS,
    );
  });

  it('writes a Markdown body that reads back to the same paragraphs, headings and captions', () => {
    fc.assert(
      fc.property(article, (text) => {
        const result = parseArticle(text);
        if (!result.ok) return;
        const blocks = result.article.blocks.map((block) => (block.kind === 'figure' ? block.caption : block.text));
        expect(renderedBlocks(result.article.body)).toEqual(blocks);
      }),
      RUNS,
    );
  });

  it('gives back the same fields through parse → Markdown → gray-matter', () => {
    fc.assert(
      fc.property(article, (text) => {
        const result = parseArticle(text);
        if (!result.ok) return;
        const { body, ...fields } = printedFields(result.article);
        const file = matter(toMarkdown(result.article));
        expect(file.data).toEqual(fields);
        // gray-matter ends every file with a newline, so an empty body comes back as one.
        expect(file.content.replace(/\n$/, '')).toBe(body.replace(/\n$/, ''));
      }),
      RUNS,
    );
  });

  it('reads NFD input as NFC', () => {
    fc.assert(
      fc.property(article, (text) => {
        const composed = parseArticle(text);
        const decomposed = parseArticle(text.normalize('NFD'));
        expect(decomposed).toEqual(composed);
      }),
      RUNS,
    );
  });
});
