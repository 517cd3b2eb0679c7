import iconv from 'iconv-lite';
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
 * - tcvn3: iconv-lite's `tcvn` is TCVN 5712:1993 VN1, whose 0xA0–0xFF half is exactly the TCVN3
 *   (ABC, .VnTime fonts) chart; VN1 only adds the toned capitals in positions TCVN3 leaves unused,
 *   and its five combining tone bytes (0xB0–0xB4) are composed by NFC. TCVN3 itself has no toned
 *   capitals: text typed in the capital fonts (.VnTimeH) is stored as lower-case codes and decodes
 *   as lower case; that cannot be recovered from the bytes.
 * - vni is read as Windows-1252 and then its two-byte spellings are replaced (see vni.ts).
 */
export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding) {
    case 'windows-1258':
      return iconv.decode(buffer, 'windows1258').normalize('NFC');
    case 'tcvn3':
      return iconv.decode(buffer, 'tcvn').normalize('NFC');
    case 'vni':
      return vniToUnicode(iconv.decode(buffer, 'windows1252')).normalize('NFC');
  }
}
