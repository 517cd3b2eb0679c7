import fc from 'fast-check';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { printedFields, toMarkdown } from '../../src/commands/parse.ts';
import { parseArticle, parseArticleBytes } from '../../src/parser/index.ts';
import { ISSUE_CODES } from '../../src/parser/issue.ts';

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
          // The related-news marker, with or without its colon, as the rule drops it (rules/related-news.ts).
          .filter((line) => line !== '' && line !== '.' && !/^tin liên quan ?:?$/iu.test(line));
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

/** Values of every YAML shape an editor (or a paste) could put after `key: `. */
const yamlValue = fc.oneof(
  sentence,
  fc.constantFrom(
    '42', '-1.5e3', 'null', '~', 'true', 'no', '""', "''", '"trích dẫn"', '"không đóng', "'không đóng", '"Lũ" ở Sơn Hà',
    'Sơn Hà: Mưa lớn', 'a: b: c', '!!binary SGVsbG8=', '!!str chữ', '!!int 3', '!!map {}', '!js/function f', '!<tag:x> y',
    '*ngôi-sao', '&neo giá trị', '[a, b]', '[Video] Lũ', '{a: 1}', '{a', '[', '|', '>-', '@x', '`x', '%x', '? x', '- mục',
    '2019-04-14 08:00', '2019-02-30 08:00', '2016-06-11T00:38:00Z', '# chú thích', '\t', '{{ tieu_de }}', '{% if %}', '${x}',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const KEYS = ['title', 'date', 'author', 'credit', 'lead', 'headings', 'captions', 'slug', 'section', 'photos', 'titel', 'Title', 'tags', '__proto__', '"title"', '? title', '<<', '1', 'tiêu đề'];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ minLength: 1, maxLength: 12 }));
const indent = fc.constantFrom('', ' ', '  ', '    ', '\t', ' \t');
const field = fc.tuple(key, yamlValue).map(([name, value]) => `${name}: ${value}`);
const listItems = fc.array(fc.tuple(indent, fc.constantFrom('- ', '-', ''), yamlValue), { maxLength: 6 }).map((items) =>
  items.map(([space, dash, value]) => `${space}${dash}${value}`).join('\n'),
);
const overrideBlock = fc.oneof(
  fc.array(field, { maxLength: 8 }).map((fields) => fields.join('\n')),
  fc.tuple(key, listItems).map(([name, items]) => `${name}:\n${items}`),
  listItems,
  fc.tuple(key, key, yamlValue).map(([outer, inner, value]) => `${outer}:\n  ${inner}: ${value}`),
  fc.tuple(yamlValue, yamlValue).map(([a, b]) => `a: &x ${a}\nb: *x\nc: [*x, ${b}]`),
  yamlValue,
  fc.constant(''),
  fc.integer({ min: 500, max: 2000 }).map((count) => `headings:\n${Array.from({ length: count }, (_, i) => `  - Mục ${i}`).join('\n')}`),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

/** The override block and article as bytes, with noise around them: BOM, blank lines, CRLF, NFD, broken bytes. */
const fileWithOverride = fc
  .record({
    before: fc.constantFrom('', '\uFEFF', '\n\n', '\uFEFF \n', '\u00a0\n'),
    block: overrideBlock,
    closed: fc.boolean(),
    body: fc.oneof(article, fc.string({ unit: 'grapheme', maxLength: 100 })),
    crlf: fc.boolean(),
    nfd: fc.boolean(),
    noise: fc.uint8Array({ maxLength: 6 }),
    noiseAt: fc.nat(),
  })
  .map(({ before, block, closed, body, crlf, nfd, noise, noiseAt }) => {
    let text = `${before}---\n${block}\n${closed ? '---\n' : ''}${body}`;
    if (crlf) text = text.replace(/\n/g, '\r\n');
    if (nfd) text = text.normalize('NFD');
    const bytes = new TextEncoder().encode(text);
    const at = noiseAt % (bytes.length + 1);
    return Uint8Array.from([...bytes.subarray(0, at), ...noise, ...bytes.subarray(at)]);
  });

const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
/** js-yaml's own English, which an editor must never be shown. */
const YAML_JARGON = /mapping|scalar|indentation|stream|document separator|unidentified alias|unknown tag|YAMLException/;

function lineCount(bytes: Uint8Array): number {
  return new TextDecoder().decode(bytes).split(/\r\n|\r|\n/).length;
}

describe('override blocks of every shape', () => {
  it('never throw; every issue has a known code, a Vietnamese message and a line in the file; errors give no article', () => {
    fc.assert(
      fc.property(fileWithOverride, (bytes) => {
        const result = parseArticleBytes(bytes);
        const issues = [...(result.ok ? [] : result.errors), ...result.warnings];
        for (const issue of issues) {
          expect(ISSUE_CODES).toContain(issue.code);
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(lineCount(bytes));
          expect(issue.message).toMatch(VIETNAMESE_LETTER);
          expect(issue.message).not.toMatch(YAML_JARGON);
        }
        if (result.ok) expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
        else {
          expect(result.errors.length).toBeGreaterThan(0);
          expect(result.errors.every((issue) => issue.severity === 'error')).toBe(true);
          expect(result).not.toHaveProperty('article');
        }
      }),
      RUNS,
    );
  });
});
