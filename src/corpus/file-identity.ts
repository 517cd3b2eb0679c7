import { createHash } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { FILE_CONCURRENCY, mapConcurrently } from '../concurrency.ts';
import { trackedFiles, type TrackedFiles } from './tracked-files.ts';

/**
 * Which version of a file a build has in hand, named the way git names it (its blob id), so that
 * a build learns it without reading the file whenever git already knows: an archive's photos are
 * gigabytes, and a fresh CI checkout gives every file a new modification time, so neither reading
 * everything nor trusting times would do.
 */

/** The git blob id of `bytes`: what `git hash-object` prints for a file holding them. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** A file as a build saw it: its size, modification time and inode, and its git blob id. */
export interface KnownFile {
  stat: string;
  id: string;
}

/**
 * The git blob ids of files below one folder, keyed as given. A file git holds unchanged
 * (`TrackedFiles`) has git's id, unread and unstat'ed (a fresh checkout gives every file a new
 * modification time, and stat calls on an archive's 250,000 files took two seconds); any other
 * keeps the id an earlier build saw while its stat is the one seen then, else is read and hashed.
 */
export class FileIdentities {
  readonly #tracked: Promise<TrackedFiles>;
  #trackedNow: TrackedFiles | undefined;
  readonly #seen = new Map<string, KnownFile>();

  constructor(
    readonly folder: string,
    readonly earlier: Readonly<Record<string, KnownFile>> = {},
    tracked: Promise<TrackedFiles> = trackedFiles(folder),
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
    const tracked = this.#trackedNow?.id(file);
    if (tracked !== undefined) return tracked;
    const before = this.earlier[file];
    if (!before || statText(file) !== before.stat) return undefined;
    return this.#saw(file, before.stat, before.id);
  }

  async #idOf(file: string): Promise<string | null> {
    const tracked = (await this.#tracked).id(file);
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
