/**
 * The rule of permanent addresses (`assignAddresses`), as properties over small archives where
 * claims collide, stories move and the ledger holds old addresses: every story gets an address of
 * its own, a story keeps the address its record owns, and the ledger that comes out is sorted,
 * whatever order the ledger came in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignAddresses, type AddressClaim, type AddressLedger, type LedgerStory } from '../../src/corpus/lifecycle.ts';
import { byCodeUnits } from '../../src/by-code-units.ts';

const address = fc.constantFrom('/2020/01/tin/', '/2020/01/tin-2/', '/2020/01/tin-3/', '/2020/01/bao/', '/2020/02/tin/', '/2020/01/mua/');
const file = fc.constantFrom('thoi-su/a.txt', 'thoi-su/b.txt', 'kinh-te/a.txt', 'kinh-te/c.txt', 'd.txt', 'e.txt', 'f.txt');

const claims = fc
  .uniqueArray(fc.record({ record: file, wanted: address, aliases: fc.array(address, { maxLength: 2 }) }), { selector: (claim) => claim.record, maxLength: 6 })
  .map((list): AddressClaim[] => list.map((claim) => ({ ...claim, file: `/noi-dung/${claim.record}` })));

/** A ledger as a build writes it: each file and each address once, a story named by its first address. */
const ledger = fc
  .uniqueArray(fc.record({ file, urls: fc.uniqueArray(address, { minLength: 1, maxLength: 3 }) }), { selector: (story) => story.file, maxLength: 6 })
  .map((stories) => {
    const owned = new Set<string>();
    const kept: LedgerStory[] = [];
    for (const story of stories) {
      const urls = story.urls.filter((url) => !owned.has(url));
      if (urls.length === 0) continue;
      for (const url of urls) owned.add(url);
      kept.push({ id: urls[0]!, file: story.file, urls });
    }
    return { stories: kept.sort((a, b) => byCodeUnits(a.id, b.id)) } satisfies AddressLedger;
  });

const existingOf = (list: readonly AddressClaim[], more: readonly string[]) => new Set([...list.map((claim) => claim.record), ...more]);

describe('assignAddresses', () => {
  it('gives every claim an address of its own, and a story the address its record owns', () => {
    fc.assert(
      fc.property(claims, ledger, fc.array(file, { maxLength: 3 }), (list, before, more) => {
        const { urls } = assignAddresses(list, before, existingOf(list, more));
        const given = list.map((claim) => urls.get(claim.file));
        expect(given.every((url) => url !== undefined)).toBe(true);
        expect(new Set(given).size).toBe(list.length);
        for (const claim of list) {
          const record = before.stories.find((story) => story.file === claim.record);
          if (record?.urls.includes(claim.wanted)) expect(urls.get(claim.file)).toBe(claim.wanted);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same result whatever the order of the claims and of the ledger, with the ledger sorted by identity', () => {
    fc.assert(
      fc.property(claims, ledger, fc.array(file, { maxLength: 3 }), fc.integer(), (list, before, more, seed) => {
        const shuffled = <T>(items: readonly T[]) => items.map((item, i) => [((i + 1) * (seed | 1) * 2654435761) >>> 0, item] as const).sort(([a], [b]) => a - b).map(([, item]) => item);
        const existing = existingOf(list, more);
        const sorted = assignAddresses(list, before, existing);
        const unsorted = assignAddresses(shuffled(list), { stories: shuffled(before.stories) }, existing);
        expect([...unsorted.urls].sort()).toEqual([...sorted.urls].sort());
        expect(unsorted.redirects).toEqual(sorted.redirects);
        expect(unsorted.ledger).toEqual(sorted.ledger);
        const ids = sorted.ledger.stories.map((story) => story.id);
        expect(ids).toEqual([...ids].sort(byCodeUnits));
        // Every story of the ledger is still in it, and every claim is.
        const files = new Set(sorted.ledger.stories.map((story) => story.file));
        for (const story of before.stories) expect(sorted.ledger.stories.some((kept) => kept.id === story.id)).toBe(true);
        for (const claim of list) expect(files.has(claim.record)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a ledger with two stories of one identity, sorted and whole', () => {
    const twice: AddressLedger = {
      stories: [
        { id: '/2020/01/tin/', file: 'b.txt', urls: ['/2020/01/tin/'] },
        { id: '/2020/01/tin/', file: 'a.txt', urls: ['/2020/01/tin/'] },
      ],
    };
    const { ledger: after } = assignAddresses([{ file: '/noi-dung/c.txt', record: 'c.txt', wanted: '/2020/01/bao/', aliases: [] }], twice, new Set(['a.txt', 'b.txt', 'c.txt']));
    expect(after.stories.map((story) => story.file)).toEqual(['c.txt', 'b.txt', 'a.txt']);
  });
});
