/**
 * Orders strings by their UTF-16 code units, as `Array.prototype.sort` does by default, but as a
 * comparator that can be combined: the same order on every machine and locale, which sorted
 * output (state parts, the address ledger, search tiers) needs to come out byte for byte alike.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
