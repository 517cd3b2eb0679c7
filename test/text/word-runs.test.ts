import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachWord } from '../../src/text/word-runs.ts';

const words = (text: string) => {
  const found: string[] = [];
  forEachWord(text, (start, end) => found.push(text.slice(start, end)));
  return found;
};

describe('forEachWord', () => {
  it('finds runs of letters and digits, whatever separates them', () => {
    expect(words('Đảng ủy Khối: 2016–2020, “cá ngừ”')).toEqual(['Đảng', 'ủy', 'Khối', '2016', '2020', 'cá', 'ngừ']);
    expect(words('  ')).toEqual([]);
    expect(words('𝐀𝐁 x')).toEqual(['𝐀𝐁', 'x']);
  });

  it('matches what the Unicode regex /[\\p{L}\\p{N}]+/gu matches, for any text', () => {
    const vietnamese = fc.constantFrom(...'aăâđeêioôơuưyĐÀÁẢÃẠàáảãạằắẳẵặ ơờớởỡợ0123456789 .,:–“”\n\u00a0\u0300\u0323\u{1d400}\ud800');
    const text = fc.oneof(fc.string({ unit: vietnamese }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(text, (input) => {
        expect(words(input)).toEqual(input.match(/[\p{L}\p{N}]+/gu) ?? []);
      }),
      { numRuns: 2000 },
    );
  });
});
