/**
 * Whether a word can be a Vietnamese syllable: onset, vowel group, final, and at most one tone.
 * Deliberately generous (it accepts some rhymes the language never uses): it only has to tell real
 * Vietnamese from the letter soup that the wrong legacy decoder makes.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
const VOWELS = '(?:uyê|uya|uyu|iê|yê|uô|ươ|ưa|ua|ia|oa|oă|oe|oo|uâ|uê|uy|uơ|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)';
const FINAL = '(?:ch|nh|ng|c|m|n|p|t|i|y|o|u)?';
const TONELESS_SYLLABLE = new RegExp(`^${ONSET}${VOWELS}${FINAL}$`, 'u');

export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  return TONELESS_SYLLABLE.test(decomposed.replace(TONE_MARKS, '').normalize('NFC'));
}
