import { describe, expect, it } from 'vitest';
import { parseArticle, parseArticleBytes } from '../../src/parser/index.ts';

const STAMP = 'Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]';

function codes(text: string) {
  const result = parseArticle(text);
  return result.ok ? [] : result.errors.map((issue) => `${issue.code}@${issue.line}`);
}

describe('rejected files', () => {
  it.each(['', '   \n\n\u00a0\n', '.\n.\n'])('an empty file (%j)', (text) => {
    expect(codes(text)).toEqual(['EMPTY_FILE@1']);
  });

  it('no timestamp and no date override', () => {
    expect(codes('\nTiêu đề\n\nSapo.\n')).toEqual(['NO_DATE@2']);
  });

  it('a title with no lead', () => {
    expect(codes(`${STAMP}\nTiêu đề\n`)).toEqual(['NO_LEAD@2']);
  });

  it('bytes that are not UTF-8, with the line of the first bad byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${STAMP}\nTi`), 0xea, 0x75, 0x0a]);
    const result = parseArticleBytes(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ code: 'NOT_UTF8', line: 2 });
      expect(result.errors[0]!.message).toMatch(/UTF-8/);
    }
  });

  it('a broken override block, at its line', () => {
    expect(codes(`---\ntitle: "không đóng\n---\n${STAMP}\nTiêu đề\nSapo.`)).toEqual(['BAD_OVERRIDE@2']);
  });

  it('an override date that does not exist', () => {
    expect(codes(`---\ndate: 2019-02-30 08:00\n---\nTiêu đề\nSapo.`)).toEqual(['BAD_OVERRIDE@2']);
  });
});

describe('override block', () => {
  it('sets the date in Vietnam time when no timestamp line exists', () => {
    const result = parseArticle(`---\ndate: 2016-06-11 07:38\n---\nTiêu đề\nSapo.\nTHANH THUẬN`);
    expect(result.ok && result.article.date).toBe('2016-06-11T07:38:00+07:00');
  });

  it('accepts a full ISO date with another offset and reports it in Vietnam time', () => {
    const result = parseArticle(`---\ndate: 2016-06-11T00:38:00Z\n---\n${STAMP}\nTiêu đề\nSapo.\nTHANH THUẬN`);
    expect(result.ok && result.article.date).toBe('2016-06-11T07:38:00+07:00');
  });

  it('overrides title, lead, author, credit, slug, section, captions and photos', () => {
    const result = parseArticle(
      [
        '---',
        'title: Tiêu đề mới',
        'lead: Sapo mới.',
        'author: null',
        'credit: Ảnh do bạn đọc gửi',
        'slug: Địa chỉ riêng',
        'section: thoi-su',
        'captions: ["Chú thích đúng."]',
        'photos: [anh-1.jpg]',
        '---',
        STAMP,
        'Tiêu đề cũ',
        'Sapo cũ.',
        'Chú thích sai.',
        'Chú thích sai.',
        'Bài, ảnh: X.THIÊN',
      ].join('\n'),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.article).toMatchObject({
      title: 'Tiêu đề mới',
      lead: 'Sapo mới.',
      author: null,
      credit: 'Ảnh do bạn đọc gửi',
      slug: 'dia-chi-rieng',
      section: 'thoi-su',
      captions: ['Chú thích đúng.'],
      photos: ['anh-1.jpg'],
    });
    expect(result.article.blocks[0]).toMatchObject({ kind: 'figure', caption: 'Chú thích đúng.', line: 14 });
  });

  it('warns about unknown fields and about listed headings the text does not have', () => {
    const result = parseArticle(`---\nkeywords: [a]\nheadings: [Không có]\n---\n${STAMP}\nTiêu đề\nSapo.\nTHANH THUẬN`);
    expect(result.warnings.map((issue) => `${issue.code}@${issue.line}`)).toEqual(['UNKNOWN_OVERRIDE@2', 'OVERRIDE_HEADING_NOT_FOUND@1']);
  });

  it('rejects captions that do not match the photos one for one', () => {
    expect(codes(`---\ncaptions: [a, b]\n---\n${STAMP}\nTiêu đề\nSapo.\nẢnh.\nẢnh.\nTHANH THUẬN`)).toEqual(['BAD_OVERRIDE@1']);
  });
});

describe('legacy text saved again as UTF-8', () => {
  it('is rejected with the convert command that repairs it', async () => {
    const { encodeLegacy } = await import('../encoding/encode-legacy.ts');
    const text = `${STAMP}\nĐảng ủy Khối các cơ quan tỉnh\nSapo của bài viết về công tác xây dựng Đảng.\nBài, ảnh: X.THIÊN`;
    const misread = new TextDecoder('windows-1252').decode(encodeLegacy(text, 'vni'));
    const result = parseArticle(misread);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ code: 'MISREAD_ENCODING', line: 1 });
      expect(result.errors[0]!.message).toMatch(/convert --force --from vni/);
    }
  });
});
