import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { FILE_CONCURRENCY, mapConcurrently } from '../concurrency.ts';
import { joinBelow } from './join-below.ts';

/**
 * Which version of a file a build has in hand, named the way git names it (its blob id), so that
 * a build learns it without reading the file whenever git already knows: an archive's photos are
 * gigabytes, and a fresh CI checkout gives every file a new modification time, so neither reading
 * everything nor trusting times would do.
 */

const run = promisify(execFile);
/** `git ls-files` of 100,000 files prints a few megabytes. */
const MAX_OUTPUT = 1 << 28;

/** The git blob id of `bytes`: what `git hash-object` prints for a file holding them. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

async function git(folder: string, args: readonly string[]): Promise<string | null> {
  try {
    const { stdout } = await run('git', ['-C', folder, ...args], { maxBuffer: MAX_OUTPUT, encoding: 'utf8' });
    return stdout;
  } catch {
    // Not a work tree, or no git at all: every file is hashed instead.
    return null;
  }
}

/** Blob ids of the files git holds unchanged (see `trackedIds`), by path. */
export type TrackedIds = ReadonlyMap<string, string>;

/**
 * The blob ids git holds for the files below `folder` whose working copy is unchanged since they
 * were committed or added, each keyed by `path.join(folder, its name)`, the form a listed file
 * has; empty outside a git work tree. Git runs in its own process: a build starts it first and
 * reads its state meanwhile.
 */
export async function trackedIds(folder: string): Promise<TrackedIds> {
  // Only the modified files are asked for: an untracked one is not in the staged list anyway, and
  // listing them made git walk every folder and its ignore rules (100,000 stories: 0.26 s of a core).
  const [staged, dirty] = await Promise.all([git(folder, ['ls-files', '-s', '-z']), git(folder, ['ls-files', '-z', '-m'])]);
  const ids = new Map<string, string>();
  if (staged === null || dirty === null) return ids;
  const changed = new Set(dirty.split('\0').filter(Boolean));
  const below = joinBelow(folder);
  for (const line of staged.split('\0')) {
    // `<mode> <blob id> <stage>\t<path>`; a stage other than 0 is a file in a merge conflict: hashed.
    const tab = line.indexOf('\t');
    if (tab < 0 || line[tab - 1] !== '0') continue;
    const id = line.slice(line.indexOf(' ') + 1, tab - 2);
    const name = line.slice(tab + 1);
    if (BLOB_ID.test(id) && !changed.has(name)) ids.set(below(name), id);
  }
  return ids;
}

const BLOB_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** A file as a build saw it: its size, modification time and inode, and its git blob id. */
export interface KnownFile {
  stat: string;
  id: string;
}

/**
 * The git blob ids of files below one folder, keyed as given. A file git holds unchanged
 * (`trackedIds`) has git's id, unread and unstat'ed (a fresh checkout gives every file a new
 * modification time, and stat calls on an archive's 250,000 files took two seconds); any other
 * keeps the id an earlier build saw while its stat is the one seen then, else is read and hashed.
 */
export class FileIdentities {
  readonly #tracked: Promise<TrackedIds>;
  #trackedNow: TrackedIds | undefined;
  readonly #seen = new Map<string, KnownFile>();

  constructor(
    readonly folder: string,
    readonly earlier: Readonly<Record<string, KnownFile>> = {},
    tracked: Promise<TrackedIds> = trackedIds(folder),
  ) {
    this.#tracked = tracked;
  }

  /** The id of each of `files`, in order; null for a file that cannot be read. */
  of(files: readonly string[]): Promise<(string | null)[]> {
    return mapConcurrently(files, FILE_CONCURRENCY, (file) => this.#idOf(file));
  }

  /** Waits for git's ids, which `knownId` gives without waiting. */
  async ready(): Promise<void> {
    this.#trackedNow = await this.#tracked;
  }

  /**
   * Every file asked about so far whose id did not come from git, with its stat and id: the next
   * build's `earlier` (whose state sorts them). Git's ids are not kept: git gives them again, and
   * they were most of a big archive's state (237,000 of its 337,000 records at 100,000 stories).
   */
  seen(): Record<string, KnownFile> {
    return Object.fromEntries(this.#seen);
  }

  /**
   * The id of `file` when it is known without reading anything: git's (once `ready`), or the
   * earlier build's when the stat is the one it saw; undefined when only `of` can tell (it is new
   * or changed, or cannot be read).
   */
  knownId(file: string): string | undefined {
    const tracked = this.#trackedNow?.get(file);
    if (tracked !== undefined) return tracked;
    const before = this.earlier[file];
    if (!before || statText(file) !== before.stat) return undefined;
    return this.#saw(file, before.stat, before.id);
  }

  async #idOf(file: string): Promise<string | null> {
    const tracked = (await this.#tracked).get(file);
    if (tracked !== undefined) return tracked;
    const fileStat = statText(file);
    if (fileStat === null) return null;
    const before = this.earlier[file];
    const id = before?.stat === fileStat ? before.id : await readFile(file).then(gitBlobId, () => null);
    return id === null ? null : this.#saw(file, fileStat, id);
  }

  #saw(file: string, stat: string, id: string): string {
    const before = this.earlier[file];
    // The earlier record itself when nothing changed: outside git, an archive's quarter of a million files are not copied.
    this.#seen.set(file, before?.stat === stat && before.id === id ? before : { stat, id });
    return id;
  }
}

/**
 * What a build records of a file's stat (size, modification time, inode); null when it cannot be
 * read. Synchronous: an archive's stat calls are all local and cached, and through the thread
 * pool they took three times as long (23,500 files: 340 ms against 95 ms).
 */
function statText(file: string): string | null {
  let info: Stats | undefined;
  try {
    info = statSync(file, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  return info ? `${info.size} ${info.mtimeMs} ${info.ino}` : null;
}
