import { describe, expect, it } from 'vitest';
import { readByline } from '../../src/parser/rules/byline.ts';
import { isHeadingShaped } from '../../src/parser/rules/heading.ts';
import { contentLines } from '../../src/parser/lines.ts';
import { escapeMarkdown } from '../../src/parser/markdown.ts';
import { parseArticle, runRules } from '../../src/parser/index.ts';
import { newState, type Rule } from '../../src/parser/state.ts';
import { slug } from '../../src/slug.ts';

function article(...lines: string[]) {
  const result = parseArticle(lines.join('\n'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.article;
}

const STAMP = 'Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]';

describe('content lines', () => {
  it('treats ".", NBSP-only and space-only lines as blank and numbers lines as in the file', () => {
    const lines = contentLines('a\n.\n\u00a0\u00a0\n  \nb\nc\n', 3);
    expect(lines).toEqual([
      { text: 'a', line: 3, alone: true },
      { text: 'b', line: 7, alone: false },
      { text: 'c', line: 8, alone: false },
    ]);
  });

  it('folds runs of white space and NBSP inside a line', () => {
    expect(contentLines('là \u00a0 hướng\tvề\u00a0', 1)[0]!.text).toBe('là hướng về');
  });
});

describe('timestamp rule', () => {
  it.each([
    ['Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]', '2016-06-11T07:38:00+07:00'],
    ['Cập nhật lúc: 7:05, 3/1/2017', '2017-01-03T07:05:00+07:00'],
    ['Cập nhật lúc 23:59,  31/12/2020   [GMT+7]', '2020-12-31T23:59:00+07:00'],
    ['CẬP NHẬT LÚC:00:00,1/2/2024', '2024-02-01T00:00:00+07:00'],
  ])('reads %s', (line, date) => {
    expect(article(line, 'Tiêu đề', 'Sapo.').date).toBe(date);
  });

  it.each(['Cập nhật lúc: 07:38, 31/02/2016', 'Cập nhật lúc: 25:00, 11/06/2016', 'Cập nhật lúc: 07:60, 11/06/2016', 'Cập nhật lúc: hôm qua'])(
    'rejects %s with BAD_TIMESTAMP on its line',
    (line) => {
      const result = parseArticle(`\n\n${line}\nTiêu đề\nSapo.`);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toMatchObject([{ code: 'BAD_TIMESTAMP', line: 3 }]);
    },
  );
});

describe('title and lead rules', () => {
  it('takes the first line after the timestamp as title and the next paragraph as lead', () => {
    const parsed = article(STAMP, '.', '', 'Tiêu đề: có dấu hai chấm', '', '', 'Sapo của bài.', '', 'Đoạn một.');
    expect(parsed.title).toBe('Tiêu đề: có dấu hai chấm');
    expect(parsed.lead).toBe('Sapo của bài.');
    expect(parsed.source).toBeNull();
  });

  it.each(['(Báo Quảng Ngãi)- ', '(Báo Quảng Ngãi) - ', '(Báo Quảng Ngãi) – ', '(BQN)-', '(BQN) - '])('lifts the source tag "%s"', (tag) => {
    const parsed = article(STAMP, 'Tiêu đề', `${tag}Sáng 5/9, học sinh tựu trường.`);
    expect(parsed.lead).toBe('Sáng 5/9, học sinh tựu trường.');
    expect(parsed.source).toBe('Báo Quảng Ngãi');
  });
});

describe('related-news marker', () => {
  it.each(['TIN LIÊN QUAN', 'Tin liên quan', 'tin liên quan'])('drops %s', (marker) => {
    const parsed = article(STAMP, 'Tiêu đề', 'Sapo.', '', marker, '', 'Đoạn văn.');
    expect(parsed.blocks).toEqual([{ kind: 'paragraph', text: 'Đoạn văn.', line: 7 }]);
  });
});

describe('photo caption rule', () => {
  it('makes a line printed twice in a row one figure, even when trailing spaces differ', () => {
    const parsed = article(STAMP, 'Tiêu đề', 'Sapo.', '', 'Ngư dân phân loại cá. Ảnh: T.THUẬN', 'Ngư dân phân loại cá. Ảnh: T.THUẬN \u00a0', '', 'Đoạn.');
    expect(parsed.captions).toEqual(['Ngư dân phân loại cá. Ảnh: T.THUẬN']);
    expect(parsed.blocks[0]).toEqual({ kind: 'figure', caption: 'Ngư dân phân loại cá. Ảnh: T.THUẬN', line: 5 });
  });

  it('keeps a third copy as a paragraph and warns', () => {
    const result = parseArticle([STAMP, 'Tiêu đề', 'Sapo.', 'Ảnh.', 'Ảnh.', 'Ảnh.', 'Đoạn.'].join('\n'));
    expect(result.ok && result.article.blocks.map((block) => block.kind)).toEqual(['figure', 'paragraph', 'paragraph']);
    expect(result.warnings.map((issue) => issue.code)).toContain('REPEATED_LINE');
  });
});

describe('heading rule', () => {
  it.each([
    ['Vì sao giá cá giảm sâu?', true],
    ['Khắc phục những hạn chế', true],
    ['“Ba cùng” với dân', true],
    ['Đoạn văn kết thúc bằng dấu chấm.', false],
    ['Ông nói: “Tốt.”', false],
    ['Cần làm gì:', false],
    ['còn tiếp tục', false],
    ['Ảnh: T.THUẬN', false],
    ['Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba', false],
  ])('%s → heading: %s', (text, expected) => {
    expect(isHeadingShaped(text)).toBe(expected);
  });

  it('needs the line to stand alone and to be followed by text', () => {
    const parsed = article(STAMP, 'Tiêu đề', 'Sapo.', '', 'Tiêu đề phụ', 'dính liền đoạn sau.', '', 'Tiêu đề phụ thật', '', 'Đoạn.', '', 'Dòng cuối không chấm');
    expect(parsed.headings).toEqual(['Tiêu đề phụ thật']);
    expect(parsed.body).toContain('## Tiêu đề phụ thật');
    expect(parsed.blocks.at(-1)).toMatchObject({ kind: 'paragraph', text: 'Dòng cuối không chấm' });
  });
});

describe('byline rule', () => {
  it.each([
    ['Bài, ảnh: X.THIÊN', 'X.THIÊN'],
    ['Bài và ảnh: MINH HOÀNG', 'MINH HOÀNG'],
    ['Tin, ảnh: BẢO ANH', 'BẢO ANH'],
    ['Tin và ảnh: H.THU', 'H.THU'],
    ['Bài: THANH HẢI - Ảnh: VĂN LINH', 'THANH HẢI'],
    ['Bài: A, B - Ảnh: C', 'A, B'],
    ['Tin: P.V', 'P.V'],
    ['THANH THUẬN', 'THANH THUẬN'],
    ['P.V', 'P.V'],
    ['N.Y - T.T', 'N.Y - T.T'],
    ['Theo TTXVN', 'TTXVN'],
    ['(Theo TTXVN)', 'TTXVN'],
    ['Theo Báo Tuổi Trẻ', 'Báo Tuổi Trẻ'],
    ['BÀI VÀ ẢNH: NGUYỄN VĂN A', 'NGUYỄN VĂN A'],
    ['Ảnh: T.THUẬN', null],
  ])('%s → author %s', (line, author) => {
    expect(readByline(line)).toBe(author);
  });

  it.each(['Theo kế hoạch, từ nay đến cuối năm.', 'Ông Lê Văn Hải cho biết.', 'Tin: Sáng nay, mưa lớn đã gây ngập nhiều nơi trên địa bàn tỉnh, khiến giao thông bị ách tắc nghiêm trọng trong nhiều giờ liền.'])(
    'is not a byline: %s',
    (line) => {
      expect(readByline(line)).toBeUndefined();
    },
  );

  it('leaves author and credit null, and warns, when the last line is a sentence', () => {
    const result = parseArticle([STAMP, 'Tiêu đề', 'Sapo.', 'Đoạn cuối là một câu văn.'].join('\n'));
    expect(result.ok && [result.article.author, result.article.credit]).toEqual([null, null]);
    expect(result.warnings.map((issue) => issue.code)).toEqual(['NO_BYLINE']);
  });
});

describe('markdown escaping', () => {
  it.each([
    ['1975. Năm lịch sử', '1975\\. Năm lịch sử'],
    ['- gạch đầu dòng', '\\- gạch đầu dòng'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['a*b_c [d] `e` & #f', 'a\\*b\\_c \\[d\\] \\`e\\` \\& \\#f'],
  ])('%s', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

describe('slug', () => {
  it('drops Vietnamese diacritics and maps đ to d', () => {
    expect(slug('Đảng ủy Khối các cơ quan tỉnh: Tập trung hướng về cơ sở')).toBe('dang-uy-khoi-cac-co-quan-tinh-tap-trung-huong-ve-co-so');
    expect(slug('Đà Nẵng'.normalize('NFD'))).toBe('da-nang');
  });
});

describe('the rule loop', () => {
  const lines = [
    { text: 'Một', line: 1, alone: true },
    { text: 'Hai', line: 3, alone: true },
  ];
  const takeOne: Rule = (state) => {
    state.pos += 1;
    return true;
  };

  it('gives every line to the first rule that takes it', () => {
    const state = newState(lines);
    runRules(state, [takeOne]);
    expect(state.pos).toBe(2);
  });

  it('fails loudly when a rule claims a line without moving past it', () => {
    const claimsOnly: Rule = (state) => state.pos === 1;
    expect(() => runRules(newState(lines), [claimsOnly, takeOne])).toThrow('parser rule "claimsOnly" took line 3 without moving past it');
  });

  it('fails loudly when a rule moves past a line it declines', () => {
    const skips: Rule = (state) => {
      state.pos += 1;
      return false;
    };
    expect(() => runRules(newState(lines), [skips, takeOne])).toThrow('parser rule "skips" moved past line 1 without taking it');
  });

  it('fails loudly when no rule takes a line', () => {
    expect(() => runRules(newState(lines), [() => false])).toThrow('no parser rule took line 1');
  });
});
