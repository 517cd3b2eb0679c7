// Tone marks as NFD combining characters: grave, acute, tilde, hook above, dot below.
const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
// `oa`, `oe` and `uy` ending a syllable: the new style marks the second vowel (hoà, thuỷ), the old the first (hòa, thủy).
// Not when another mark follows: in `hoặc` the dot below comes before the breve once decomposed, and `ă` is another vowel.
const OA_OE = new RegExp(`([oO])([aAeE])(${TONE})(?![\\p{L}\\p{M}])`, 'gu');
// In `quý` the u belongs to the consonant `qu`: both styles mark the y.
const UY = new RegExp(`(?<![qQ])([uU])([yY])(${TONE})(?![\\p{L}\\p{M}])`, 'gu');
// What OA_OE and UY can match looks like this once composed (NFC): an o before a, e with a tone mark, a u before y with one.
// Most text has none, and is spared decomposing and composing again.
const MAYBE_NEW_STYLE = /[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]/u;

/** Rewrites the new tone placement (`hoà`, `thuỷ`) to the old (`hòa`, `thủy`), so both spellings compare equal. Returns NFC. */
export function oldStyleTones(text: string): string {
  const composed = text.normalize('NFC');
  if (!MAYBE_NEW_STYLE.test(composed)) return composed;
  return composed.normalize('NFD').replace(OA_OE, '$1$3$2').replace(UY, '$1$3$2').normalize('NFC');
}
