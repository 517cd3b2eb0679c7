import iconv from 'iconv-lite';
import { decodeTcvn3 } from './tcvn3.ts';
import { vniToUnicode } from './vni.ts';

/** The pre-Unicode Vietnamese encodings still found in newsroom files. */
export const LEGACY_ENCODINGS = ['windows-1258', 'tcvn3', 'vni'] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

/** How an editor knows each encoding (the font family or the Unikey menu name). */
export const LEGACY_ENCODING_LABELS: Readonly<Record<LegacyEncoding, string>> = {
  'windows-1258': 'Windows-1258 (CP1258)',
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI Windows',
};

export function isLegacyEncoding(name: string): name is LegacyEncoding {
  return (LEGACY_ENCODINGS as readonly string[]).includes(name);
}

/**
 * Decodes legacy bytes to NFC text. Line endings and every non-letter byte are kept as they are.
 *
 * - windows-1258 writes most tones as combining marks after the letter, so NFC is what composes them.
 * - tcvn3: see tcvn3.ts (iconv-lite's `tcvn` table, Windows punctuation, capitals restored).
 * - vni is read as Windows-1252 and then its two-byte spellings are replaced (see vni.ts).
 */
export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding) {
    case 'windows-1258':
      return iconv.decode(buffer, 'windows1258').normalize('NFC');
    case 'tcvn3':
      return decodeTcvn3(bytes);
    case 'vni':
      return vniToUnicode(iconv.decode(buffer, 'windows1252')).normalize('NFC');
  }
}
