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
      return iconv.encode(text.normalize('NFC'), 'tcvn');
    case 'vni':
      return encodeVni(text);
  }
}
