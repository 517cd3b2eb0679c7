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
  ])('%s → %s', (text, old) => {
    expect(oldStyleTones(text)).toBe(old);
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
