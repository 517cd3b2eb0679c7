import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeLegacy, LEGACY_ENCODINGS } from '../../src/encoding/legacy.ts';
import { VNI_TO_UNICODE } from '../../src/encoding/vni.ts';
import { encodeLegacy } from './encode-legacy.ts';
import { VIETNAMESE_LETTERS } from './vietnamese-letters.ts';

const vniBytes = (windows1252Text: string) => iconv.encode(windows1252Text, 'windows1252');

describe('the Vietnamese letter list used by these tests', () => {
  it('has 134 distinct single-code-point letters', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(134);
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(134);
    for (const letter of VIETNAMESE_LETTERS) expect([...letter]).toHaveLength(1);
  });
});

describe('VNI chart', () => {
  it('covers exactly the 134 Vietnamese letters, one spelling each', () => {
    expect(new Set(VNI_TO_UNICODE.values())).toEqual(new Set(VIETNAMESE_LETTERS));
    expect(VNI_TO_UNICODE.size).toBe(134);
  });

  it('agrees with the chart\'s rule: base letter, then one byte for shape and tone together', () => {
    // The rule of the VNI Windows chart, independent of the table: a tone byte per tone for plain
    // vowels, another set for vowels with a circumflex (â ê ô), another for ă; ơ ư đ and the toned
    // i and ỵ take one byte.
    const toneBytes: Record<string, string[]> = {
      plain: ['', 'ù', 'ø', 'û', 'õ', 'ï'],
      circumflex: ['â', 'á', 'à', 'å', 'ã', 'ä'],
      breve: ['ê', 'é', 'è', 'ú', 'ü', 'ë'],
    };
    const spelling = (base: string, shape: string, tone: number) => {
      if (base === 'i') return ['i', 'í', 'ì', 'æ', 'ó', 'ò'][tone];
      if (base === 'y' && tone === 5) return 'î';
      return base + toneBytes[shape]![tone];
    };
    const vowels: Array<[string, string, string]> = [
      ['a', 'a', 'plain'], ['â', 'a', 'circumflex'], ['ă', 'a', 'breve'], ['e', 'e', 'plain'],
      ['ê', 'e', 'circumflex'], ['i', 'i', 'plain'], ['o', 'o', 'plain'], ['ô', 'o', 'circumflex'],
      ['ơ', 'ô', 'plain'], ['u', 'u', 'plain'], ['ư', 'ö', 'plain'], ['y', 'y', 'plain'],
    ];
    const tones = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
    const expected = new Map<string, string>([['ñ', 'đ']]);
    for (const [vowel, base, shape] of vowels) {
      tones.forEach((tone, index) => {
        const letter = (vowel + tone).normalize('NFC');
        if (letter.length === 1 && letter.charCodeAt(0) < 0x80) return;
        expected.set(spelling(base, shape, index)!, letter);
      });
    }
    const lowerCase = new Map([...VNI_TO_UNICODE].filter(([, letter]) => letter === letter.toLowerCase()));
    expect(lowerCase).toEqual(expected);
  });

  it.each([
    ['aù', 'á'], ['aø', 'à'], ['aû', 'ả'], ['aõ', 'ã'], ['aï', 'ạ'], ['aâ', 'â'], ['aê', 'ă'],
    ['oâ', 'ô'], ['ô', 'ơ'], ['ö', 'ư'], ['ñ', 'đ'], ['Ñ', 'Đ'], ['AÙ', 'Á'], ['OÂ', 'Ô'],
    ['Ô', 'Ơ'], ['Ö', 'Ư'], ['aá', 'ấ'], ['aé', 'ắ'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'], ['î', 'ỵ'],
  ])('decodes %s as %s', (vni, letter) => {
    expect(decodeLegacy(vniBytes(vni), 'vni')).toBe(letter);
  });

  it('decodes whole words written with VNI-Times', () => {
    expect(decodeLegacy(vniBytes('Ñaûng uûy Khoái caùc cô quan tænh'), 'vni')).toBe(
      'Đảng ủy Khối các cơ quan tỉnh',
    );
    expect(decodeLegacy(vniBytes('ngöôøi ñöôïc Quaûng Ngaõi, Vieät Nam'), 'vni')).toBe(
      'người được Quảng Ngãi, Việt Nam',
    );
    expect(decodeLegacy(vniBytes('ÑAÛNG UÛY TÆNH QUAÛNG NGAÕI'), 'vni')).toBe('ĐẢNG ỦY TỈNH QUẢNG NGÃI');
  });
});

describe.each(['windows-1258', 'vni'] as const)('%s', (encoding) => {
  it('round-trips every Vietnamese letter, alone and run together', () => {
    for (const letter of VIETNAMESE_LETTERS) {
      expect(decodeLegacy(encodeLegacy(letter, encoding), encoding)).toBe(letter);
    }
    const all = VIETNAMESE_LETTERS.join('');
    expect(decodeLegacy(encodeLegacy(all, encoding), encoding)).toBe(all);
  });

});

describe.each(LEGACY_ENCODINGS)('%s', (encoding) => {
  it('keeps CRLF line endings and ASCII as they are', () => {
    const text = 'Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]\r\n.\r\n\r\nĐảng ủy\n';
    expect(decodeLegacy(encodeLegacy(text, encoding), encoding)).toBe(text);
  });

  it('always returns NFC text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = decodeLegacy(bytes, encoding);
        expect(text).toBe(text.normalize('NFC'));
      }),
    );
  });
});

describe('tcvn3', () => {
  const hasCode = (letter: string) => letter === letter.toLowerCase() || 'ĂÂÊÔƠƯĐ'.includes(letter);

  it('round-trips the 74 letters it has codes for (lower case, Ă Â Ê Ô Ơ Ư Đ)', () => {
    const letters = VIETNAMESE_LETTERS.filter(hasCode);
    expect(letters).toHaveLength(74);
    for (const letter of letters) {
      expect(decodeLegacy(encodeLegacy(`x${letter}`, 'tcvn3'), 'tcvn3')).toBe(`x${letter}`);
    }
  });

  it('restores the 60 toned capitals it stores as lower case, inside all-capitals words', () => {
    const capitals = VIETNAMESE_LETTERS.filter((letter) => !hasCode(letter));
    expect(capitals).toHaveLength(60);
    for (const capital of capitals) {
      expect(decodeLegacy(encodeLegacy(`X${capital}N`, 'tcvn3'), 'tcvn3')).toBe(`X${capital}N`);
    }
  });

  it.each([
    ['Bài: THANH HẢI - Ảnh: VĂN LINH', 'Bài: THANH HẢI - Ảnh: VĂN LINH'],
    ['HÀ NỘI', 'HÀ NỘI'],
    ['NHÀ Ở', 'NHÀ Ở'],
    ['Ủy ban tỉnh. Ảnh đẹp! “Ở đâu?”', 'Ủy ban tỉnh. Ảnh đẹp! “Ở đâu?”'],
    ['Mỹ Lai, Hà Nội, Lý Sơn', 'Mỹ Lai, Hà Nội, Lý Sơn'],
    ['ở đây có Ủy ban', 'Ở đây có ủy ban'],
  ])('restores capitals where the text leaves no doubt: %s', (text, decoded) => {
    expect(decodeLegacy(encodeLegacy(text, 'tcvn3'), 'tcvn3')).toBe(decoded);
  });

  it('reads 0x80–0x9F as Windows punctuation, as TCVN3 files from Windows have it', () => {
    expect(decodeLegacy(Uint8Array.from([0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0x85]), 'tcvn3')).toBe('“a” – …');
  });

  it('reads the TCVN3 (ABC) chart bytes', () => {
    // Q u ả n g _ N g ã i  /  Đ ả n g  /  đ ư ợ c  /  n g ư ờ i
    expect(decodeLegacy(Uint8Array.from([0x51, 0x75, 0xb6, 0x6e, 0x67, 0x20, 0x4e, 0x67, 0xb7, 0x69]), 'tcvn3')).toBe(
      'Quảng Ngãi',
    );
    expect(decodeLegacy(Uint8Array.from([0xa7, 0xb6, 0x6e, 0x67]), 'tcvn3')).toBe('Đảng');
    expect(decodeLegacy(Uint8Array.from([0xae, 0xad, 0xee, 0x63]), 'tcvn3')).toBe('được');
    expect(decodeLegacy(Uint8Array.from([0x6e, 0x67, 0xad, 0xea, 0x69]), 'tcvn3')).toBe('người');
  });

  it('composes its combining tone bytes', () => {
    expect(decodeLegacy(Uint8Array.from([0x6d, 0x61, 0xb3, 0x20, 0x6d, 0xad, 0xb4]), 'tcvn3')).toBe('má mự');
  });
});

describe('windows-1258', () => {
  it('composes a base letter and a tone byte into one letter', () => {
    // Đ a ̉ n g  /  n g ư ơ ̀ i
    expect(decodeLegacy(Uint8Array.from([0xd0, 0x61, 0xd2, 0x6e, 0x67]), 'windows-1258')).toBe('Đảng');
    expect(decodeLegacy(Uint8Array.from([0x6e, 0x67, 0xfd, 0xf5, 0xcc, 0x69]), 'windows-1258')).toBe('người');
  });

  it('reads the precomposed letters it has, and the same letters written with a tone byte', () => {
    expect(decodeLegacy(Uint8Array.from([0xe1, 0x20, 0x61, 0xec]), 'windows-1258')).toBe('á á');
  });
});
