import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/parser/index.ts';
import type { Issue } from '../../src/parser/issue.ts';
import { editDistance, nearMiss } from '../../src/parser/near-miss.ts';

const STAMP = 'Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]';
const BODY = `${STAMP}\nTiêu đề tự đọc\nSapo của bài.\nTHANH THUẬN`;

function issues(text: string): Issue[] {
  const result = parseArticle(text);
  return [...(result.ok ? [] : result.errors), ...result.warnings];
}

function withBlock(block: string): string {
  return `---\n${block}\n---\n${BODY}`;
}

/** Words js-yaml's English messages use; an editor must never see them. */
const YAML_JARGON = /mapping|scalar|indentation|stream|document|alias|unknown tag|YAML/;

describe('an override block that is not a set of fields', () => {
  it.each([
    ['a line of text', 'Một dòng chữ bất kỳ.', 'một dòng chữ'],
    ['a number', '42', 'một con số'],
    ['a list', '- Nghi lễ tri ân\n- Gìn giữ di sản', 'một danh sách'],
  ])('is one BAD_OVERRIDE error on its first line for %s, and the article below is still read', (_, block, shape) => {
    const found = issues(withBlock(block));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', code: 'BAD_OVERRIDE', line: 2 });
    expect(found[0]!.message).toContain(`nhưng ở đây là ${shape}`);
    expect(found[0]!.message).toContain('tên: giá trị');
  });

  it('names the line after leading blank lines, a BOM and CRLF line ends', () => {
    const found = issues(`\uFEFF\r\n\r\n---\r\n\r\nMột dòng chữ.\r\n---\r\n${BODY.replace(/\n/g, '\r\n')}`);
    expect(found.map((issue) => `${issue.code}@${issue.line}`)).toEqual(['BAD_OVERRIDE@5']);
  });

  it('reads an empty block, or one holding only null or comments, as no override', () => {
    for (const block of ['---\n---', '---\n\n---', '---\nnull\n---', '---\n# ghi chú\n---']) {
      const result = parseArticle(`${block}\n${BODY}`);
      expect(result.ok && result.article.title).toBe('Tiêu đề tự đọc');
    }
  });

  it('reports a block that is never closed on its opening line, instead of reading the article as fields', () => {
    expect(issues(`\n---\ntitle: Tiêu đề mới\n${BODY}`).map((issue) => `${issue.code}@${issue.line}`)).toEqual(['BAD_OVERRIDE@2']);
    expect(issues(`---\ntitle: x\n${BODY}`)[0]!.message).toContain('không có dòng --- đóng lại');
  });

  it('still reports the article’s own errors below a bad block, on their file lines', () => {
    const found = issues(`---\n42\n---\n${STAMP}\nTiêu đề không có sapo`);
    expect(found.map((issue) => `${issue.code}@${issue.line}`)).toEqual(['BAD_OVERRIDE@2', 'NO_LEAD@5', 'NO_BYLINE@5']);
  });
});

describe('an override block YAML cannot read', () => {
  it('says to quote a value with a colon, showing the corrected line, on its file line', () => {
    const [issue, ...others] = issues(withBlock('date: 2016-06-11 07:38\ntitle: Sơn Hà: Mưa lớn gây ngập nhiều nơi'));
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ code: 'BAD_OVERRIDE', line: 3 });
    expect(issue!.message).toContain('dấu hai chấm');
    expect(issue!.message).toMatch(/viết lại dòng này thành: title: "Sơn Hà: Mưa lớn gây ngập nhiều nơi"$/);
  });

  it.each([
    ['an unclosed quote, found where it opens', 'title: "Lũ ở Sơn Hà\nlead: Sapo.', 2, 'viết lại dòng này thành: title: "Lũ ở Sơn Hà"'],
    ['text after a closing quote', 'title: "Lũ" ở Sơn Hà', 2, `viết lại dòng này thành: title: '"Lũ" ở Sơn Hà'`],
    ['a value starting with a bracket', 'title: [Video] Lũ ở Sơn Hà', 2, 'title: "[Video] Lũ ở Sơn Hà"'],
    ['a !!binary tag', 'title: !!binary SGVsbG8=', 2, 'title: "!!binary SGVsbG8="'],
    ['an unknown !tag', 'author: !js/function f', 2, 'author: "!js/function f"'],
    ['an alias nothing defines', 'title: *ngôi-sao', 2, 'title: "*ngôi-sao"'],
    ['tab indentation', 'headings:\n\t- Nghi lễ tri ân', 3, 'thay mỗi Tab bằng hai dấu cách'],
    ['a list item without "- "', 'headings:\n  - Nghi lễ tri ân\n  Gìn giữ di sản', 4, 'Viết lại dòng này thành:   - Gìn giữ di sản'],
    ['list items not indented under their field', 'title: Tiêu đề\nheadings:\nNghi lễ tri ân', 4, 'Viết lại dòng này thành:   - Nghi lễ tri ân'],
    ['an indented field name', 'title: Tiêu đề\n  lead: Sapo mới.', 3, 'Hãy viết sát lề trái: lead: Sapo mới.'],
    ['a field written twice', 'title: Một\nslug: mot\ntitle: Hai', 4, 'Trường "title" được viết hai lần'],
    ['a stray line of text', 'title: Tiêu đề\nMột dòng chữ', 3, 'không có dạng "tên: giá trị"'],
    ['a control character', 'title: Tiêu\u0007 đề', 2, 'ký tự lạ không in ra được'],
  ])('explains %s in Vietnamese on the line to fix', (_, block, line, fix) => {
    const found = issues(withBlock(block));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', code: 'BAD_OVERRIDE', line });
    expect(found[0]!.message).toContain(fix);
    expect(found[0]!.message).not.toMatch(YAML_JARGON);
  });

  it('falls back to a plain Vietnamese message, never js-yaml’s English', () => {
    const found = issues(withBlock('headings:\n  - Một\n - Hai'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'BAD_OVERRIDE' });
    expect(found[0]!.message).not.toMatch(YAML_JARGON);
    expect(found[0]!.line).toBeGreaterThanOrEqual(2);
    expect(found[0]!.line).toBeLessThanOrEqual(4);
  });

  it('does not throw on deeply nested brackets', () => {
    const found = issues(withBlock(`title: ${'['.repeat(20_000)}`));
    expect(found.map((issue) => `${issue.code}@${issue.line}`)).toEqual(['BAD_OVERRIDE@2']);
  });
});

describe('override fields', () => {
  it('suggests quotes for a text field YAML reads as something else', () => {
    const [issue] = issues(withBlock('title: [Video]'));
    expect(issue).toMatchObject({ code: 'BAD_OVERRIDE', line: 2 });
    expect(issue!.message).toMatch(/Nếu đó là chữ, viết: title: "\[Video\]"$/);
  });

  it('rejects a nested map as a field value', () => {
    expect(issues(withBlock('title:\n  vi: Tiêu đề')).map((issue) => `${issue.code}@${issue.line}`)).toEqual(['BAD_OVERRIDE@2']);
  });

  it('follows anchors and aliases', () => {
    const result = parseArticle(withBlock('title: &t Tiêu đề mới\nslug: *t'));
    expect(result.ok && [result.article.title, result.article.slug]).toEqual(['Tiêu đề mới', 'tieu-de-moi']);
  });

  it('reads a huge block without trouble', () => {
    const block = `title: Tiêu đề mới\nheadings:\n${Array.from({ length: 5000 }, (_, i) => `  - Mục ${i}`).join('\n')}`;
    const found = issues(withBlock(block));
    expect(found.filter((issue) => issue.code === 'OVERRIDE_HEADING_NOT_FOUND')).toHaveLength(5000);
    expect(found.every((issue) => issue.severity === 'warning')).toBe(true);
  });

  it('reads NFD field values as NFC', () => {
    const result = parseArticle(withBlock('title: Tiêu đề mới'.normalize('NFD')));
    expect(result.ok && result.article.title).toBe('Tiêu đề mới');
  });

  it('makes a near miss of a known field an error that names the field meant', () => {
    const found = issues(withBlock('date: 2016-06-11 07:38\ntitel: Tiêu đề mới'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', code: 'UNKNOWN_OVERRIDE', line: 3 });
    expect(found[0]!.message).toContain('có phải ý bạn là "title"?');
    expect(parseArticle(withBlock('Title: Tiêu đề mới')).ok).toBe(false);
  });

  it('keeps a field far from every known one a warning', () => {
    const result = parseArticle(withBlock('ghi-chu: bài của cộng tác viên'));
    expect(result.ok).toBe(true);
    expect(result.warnings.map((issue) => `${issue.severity} ${issue.code}@${issue.line}`)).toEqual(['warning UNKNOWN_OVERRIDE@2']);
    expect(result.warnings[0]!.message).not.toContain('có phải ý bạn là');
  });
});

describe('nearMiss', () => {
  it.each([
    ['titel', 'title'],
    ['tilte', 'title'],
    ['Title', 'title'],
    ['heading', 'headings'],
    ['catpions', 'captions'],
    ['auther', 'author'],
    ['photo', 'photos'],
    ['dat', 'date'],
  ])('takes %s for %s', (typed, meant) => {
    expect(nearMiss(typed, ['title', 'date', 'author', 'credit', 'lead', 'headings', 'captions', 'slug', 'section', 'photos'])).toBe(meant);
  });

  it.each(['tags', 'ghi-chu', 'x', 'description'])('finds nothing near %s', (typed) => {
    expect(nearMiss(typed, ['title', 'date', 'author', 'credit', 'lead', 'headings', 'captions', 'slug', 'section', 'photos'])).toBeNull();
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
