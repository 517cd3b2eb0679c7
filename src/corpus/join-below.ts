import path from 'node:path';

/**
 * `path.join(folder, name)` for many names below one folder, without normalizing each joined
 * path: a big archive's listing and git's answer are half a million names, and normalizing each
 * took a fifth of a second. Right only for a plain relative `name` (no empty, `.` or `..` part,
 * no leading `/`): the names `readdir` gives, and the paths `git ls-files` prints.
 */
export function joinBelow(folder: string): (name: string) => string {
  const prefix = path.join(folder, '_').slice(0, -1);
  return (name) => prefix + name;
}
