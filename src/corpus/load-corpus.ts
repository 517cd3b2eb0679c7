/**
 * The corpus stage: article files become parsed articles (through the parse cache), checked for
 * every problem an editor must hear of, and then the archive's model. `loadArticle` reads one
 * file the way `check`, `build` and `serve` all read it; `loadCorpus` reads the content folder into
 * a `Corpus` (the articles, newest first, each with its address), from which `ArchiveModel`
 * derives the sections, writers, years, months and related stories the pages show.
 */
import { hash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { FILE_CONCURRENCY, mapConcurrently } from '../concurrency.ts';
import { siteIssue } from './issue-codes.ts';
import { listContent, type ContentListing } from './article-files.ts';
import { formatIssue, type Issue } from '../parser/issue.ts';
import { ArticleEntry, Corpus, type ParsedFile } from './corpus.ts';
import { FileIdentities, type KnownFile } from './file-identity.ts';
import { trackedFiles, type TrackedFiles } from './tracked-files.ts';
import { ParseCache } from './parse-cache.ts';
import { matchPhotos, photoIssues } from './photos.ts';
import { resolveSection, sectionFolder } from './sections.ts';
import { wantedUrl } from './urls.ts';
import { contentPathsIn } from './content-path.ts';
import { assignAddresses, EMPTY_LEDGER, publicationOf, type AddressLedger, type Publication } from './lifecycle.ts';

/** One article file as every command sees it: what the site shows of it, and what is wrong with it. */
export interface LoadedArticle {
  file: string;
  /** The article as the site shows it; null when it has errors and cannot be published. */
  parsed: ParsedFile | null;
  /**
   * Its problems in line order: the parser's, UNKNOWN_SECTION, the photo warnings, and (from
   * `loadFiles`, which sees the other articles) DUPLICATE_SLUG.
   */
  issues: Issue[];
}

/** The names in a folder; the loader reads each folder once however many articles it holds. */
export type FolderReader = (folder: string) => Promise<readonly string[]>;

/** A folder gone since its article was listed has no photos in it. */
export const readFolder: FolderReader = (folder) => readdir(folder).catch(() => []);

function byLine(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => a.line - b.line);
}

/**
 * The UNKNOWN_SECTION warning for an article whose section (its folder right below `contentDir`,
 * or `section:` in its override block) is not in `templates/_data/sections.json`. Such an article
 * still builds, under a name made from the folder's words.
 */
export function sectionIssue(file: string, section: string | null, contentDir: string): Issue | null {
  const resolved = resolveSection(section, sectionFolder(file, contentDir));
  if (!resolved || resolved.known) return null;
  const message =
    `Chuyên mục "${resolved.slug}" không có trong templates/_data/sections.json; trang vẫn dựng, chuyên mục hiện tên "${resolved.name}". ` +
    `Thêm dòng "${resolved.slug}": "Tên chuyên mục" vào tệp đó, hoặc đặt bài vào thư mục của một chuyên mục có sẵn.`;
  return siteIssue('warning', 'UNKNOWN_SECTION', 1, message);
}

/**
 * Reads one article file: its parse (from the cache when the bytes are unchanged), its section,
 * and its photo files, with every problem of its own. What `check`, `build` and `serve` (for a
 * saved file) all read an article with, so they report the same codes.
 */
export async function loadArticle(
  file: string,
  contentDir: string,
  cache: ParseCache = new ParseCache(),
  folderNames: FolderReader = readFolder,
  identities: FileIdentities = new FileIdentities(path.dirname(file)),
): Promise<LoadedArticle> {
  let result;
  try {
    result = await cache.parseFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code;
    if (reason === undefined) throw error;
    return { file, parsed: null, issues: [siteIssue('error', 'NO_FILE', 1, `Không đọc được tệp (${reason}).`)] };
  }
  if (!result.ok) return { file, parsed: null, issues: byLine([...result.errors, ...result.warnings]) };

  const article = result.summary;
  const folder = path.dirname(file);
  const match = matchPhotos(file, article.captions.length, article.photos, await folderNames(folder));
  const issues = [...result.warnings];
  const section = sectionIssue(file, article.section, contentDir);
  if (section) issues.push(section);
  if (match.problems.length > 0) {
    // Photo lines are in the body blocks, which only the cache entry's second line holds.
    const photoLines = (await cache.blocks(result.key, file)).flatMap((block) => (block.kind === 'figure' ? [block.line] : []));
    issues.push(...photoIssues(match.problems, photoLines));
  }
  const photos = match.files.map((name) => (name === null ? null : path.join(folder, name)));
  return { file, parsed: { file, article, photos, key: result.key, photoIds: await photoIdsOf(photos, identities) }, issues: byLine(issues) };
}

export interface LoadedCorpus {
  corpus: Corpus;
  /** With `earlier` given: what each readable file was read from (see `ArticleSource`). */
  sources: ReadonlyMap<string, ArticleSource>;
  /** Every article and photo file seen whose id git did not give, with its stat and id: the next build's `earlier.files`. */
  knownFiles: Record<string, KnownFile>;
  /** With `earlier` given: a digest of all the names in each folder holding a story (`StoryFolders`), the next build's `earlier.folders`. */
  folders: Record<string, string>;
  /**
   * With `earlier` given: for each folder holding a story where git holds every name unchanged,
   * git's digest of it (`TrackedFiles.folderDigest`), the next build's `earlier.gitFolders`.
   */
  gitFolders: Record<string, string>;
  /** Every file read, in the order read, with all its problems. */
  articles: LoadedArticle[];
  /** The same, each as read on its own: without the problems that come from other articles (DUPLICATE_SLUG). */
  files: LoadedArticle[];
  /** `FILE:LINE: CODE: message` for every problem that stops an article being published. */
  errors: string[];
  warnings: string[];
  /** The stories taken down (`unpublished: true`), each at the address that now says so. */
  takenDown: ArticleEntry[];
  /** The stories dated after the clock, soonest first: in no public output yet. */
  scheduled: ParsedFile[];
}

/** What decides which stories are public and where: the build's clock (ms since the epoch) and the addresses published before. */
export interface PublicationInputs {
  now: number;
  ledger: AddressLedger;
}

/**
 * Reads the article `files` of the content folder `contentDir` (see `loadArticle`), gives each
 * publishable one its address, warning where two wanted the same, and collects every problem (all
 * of them, not just the first). The corpus keeps summaries only; page renderers read an article's
 * text by its key. `readNames` reads the names of a story's folder, where its photos are found.
 */
export async function loadFiles(
  files: readonly string[],
  contentDir: string,
  onProgress: (done: number, total: number) => void = () => {},
  cache: ParseCache = new ParseCache(),
  earlier?: EarlierLoad,
  publication: PublicationInputs = { now: Date.now(), ledger: EMPTY_LEDGER },
  tracked: Promise<TrackedFiles> = trackedFiles(contentDir),
  readNames: FolderReader = readFolder,
): Promise<LoadedCorpus> {
  const folders = new Map<string, Promise<readonly string[]>>();
  const folderNames: FolderReader = (folder) => {
    let names = folders.get(folder);
    if (!names) {
      names = readNames(folder);
      folders.set(folder, names);
    }
    return names;
  };
  const identities = new FileIdentities(contentDir, earlier?.files, tracked);
  const photoNames = photoNamesOf(folderNames);
  const listedIn = (loaded: LoadedArticle) => loaded.parsed?.article.photos ?? [];
  const sources = new Map<string, ArticleSource>();
  // Most files of an update are as the earlier build saw them: those are taken here without a
  // promise per file, which was a third of reading a big archive (100,000 stories: 0.6 s).
  const kept = new Map<string, LoadedArticle>();
  let storyFolders: ReadonlyMap<string, string> = new Map();
  const gitFolders: Record<string, string> = {};
  if (earlier) {
    const [stories, git] = await Promise.all([photoNames.folders(files), tracked, identities.ready()]);
    storyFolders = stories.folders;
    // A story in a folder whose names are all as the earlier build saw them has the names it had
    // then: its own digest of them is not made again (100,000 stories: 0.13 s of a CPU profile, and its garbage).
    const unchanged = new Set([...storyFolders].filter(([folder, digest]) => earlier.folders?.[folder] === digest).map(([folder]) => folder));
    // Where git also holds every file as the earlier build saw them, each story and photo has the
    // id it had then: none is looked up (100,000 stories: 0.4 s of lookups in git's answer).
    const vouched = new Set<string>();
    for (const [folder] of storyFolders) {
      const digest = git.folderDigest(folder);
      if (digest === null) continue;
      if (digest === earlier.gitFolders?.[folder] && unchanged.has(folder)) {
        vouched.add(folder);
        gitFolders[folder] = digest;
      } else if (git.holdsAll(folder, stories.namesOf(folder))) {
        // Recorded only where git holds every name: an untracked photo's bytes are not in git's digest.
        gitFolders[folder] = digest;
      }
    }
    for (const file of files) {
      const known = earlier.articles[file];
      if (!known) continue;
      const folder = path.dirname(file);
      if (!vouched.has(folder)) {
        if (identities.knownId(file) !== known.source.id) continue;
        if (!unchanged.has(folder) && known.source.folder !== stories.digestOf(file, listedIn(known.loaded))) continue;
        if (!photosUnchanged(known.loaded, identities)) continue;
      }
      sources.set(file, known.source);
      kept.set(file, known.loaded);
    }
  }
  if (kept.size > 0) onProgress(kept.size, files.length);
  const others = files.filter((file) => !kept.has(file));
  const ids = earlier ? new Map((await identities.of(others)).map((id, i) => [others[i]!, id])) : new Map<string, string | null>();
  const fresh = await mapConcurrently(
    others,
    FILE_CONCURRENCY,
    async (file) => {
      const known = earlier?.articles[file];
      const id = ids.get(file);
      if (known && id && known.source.id === id && known.source.folder === (await photoNames(file, listedIn(known.loaded)))) {
        sources.set(file, known.source);
        return withCurrentPhotos(known.loaded, identities);
      }
      const loaded = await loadArticle(file, contentDir, cache, folderNames, identities);
      if (id) sources.set(file, { id, folder: await photoNames(file, listedIn(loaded)) });
      return loaded;
    },
    (done) => onProgress(kept.size + done, files.length),
  );
  const freshByFile = new Map(others.map((file, i) => [file, fresh[i]!]));
  const read = files.map((file) => kept.get(file) ?? freshByFile.get(file)!);

  const { now, ledger } = publication;
  // One pass, in the order read, with no array or map entry per story: an update does this for the whole archive.
  const byPublication: Record<Publication, ParsedFile[]> = { public: [], scheduled: [], 'taken-down': [] };
  const shown: ParsedFile[] = [];
  for (const { parsed } of read) {
    if (!parsed) continue;
    const kind = publicationOf(parsed.article, now);
    byPublication[kind].push(parsed);
    if (kind !== 'scheduled') shown.push(parsed);
  }
  const recordOf = contentPathsIn(contentDir);
  // Which story files exist is asked only for a new story wanting an address the ledger gives a
  // story whose file is gone: rarely, so the set of 100,000 is made only then.
  let existing: Set<string> | undefined;
  const addresses = assignAddresses(
    shown.map(({ file, article }) => ({ file, record: recordOf(file), wanted: wantedUrl(article), aliases: article.aliases ?? [] })),
    ledger,
    { has: (record) => (existing ??= new Set(files.map(recordOf))).has(record) },
  );
  const articles = read.map((loaded) => {
    const found = addresses.issues.get(loaded.file);
    return found ? { ...loaded, issues: byLine([...loaded.issues, ...found]) } : loaded;
  });
  const entry = ({ file, article, photos, key, photoIds }: ParsedFile) => new ArticleEntry(file, article, addresses.urls.get(file)!, photos, key, photoIds, addresses.ids.get(file)!);
  const takenDown = byPublication['taken-down'].map(entry);
  const lifecycle = { takenDown: takenDown.map((gone) => gone.url).sort(), redirects: addresses.redirects, ledger: addresses.ledger };
  const corpus = new Corpus(byPublication.public.map(entry), undefined, lifecycle);
  const scheduled = byPublication.scheduled.sort((a, b) => Date.parse(a.article.date) - Date.parse(b.article.date) || (a.file < b.file ? -1 : 1));

  const errors: string[] = [];
  const warnings: string[] = [];
  for (const { file, issues } of articles) {
    for (const issue of issues) (issue.severity === 'error' ? errors : warnings).push(formatIssue(file, issue));
  }
  return { corpus, sources, knownFiles: identities.seen(), folders: Object.fromEntries(storyFolders), gitFolders, articles, files: read, errors, warnings, takenDown, scheduled };
}

/**
 * Reads every article below the content folder `dir`: what `build` and `serve` start from. An
 * article of `earlier` whose version is unchanged is taken from there without reading it.
 */
export async function loadCorpus(
  dir: string,
  onProgress: (done: number, total: number) => void = () => {},
  cache: ParseCache = new ParseCache(),
  earlier?: EarlierLoad,
  publication?: PublicationInputs,
  tracked: Promise<TrackedFiles> = trackedFiles(dir),
  listing: Promise<ContentListing> = listContent(dir),
): Promise<LoadedCorpus> {
  const { files, names } = await listing;
  // The names of a folder as the listing found them, read again only for a folder it did not see.
  const readNames: FolderReader = (folder) => {
    const listed = names.get(folder);
    return listed ? Promise.resolve(listed) : readFolder(folder);
  };
  return loadFiles(files, dir, onProgress, cache, earlier, publication, tracked, readNames);
}

/** What an earlier build read: its articles, by file, with what each was read from, the files it saw, and its stories' folders' names (`LoadedCorpus.folders`). */
export interface EarlierLoad {
  articles: Readonly<Record<string, { source: ArticleSource; loaded: LoadedArticle }>>;
  files: Readonly<Record<string, KnownFile>>;
  folders?: Readonly<Record<string, string>>;
  gitFolders?: Readonly<Record<string, string>>;
}

/** What an article file was read from: its bytes, and the names beside it that decide its photos and their warnings. */
export interface ArticleSource {
  /** The file's git blob id (`FileIdentities`). */
  id: string;
  /** A digest of the names in its folder that can be its photos or take them from it (`photoNamesOf`). */
  folder: string;
}

/**
 * A digest of the names beside a story that decide its photos (see `matchPhotos`): those starting
 * with the story's name (its images, and stories with longer names that could own them) and the
 * names it lists. Not the whole folder's names: a story added to a section of thousands must not
 * make all of them be read again.
 */
function photoNamesOf(folderNames: FolderReader): PhotoNames {
  const folders = new Map<string, Promise<FolderNames>>();
  const namesIn = (folder: string) => {
    let names = folders.get(folder);
    if (!names) {
      names = folderNames(folder).then((all) => {
        const sorted = [...all].sort();
        return { sorted, present: new Set(all), digest: hash('sha1', sorted.join('\0'), 'hex') };
      });
      folders.set(folder, names);
    }
    return names;
  };
  const digest = async (file: string, listed: readonly string[]) => photoNamesDigest(file, listed, await namesIn(path.dirname(file)));
  return Object.assign(digest, {
    async folders(files: readonly string[]): Promise<StoryFolders> {
      const read = new Map(await Promise.all([...new Set(files.map((file) => path.dirname(file)))].map(async (folder) => [folder, await namesIn(folder)] as const)));
      return {
        digestOf: (file, listed) => photoNamesDigest(file, listed, read.get(path.dirname(file))!),
        folders: new Map([...read].map(([folder, names]) => [folder, names.digest])),
        namesOf: (folder) => read.get(folder)!.sorted,
      };
    },
  });
}

/** The names in one folder, sorted, as a set, and a digest of all of them. */
interface FolderNames {
  sorted: string[];
  present: Set<string>;
  digest: string;
}

/** The folders of many stories, their names read: each story's digest (`photoNamesOf`), and each folder's digest of all its names, by the folder as `path.dirname` gives it. */
interface StoryFolders {
  digestOf(file: string, listed: readonly string[]): string;
  folders: ReadonlyMap<string, string>;
  /** All the names in one of the folders. */
  namesOf(folder: string): readonly string[];
}

/** `photoNamesOf`'s digest of one story's names, and the same for many stories at once, their folders read first. */
type PhotoNames = ((file: string, listed: readonly string[]) => Promise<string>) & {
  folders(files: readonly string[]): Promise<StoryFolders>;
};

function photoNamesDigest(file: string, listed: readonly string[], { sorted, present }: FolderNames): string {
  const name = path.basename(file, path.extname(file));
  const relevant: string[] = [];
  for (let i = firstAtLeast(sorted, name); i < sorted.length && sorted[i]!.startsWith(name); i++) relevant.push(sorted[i]!);
  for (const wanted of listed) relevant.push(`${wanted}${present.has(wanted) ? '' : ' (missing)'}`);
  return hash('sha1', relevant.join('\0'), 'hex');
}

/** The index of the first of the sorted `names` not before `name`. */
function firstAtLeast(names: readonly string[], name: string): number {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (names[middle]! < name) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether each photo file of an article read earlier is as the earlier build saw it (else `withCurrentPhotos` tells). */
function photosUnchanged(loaded: LoadedArticle, identities: FileIdentities): boolean {
  const photos = loaded.parsed?.photos ?? [];
  const ids = loaded.parsed?.photoIds ?? [];
  return photos.every((photo, i) => photo === null || identities.knownId(photo) === ids[i]);
}

/** An article read earlier, with the current version of its photos, whose files may have been replaced since. */
async function withCurrentPhotos(loaded: LoadedArticle, identities: FileIdentities): Promise<LoadedArticle> {
  if (!loaded.parsed || loaded.parsed.photos.every((photo) => photo === null)) return loaded;
  return { ...loaded, parsed: { ...loaded.parsed, photoIds: await photoIdsOf(loaded.parsed.photos, identities) } };
}

/** The version of each photo file (null for a photo without one). */
async function photoIdsOf(photos: readonly (string | null)[], identities: FileIdentities): Promise<(string | null)[]> {
  const found = photos.filter((photo): photo is string => photo !== null);
  const ids = new Map((await identities.of(found)).map((id, i) => [found[i]!, id]));
  return photos.map((photo) => (photo === null ? null : (ids.get(photo) ?? null)));
}
