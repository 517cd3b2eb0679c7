import path from 'node:path';

/**
 * A file's path below the content folder, its parts joined by `/` (`thoi-su/bai.txt`): what the
 * address ledger records a story by, and whose first part is the story's section folder. Story
 * files are listed as the content folder's path joined with their names, so most paths are cut
 * from behind that prefix: an update asks for all 100,000 of an archive, where `path.relative`
 * (resolving both paths against the working folder) took a second.
 */
export function contentPath(file: string, contentDir: string): string {
  const prefix = path.join(contentDir, path.sep);
  const rest = file.slice(prefix.length);
  const below = contentDir !== '' && prefix !== `.${path.sep}` && file.startsWith(prefix) && !UNNORMAL[path.sep === '/' ? 'posix' : 'win32'].test(rest);
  const relative = below ? rest : path.relative(path.resolve(contentDir), path.resolve(file));
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

/** A path that `path.normalize` would change: an empty, `.` or `..` part. */
const UNNORMAL = { posix: /(^|\/)\.{0,2}(\/|$)/, win32: /(^|[\\/])\.{0,2}([\\/]|$)/ };
