import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src/text/fold.ts';
import { oldStyleTones } from '../../src/text/tone.ts';
import { significantTerms } from '../../src/text/words.ts';

describe('foldVietnamese', () => {
  it.each([
    ['Đảng ủy', 'dang uy'],
    ['Đà Nẵng', 'da nang'],
    ['hoà', 'hoa'],
    ['hòa', 'hoa'],
    ['uỷ', 'uy'],
    ['ủy', 'uy'],
    ['QUẢNG NGÃI', 'quang ngai'],
  ])('%s → %s', (text, folded) => {
    expect(foldVietnamese(text)).toBe(folded);
    expect(foldVietnamese(text.normalize('NFD'))).toBe(folded);
  });
});

describe('oldStyleTones', () => {
  it.each([
    ['hoà', 'hòa'],
    ['Thuỷ lợi', 'Thủy lợi'],
    ['khoẻ', 'khỏe'],
    ['uỷ ban', 'ủy ban'],
    ['quý', 'quý'],
    ['hoàng', 'hoàng'],
    ['huỳnh', 'huỳnh'],
    ['hòa', 'hòa'],
    ['hoặc', 'hoặc'],
    ['ngoặt', 'ngoặt'],
    ['khoệ', 'khoệ'],
  ])('%s → %s', (text, old) => {
    expect(oldStyleTones(text)).toBe(old);
  });

  it('gives what rewriting the decomposed text always gives, whatever its normal form', () => {
    // The rule in full, without the shortcut that skips text with no new-style syllable.
    const tone = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
    const rewrite = (text: string) =>
      text
        .normalize('NFD')
        .replace(new RegExp(`([oO])([aAeE])(${tone})(?![\\p{L}\\p{M}])`, 'gu'), '$1$3$2')
        .replace(new RegExp(`(?<![qQ])([uU])([yY])(${tone})(?![\\p{L}\\p{M}])`, 'gu'), '$1$3$2')
        .normalize('NFC');
    const pieces = ['o', 'O', 'u', 'U', 'q', 'h', 'a', 'e', 'y', 'Y', 'à', 'ả', 'Ẹ', 'é', 'ỷ', 'Ý', 'ỵ', 'ă', 'ê', ' ', '.', '\u0300', '\u0323', '\u0309'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.constantFrom('NFC', 'NFD'), (chosen, form) => {
        const text = chosen.join('').normalize(form);
        expect(oldStyleTones(text)).toBe(rewrite(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('significantTerms', () => {
  it('keeps significant syllables and pairs, drops stop words and numbers', () => {
    expect(significantTerms('Lý Sơn vào mùa thu hoạch tỏi năm 2019')).toEqual([
      'lý',
      'lý sơn',
      'sơn',
      'mùa',
      'mùa thu',
      'thu',
      'thu hoạch',
      'hoạch',
      'hoạch tỏi',
      'tỏi',
    ]);
  });

  it('treats both tone placements as one term', () => {
    expect(significantTerms('Thuỷ lợi')).toEqual(significantTerms('Thủy lợi'));
  });
});
