import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Temporary files and folders carry their owner's process id in their name (`STEM<pid>-…`), so a
 * later run can tell the leftovers of a killed process from the work of one still running: only
 * those whose owner is gone are removed. Two builds may run at once into neighbouring folders.
 */

/** The start of the name of a temporary file or folder owned by this process: pass it to `mkdtemp` or add a unique tail. */
export function ownedPrefix(stem: string): string {
  return `${stem}${process.pid}-`;
}

/** The owner's process id in a name made from `ownedPrefix(stem)`, or undefined when `name` is not one. */
export function ownerOf(name: string, stem: string): number | undefined {
  if (!name.startsWith(stem)) return undefined;
  const match = /^(\d+)-/.exec(name.slice(stem.length));
  return match ? Number(match[1]) : undefined;
}

/** Whether a process with this id exists (one of another user's counts: it cannot be told apart from a live owner). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Names in `dir` made from `ownedPrefix(stem)` by a process that is no longer running, sorted. None when `dir` does not exist. */
export async function orphansIn(dir: string, stem: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => []);
  return names
    .filter((name) => {
      const owner = ownerOf(name, stem);
      return owner !== undefined && owner !== process.pid && !isRunning(owner);
    })
    .sort();
}

/** Removes what killed processes left in `dir` under `stem` (see `orphansIn`); returns how many. */
export async function removeOrphans(dir: string, stem: string): Promise<number> {
  const orphans = await orphansIn(dir, stem);
  await Promise.all(orphans.map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
  return orphans.length;
}
