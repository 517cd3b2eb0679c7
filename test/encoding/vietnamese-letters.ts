/**
 * The 134 Vietnamese letters outside ASCII, built from Unicode composition rather than copied from
 * any encoding table, so the tables can be checked against it: 12 vowels × 6 tones, less the 6
 * toneless ASCII vowels, plus đ; then the same in capitals.
 */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

const lowerCase = [
  ...VOWELS.flatMap((vowel) => TONES.map((tone) => (vowel + tone).normalize('NFC'))).filter(
    (letter) => !/^[a-z]$/.test(letter),
  ),
  'đ',
];

export const VIETNAMESE_LETTERS: readonly string[] = [
  ...lowerCase,
  ...lowerCase.map((letter) => letter.toUpperCase()),
];
