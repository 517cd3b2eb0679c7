/**
 * Every timed run of the build benchmark starts from the same page cache, where the machine lets
 * us drop it (Linux, root).
 *
 * On the 2-core VM these benchmarks run on, a session of writing and deleting whole sites makes
 * creating files dearer and dearer in kernel time: 2,096 folders with a 15 KB page each took
 * 0.04–0.07 s of system time just after the page cache was dropped, and 0.5–1.1 s after an hour
 * of builds; a drop brought it back at once. The runs of one benchmark drifted the same way
 * (8.8 s rising to 12.8 s over seven rounds), and the full build, which writes 2,100 more pages
 * than its baseline, paid most for it. So the cache is dropped before each run, and what the runs
 * read (see `WarmInputs`) is read back in at once, so that no run pays for cold reads instead.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { loadCorpus } from '../src/corpus/load-corpus.ts';

const DROP_CACHES = '/proc/sys/vm/drop_caches';

/** What every benchmarked command reads: read back after each drop. */
export interface WarmInputs {
  /** Folders read whole: the corpus, the repository's sources and node_modules, and so on. */
  folders: string[];
  /** Article folder whose parse-cache entries are read back the way the build reads them (`loadCorpus`). */
  content: string;
}

/** Why the page cache cannot be dropped here, or null when it can. */
export function pageCacheLock(): string | null {
  if (process.platform !== 'linux') return `only on Linux, not ${process.platform}`;
  try {
    accessSync(DROP_CACHES, constants.W_OK);
    return null;
  } catch {
    return `${DROP_CACHES} is not writable (run as root)`;
  }
}

/** The folders the benchmark's commands read besides their own inputs: the repository, npm (npx) and tsx's compile cache. */
export function toolFolders(repo: string): string[] {
  const npm = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
  const tsxCache = join(os.tmpdir(), `tsx-${os.userInfo().uid}`);
  return [repo, npm, tsxCache];
}

/**
 * Folders never read back: git's objects and the benchmark's own outputs are no command's input, and
 * the parse cache holds every corpus ever built (a gigabyte after the 100,000-article run): the
 * entries a run reads are read back by `loadCorpus` instead.
 */
const SKIPPED = new Set(['.git', '.work', '.cache', '_site', 'test-artifacts']);

/** Reads every regular file under `folder` (skipping `SKIPPED` folders and symlinks); a missing folder reads nothing. */
export function readTree(folder: string): number {
  let bytes = 0;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) bytes += readTree(path);
    else if (entry.isFile()) bytes += readFileSync(path).length;
  }
  return bytes;
}

/** Writes dirty pages back, drops the page cache and reads `inputs` back in. Call only when `pageCacheLock()` is null. */
export async function freshPageCache(inputs: WarmInputs): Promise<void> {
  execFileSync('sync');
  writeFileSync(DROP_CACHES, '1');
  for (const folder of inputs.folders) readTree(folder);
  await loadCorpus(inputs.content);
}
