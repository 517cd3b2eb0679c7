import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { FILE_CONCURRENCY, mapConcurrently } from '../concurrency.ts';

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

/**
 * The blob ids git holds for the files below `folder` whose working copy is unchanged since they
 * were committed or added, by absolute path; empty outside a git work tree.
 */
async function cleanTrackedIds(folder: string): Promise<Map<string, string>> {
  const [staged, dirty] = await Promise.all([git(folder, ['ls-files', '-s', '-z']), git(folder, ['ls-files', '-z', '-m', '-o', '--exclude-standard'])]);
  const ids = new Map<string, string>();
  if (staged === null || dirty === null) return ids;
  const changed = new Set(dirty.split('\0').filter(Boolean).map((name) => path.resolve(folder, name)));
  for (const line of staged.split('\0')) {
    // `<mode> <blob id> <stage>\t<path>`; a stage other than 0 is a file in a merge conflict: hashed.
    const match = /^\d+ ([0-9a-f]{40,64}) 0\t(.+)$/s.exec(line);
    if (!match) continue;
    const file = path.resolve(folder, match[2]!);
    if (!changed.has(file)) ids.set(file, match[1]!);
  }
  return ids;
}

/**
 * The git blob ids of files below one folder, keyed as given: from git's index for a file committed
 * or added whose working copy is unchanged, else by reading and hashing the file. Git is asked once,
 * however many times `of` is called.
 */
export class FileIdentities {
  #known: Promise<Map<string, string>> | undefined;

  constructor(readonly folder: string) {}

  /** The id of each of `files`, in order; null for a file that cannot be read. */
  async of(files: readonly string[]): Promise<(string | null)[]> {
    const known = await (this.#known ??= cleanTrackedIds(this.folder));
    return mapConcurrently(files, FILE_CONCURRENCY, async (file) => known.get(path.resolve(file)) ?? readFile(file).then(gitBlobId, () => null));
  }
}
