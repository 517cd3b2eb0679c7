import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { guessLegacyEncoding } from '../../src/encoding/detect.ts';
import { LEGACY_ENCODINGS } from '../../src/encoding/legacy.ts';
import { isVietnameseSyllable } from '../../src/encoding/syllable.ts';
import { encodeLegacy } from './encode-legacy.ts';
import { articles, seed } from './fixtures.ts';


describe('isVietnameseSyllable', () => {
  it('accepts every word with a Vietnamese letter in the fixture articles', () => {
    for (const { text } of articles) {
      for (const word of text.normalize('NFC').split(/[^\p{L}]+/u).filter((w) => /[^\p{ASCII}]/u.test(w))) {
        expect(isVietnameseSyllable(word), word).toBe(true);
      }
    }
  });

  it.each(['ẹaỷng', 'ngýõÌi', 'Ñaûng', 'café', 'été', 'ĐảngĐảng', 'ăư'])('rejects %s', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });
});

describe.each(LEGACY_ENCODINGS)('guessLegacyEncoding on %s text', (encoding) => {
  it.each(articles.map(({ name }) => name))('recognises the whole article %s', (name) => {
    const { text } = articles.find((article) => article.name === name)!;
    expect(guessLegacyEncoding(encodeLegacy(text, encoding))).toBe(encoding);
  });

  it('recognises a single timestamp line', () => {
    expect(guessLegacyEncoding(encodeLegacy('Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]', encoding))).toBe(encoding);
  });

  it('never names a wrong encoding for any single line of the seed article', () => {
    for (const line of seed.split('\n')) {
      const guess = guessLegacyEncoding(encodeLegacy(line, encoding));
      expect([encoding, null], line).toContain(guess);
    }
  });
});

describe('guessLegacyEncoding returns null', () => {
  it('for UTF-8 text, Vietnamese or ASCII', () => {
    expect(guessLegacyEncoding(new TextEncoder().encode(seed))).toBeNull();
    expect(guessLegacyEncoding(new TextEncoder().encode('Cap nhat luc: 07:38'))).toBeNull();
    expect(guessLegacyEncoding(new Uint8Array())).toBeNull();
  });

  it('for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 2048 }), (bytes) => {
        expect(guessLegacyEncoding(bytes)).toBeNull();
      }),
      { seed: 1258, numRuns: 200 },
    );
  });

  it('for Windows-1252 text in another language', () => {
    const french = "L'été dernier, à Hué, nous avons goûté à la cuisine régionale; c'était très réussi.";
    expect(guessLegacyEncoding(iconv.encode(french, 'windows1252'))).toBeNull();
  });

  it('for text too short to tell the encodings apart', () => {
    // "các" is the same bytes in Windows-1258 and in VNI read as Windows-1252.
    expect(guessLegacyEncoding(encodeLegacy('các', 'windows-1258'))).toBeNull();
  });
});
