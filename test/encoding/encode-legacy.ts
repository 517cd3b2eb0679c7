import iconv from 'iconv-lite';
import type { LegacyEncoding } from '../../src/encoding/legacy.ts';
import { VNI_TO_UNICODE } from '../../src/encoding/vni.ts';

/** The five Vietnamese tone marks as combining characters. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

function encodesExactly(char: string, encoding: string): boolean {
  return iconv.decode(iconv.encode(char, encoding), encoding) === char;
}

/**
 * Writes text the way Windows does for code page 1258: a letter that has its own byte keeps it,
 * any other toned letter becomes its toneless letter (â, ơ, ư... have bytes) plus a tone byte.
 */
function encodeWindows1258(text: string): Buffer {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (encodesExactly(char, 'windows1258')) {
      out += char;
      continue;
    }
    const parts = [...char.normalize('NFD')];
    const tone = parts.filter((part) => TONE_MARKS.test(part)).join('');
    const base = parts.filter((part) => !TONE_MARKS.test(part)).join('').normalize('NFC');
    out += base + tone;
  }
  return iconv.encode(out, 'windows1258');
}

/** Characters that TCVN3 itself has: ASCII, the 0xA0–0xFF chart less VN1's capitals, Windows punctuation. */
const TCVN3_BYTE: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (let byte = 0; byte < 0x100; byte++) {
    const char = iconv.decode(Buffer.of(byte), byte >= 0x80 && byte <= 0x9f ? 'windows1252' : 'tcvn');
    const vn1Capital = byte >= 0xa0 && char !== char.toLowerCase() && !'ĂÂÊÔƠƯĐ'.includes(char);
    const combiningTone = byte >= 0xb0 && byte <= 0xb4;
    if (char !== '\uFFFD' && !vn1Capital && !combiningTone) map.set(char, byte);
  }
  return map;
})();

/** As UniKey writes TCVN3: a toned capital, which has no code, takes its lower-case letter's code. */
function encodeTcvn3(text: string): Buffer {
  return Buffer.from(
    [...text.normalize('NFC')].map((char) => {
      const byte = TCVN3_BYTE.get(char) ?? TCVN3_BYTE.get(char.toLowerCase());
      if (byte === undefined) throw new Error(`TCVN3 has no code for ${char}`);
      return byte;
    }),
  );
}

/** The inverse of the VNI chart: each Unicode letter to its VNI spelling (Windows-1252 text). */
const UNICODE_TO_VNI: ReadonlyMap<string, string> = new Map(
  [...VNI_TO_UNICODE].map(([vni, letter]) => [letter, vni]),
);

export function encodeVni(text: string): Buffer {
  const vni = [...text.normalize('NFC')].map((char) => UNICODE_TO_VNI.get(char) ?? char).join('');
  return iconv.encode(vni, 'windows1252');
}

/** Test input only: encodes NFC text into a legacy encoding, as the newsroom's old tools did. */
export function encodeLegacy(text: string, encoding: LegacyEncoding): Buffer {
  switch (encoding) {
    case 'windows-1258':
      return encodeWindows1258(text);
    case 'tcvn3':
      return encodeTcvn3(text);
    case 'vni':
      return encodeVni(text);
  }
}
