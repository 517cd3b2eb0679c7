/**
 * VNI Windows, the encoding of the VNI-Times fonts. It has no standard code page: a VNI text file is
 * Windows-1252 bytes in which most accented letters are written as two bytes, a base ASCII letter
 * followed by an accent byte that the font draws on top of it ("aù" is "á"). Only ơ, ư, đ and the
 * accented i (and ỵ) take a single byte.
 *
 * The table follows the VNI Windows code chart as implemented by the xvnkb keyboard driver (vni.h,
 * Đào Hải Lâm, 2002) and cross-checked against the VNI_WINDOWS_TABLE of the VBKey converter
 * (mdlCodeTable.bas). Capitals use the capital form of the same bytes ("AÙ" is "Á"), so only the
 * lower-case chart is written out and the capitals are derived from it.
 */

/** [VNI spelling as Windows-1252 text, Unicode letter], lower case, in the chart's order. */
export const VNI_LOWER_CASE: ReadonlyArray<readonly [vni: string, letter: string]> = [
  ['aù', 'á'], ['aø', 'à'], ['aû', 'ả'], ['aõ', 'ã'], ['aï', 'ạ'],
  ['aâ', 'â'], ['aá', 'ấ'], ['aà', 'ầ'], ['aå', 'ẩ'], ['aã', 'ẫ'], ['aä', 'ậ'],
  ['aê', 'ă'], ['aé', 'ắ'], ['aè', 'ằ'], ['aú', 'ẳ'], ['aü', 'ẵ'], ['aë', 'ặ'],
  ['eù', 'é'], ['eø', 'è'], ['eû', 'ẻ'], ['eõ', 'ẽ'], ['eï', 'ẹ'],
  ['eâ', 'ê'], ['eá', 'ế'], ['eà', 'ề'], ['eå', 'ể'], ['eã', 'ễ'], ['eä', 'ệ'],
  ['où', 'ó'], ['oø', 'ò'], ['oû', 'ỏ'], ['oõ', 'õ'], ['oï', 'ọ'],
  ['oâ', 'ô'], ['oá', 'ố'], ['oà', 'ồ'], ['oå', 'ổ'], ['oã', 'ỗ'], ['oä', 'ộ'],
  ['ô', 'ơ'], ['ôù', 'ớ'], ['ôø', 'ờ'], ['ôû', 'ở'], ['ôõ', 'ỡ'], ['ôï', 'ợ'],
  ['uù', 'ú'], ['uø', 'ù'], ['uû', 'ủ'], ['uõ', 'ũ'], ['uï', 'ụ'],
  ['ö', 'ư'], ['öù', 'ứ'], ['öø', 'ừ'], ['öû', 'ử'], ['öõ', 'ữ'], ['öï', 'ự'],
  ['í', 'í'], ['ì', 'ì'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'],
  ['yù', 'ý'], ['yø', 'ỳ'], ['yû', 'ỷ'], ['yõ', 'ỹ'], ['î', 'ỵ'],
  ['ñ', 'đ'],
];

/** Every VNI spelling, both cases, to its Unicode letter. */
export const VNI_TO_UNICODE: ReadonlyMap<string, string> = new Map(
  VNI_LOWER_CASE.flatMap(([vni, letter]) => [
    [vni, letter],
    [vni.toUpperCase(), letter.toUpperCase()],
  ]),
);

/** Turns VNI text (already read as Windows-1252) into Unicode, longest spelling first. */
export function vniToUnicode(windows1252Text: string): string {
  let out = '';
  let i = 0;
  while (i < windows1252Text.length) {
    const pair = VNI_TO_UNICODE.get(windows1252Text.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i += 2;
      continue;
    }
    const char = windows1252Text.charAt(i);
    out += VNI_TO_UNICODE.get(char) ?? char;
    i += 1;
  }
  return out;
}
