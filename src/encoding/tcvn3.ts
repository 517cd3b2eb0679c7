import iconv from 'iconv-lite';

/**
 * TCVN3 (TCVN 5712:1993 VN3, "ABC", the .VnTime fonts). iconv-lite's `tcvn` is the larger VN1 table:
 * its 0xA0–0xFF half is exactly the TCVN3 chart (checked against the VBKey and UniKey VnConv tables),
 * and its five combining tone bytes 0xB0–0xB4 compose under NFC. VN1 also puts toned capitals in
 * 0x80–0x9F, but TCVN3 files from Windows have Windows-1252 punctuation there (“ ” – … — UniKey's
 * VnConv reads them so too), so those bytes are read as Windows-1252 where it defines them.
 */
const TCVN3_CHARS: readonly string[] = Array.from({ length: 256 }, (_, byte) => {
  if (byte >= 0x80 && byte <= 0x9f) {
    const western = iconv.decode(Buffer.of(byte), 'windows1252');
    if (western !== '\uFFFD') return western;
  }
  return iconv.decode(Buffer.of(byte), 'tcvn');
});

/** Lower-case letters that have no capital code in TCVN3 (only Ă Â Ê Ô Ơ Ư Đ have one). */
const CAPITAL_LESS = /[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/u;
const WORD = /\p{L}+/gu;

function hasLowerCaseOtherThanCapitalLess(word: string): boolean {
  return [...word].some((char) => char !== char.toUpperCase() && !CAPITAL_LESS.test(char));
}

function upperCaseCount(text: string): number {
  return [...text].filter((char) => char !== char.toLowerCase()).length;
}

/**
 * TCVN3 has no codes for toned capitals: a capital typed in the capitals font (.VnTimeH) is stored
 * as the lower-case code, so "ĐẢNG" arrives as "ĐảNG" and "Ủy ban" as "ủy ban". Restores the capital
 * where the text leaves no doubt: inside an all-capitals word or line, and at the start of a line,
 * of a sentence or after a dash ("Bài: A - Ảnh: B"). Elsewhere ("Mỹ", "Hà Nội") the lower case is kept.
 */
export function restoreTcvn3Capitals(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const capsLine = upperCaseCount(line) >= 2 && !hasLowerCaseOtherThanCapitalLess(line);
      const capsWords = line.replace(WORD, (word) =>
        capsLine || (upperCaseCount(word) >= 2 && !hasLowerCaseOtherThanCapitalLess(word)) ? word.toUpperCase() : word,
      );
      return capsWords.replace(
        /(^[\s"“‘'(\[]*|[.!?…\-–—][\s"“‘'(\[]+)(\p{Ll})/gu,
        (match, before: string, letter: string) => (CAPITAL_LESS.test(letter) ? before + letter.toUpperCase() : match),
      );
    })
    .join('\n');
}

/** TCVN3 bytes to NFC text. */
export function decodeTcvn3(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += TCVN3_CHARS[byte];
  return restoreTcvn3Capitals(text.normalize('NFC'));
}
