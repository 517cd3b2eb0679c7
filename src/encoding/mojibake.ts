import iconv from 'iconv-lite';
import { guessLegacyEncoding } from './detect.ts';
import type { LegacyEncoding } from './legacy.ts';

/** Each character Windows-1252 has, to its byte; C1 controls (what ISO-8859-1 readers make of 0x80–0x9F) to theirs. */
const WINDOWS_1252_BYTE: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (let byte = 0; byte < 0x100; byte++) {
    if (byte >= 0x80 && byte <= 0x9f) map.set(String.fromCharCode(byte), byte);
    const char = iconv.decode(Buffer.of(byte), 'windows1252');
    if (char !== '\uFFFD') map.set(char, byte);
  }
  return map;
})();

/**
 * A legacy file that a program opened as Windows-1252 and saved again as UTF-8 is valid UTF-8 full
 * of "Ñaûng uûy" (VNI) or "§¶ng ñy" (TCVN3). The legacy bytes are still there, one per character:
 * this returns them, or null when the text has a character Windows-1252 cannot hold (real Vietnamese
 * UTF-8 always has some: ư, ơ, đ, ạ...).
 */
export function windows1252Bytes(text: string): Uint8Array | null {
  const bytes: number[] = [];
  for (const char of text) {
    const byte = WINDOWS_1252_BYTE.get(char);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  return Uint8Array.from(bytes);
}

/**
 * The legacy encoding of text that was misread as Windows-1252 and saved as UTF-8 ("Ñaûng uûy" is
 * VNI), or null for ordinary text. The parser accepts such a file, since it is valid UTF-8; this is
 * how a caller can tell the editor to run `convert --force` on it.
 */
export function guessMisreadLegacyEncoding(text: string): LegacyEncoding | null {
  const bytes = windows1252Bytes(text.replace(/^\uFEFF/, ''));
  return bytes === null ? null : guessLegacyEncoding(bytes);
}
