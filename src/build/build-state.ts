/**
 * What a build leaves beside the site it wrote, for the next build into the same folder: the
 * version of the code and settings it ran with, every article as it was read (a public one with
 * its story's digest), a digest of the names in each story's folder, and the digest of every page
 * (`PlannedPage`). The next build trusts it only whole and of the same code and
 * settings; anything else means a full build, never a wrong site. It lives in the output folder
 * (`.toa-soan/`, which publishing skips: the index `state.json` and the parts it names), so it
 * cannot describe another folder's site.
 */
import { isAscii } from 'node:buffer';
import { createHash, hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleSource, LoadedArticle, LoadedCorpus } from '../corpus/load-corpus.ts';
import type { KnownFile } from '../corpus/file-identity.ts';
import { joinBelow } from '../corpus/join-below.ts';
import type { Issue } from '../parser/issue.ts';
import { outputFileOf, type Digests, type SitePlan } from '../render/page-inputs.ts';
import type { ArticleEntry, Corpus, ParsedFile } from '../corpus/corpus.ts';
import type { SearchTier } from '../search/search-tiers.ts';
import { byCodeUnits } from '../by-code-units.ts';

/** Bump when the shape of the state changes. */
const FORMAT = 'toa-soan-build-state-7';

/** The folder, below the output folder, of what builds keep for the next one. */
export const STATE_FOLDER = '.toa-soan';
/** The state's index: all of it but the articles and files, which are in parts (`StoredPart`). */
const STATE_FILE = 'state.json';
/**
 * How many parts the articles and files are kept in, each file by a hash of its path: an update
 * rewrites only the parts whose articles or files changed, a few of 64, where writing the whole
 * state took 1.4 s at 100,000 stories (170 MB of JSON).
 */
const PARTS = 64;

export interface BuildState {
  format: typeof FORMAT;
  /** `codeVersion()` of the build that wrote it. */
  code: string;
  /** Digest of the options that change every page (path prefix, site address, features). */
  settings: string;
  /** Every article file read, as read, with what it was read from (`ArticleSource`) and, for a public story, its digest. */
  articles: Record<string, { source: ArticleSource; loaded: LoadedArticle; story?: StoryDigest }>;
  /** Every article and photo file the build saw whose git blob id git did not give, with its stat and that id (`FileIdentities.seen`). */
  files: Record<string, KnownFile>;
  /** A digest of all the names in each folder holding a story (`LoadedCorpus.folders`). */
  folders: Record<string, string>;
  /** Git's digest of each folder holding a story where git held every name unchanged (`LoadedCorpus.gitFolders`). */
  gitFolders: Record<string, string>;
  /** Digest of every planned page, by its file in the site. */
  pages: Record<string, string>;
  /** Digest of what each search index was made from, by its name (`searchInputs`); empty without search. */
  search: Record<string, string>;
}

/**
 * A public story's digest (`Digests`) with the address and identity it was made with: the rest
 * of what it is made of is the article as read, so a next build whose story is read from the state
 * and has the same address takes the digest, not making it again (`rememberStories`).
 */
export interface StoryDigest {
  url: string;
  /** Only when other than `url`, as for most stories it is not (`storyDigest`). */
  id?: string;
  digest: string;
}

/**
 * One part of the articles and files, in the file `state-<n>-<sha1 of its text>.json`, by their
 * paths in the content folder (`StatePaths`).
 */
interface StoredPart {
  articles: Record<string, StoredArticle>;
  files: Record<string, KnownFile>;
}

/**
 * An article as a part keeps it: its file named once, by the part's key, not again in what was
 * read from it, and its photos by their paths in the content folder. Absolute paths, the file's
 * written three times, were about a third of a 100,000-story state, which every update reads whole.
 */
interface StoredArticle {
  source: ArticleSource;
  parsed: Omit<ParsedFile, 'file'> | null;
  issues: Issue[];
  story?: StoryDigest;
}

/**
 * A file's path as the state keeps it, relative to the content folder (so the state does not
 * depend on where the content lies), and back; a path outside it is kept whole.
 */
interface StatePaths {
  stored(file: string): string;
  file(stored: string): string;
}

function statePaths(contentDir: string): StatePaths {
  const below = joinBelow(contentDir);
  const prefix = below('');
  return {
    stored: (file) => (file.startsWith(prefix) ? file.slice(prefix.length) : file),
    file: (stored) => (path.isAbsolute(stored) ? stored : below(stored)),
  };
}

function storedArticle({ source, loaded, story }: BuildState['articles'][string], paths: StatePaths): StoredArticle {
  const { parsed, issues } = loaded;
  const photos = (list: ParsedFile['photos']) => list.map((photo) => (photo === null ? null : paths.stored(photo)));
  return { source, parsed: parsed && { article: parsed.article, photos: photos(parsed.photos), key: parsed.key, photoIds: parsed.photoIds }, issues, story };
}

function readArticle(file: string, { source, parsed, issues, story }: StoredArticle, paths: StatePaths): BuildState['articles'][string] {
  const photos = (list: ParsedFile['photos']) => list.map((photo) => (photo === null ? null : paths.file(photo)));
  const loaded = { file, parsed: parsed && { file, article: parsed.article, photos: photos(parsed.photos), key: parsed.key, photoIds: parsed.photoIds }, issues };
  return { source, loaded, story };
}

/** What `state.json` holds: the parts' file names, in order, and the rest of the state. */
type StoredIndex = Omit<BuildState, 'articles' | 'files'> & { parts: string[] };

/**
 * A state as read: with the names of the part files it came from, which an update keeps for the
 * parts it did not change, and the paths each part held.
 */
export type StoredState = BuildState & { parts: readonly string[]; partPaths: readonly PartPaths[] };

/** The paths of the articles and of the files one part holds. */
interface PartPaths {
  articles: readonly string[];
  files: readonly string[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Everything that decides what a build writes, besides its content and options. */
const CODE = ['src', 'templates', '.eleventy.ts', 'package-lock.json'];

/** A digest of the code that builds the site and of the Node that runs it: any change means a full build. */
export function codeVersion(): string {
  const hash = createHash('sha1').update(FORMAT).update(process.version);
  const files: string[] = [];
  for (const name of CODE) {
    const full = path.join(ROOT, name);
    if (path.extname(name)) files.push(full);
    else for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
  }
  for (const file of files.sort()) hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

function stateFile(outputDir: string): string {
  return path.join(outputDir, STATE_FOLDER, STATE_FILE);
}

/** Whether the site in `outputDir` has a state at all, trusted or not. */
export function hasBuildState(outputDir: string): boolean {
  return existsSync(stateFile(outputDir));
}

/** The state of the site in `outputDir`, built from the content folder `contentDir`, or null when there is none that a build can trust. */
export async function readBuildState(outputDir: string, contentDir: string, code: string, settings: string): Promise<StoredState | null> {
  const folder = path.dirname(stateFile(outputDir));
  // The parts are read while the index is read and parsed (0.25 s at 100,000 stories): it names
  // them, but a build that writes a state removes every part it does not name.
  const reading = readdir(folder).then(
    (names) => new Map(names.filter((name) => PART_FILE.test(name) && name.endsWith('.json')).map((name) => [name, readFile(path.join(folder, name)).catch(() => null)] as const)),
    () => new Map<string, Promise<Buffer | null>>(),
  );
  try {
    const index = JSON.parse(await readFile(stateFile(outputDir), 'utf8')) as Partial<StoredIndex>;
    const whole = index.format === FORMAT && [index.pages, index.search, index.folders, index.gitFolders].every((part) => typeof part === 'object' && part !== null);
    if (!whole || index.code !== code || index.settings !== settings || !Array.isArray(index.parts) || index.parts.length !== PARTS) return null;
    const read = await reading;
    const texts = await Promise.all(index.parts.map((name) => read.get(name) ?? readFile(path.join(folder, name))));
    // A part is ASCII (`asciiJson`): a byte outside it means a damaged part, not a text to guess at.
    if (!texts.every((bytes): bytes is Buffer => bytes !== null && isAscii(bytes))) return null;
    const parts = texts.map((bytes) => JSON.parse(bytes.toString('latin1')) as Partial<StoredPart>);
    const paths = statePaths(contentDir);
    const articles: BuildState['articles'] = {};
    const files: BuildState['files'] = {};
    const partPaths: PartPaths[] = [];
    for (const part of parts) {
      if (typeof part.articles !== 'object' || part.articles === null || typeof part.files !== 'object' || part.files === null) return null;
      const held = { articles: [] as string[], files: [] as string[] };
      for (const stored in part.articles) {
        const file = paths.file(stored);
        articles[file] = readArticle(file, part.articles[stored]!, paths);
        held.articles.push(file);
      }
      for (const stored in part.files) {
        const file = paths.file(stored);
        files[file] = part.files[stored]!;
        held.files.push(file);
      }
      partPaths.push(held);
    }
    const { parts: names, folders: storedFolders, gitFolders: storedGitFolders, ...rest } = index as StoredIndex;
    return { ...rest, articles, files, folders: folderRecords(storedFolders, paths), gitFolders: folderRecords(storedGitFolders, paths), parts: names, partPaths };
  } catch {
    return null;
  }
}

/** Records by folder as the state keeps them: each by its path in the content folder with a separator after it (the content folder's own is the separator alone), sorted. */
function storedFolders(records: Record<string, string>, paths: StatePaths): Record<string, string> {
  return Object.fromEntries(Object.entries(records).map(([folder, digest]) => [paths.stored(folder + path.sep), digest] as const).sort(([a], [b]) => byCodeUnits(a, b)));
}

/** `storedFolders` read back, by the folder as `path.dirname` gives it. */
function folderRecords(stored: Record<string, string>, paths: StatePaths): Record<string, string> {
  const records: Record<string, string> = {};
  for (const folder in stored) records[paths.file(folder).slice(0, -1)] = stored[folder]!;
  return records;
}

/**
 * Removes the state before a build changes the site in place: a build killed half-way leaves a
 * site that no state describes, so the next build is a full one.
 */
export async function forgetBuildState(outputDir: string): Promise<void> {
  await rm(stateFile(outputDir), { force: true });
}

/** The files of a state, as `serializeBuildState` makes them: the parts that changed, and the index naming all of them. */
export interface StateFiles {
  parts: { name: string; bytes: Buffer }[];
  index: Buffer;
  /** The names of all the parts, as the index holds them: not read back from 14 MB of index at 100,000 stories. */
  named: readonly string[];
}

/**
 * The files of `state`, read from the content folder `contentDir`, as JSON (the parts in ASCII,
 * see `asciiJson`): made apart from their writing, so a build can make them while it waits for
 * something else. Given the state it updates, only the parts that changed are made again (an
 * update changes a few of 64, and making all of them took a second at 100,000 stories); a part's
 * name says its bytes, so an update names its parts as a full build would.
 */
export function serializeBuildState(state: BuildState, contentDir: string, earlier?: StoredState): StateFiles {
  const stored = statePaths(contentDir);
  const partOf = (file: string) => partOfPath(stored.stored(file));
  const paths = earlier ? changedPartPaths(state, earlier, partOf) : allPartPaths(state, partOf);
  const names: string[] = [];
  const written: StateFiles['parts'] = [];
  for (let n = 0; n < PARTS; n++) {
    const part = paths[n];
    if (!part) {
      names.push(earlier!.parts[n]!);
      continue;
    }
    const sorted = (files: readonly string[]) => files.map((file) => [stored.stored(file), file] as const).sort(([a], [b]) => byCodeUnits(a, b));
    const kept: StoredPart = {
      articles: Object.fromEntries(sorted(part.articles).map(([key, file]) => [key, storedArticle(state.articles[file]!, stored)])),
      files: Object.fromEntries(sorted(part.files).map(([key, file]) => [key, state.files[file]!])),
    };
    const bytes = Buffer.from(asciiJson(kept), 'latin1');
    const name = `state-${n}-${hash('sha1', bytes, 'hex')}.json`;
    names.push(name);
    written.push({ name, bytes });
  }
  const index: StoredIndex = {
    format: state.format,
    code: state.code,
    settings: state.settings,
    folders: storedFolders(state.folders, stored),
    gitFolders: storedFolders(state.gitFolders, stored),
    pages: state.pages,
    search: state.search,
    parts: names,
  };
  return { parts: written, index: Buffer.from(JSON.stringify(index)), named: names };
}

/** Writes the state of the site in `outputDir`, as `serializeBuildState` made it: its parts, then its index, each written then renamed, then the parts no longer named are removed. */
export async function writeBuildState(outputDir: string, { parts, index, named }: StateFiles): Promise<void> {
  const file = stateFile(outputDir);
  const folder = path.dirname(file);
  await mkdir(folder, { recursive: true });
  const writeWhole = async (target: string, bytes: Uint8Array) => {
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  };
  await Promise.all(parts.map(({ name, bytes }) => writeWhole(path.join(folder, name), bytes)));
  await writeWhole(file, index);
  const keep = new Set(named);
  for (const name of await readdir(folder)) {
    if (PART_FILE.test(name) && !keep.has(name)) await rm(path.join(folder, name), { force: true });
  }
}

/** A part's file, or one left half-written by a killed build. */
const PART_FILE = /^state-\d+-[0-9a-f]{40}\.json(\.\d+\.tmp)?$/;

/** The paths of every part of `state`: each article and file is in the part `partOf` its path. */
function allPartPaths(state: Pick<BuildState, 'articles' | 'files'>, partOf: (file: string) => number): PartPaths[] {
  const parts = Array.from({ length: PARTS }, () => ({ articles: [] as string[], files: [] as string[] }));
  for (const file in state.articles) parts[partOf(file)]!.articles.push(file);
  for (const file in state.files) parts[partOf(file)]!.files.push(file);
  return parts;
}

/**
 * The paths of the parts of `state` that differ from those of `earlier` (undefined for a part
 * that does not): a part differs when an article or file in it is new, gone, or not as before
 * (an article read again is a new object, whatever it holds; a file's stat or id differs).
 */
function changedPartPaths(state: Pick<BuildState, 'articles' | 'files'>, earlier: StoredState, partOf: (file: string) => number): (PartPaths | undefined)[] {
  const changed = new Set<number>();
  const added = { articles: [] as string[], files: [] as string[] };
  for (const file in state.articles) {
    const [now, before] = [state.articles[file]!, earlier.articles[file]];
    if (now === before) continue;
    if (!before) added.articles.push(file);
    if (!before || now.loaded !== before.loaded || now.source.id !== before.source.id || now.source.folder !== before.source.folder || !sameStory(now.story, before.story)) changed.add(partOf(file));
  }
  for (const file in state.files) {
    const [now, before] = [state.files[file]!, earlier.files[file]];
    if (!before) added.files.push(file);
    if (!before || now.stat !== before.stat || now.id !== before.id) changed.add(partOf(file));
  }
  for (const file in earlier.articles) if (!Object.hasOwn(state.articles, file)) changed.add(partOf(file));
  for (const file in earlier.files) if (!Object.hasOwn(state.files, file)) changed.add(partOf(file));
  return Array.from({ length: PARTS }, (_, n) => {
    if (!changed.has(n)) return undefined;
    const before = earlier.partPaths[n]!;
    return {
      articles: [...before.articles.filter((file) => Object.hasOwn(state.articles, file)), ...added.articles.filter((file) => partOf(file) === n)],
      files: [...before.files.filter((file) => Object.hasOwn(state.files, file)), ...added.files.filter((file) => partOf(file) === n)],
    };
  });
}

function sameStory(a: StoryDigest | undefined, b: StoryDigest | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.digest === b.digest && a.url === b.url && a.id === b.id);
}

/**
 * JSON text in ASCII, every other character written as `\uXXXX`: a part is read back as one-byte
 * text, which took a fifth of the time of decoding UTF-8 (100,000 stories: 0.1 s, not 0.4 s), and
 * JSON.parse is no slower for the escapes.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The part of a path as the state keeps it: FNV-1a of its UTF-16 code units. */
function partOfPath(file: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193);
  return (h >>> 0) % PARTS;
}


/** The state of a site built from `loaded` by `plan`, with search indexes made from `search` and its stories' digests from `digests`. */
export function stateOf(code: string, settings: string, loaded: LoadedCorpus, plan: SitePlan, search: Record<string, string>, digests: Digests, earlier?: BuildState): BuildState {
  // Loops, not maps of pairs: an update makes the state of every story and page of the archive.
  const entries = new Map<string, ArticleEntry>();
  for (const entry of loaded.corpus.entries) entries.set(entry.file, entry);
  // In the order read: `serializeBuildState` sorts each part.
  const articles: BuildState['articles'] = {};
  for (const file of loaded.files) {
    const source = loaded.sources.get(file.file);
    if (!source) continue;
    const entry = entries.get(file.file);
    const before = earlier?.articles[file.file];
    const story = entry && storyDigest(entry, digests.of(entry), before?.story);
    // The earlier record itself when all of it is as it was: an update makes no record for each story of the archive.
    if (before && before.source === source && before.loaded === file && before.story === story) articles[file.file] = before;
    else articles[file.file] = { source, loaded: file, story };
  }
  const pages: BuildState['pages'] = {};
  for (const page of plan.pages) pages[page.file] = page.digest;
  return { format: FORMAT, code, settings, articles, files: loaded.knownFiles, folders: loaded.folders, gitFolders: loaded.gitFolders, pages, search };
}

/** The story digest of `entry`, the one `before` when it says the same. */
function storyDigest(entry: ArticleEntry, digest: string, before: StoryDigest | undefined): StoryDigest {
  const id = entry.id === entry.url ? undefined : entry.id;
  if (before && before.url === entry.url && before.id === id && before.digest === digest) return before;
  return id === undefined ? { url: entry.url, digest } : { url: entry.url, id, digest };
}

/**
 * Gives `digests` the digest of each story of `corpus` that is as the build of `earlier` digested
 * it: read from the state (the same article, photos and key) and at the same address and identity.
 */
export function rememberStories(earlier: BuildState, corpus: Corpus, digests: Digests): void {
  for (const entry of corpus.entries) {
    const known = earlier.articles[entry.file];
    const parsed = known?.loaded.parsed;
    const story = known?.story;
    if (!parsed || !story || story.url !== entry.url || (story.id ?? story.url) !== entry.id) continue;
    if (parsed.article === entry.article && parsed.photos === entry.photos && parsed.photoIds === entry.photoIds && parsed.key === entry.key) digests.remember(entry, story.digest);
  }
}

/**
 * What each search index is made from: its pages' stories, not the pages themselves, whose
 * related stories and links, outside the indexed text, change far more often.
 */
export function searchInputs(tiers: readonly SearchTier[], corpus: Corpus, digests: Digests): Record<string, string> {
  const byFile = new Map(corpus.entries.map((entry) => [outputFileOf(entry.url), entry]));
  return Object.fromEntries(tiers.map((tier) => [tier.name, sha1(tier.files.map((file) => `${file} ${digests.of(byFile.get(file) ?? null)}`).join('\n'))]));
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
