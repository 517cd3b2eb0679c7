import { decodeLegacy, LEGACY_ENCODINGS, type LegacyEncoding } from './legacy.ts';
import { isVietnameseSyllable } from './syllable.ts';
import { firstInvalidUtf8Offset } from './utf8.ts';

/** How Vietnamese one decoding of the bytes looks. */
export interface EncodingScore {
  encoding: LegacyEncoding;
  /** Words that use a non-ASCII character: the only words on which the encodings disagree. */
  words: number;
  /** Of those, the ones that are Vietnamese syllables. */
  syllables: number;
  /** syllables / words (0 when there are no such words). */
  share: number;
}

/** A guess needs this share of real syllables... */
const CONVINCING_SHARE = 0.8;
/** ...at least this many of them... */
const CONVINCING_SYLLABLES = 3;
/** ...and this lead over the runner-up, or the text cannot tell the encodings apart. */
const CONVINCING_LEAD = 0.15;

/** ASCII is the same in every candidate encoding, so words are split on ASCII space and punctuation. */
const WORD_SEPARATORS = /[\s!-/:-@[-`{-~]+/u;
/** Typographic punctuation that may hug a word; it carries no evidence either way. */
const EDGE_PUNCTUATION = /^[“”‘’«»…–—]+|[“”‘’«»…–—]+$/gu;

function scoreText(encoding: LegacyEncoding, text: string): EncodingScore {
  let words = 0;
  let syllables = 0;
  for (const token of text.split(WORD_SEPARATORS)) {
    const word = token.replace(EDGE_PUNCTUATION, '');
    if (!/[^\p{ASCII}]/u.test(word)) continue;
    words += 1;
    if (/^\p{L}+$/u.test(word) && isVietnameseSyllable(word)) syllables += 1;
  }
  return { encoding, words, syllables, share: words === 0 ? 0 : syllables / words };
}

export function scoreEncoding(bytes: Uint8Array, encoding: LegacyEncoding): EncodingScore {
  return scoreText(encoding, decodeLegacy(bytes, encoding));
}

/** Every candidate decoding, most Vietnamese-looking first. */
export function rankLegacyEncodings(bytes: Uint8Array): EncodingScore[] {
  return LEGACY_ENCODINGS.map((encoding) => scoreEncoding(bytes, encoding)).sort(
    (a, b) => b.share - a.share || b.syllables - a.syllables,
  );
}

/**
 * The legacy encoding the bytes most likely are, or null when they are valid UTF-8 (ASCII included)
 * or no candidate reads as Vietnamese clearly enough.
 */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyEncoding | null {
  if (firstInvalidUtf8Offset(bytes) === -1) return null;
  const [best, runnerUp] = rankLegacyEncodings(bytes);
  if (best === undefined || runnerUp === undefined) return null;
  const convincing =
    best.share >= CONVINCING_SHARE &&
    best.syllables >= CONVINCING_SYLLABLES &&
    best.share - runnerUp.share >= CONVINCING_LEAD;
  return convincing ? best.encoding : null;
}
