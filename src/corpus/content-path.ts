import path from 'node:path';

/**
 * The path of each file below the content folder `contentDir`, its parts joined by `/`
 * (`thoi-su/bai.txt`): what the address ledger records a story by, and whose first part is the
 * story's section folder. Story files are listed as the content folder's path joined with their
 * names, so most paths are cut from behind that prefix, worked out once for all of them: an update
 * asks for each of an archive's 100,000 stories twice, where `path.relative` (resolving both paths
 * against the working folder) took a second.
 */
export function contentPathsIn(contentDir: string): (file: string) => string {
  const prefix = path.join(contentDir, path.sep);
  const cut = contentDir !== '' && prefix !== `.${path.sep}`;
  const unnormal = UNNORMAL[path.sep === '/' ? 'posix' : 'win32'];
  return (file) => {
    const rest = file.slice(prefix.length);
    const relative = cut && file.startsWith(prefix) && !unnormal.test(rest) ? rest : path.relative(path.resolve(contentDir), path.resolve(file));
    return path.sep === '/' ? relative : relative.split(path.sep).join('/');
  };
}

/** A path that `path.normalize` would change: an empty, `.` or `..` part. */
const UNNORMAL = { posix: /(^|\/)\.{0,2}(\/|$)/, win32: /(^|[\\/])\.{0,2}([\\/]|$)/ };
