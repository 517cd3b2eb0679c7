/**
 * A story's life after it is written: whether it is public yet (a story dated after the build's
 * clock is scheduled), whether it was taken down (`unpublished: true`), and every address it has
 * ever had. Addresses are permanent: the address ledger, which the site publishes beside itself
 * (`addresses.json`) and the next build reads, remembers each story's addresses under an identity
 * that does not change with its address, so an old address becomes a redirect and is never given
 * to another story. Pure: the ledger comes in as data and goes out as data.
 */
import type { ArticleSummary } from './corpus.ts';
import { error, warning, type Issue } from '../parser/issue.ts';
import { byCodeUnits } from '../by-code-units.ts';

/** Where the ledger is published, relative to the site's root. */
export const LEDGER_FILE = 'addresses.json';

/** One story as the ledger knows it. */
export interface LedgerStory {
  /** Its identity: the first address it was published at. Feed entries and JSON-LD name the story by it. */
  id: string;
  /** Its file, relative to the content folder, `/`-separated. */
  file: string;
  /** Every address it was published at, oldest first (explicit `aliases:` are not kept: they are in its file). */
  urls: string[];
}

export interface AddressLedger {
  stories: LedgerStory[];
}

export const EMPTY_LEDGER: AddressLedger = { stories: [] };

/** An old address and the story's address now. */
export interface Redirect {
  from: string;
  to: string;
}

/** What the site's pages show of stories beyond the public ones: data for the redirect, takedown and ledger pages. */
export interface CorpusLifecycle {
  /** The addresses of taken-down stories, each served as the page "Bài viết đã được gỡ". */
  takenDown: readonly string[];
  redirects: readonly Redirect[];
  /** The ledger this build publishes. */
  ledger: AddressLedger;
}

export const NO_LIFECYCLE: CorpusLifecycle = { takenDown: [], redirects: [], ledger: EMPTY_LEDGER };

export type Publication = 'public' | 'scheduled' | 'taken-down';

/** Whether a story is shown at `now` (ms since the epoch): a takedown wins over a date still to come. */
export function publicationOf(article: Pick<ArticleSummary, 'date' | 'unpublished'>, now: number): Publication {
  if (article.unpublished) return 'taken-down';
  return Date.parse(article.date) > now ? 'scheduled' : 'public';
}

/** A story that wants an address: its file (as listed, and relative to the content folder), the address it would have anew, and its `aliases:`. */
export interface AddressClaim {
  file: string;
  /** The file relative to the content folder, `/`-separated: how the ledger names it. */
  record: string;
  wanted: string;
  aliases: readonly string[];
}

export interface AssignedAddresses {
  /** File → its address. */
  urls: Map<string, string>;
  /** File → its identity. */
  ids: Map<string, string>;
  /** File → the problems of its address (DUPLICATE_SLUG, ADDRESS_TAKEN, BAD_ALIAS). */
  issues: Map<string, Issue[]>;
  redirects: Redirect[];
  ledger: AddressLedger;
}

/** `/2016/06/slug/` → `/2016/06/slug-2/`. */
function suffixed(url: string, n: number): string {
  return `${url.replace(/\/$/, '')}-${n}/`;
}

/**
 * Gives every claim its address, given the addresses published before (`ledger`). A story keeps
 * its ledger record by its file, or, moved to another file, by its address when the record's file
 * is gone (`existing` lists every story file there is, public or not). An address is free for a
 * story when no other story had it; colliding claims keep their order by file, the first keeping
 * the address, the next `-2`, `-3`… (skipping any another claim wants outright), so an address
 * does not change when an unrelated story is added.
 *
 * Every build of a big archive runs this over all its stories, nearly all of them settled (their
 * record owns the address they want), so the work a collision or an alias needs is done only when
 * one comes up.
 */
export function assignAddresses(claims: readonly AddressClaim[], ledger: AddressLedger, existing: Pick<ReadonlySet<string>, 'has'>): AssignedAddresses {
  const sorted = [...claims].sort((a, b) => byCodeUnits(a.file, b.file));
  const { stories } = ledger;
  // A ledger story is named by its place in the ledger: numbers, not objects, in the maps and sets below.
  const owner = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (let j = 0; j < stories.length; j++) {
    for (const url of stories[j]!.urls) if (!owner.has(url)) owner.set(url, j);
    byFile.set(stories[j]!.file, j);
  }
  const records = recordsOf(sorted, stories, owner, byFile, existing);

  const taken = new Set<string>();
  let wantedOutright: Set<string> | undefined;
  const urls = new Map<string, string>();
  const assigned: string[] = [];
  const issues = new Map<string, Issue[]>();
  const report = (file: string, issue: Issue) => issues.set(file, [...(issues.get(file) ?? []), issue]);
  // Made once, not two closures per story: an update assigns every story of the archive its address.
  const free = (url: string, record: number) => !taken.has(url) && !ownedByAnother(owner, url, record);
  for (let i = 0; i < sorted.length; i++) {
    const claim = sorted[i]!;
    const record = records[i]!;
    let url = claim.wanted;
    // An address its own record owns is free: no other claim can take it, so it need not be marked taken.
    if (record === NO_RECORD || owner.get(url) !== record) {
      if (!free(url, record)) {
        wantedOutright ??= new Set(claims.map((other) => other.wanted));
        const held = record === NO_RECORD ? [] : stories[record]!.urls;
        let n = 2;
        while (!free(suffixed(claim.wanted, n), record) || (wantedOutright.has(suffixed(claim.wanted, n)) && !held.includes(suffixed(claim.wanted, n)))) n++;
        url = suffixed(claim.wanted, n);
        report(claim.file, ownedByAnother(owner, claim.wanted, record) ? addressTaken(claim.wanted, url) : duplicateSlug(claim.wanted, url));
      }
      taken.add(url);
    }
    urls.set(claim.file, url);
    assigned.push(url);
  }

  let current: Map<string, string> | undefined;
  const aliasOwner = new Map<string, string>();
  const redirects: Redirect[] = [];
  const made: LedgerStory[] = [];
  const kept: (LedgerStory | undefined)[] = new Array(stories.length);
  const fresh: LedgerStory[] = [];
  const ids = new Map<string, string>();
  for (let i = 0; i < sorted.length; i++) {
    const claim = sorted[i]!;
    const url = assigned[i]!;
    const at = records[i]!;
    const record = at === NO_RECORD ? undefined : stories[at]!;
    const story: LedgerStory = record
      ? { id: record.id, file: claim.record, urls: record.urls.includes(url) ? record.urls : [...record.urls, url] }
      : { id: url, file: claim.record, urls: [url] };
    made.push(story);
    if (record) kept[at] = story;
    else fresh.push(story);
    ids.set(claim.file, story.id);
    for (const old of story.urls) if (old !== url) redirects.push({ from: old, to: url });
    for (const alias of claim.aliases) {
      if (alias === url || story.urls.includes(alias)) continue;
      current ??= new Map(sorted.map((other, j) => [assigned[j]!, other.file]));
      const other = current.get(alias) ?? aliasOwner.get(alias);
      if ((other !== undefined && other !== claim.file) || ownedByAnother(owner, alias, at)) {
        report(claim.file, error('BAD_ALIAS', 1, `Địa chỉ cũ "${alias}" trong "aliases" là địa chỉ của một bài khác; một địa chỉ chỉ thuộc về một bài. Hãy xoá dòng đó.`));
        continue;
      }
      aliasOwner.set(alias, claim.file);
      redirects.push({ from: alias, to: url });
    }
  }
  return {
    urls,
    ids,
    issues,
    redirects: redirects.sort((a, b) => byCodeUnits(a.from, b.from)),
    ledger: { stories: ledgerStories(stories, kept, fresh, made) },
  };
}

/** A claim that keeps no ledger record. */
const NO_RECORD = -1;

/**
 * The place in the ledger of the record each of `sorted` keeps (`NO_RECORD` for none): the record of
 * its file, else of the address it wants when that record's file is gone.
 */
function recordsOf(
  sorted: readonly AddressClaim[],
  stories: readonly LedgerStory[],
  owner: ReadonlyMap<string, number>,
  byFile: ReadonlyMap<string, number>,
  existing: Pick<ReadonlySet<string>, 'has'>,
): Int32Array {
  const records = new Int32Array(sorted.length).fill(NO_RECORD);
  const claimed = new Uint8Array(stories.length);
  for (let i = 0; i < sorted.length; i++) {
    const known = byFile.get(sorted[i]!.record);
    if (known === undefined) continue;
    records[i] = known;
    claimed[known] = 1;
  }
  for (let i = 0; i < sorted.length; i++) {
    if (records[i] !== NO_RECORD) continue;
    const moved = owner.get(sorted[i]!.wanted);
    if (moved !== undefined && !claimed[moved] && !existing.has(stories[moved]!.file)) {
      records[i] = moved;
      claimed[moved] = 1;
    }
  }
  return records;
}

/**
 * The ledger's stories after a build, sorted by identity: those no claim kept, and every claim's
 * (`made`, in the claims' order), which replaces the record it kept (`kept`, by the record's place)
 * or is new (`fresh`). The ledger a build wrote is sorted already, so its order with the new
 * stories merged in is the sorted order whenever it strictly increases, without sorting 100,000
 * stories again; else (a ledger edited by hand, or two stories with one identity) they are sorted.
 */
function ledgerStories(stories: readonly LedgerStory[], kept: readonly (LedgerStory | undefined)[], fresh: readonly LedgerStory[], made: readonly LedgerStory[]): LedgerStory[] {
  const byIdentity = (a: LedgerStory, b: LedgerStory) => byCodeUnits(a.id, b.id);
  const added = [...fresh].sort(byIdentity);
  const merged: LedgerStory[] = [];
  let next = 0;
  for (let j = 0; j < stories.length; j++) {
    const now = kept[j] ?? stories[j]!;
    while (next < added.length && byIdentity(added[next]!, now) < 0) merged.push(added[next++]!);
    merged.push(now);
  }
  while (next < added.length) merged.push(added[next++]!);
  for (let i = 1; i < merged.length; i++) {
    if (byIdentity(merged[i - 1]!, merged[i]!) >= 0) return [...stories.filter((_, j) => kept[j] === undefined), ...made].sort(byIdentity);
  }
  return merged;
}

/** Whether a ledger story other than `record` (a place in the ledger, or `NO_RECORD`) had `url`. */
function ownedByAnother(owner: ReadonlyMap<string, number>, url: string, record: number): boolean {
  const had = owner.get(url);
  return had !== undefined && had !== record;
}

function duplicateSlug(wanted: string, url: string): Issue {
  return warning(
    'DUPLICATE_SLUG',
    1,
    `Bài khác cùng tháng đã dùng địa chỉ ${wanted}; bài này được đặt ở ${url}. Muốn bài có địa chỉ riêng, đặt "slug:" trong khối ghi đè hoặc đổi tiêu đề.`,
  );
}

function addressTaken(wanted: string, url: string): Issue {
  return warning(
    'ADDRESS_TAKEN',
    1,
    `Địa chỉ ${wanted} đã từng là địa chỉ của một bài khác (nay chuyển hướng tới bài đó), nên bài này được đặt ở ${url}. Muốn địa chỉ khác, đặt "slug:" trong khối ghi đè.`,
  );
}

/** The ledger as published: one story a line, so a diff of two sites shows which stories' addresses changed. */
export function ledgerJson(ledger: AddressLedger): string {
  const lines = ledger.stories.map((story) => `\n${JSON.stringify(story)}`).join(',');
  return `{"format":1,"stories":[${lines}${lines ? '\n' : ''}]}\n`;
}

/** The ledger from its published text; throws an Error with a message for people when it is not one. */
export function parseLedger(text: string): AddressLedger {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${LEDGER_FILE} không phải JSON (not JSON)`);
  }
  const stories = (data as { format?: unknown; stories?: unknown } | null)?.stories;
  const isStory = (story: unknown): story is LedgerStory => {
    const s = story as Partial<LedgerStory> | null;
    return typeof s?.id === 'string' && typeof s.file === 'string' && Array.isArray(s.urls) && s.urls.length > 0 && s.urls.every((url) => typeof url === 'string');
  };
  if ((data as { format?: unknown } | null)?.format !== 1 || !Array.isArray(stories) || !stories.every(isStory)) {
    throw new Error(`${LEDGER_FILE} không đúng định dạng sổ địa chỉ (not an address ledger of format 1)`);
  }
  return { stories };
}

/** When a story last changed for its readers: its newest update or correction, else its publication. */
export function modifiedDate(article: Pick<ArticleSummary, 'date' | 'updated' | 'corrections'>): string {
  // No date parsed and no array made for a story with neither: the sitemap asks this of every story, and most have neither.
  if (article.updated === undefined && !article.corrections?.length) return article.date;
  let newest = article.date;
  let newestTime = Date.parse(newest);
  const updated = article.updated === undefined ? NaN : Date.parse(article.updated);
  if (updated > newestTime) {
    newest = article.updated!;
    newestTime = updated;
  }
  for (const { date } of article.corrections ?? []) {
    const time = Date.parse(date);
    if (time > newestTime) {
      newest = date;
      newestTime = time;
    }
  }
  return newest;
}
