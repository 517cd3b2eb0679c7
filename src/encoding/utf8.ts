/**
 * Byte offset where the first ill-formed UTF-8 sequence starts, or -1 when all bytes are UTF-8.
 * Follows the well-formed byte sequences table of the Unicode Standard (Table 3-7), the same rule
 * as a fatal TextDecoder, which only says *that* the bytes are bad, not *where*.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = wellFormedSequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** For a lead byte: the lowest and highest allowed second byte, and the sequence length. Later bytes are always 0x80–0xBF. */
function secondByteRange(lead: number): [number, number, number] | null {
  if (lead >= 0xc2 && lead <= 0xdf) return [0x80, 0xbf, 2];
  if (lead === 0xe0) return [0xa0, 0xbf, 3];
  if ((lead >= 0xe1 && lead <= 0xec) || lead === 0xee || lead === 0xef) return [0x80, 0xbf, 3];
  if (lead === 0xed) return [0x80, 0x9f, 3];
  if (lead === 0xf0) return [0x90, 0xbf, 4];
  if (lead >= 0xf1 && lead <= 0xf3) return [0x80, 0xbf, 4];
  if (lead === 0xf4) return [0x80, 0x8f, 4];
  return null;
}

function wellFormedSequenceLength(bytes: Uint8Array, start: number): number {
  const lead = bytes[start]!;
  if (lead < 0x80) return 1;
  const range = secondByteRange(lead);
  if (range === null) return 0;
  const [low, high, length] = range;
  const second = bytes[start + 1];
  if (second === undefined || second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[start + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}
